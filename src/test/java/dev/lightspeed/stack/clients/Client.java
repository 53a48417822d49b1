package dev.lightspeed.stack.clients;

/**
 * The real clients whose parsers read the live streams, by the names the tables use.
 */
enum Client {

	RHDH_1_0("RHDH 1.0.x", new RhdhClient(RhdhClient.Version.V1_0)),

	RHDH_1_2("RHDH 1.2.x", new RhdhClient(RhdhClient.Version.V1_2)),

	RHDH_2("RHDH 2.x", new RhdhClient(RhdhClient.Version.V2)),

	ASSISTED_INSTALLER("assisted-installer", new AssistedInstallerClient()),

	EVALUATION("lightspeed-evaluation", new EvaluationClient()),

	CONSOLE("OpenShift console", new ConsoleClient()),

	REFERENCE_UI("reference UI", new ReferenceUiClient());

	private final String title;

	private final StreamClient parser;

	Client(String title, StreamClient parser) {
		this.title = title;
		this.parser = parser;
	}

	String title() {
		return this.title;
	}

	StreamClient parser() {
		return this.parser;
	}

	/**
	 * Whether it has a Stop button (reads {@code start.request_id}).
	 */
	boolean canStop() {
		return this == RHDH_2;
	}

}
