package dev.lightspeed.stack.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The service started for a test class, with one document about scaling in a vector store
 * of the running Llama Stack that the service finds by itself; both gone after the class.
 * Register it with {@code @RegisterExtension static final}.
 */
final class ServiceWithDocument implements BeforeAllCallback, AfterAllCallback {

	/** What the document says. */
	static final String TEXT = "Use oc scale deployment/web --replicas=3 to scale.";

	/** Its {@code referenced_documents}, as the service lists a document it drew on. */
	static final String REFERENCED = "[{\"doc_url\":\"https://docs.example/scale\",\"doc_title\":\"Scaling\"}]";

	private final String name;

	private final String sections;

	private VectorStoreDocument document;

	private LightspeedService service;

	private Http http;

	/**
	 * @param name the service's name, also its data directory's
	 * @param sections more YAML sections of its configuration
	 */
	ServiceWithDocument(String name, String sections) {
		this.name = name;
		this.sections = sections;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.document = VectorStoreDocument.create(Generation.current(), TEXT, "Scaling", "https://docs.example/scale");
		this.service = LightspeedService.start(LightspeedService.configuration(this.name, this.sections));
		this.http = new Http(this.service.url());
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		if (this.service != null) {
			this.service.close();
		}
		if (this.document != null) {
			this.document.close();
		}
	}

	/**
	 * A client of the service.
	 * @return it
	 */
	Http http() {
		return this.http;
	}

	/**
	 * The vector store that holds the document.
	 * @return its id
	 */
	String vectorStoreId() {
		return this.document.vectorStoreId();
	}

}
