/**
 * What the service is: the root page, {@code /v1/info}, {@code /v1/config} (secrets
 * masked), and the OpenAPI document with Swagger UI.
 */
@NullMarked
package dev.lightspeed.stack.info;

import org.jspecify.annotations.NullMarked;
