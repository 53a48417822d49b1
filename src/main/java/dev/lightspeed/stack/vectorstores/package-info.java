/**
 * Vector stores: the knowledge a user's questions are answered from
 * ({@code /v1/vector-stores}, LCS 0.5.1).
 */
@NullMarked
package dev.lightspeed.stack.vectorstores;

import org.jspecify.annotations.NullMarked;
