package dev.lightspeed.stack.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.lightspeed.stack.config.RhIdentityConfig;
import dev.lightspeed.stack.errors.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code rh-identity}: the three identity types, the size limit, the entitlement check
 * and every malformed header LCS 0.7 refuses.
 */
class RhIdentityAuthenticationTests {

	static final String USER = """
			{"identity":{"type":"User","org_id":"o1","user":{"user_id":"u-42","username":"jdoe"}},
			 "entitlements":{"rhel":{"is_entitled":true},"ansible":{"is_entitled":false}}}""";

	private final AuthenticationModule module = new RhIdentityAuthenticationModule(
			new RhIdentityConfig(List.of(), null));

	@Test
	void userIdentityShouldGiveUserIdAndName() {
		assertThat(this.module.authenticate(request(encode(USER))))
			.isEqualTo(new AuthenticatedUser("u-42", "jdoe", false, ""));
	}

	@Test
	void systemIdentityShouldBeItsCertificateNamedByAccountOrCn() {
		assertThat(this.module.authenticate(request(encode("""
				{"identity":{"type":"System","org_id":"o1","account_number":"a-7","system":{"cn":"c-1"}}}"""))))
			.isEqualTo(new AuthenticatedUser("c-1", "a-7", false, ""));
		assertThat(this.module.authenticate(request(encode("""
				{"identity":{"type":"System","org_id":"o1","account_number":"","system":{"cn":"c-1"}}}"""))))
			.isEqualTo(new AuthenticatedUser("c-1", "c-1", false, ""));
	}

	@Test
	void serviceAccountIdentityShouldBeItsClientId() {
		assertThat(this.module.authenticate(request(encode("""
				{"identity":{"type":"ServiceAccount","service_account":{"client_id":"svc-9","username":"bot"}}}"""))))
			.isEqualTo(new AuthenticatedUser("svc-9", "bot", false, ""));
	}

	@Test
	void missingHeaderShouldBe401() {
		assertRefused(new MockHttpServletRequest(), 401, "Missing x-rh-identity header");
		assertRefused(request(""), 401, "Missing x-rh-identity header");
	}

	@Test
	void headerOverTheLimitShouldBe400BeforeDecoding() {
		AuthenticationModule small = new RhIdentityAuthenticationModule(new RhIdentityConfig(List.of(), 64));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> small.authenticate(request(encode(USER))))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo("x-rh-identity header exceeds maximum allowed size"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> small.authenticate(request("!".repeat(65))))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo("x-rh-identity header exceeds maximum allowed size"));
	}

	@Test
	void headerThatIsNotBase64OrUtf8ShouldBe400() {
		assertRefused(request("not base64!"), 400, "Invalid base64 encoding in x-rh-identity header");
		assertRefused(request(Base64.getEncoder().encodeToString(new byte[] { (byte) 0xC3, (byte) 0x28 })), 400,
				"Invalid base64 encoding in x-rh-identity header");
	}

	@Test
	void headerThatIsNotJsonShouldBe400() {
		assertRefused(request(encode("{identity:")), 400, "Invalid JSON in x-rh-identity header");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "[]", "{\"identity\":null}", "{\"identity\":\"User\"}", "{\"identity\":{}}",
			"{\"identity\":{\"type\":\"Admin\"}}", "{\"identity\":{\"type\":\"User\"}}",
			"{\"identity\":{\"type\":\"User\",\"user\":{\"user_id\":\"u\"}}}",
			"{\"identity\":{\"type\":\"User\",\"user\":{\"user_id\":42,\"username\":\"x\"}}}",
			"{\"identity\":{\"type\":\"User\",\"user\":{\"user_id\":\"  \",\"username\":\"x\"}}}",
			"{\"identity\":{\"type\":\"User\",\"user\":{\"user_id\":\"a\\u0000b\",\"username\":\"x\"}}}",
			"{\"identity\":{\"type\":\"User\",\"org_id\":7,\"user\":{\"user_id\":\"u\",\"username\":\"x\"}}}",
			"{\"identity\":{\"type\":\"System\",\"system\":{\"cn\":\"c\"}}}",
			"{\"identity\":{\"type\":\"System\",\"org_id\":\"o\",\"system\":{}}}",
			"{\"identity\":{\"type\":\"ServiceAccount\",\"service_account\":{\"client_id\":\"c\"}}}" })
	void malformedIdentityShouldBe400WithoutSayingWhy(String json) {
		assertRefused(request(encode(json)), 400, "Invalid identity data");
	}

	@Test
	void userIdLongerThan256CharactersShouldBe400() {
		assertRefused(request(encode("{\"identity\":{\"type\":\"User\",\"user\":{\"user_id\":\"" + "u".repeat(257)
				+ "\",\"username\":\"x\"}}}")), 400, "Invalid identity data");
	}

	@Test
	void requiredEntitlementsShouldAllBeHeldAsTrue() {
		AuthenticationModule rhel = new RhIdentityAuthenticationModule(new RhIdentityConfig(List.of("rhel"), null));
		assertThat(rhel.authenticate(request(encode(USER))).userId()).isEqualTo("u-42");
		for (List<String> required : List.of(List.of("rhel", "ansible"), List.of("openshift"))) {
			AuthenticationModule strict = new RhIdentityAuthenticationModule(new RhIdentityConfig(required, null));
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> strict.authenticate(request(encode(USER))))
				.satisfies((ex) -> {
					assertThat(ex.status().value()).isEqualTo(403);
					assertThat(ex.detail()).isEqualTo("Insufficient entitlements");
				});
		}
		assertRefused(rhel, request(encode(USER.replace("true", "\"yes\""))), 403, "Insufficient entitlements");
	}

	private void assertRefused(MockHttpServletRequest request, int status, String detail) {
		assertRefused(this.module, request, status, detail);
	}

	private static void assertRefused(AuthenticationModule module, MockHttpServletRequest request, int status,
			String detail) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> module.authenticate(request)).satisfies((ex) -> {
			assertThat(ex.status().value()).isEqualTo(status);
			assertThat(ex.detail()).isEqualTo(detail);
		});
	}

	static String encode(String json) {
		return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static MockHttpServletRequest request(String identity) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/query");
		request.addHeader("x-rh-identity", identity);
		return request;
	}

}
