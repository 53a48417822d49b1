package dev.lightspeed.stack.auth;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

/**
 * A Kubernetes API server as far as the {@code k8s} module sees it, answering with bodies
 * shaped like those of a real cluster.
 */
public final class KubernetesStubs {

	static final String TOKEN_REVIEWS = "/apis/authentication.k8s.io/v1/tokenreviews";

	static final String ACCESS_REVIEWS = "/apis/authorization.k8s.io/v1/subjectaccessreviews";

	static final String CLUSTER_VERSION = "/apis/config.openshift.io/v1/clusterversions/version";

	private KubernetesStubs() {
	}

	public static void tokenReview(WireMockServer server, String token, String username, String uid) {
		server.stubFor(post(TOKEN_REVIEWS).withRequestBody(matchingJsonPath("$.spec.token", equalTo(token)))
			.willReturn(okJson("""
					{"kind":"TokenReview","apiVersion":"authentication.k8s.io/v1",
					 "metadata":{"creationTimestamp":null},
					 "spec":{"token":"%s","audiences":["https://kubernetes.default.svc"]},
					 "status":{"authenticated":true,
					  "user":{"username":"%s","uid":"%s",
					   "groups":["system:authenticated:oauth","system:authenticated"],
					   "extra":{"scopes.authorization.openshift.io":["user:full"]}},
					  "audiences":["https://kubernetes.default.svc"]}}
					""".formatted(token, username, uid))));
	}

	static void tokenRejected(WireMockServer server, String token) {
		server.stubFor(post(TOKEN_REVIEWS).withRequestBody(matchingJsonPath("$.spec.token", equalTo(token)))
			.willReturn(okJson("""
					{"kind":"TokenReview","apiVersion":"authentication.k8s.io/v1",
					 "metadata":{"creationTimestamp":null},
					 "spec":{"token":"%s"},
					 "status":{"user":{},"error":"[invalid bearer token, token lookup failed]"}}
					""".formatted(token))));
	}

	public static void accessReview(WireMockServer server, String username, boolean allowed) {
		String status = allowed
				? "{\"allowed\":true,\"reason\":\"RBAC: allowed by ClusterRoleBinding \\\"ls-access\\\" of ClusterRole \\\"ls-access\\\" to User \\\"%s\\\"\"}"
					.formatted(username)
				: "{\"allowed\":false}";
		server.stubFor(post(ACCESS_REVIEWS).withRequestBody(matchingJsonPath("$.spec.user", equalTo(username)))
			.willReturn(okJson("""
					{"kind":"SubjectAccessReview","apiVersion":"authorization.k8s.io/v1",
					 "metadata":{"creationTimestamp":null},
					 "spec":{"nonResourceAttributes":{"path":"/ls-access","verb":"get"},"user":"%s",
					  "groups":["system:authenticated:oauth","system:authenticated"]},
					 "status":%s}
					""".formatted(username, status))));
	}

	static void clusterVersion(WireMockServer server, String clusterId) {
		server.stubFor(get(CLUSTER_VERSION).willReturn(okJson("""
				{"apiVersion":"config.openshift.io/v1","kind":"ClusterVersion",
				 "metadata":{"name":"version","resourceVersion":"1234"},
				 "spec":{"channel":"stable-4.16","clusterID":"%s"},
				 "status":{"desired":{"version":"4.16.3"}}}
				""".formatted(clusterId))));
	}

}
