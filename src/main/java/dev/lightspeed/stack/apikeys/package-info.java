/**
 * API keys kept in the database (ORBIT's model): issued, listed, rotated and revoked
 * through the admin API and the command line, each key standing for a user with roles, a
 * system prompt and limits of its own. Only a key's SHA-256 is stored; the key itself is
 * shown once.
 */
@NullMarked
package dev.lightspeed.stack.apikeys;

import org.jspecify.annotations.NullMarked;
