package dev.lightspeed.stack.vectorstores;

import java.util.List;

import dev.lightspeed.stack.support.WebSlice;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

/**
 * What the vector-store and file controllers need in a {@code @WebMvcTest}: the access
 * rule and the upload reader for real, the owners in memory, every unowned store shared
 * and uploads limited to 1 KB.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ WebSlice.class, VectorStoreAccess.class, FileUploads.class })
class KnowledgeSlice {

	static final int MAX_UPLOAD = 1024;

	@Bean
	InMemoryKnowledgeOwners knowledgeOwners() {
		return new InMemoryKnowledgeOwners();
	}

	@Bean
	KnowledgeProperties knowledgeProperties() {
		return new KnowledgeProperties(List.of("vs_shared"), DataSize.ofBytes(MAX_UPLOAD));
	}

}
