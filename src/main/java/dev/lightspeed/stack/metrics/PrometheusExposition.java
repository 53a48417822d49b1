package dev.lightspeed.stack.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.lightspeed.stack.json.PythonRepr;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The scrape text as LCS 0.2.0's prometheus_client writes it: every counter and histogram
 * also has its {@code <name>_created} gauge per label set (seconds since the epoch),
 * {@code ls_response_duration_seconds} has no Micrometer {@code _max} gauge beside it,
 * and every value is written as prometheus_client writes a float ({@code 5.0} where the
 * Java client writes a count as {@code 5}, {@code 1.796634747451e+09} where it writes
 * {@code 1796634747.451}).
 */
final class PrometheusExposition {

	/** The gauge Micrometer adds to every timer; 0.2.0 has none. */
	static final String DURATION_MAX = RestApiMetricsFilter.DURATION + "_seconds_max";

	private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.builder()
		.setIncludeCreatedTimestamps(true)
		.setTimestampsInMs(false)
		.build();

	private final PrometheusRegistry registry;

	PrometheusExposition(PrometheusRegistry registry) {
		this.registry = registry;
	}

	String scrape() {
		ByteArrayOutputStream text = new ByteArrayOutputStream();
		try {
			WRITER.write(text, this.registry.scrape((name) -> !name.equals(DURATION_MAX)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return withPythonNumbers(text.toString(StandardCharsets.UTF_8));
	}

	private static String withPythonNumbers(String text) {
		StringBuilder out = new StringBuilder(text.length() + 1024);
		text.lines().forEach((line) -> {
			int space = line.lastIndexOf(' ');
			if (line.startsWith("#") || space < 0) {
				out.append(line);
			}
			else {
				// no timestamps are written: the value is the last field
				out.append(line, 0, space + 1).append(goFloat(line.substring(space + 1)));
			}
			out.append('\n');
		});
		return out.toString();
	}

	/**
	 * prometheus_client's {@code floatToGoString}: Python's {@code repr}, with an
	 * exponent from 1e6 up as Go writes one.
	 */
	static String goFloat(String value) {
		if (value.equals("+Inf") || value.equals("-Inf") || value.equals("NaN")) {
			return value;
		}
		double number = Double.parseDouble(value);
		String repr = PythonRepr.of(number);
		int dot = repr.indexOf('.');
		if (number > 0 && dot > 6) {
			String mantissa = repr.charAt(0) + "." + repr.substring(1, dot) + repr.substring(dot + 1);
			int end = mantissa.length();
			while (mantissa.charAt(end - 1) == '0' || mantissa.charAt(end - 1) == '.') {
				end--;
			}
			return mantissa.substring(0, end) + "e+0" + (dot - 1);
		}
		return repr;
	}

}
