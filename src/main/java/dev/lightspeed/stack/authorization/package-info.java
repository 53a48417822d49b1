/**
 * What a caller may do (LCS 0.3.0's role-based access control): the roles a JWT's claims
 * give ({@link dev.lightspeed.stack.authorization.JwtRoleRules}) and the actions roles
 * grant ({@link dev.lightspeed.stack.authorization.AccessRules}).
 */
@NullMarked
package dev.lightspeed.stack.authorization;

import org.jspecify.annotations.NullMarked;
