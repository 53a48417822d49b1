package dev.lightspeed.stack.auth;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lightspeed.stack.authorization.AccessRules;
import dev.lightspeed.stack.config.Action;
import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorResponses;
import dev.lightspeed.stack.storage.Identifiers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs the module guarding a request's endpoint (the configured module on the endpoints
 * that authenticate, the admin credential on the admin API), works out what the caller
 * may do and checks the endpoint's action, then puts the caller in the security context.
 * A failure is answered here: the module's status and {@code detail}, or LCS's 403 for an
 * action the caller's roles do not grant. A user id that cannot be stored (empty, over
 * 255 characters, control characters: {@code ?user_id=} of the noop modules, a token's
 * claim) is refused here, before any work is done for it, rather than failing once Llama
 * Stack has answered.
 */
class AuthenticationFilter extends OncePerRequestFilter {

	private final Map<RequestMatcher, AuthenticationModule> modules;

	private final AccessRules accessRules;

	private final ErrorResponses errorResponses;

	/**
	 * @param modules the module of each group of endpoints; the first that matches a
	 * request runs
	 * @param accessRules what roles may do
	 */
	AuthenticationFilter(Map<RequestMatcher, AuthenticationModule> modules, AccessRules accessRules,
			ErrorResponses errorResponses) {
		this.modules = new LinkedHashMap<>(modules);
		this.accessRules = accessRules;
		this.errorResponses = errorResponses;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return module(request) == null;
	}

	private @Nullable AuthenticationModule module(HttpServletRequest request) {
		for (Map.Entry<RequestMatcher, AuthenticationModule> entry : this.modules.entrySet()) {
			if (entry.getKey().matches(request)) {
				return entry.getValue();
			}
		}
		return null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		AuthenticatedUser user;
		try {
			AuthenticatedUser authenticated = Objects.requireNonNull(module(request)).authenticate(request);
			requireStorable(authenticated.userId());
			user = authorized(authenticated, request);
		}
		catch (ApiException ex) {
			// The body was never read: the server cannot reuse the connection, and says
			// so, or a client sending its next request on it finds it closed.
			if (request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
				response.setHeader(HttpHeaders.CONNECTION, "close");
			}
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

	private AuthenticatedUser authorized(AuthenticatedUser authenticated, HttpServletRequest request) {
		AuthenticatedUser user = authenticated.withActions(this.accessRules.actions(authenticated.roles()));
		Action action = EndpointActions.of(request);
		if (action != null && !user.may(action) && !openWithoutRules(action)) {
			logger.info("User " + user.userId() + " may not " + action.configName() + " (roles " + user.roles() + ")");
			throw ApiException.of(HttpStatus.FORBIDDEN, "User does not have permission to access this endpoint",
					"User " + user.userId() + " is not authorized to access this endpoint.");
		}
		return user;
	}

	// the instance-wide switches (admin) are every caller's until access rules name who
	// holds them, as in LCS without an authorization section
	private boolean openWithoutRules(Action action) {
		return action == Action.ADMIN && !this.accessRules.configured();
	}

	private static void requireStorable(String userId) {
		if (!Identifiers.isStorable(userId)) {
			throw ApiException.of(HttpStatus.BAD_REQUEST, "Invalid user ID",
					"A user ID must have 1 to " + Identifiers.MAX_LENGTH + " characters and no control characters: '"
							+ Identifiers.printable(userId) + "'");
		}
	}

}
