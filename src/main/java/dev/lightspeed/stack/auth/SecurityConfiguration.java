package dev.lightspeed.stack.auth;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lightspeed.stack.authorization.AccessRules;
import dev.lightspeed.stack.config.AuthenticationConfig;
import dev.lightspeed.stack.config.AuthorizationConfig;
import dev.lightspeed.stack.errors.ErrorResponses;
import dev.lightspeed.stack.health.HealthChecks;
import jakarta.servlet.DispatcherType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
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

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	AuthenticationModule authenticationModule(AuthenticationConfig authentication,
			ObjectProvider<ApiKeyVerifier> managedKeys,
			@Value("${lightspeed.jwk-token.audiences:}") List<String> audiences) {
		String module = authentication.module();
		logger.info("Authentication module: {}", module);
		return switch (module) {
			case "noop" -> {
				logger.warn("Authentication is off (noop): every caller may act as any user via ?user_id=");
				yield new NoopAuthenticationModule();
			}
			case "noop-with-token" -> {
				logger
					.warn("Tokens are not verified (noop-with-token): every caller may act as any user via ?user_id=");
				yield new NoopWithTokenAuthenticationModule();
			}
			case "k8s" -> KubernetesAuthenticationModule.create(authentication,
					() -> KubernetesClients.discover(System::getenv), System::getenv);
			case "jwk-token" ->
				JwkTokenAuthenticationModule.create(required(authentication.jwkConfig()), audiences, Clock.systemUTC());
			case "api-key-token" ->
				new ApiKeyAuthenticationModule(required(authentication.apiKeyConfig()), managedKeys.getIfAvailable());
			case "rh-identity" -> new RhIdentityAuthenticationModule(required(authentication.rhIdentityConfig()));
			case "trusted-proxy" ->
				new TrustedProxyAuthenticationModule(required(authentication.trustedProxyConfig()), new TokenReviews(
						KubernetesClients.lazy(authentication, () -> KubernetesClients.discover(System::getenv))));
			default -> throw new IllegalStateException("Unsupported authentication module '" + module + "'");
		};
	}

	@Bean
	HealthChecks authenticationHealth(AuthenticationConfig authentication) {
		return AuthenticationHealth.of(authentication);
	}

	// the configuration loader refuses a module without its section
	private static <T> T required(@Nullable T section) {
		if (section == null) {
			throw new IllegalStateException("The authentication module's configuration section is missing");
		}
		return section;
	}

	// Spring Security would wrap every filter of the chain in an observation; requests
	// are
	// measured once, by the metrics filter and Micrometer's http.server.requests
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationModule module,
			AuthenticationConfig authentication, @Nullable AuthorizationConfig authorization,
			ErrorResponses errorResponses) {
		AccessRules accessRules = AccessRules.of(authorization);
		// with access rules, every endpoint that has an action authenticates, as in LCS
		RequestMatcher authenticated = accessRules.configured()
				? new OrRequestMatcher(protectedEndpoints(), EndpointActions.all()) : protectedEndpoints();
		Map<RequestMatcher, AuthenticationModule> modules = new LinkedHashMap<>();
		modules.put(adminEndpoints(), new AdminAuthenticationModule(authentication.apiKeyConfig()));
		modules.put(authenticated, module);
		http.csrf(AbstractHttpConfigurer::disable)
			.headers((headers) -> headers.withObjectPostProcessor(new WriteHeadersEagerly()))
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new AuthenticationFilter(modules, accessRules, errorResponses), AuthorizationFilter.class)
			.authorizeHttpRequests(
					(requests) -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
						.permitAll()
						.requestMatchers(adminEndpoints(), authenticated)
						.authenticated()
						.anyRequest()
						.permitAll());
		return http.build();
	}

	/**
	 * The routes that run the authentication dependency in LCS 0.2.0 (plus the routes of
	 * LCS 0.3-0.5 this service serves), by method: a wrong method or an unknown sub-path
	 * gets its 405 or 404 before any credential is looked at, as in FastAPI.
	 */
	static RequestMatcher protectedEndpoints() {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		return new OrRequestMatcher(path.matcher(HttpMethod.POST, "/v1/query"),
				path.matcher(HttpMethod.POST, "/v1/streaming_query"), path.matcher(HttpMethod.POST, "/v1/feedback"),
				path.matcher(HttpMethod.GET, "/v1/conversations"),
				path.matcher(HttpMethod.GET, "/v1/conversations/{conversationId}"),
				path.matcher(HttpMethod.DELETE, "/v1/conversations/{conversationId}"),
				path.matcher(HttpMethod.PUT, "/v1/conversations/{conversationId}"),
				path.matcher(HttpMethod.PUT, "/v1/feedback/status"), path.matcher(HttpMethod.GET, "/v2/conversations"),
				path.matcher(HttpMethod.GET, "/v2/conversations/{conversationId}"),
				path.matcher(HttpMethod.PUT, "/v2/conversations/{conversationId}"),
				path.matcher(HttpMethod.DELETE, "/v2/conversations/{conversationId}"),
				path.matcher(HttpMethod.GET, "/v1/shields"), path.matcher(HttpMethod.POST, "/authorized"),
				path.matcher(HttpMethod.POST, "/v1/streaming_query/interrupt"), path.matcher("/v1/vector-stores"),
				path.matcher("/v1/vector-stores/{vectorStoreId}"),
				path.matcher("/v1/vector-stores/{vectorStoreId}/files"),
				path.matcher("/v1/vector-stores/{vectorStoreId}/files/{fileId}"),
				path.matcher(HttpMethod.POST, "/v1/files"), path.matcher(HttpMethod.DELETE, "/v1/files/{fileId}"),
				path.matcher(HttpMethod.GET, "/v1/providers"),
				path.matcher(HttpMethod.GET, "/v1/providers/{providerId}"), path.matcher(HttpMethod.GET, "/v1/tools"),
				path.matcher(HttpMethod.GET, "/v1/rags"), path.matcher(HttpMethod.GET, "/v1/rags/{ragId}"),
				path.matcher("/v1/prompts"), path.matcher("/v1/prompts/{promptId}"),
				path.matcher(HttpMethod.POST, "/v1/responses"), path.matcher(HttpMethod.GET, "/v1/mcp-servers"),
				path.matcher(HttpMethod.POST, "/v1/mcp-servers"),
				path.matcher(HttpMethod.DELETE, "/v1/mcp-servers/{name}"),
				path.matcher(HttpMethod.GET, "/v1/mcp-auth/client-options"));
	}

	/**
	 * The admin API, which only the admin credential opens.
	 */
	static RequestMatcher adminEndpoints() {
		// its methods only: another method is the 405 of any route, not a refused
		// credential
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		return new OrRequestMatcher(path.matcher(HttpMethod.GET, "/v1/admin/api-keys"),
				path.matcher(HttpMethod.POST, "/v1/admin/api-keys"),
				path.matcher(HttpMethod.GET, "/v1/admin/api-keys/{keyId}"),
				path.matcher(HttpMethod.DELETE, "/v1/admin/api-keys/{keyId}"),
				path.matcher(HttpMethod.POST, "/v1/admin/api-keys/{keyId}/rotate"));
	}

	/**
	 * Security headers on the response before the handler runs. Written after it (the
	 * default), they race a stream: the handler hands the response to the relay thread,
	 * which commits it while the request thread, unwinding the filters, adds the headers
	 * to the same, unsynchronised header table. Seen under load as a stream that never
	 * started and a corrupted header table when the stream timed out.
	 */
	private static final class WriteHeadersEagerly implements ObjectPostProcessor<HeaderWriterFilter> {

		@Override
		public <O extends HeaderWriterFilter> O postProcess(O filter) {
			filter.setShouldWriteHeadersEagerly(true);
			return filter;
		}

	}

}
