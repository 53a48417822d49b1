package dev.lightspeed.stack.auth;

import java.io.IOException;
import java.util.List;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorResponses;
import dev.lightspeed.stack.storage.Identifiers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs the configured module on the endpoints that authenticate in LCS 0.2.0 and puts the
 * caller in the security context; a failure is answered here with the module's status and
 * {@code detail}. A user id that cannot be stored (empty, over 255 characters, control
 * characters: {@code ?user_id=} of the noop modules, a token's claim) is refused here,
 * before any work is done for it, rather than failing once Llama Stack has answered.
 */
class AuthenticationFilter extends OncePerRequestFilter {

	private final AuthenticationModule module;

	private final RequestMatcher protectedEndpoints;

	private final ErrorResponses errorResponses;

	AuthenticationFilter(AuthenticationModule module, RequestMatcher protectedEndpoints,
			ErrorResponses errorResponses) {
		this.module = module;
		this.protectedEndpoints = protectedEndpoints;
		this.errorResponses = errorResponses;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.protectedEndpoints.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		AuthenticatedUser user;
		try {
			user = this.module.authenticate(request);
			requireStorable(user.userId());
		}
		catch (ApiException ex) {
			this.errorResponses.write(response, ex);
			return;
		}
		catch (RuntimeException ex) {
			// A module bug must not become a stack trace page; modules never put the
			// token
			// in exception messages.
			logger.error("Authentication failed unexpectedly", ex);
			this.errorResponses.write(response, ApiException.of(HttpStatus.INTERNAL_SERVER_ERROR,
					"Internal server error", "Authentication failed unexpectedly"));
			return;
		}
		var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static void requireStorable(String userId) {
		if (!Identifiers.isStorable(userId)) {
			throw ApiException.of(HttpStatus.BAD_REQUEST, "Invalid user ID",
					"A user ID must have 1 to " + Identifiers.MAX_LENGTH + " characters and no control characters: '"
							+ Identifiers.printable(userId) + "'");
		}
	}

}
