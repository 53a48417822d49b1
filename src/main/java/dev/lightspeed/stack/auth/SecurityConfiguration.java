package dev.lightspeed.stack.auth;

import dev.lightspeed.stack.config.LightspeedConfiguration;
import dev.lightspeed.stack.errors.ErrorResponses;
import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain: the configured {@link AuthenticationModule} guards the endpoints that
 * authenticate in LCS 0.2.0; everything else is open. Async and error dispatches pass, so
 * a stream is not cut off after its first byte.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	@Bean
	AuthenticationModule authenticationModule(LightspeedConfiguration configuration) {
		String module = configuration.authentication().module();
		return switch (module) {
			case "noop" -> new NoopAuthenticationModule();
			default -> throw new IllegalStateException("authentication module '" + module + "' is not available yet");
		};
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationModule module,
			ErrorResponses errorResponses) {
		http.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new AuthenticationFilter(module, protectedEndpoints(), errorResponses),
					AuthorizationFilter.class)
			.authorizeHttpRequests(
					(requests) -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
						.permitAll()
						.anyRequest()
						.permitAll());
		return http.build();
	}

	static RequestMatcher protectedEndpoints() {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		return new OrRequestMatcher(path.matcher("/v1/query"), path.matcher("/v1/streaming_query"),
				path.matcher(HttpMethod.POST, "/v1/feedback"), path.matcher("/v1/conversations"),
				path.matcher("/v1/conversations/**"), path.matcher("/v2/conversations"),
				path.matcher("/v2/conversations/**"), path.matcher("/authorized"));
	}

}
