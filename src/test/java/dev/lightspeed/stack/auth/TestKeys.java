package dev.lightspeed.stack.auth;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Keys and tokens minted by the tests; the JWK set holds the public halves of
 * {@link #RSA} and {@link #EC}.
 */
public final class TestKeys {

	static final RSAKey RSA = generateRsa("rsa-1");

	static final ECKey EC = generateEc("ec-1");

	/** Not in the JWK set, but announcing the kid of {@link #RSA}. */
	static final RSAKey IMPOSTOR = generateRsa("rsa-1");

	/** Published only by {@link #rotatedJwkSet()}. */
	static final RSAKey ROTATED = generateRsa("rsa-2");

	private TestKeys() {
	}

	public static String jwkSet() {
		return new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK())).toString();
	}

	static String rotatedJwkSet() {
		return new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK(), ROTATED.toPublicJWK())).toString();
	}

	public static Map<String, Object> claims() {
		Instant now = Instant.now();
		return Map.of("user_id", "u-42", "username", "alice", "exp", now.plusSeconds(300).getEpochSecond(), "iat",
				now.getEpochSecond());
	}

	public static String rs256(Map<String, Object> claims) {
		return sign(JWSAlgorithm.RS256, RSA.getKeyID(), claims, signer(RSA));
	}

	static String es256(Map<String, Object> claims) {
		return sign(JWSAlgorithm.ES256, EC.getKeyID(), claims, signer(EC));
	}

	static String sign(JWSAlgorithm algorithm, String keyId, Map<String, Object> claims, JWSSigner signer) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claimsSet(claims));
			jwt.sign(signer);
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String unsigned(Map<String, Object> claims) {
		return new PlainJWT(claimsSet(claims)).serialize();
	}

	/** HS256 keyed with the published RSA public key: the classic algorithm confusion. */
	static String hmacWithPublicKey(Map<String, Object> claims) {
		try {
			return sign(JWSAlgorithm.HS256, RSA.getKeyID(), claims, new MACSigner(RSA.toRSAPublicKey().getEncoded()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JWSSigner signer(RSAKey key) {
		try {
			return new RSASSASigner(key);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JWSSigner signer(ECKey key) {
		try {
			return new ECDSASigner(key);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JWTClaimsSet claimsSet(Map<String, Object> claims) {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
		claims.forEach((name, value) -> builder.claim(name, switch (name) {
			case "exp", "nbf", "iat" -> Date.from(Instant.ofEpochSecond((Long) value));
			default -> value;
		}));
		return builder.build();
	}

	private static RSAKey generateRsa(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).algorithm(JWSAlgorithm.RS256).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ECKey generateEc(String keyId) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(keyId).algorithm(JWSAlgorithm.ES256).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
