package dev.lightspeed.stack.auth;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs the module guarding a request's endpoint (the configured module on the endpoints
 * that authenticate in LCS 0.2.0, the admin credential on the admin API) and puts the
 * caller in the security context; a failure is answered here with the module's status and
 * {@code detail}.
 */
class AuthenticationFilter extends OncePerRequestFilter {

	private final Map<RequestMatcher, AuthenticationModule> modules;

	private final ErrorResponses errorResponses;

	/**
	 * @param modules the module of each group of endpoints; the first that matches a
	 * request runs
	 */
	AuthenticationFilter(Map<RequestMatcher, AuthenticationModule> modules, ErrorResponses errorResponses) {
		this.modules = new LinkedHashMap<>(modules);
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
			user = Objects.requireNonNull(module(request)).authenticate(request);
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

}
