/**
 * Who is calling: one {@link dev.lightspeed.stack.auth.AuthenticationModule} per
 * {@code authentication.module} value, chosen at start-up, applied to the endpoints that
 * authenticate in LCS 0.2.0.
 */
@NullMarked
package dev.lightspeed.stack.auth;

import org.jspecify.annotations.NullMarked;
