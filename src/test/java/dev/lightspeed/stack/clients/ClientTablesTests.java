package dev.lightspeed.stack.clients;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/clients.md} has, for every scenario, the legend of its labels and a cell
 * for every client in both dialects, which the live-stream tests check.
 */
class ClientTablesTests {

	@Test
	void everyScenarioHasItsLegendAndACellPerClientAndDialect() throws Exception {
		List<String> document = Files.readAllLines(ClientTables.DOCUMENT);
		ClientTables tables = ClientTables.read();
		for (Scenario scenario : Scenario.values()) {
			assertThat(document).as("the legend of %s", scenario.title())
				.contains("Labels: " + String.join("; ", scenario.legend()) + ".");
			for (Client client : Client.values()) {
				for (ClientTables.Dialect dialect : ClientTables.Dialect.values()) {
					assertThat(tables.cell(scenario, client, dialect)).isNotBlank();
				}
			}
		}
	}

}
