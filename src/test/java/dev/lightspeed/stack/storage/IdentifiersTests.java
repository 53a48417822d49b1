package dev.lightspeed.stack.storage;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class IdentifiersTests {

	/** Ids the authentication modules really produce, and where LCS 0.2.0 files them. */
	static Stream<Arguments> realIds() {
		return Stream.of(arguments("noop default", "00000000-0000-0000-0000-000", "00000000-0000-0000-0000-000"),
				arguments("conversation id", "123e4567-e89b-12d3-a456-426614174000",
						"123e4567-e89b-12d3-a456-426614174000"),
				arguments("Backstage guest", "user:default/guest", "user:default/guest"),
				arguments("Backstage user", "user:development/jane.doe", "user:development/jane.doe"),
				arguments("k8s service account", "system:serviceaccount:ns:name", "system:serviceaccount:ns:name"),
				arguments("k8s uid", "a3f6c1e2-55f4-4b0e-9f59-2c1e0f3b7d11", "a3f6c1e2-55f4-4b0e-9f59-2c1e0f3b7d11"),
				arguments("k8s kube:admin outside a cluster", "local", "local"),
				arguments("JWT e-mail", "jane.doe@example.com", "jane.doe@example.com"),
				arguments("JWT URL", "https://idp.example.com/users/42", "https:/idp.example.com/users/42"),
				arguments("JWT Auth0 subject", "auth0|5f7c8ec7c33c6c004bbafe82", "auth0|5f7c8ec7c33c6c004bbafe82"),
				arguments("JWT distinguished name", "CN=Jane Doe,OU=People", "CN=Jane Doe,OU=People"),
				arguments("Windows account", "CORP\\jane", "CORP\\jane"),
				arguments("non-ASCII", "jos\u00e9@example.com", "jos\u00e9@example.com"));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("realIds")
	void realIdsAreLaidOutAsLcsLaysThemOut(String kind, String id, String path) {
		assertThat(Identifiers.relativePath(id)).hasValue(path);
	}

	/**
	 * Odd ids: as LCS 0.2.0 normalises them, or refused (empty) where it fails or climbs.
	 */
	static Stream<Arguments> oddIds() {
		return Stream.of(arguments("absolute", "/etc/passwd", "etc/passwd"),
				arguments("two leading slashes", "//etc", "etc"), arguments("three leading slashes", "///etc", "etc"),
				arguments("double slash", "a//b", "a/b"), arguments("dot segment", "./a/./b", "a/b"),
				arguments("trailing slash", "a/", "a"), arguments("three dots", "...", "..."),
				arguments("backslashes", "a\\..\\b", "a\\..\\b"), arguments("dot in a name", ".hidden", ".hidden"),
				arguments("parent", "..", null), arguments("climbing", "../../etc", null),
				arguments("climbing from inside", "a/../../x", null), arguments("into another user", "a/../b", null),
				arguments("empty", "", null), arguments("dot", ".", null), arguments("slash", "/", null),
				arguments("slashes and dots", "/./", null), arguments("NUL", "a\u0000b", null),
				arguments("LF", "a\nb", null), arguments("CR", "a\rb", null), arguments("DEL", "a\u007fb", null),
				arguments("C1 control", "a\u0085b", null), arguments("255 bytes", "x".repeat(255), "x".repeat(255)),
				arguments("256 bytes", "x".repeat(256), null),
				arguments("254 bytes of UTF-8", "\u00e9".repeat(127), "\u00e9".repeat(127)),
				arguments("256 bytes of UTF-8", "\u00e9".repeat(128), null),
				arguments("one long segment of several", "a/" + "x".repeat(256), null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oddIds")
	void oddIdsAreNormalisedAsLcsDoesOrRefused(String kind, String id, String path) {
		if (path == null) {
			assertThat(Identifiers.relativePath(id)).isEmpty();
		}
		else {
			assertThat(Identifiers.relativePath(id)).hasValue(path);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource({ "realIds", "oddIds" })
	void whatIsAcceptedStaysBelowTheRoot(String kind, String id, String expected) {
		Path root = Path.of("/srv/transcripts");
		Identifiers.relativePath(id).ifPresent((relative) -> {
			Path resolved = root.resolve(relative).normalize();
			assertThat(resolved).startsWithRaw(root).isNotEqualTo(root);
			assertThat(root.relativize(resolved).toString()).isEqualTo(relative);
		});
	}

	@Test
	void storableIdsAreLimitedInLengthAndFreeOfControlCharacters() {
		assertThat(Identifiers.isStorable("x".repeat(255))).isTrue();
		assertThat(Identifiers.isStorable("x".repeat(256))).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> Identifiers.requireStorable("user id", "a\u0000b"))
			.withMessage("Invalid user id: a\\u0000b");
	}

}
