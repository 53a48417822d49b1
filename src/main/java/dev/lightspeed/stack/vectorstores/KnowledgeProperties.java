package dev.lightspeed.stack.vectorstores;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Service knobs for vector stores and files (set in {@code application.properties} or as
 * environment variables, e.g.
 * {@code LIGHTSPEED_KNOWLEDGE_SHARED_VECTOR_STORES=vs_a,vs_b}).
 *
 * @param sharedVectorStores the vector stores not created through this service that every
 * user may list, read and search but nobody may change here; {@code *} (the default) is
 * every such store, as LCS uses every store Llama Stack has; empty is none
 * @param maxUploadSize the largest file {@code POST /v1/files} takes (LCS 0.5.1: 100 MB)
 */
@ConfigurationProperties("lightspeed.knowledge")
record KnowledgeProperties(@DefaultValue("*") List<String> sharedVectorStores,
		@DefaultValue("100MB") DataSize maxUploadSize) {

	boolean shared(String vectorStoreId) {
		return this.sharedVectorStores.contains("*") || this.sharedVectorStores.contains(vectorStoreId);
	}

}
