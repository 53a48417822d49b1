package dev.lightspeed.stack.auth;

import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import dev.lightspeed.stack.authorization.JwtRoleRules;
import dev.lightspeed.stack.config.AuthenticationConfig.JwkConfig;
import dev.lightspeed.stack.config.AuthenticationConfig.JwtConfiguration;
import dev.lightspeed.stack.errors.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * {@code jwk-token}: a JWT signed by one of the keys of the JWK set at
 * {@code jwk_config.url}; the user id and name come from the configured claims, which
 * must be strings. With {@code lightspeed.jwk-token.audiences} set, the token's
 * {@code aud} must name one of them.
 */
class JwkTokenAuthenticationModule implements AuthenticationModule {

	private static final Logger logger = LoggerFactory.getLogger(JwkTokenAuthenticationModule.class);

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	private final JwtDecoder decoder;

	private final String userIdClaim;

	private final String usernameClaim;

	private final String jwkSetUrl;

	private final JwtRoleRules roleRules;

	JwkTokenAuthenticationModule(JwtDecoder decoder, JwtConfiguration claims, String jwkSetUrl) {
		this.decoder = decoder;
		this.jwkSetUrl = jwkSetUrl;
		this.userIdClaim = claims.userIdClaim();
		this.usernameClaim = claims.usernameClaim();
		this.roleRules = JwtRoleRules.of(claims.roleRules());
	}

	static JwkTokenAuthenticationModule create(JwkConfig config, List<String> audiences, Clock clock) {
		// Every asymmetric JWS algorithm, matched against the key type (and alg, when the
		// JWK names one) of the JWK set. No HMAC: a verifier that accepted HS256 could be
		// fooled with the public key used as the shared secret.
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(config.url())
			.jwsAlgorithms((algorithms) -> algorithms.addAll(EnumSet.allOf(SignatureAlgorithm.class)))
			.restOperations(jwkSetClient())
			.build();
		JwtTimestampRules timestamps = new JwtTimestampRules(clock);
		decoder.setJwtValidator(audiences.isEmpty() ? timestamps
				: new DelegatingOAuth2TokenValidator<>(timestamps, new JwtClaimValidator<List<String>>(
						JwtClaimNames.AUD, (aud) -> aud != null && !Collections.disjoint(aud, audiences))));
		return new JwkTokenAuthenticationModule(decoder, config.jwtConfiguration(), config.url());
	}

	static RestTemplate jwkSetClient() {
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
		requestFactory.setReadTimeout(READ_TIMEOUT);
		return new RestTemplate(requestFactory);
	}

	@Override
	public AuthenticatedUser authenticate(HttpServletRequest request) {
		String token = BearerToken.from(request);
		JWT parsed = requireSigned(token);
		Jwt jwt;
		try {
			jwt = this.decoder.decode(token);
		}
		catch (JwtException ex) {
			ApiException failure = JwtFailures.classify(ex);
			if (failure.status().is5xxServerError()) {
				logger.warn("Cannot verify a token, JWK set {} unusable: {}", this.jwkSetUrl, rootCause(ex));
			}
			else {
				logger.debug("Token rejected: {}", ex.getMessage());
			}
			throw failure;
		}
		return new AuthenticatedUser(claim(jwt, this.userIdClaim), claim(jwt, this.usernameClaim), false, token,
				roles(parsed), null);
	}

	// the claims as the token has them (Spring's Jwt converts some, exp to an Instant)
	private Set<String> roles(JWT token) {
		try {
			return this.roleRules.roles(token.getJWTClaimsSet().toJSONObject());
		}
		catch (ParseException ex) {
			throw ApiException.text(HttpStatus.BAD_REQUEST, JwtFailures.DECODE_ERROR);
		}
	}

	// The decoder refuses an unsigned token too, but without a cause to classify; LCS
	// finds no key for alg "none".
	private static JWT requireSigned(String token) {
		JWT parsed;
		try {
			parsed = JWTParser.parse(token);
		}
		catch (ParseException ex) {
			throw ApiException.text(HttpStatus.BAD_REQUEST, JwtFailures.DECODE_ERROR);
		}
		if (parsed instanceof PlainJWT) {
			throw ApiException.text(HttpStatus.UNAUTHORIZED, JwtFailures.UNKNOWN_KEY);
		}
		if (parsed instanceof EncryptedJWT) {
			throw ApiException.text(HttpStatus.BAD_REQUEST, JwtFailures.DECODE_ERROR);
		}
		return parsed;
	}

	private static String rootCause(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.toString();
	}

	private static String claim(Jwt jwt, String name) {
		Object value = jwt.getClaims().get(name);
		if (value == null) {
			throw ApiException.text(HttpStatus.UNAUTHORIZED, "Token missing claim: " + name);
		}
		if (!(value instanceof String text)) {
			// an object or a list would become a user id such as "{a=1}"
			throw ApiException.text(HttpStatus.UNAUTHORIZED, "Token claim " + name + " is not a string");
		}
		return text;
	}

}
