package dev.lightspeed.stack.config;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The {@code user_data_collection.data_collector} section: the built-in periodic uploader
 * of feedback and transcript files to an ingress server, in the dataverse exporter's wire
 * format.
 *
 * @param enabled whether the uploader runs
 * @param ingressServerUrl where archives are posted
 * @param ingressServerAuthToken bearer token for the ingress server
 * @param ingressContentServiceName service name used in the archive's content type
 * @param collectionInterval seconds between uploads
 * @param cleanupAfterSend whether files are deleted after a successful upload
 * @param connectionTimeoutSeconds connect and read timeout of an upload
 */
public record DataCollectorConfig(Boolean enabled,
		@JsonProperty("ingress_server_url") @HttpUrl @Nullable String ingressServerUrl,
		@JsonProperty("ingress_server_auth_token") @JsonSerialize(
				using = SecretSerializer.class) @Nullable String ingressServerAuthToken,
		@JsonProperty("ingress_content_service_name") @Nullable String ingressContentServiceName,
		@JsonProperty("collection_interval") @Schema(minimum = "1") Integer collectionInterval,
		@JsonProperty("cleanup_after_send") Boolean cleanupAfterSend,
		// also accepted under its shorter name (docs/configuration.md)
		@JsonProperty("connection_timeout_seconds") @JsonAlias("connection_timeout") @Schema(
				minimum = "1") Integer connectionTimeoutSeconds)
		implements
			CrossChecked {

	public DataCollectorConfig {
		enabled = (enabled != null) ? enabled : false;
		collectionInterval = (collectionInterval != null) ? collectionInterval : 7200;
		cleanupAfterSend = (cleanupAfterSend != null) ? cleanupAfterSend : true;
		connectionTimeoutSeconds = (connectionTimeoutSeconds != null) ? connectionTimeoutSeconds : 30;
	}

	@Override
	public void crossCheck(SectionCheck section) {
		if (this.enabled) {
			section.check(this.ingressServerUrl != null, "ingress_server_url",
					"ingress_server_url is required when data archival is enabled");
			section.check(this.ingressServerAuthToken != null, "ingress_server_auth_token",
					"ingress_server_auth_token is required when data archival is enabled");
			section.check(this.ingressContentServiceName != null, "ingress_content_service_name",
					"ingress_content_service_name is required when data archival is enabled");
		}
	}

}
