package dev.lightspeed.stack.datacollector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.lightspeed.stack.support.FakeIngress;
import dev.lightspeed.stack.support.ReliabilityReport;

/**
 * What became of the records a scenario produced: how many copies the ingress server
 * stored of each (an upload it answered 202, or stored and never answered), and which are
 * still on disk.
 *
 * @param produced records written
 * @param once stored once
 * @param twice stored twice
 * @param more stored three times or more
 * @param leftOnDisk still in the stores
 * @param lost neither stored nor on disk
 * @param unknown stored but never produced (should be none)
 */
record Delivery(int produced, int once, int twice, int more, int leftOnDisk, int lost, Set<String> unknown) {

	private static final ReliabilityReport REPORT = new ReliabilityReport("data-collector", "Scenario", "Produced",
			"Received once", "Received twice", "Received 3+ times", "Left on disk", "Lost");

	static Delivery count(List<String> produced, List<FakeIngress.Upload> uploads, Path dir) throws IOException {
		Map<String, Integer> copies = new HashMap<>();
		for (FakeIngress.Upload upload : uploads) {
			if (upload.stored()) {
				upload.members().keySet().forEach((member) -> copies.merge(member, 1, Integer::sum));
			}
		}
		int once = 0;
		int twice = 0;
		int more = 0;
		int left = 0;
		int lost = 0;
		for (String member : produced) {
			int count = copies.getOrDefault(member, 0);
			once += (count == 1) ? 1 : 0;
			twice += (count == 2) ? 1 : 0;
			more += (count > 2) ? 1 : 0;
			boolean onDisk = Files.exists(dir.resolve(member));
			left += onDisk ? 1 : 0;
			lost += (count == 0 && !onDisk) ? 1 : 0;
		}
		Set<String> unknown = new TreeSet<>(copies.keySet());
		produced.forEach(unknown::remove);
		return new Delivery(produced.size(), once, twice, more, left, lost, unknown);
	}

	int duplicated() {
		return this.twice + this.more;
	}

	/**
	 * Prints this as a row of {@code target/reliability/data-collector.md}.
	 * @param scenario the scenario's name
	 * @return this
	 */
	Delivery report(String scenario) {
		REPORT.row(scenario, this.produced, this.once, this.twice, this.more, this.leftOnDisk, this.lost);
		return this;
	}

}
