package dev.lightspeed.stack.json;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PythonReprTests {

	/** The right-hand side is what Python 3 prints for {@code repr(float(left))}. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			8                      | 8.0
			0.5                    | 0.5
			0.0001                 | 0.0001
			0.00001                | 1e-05
			1.5e-07                | 1.5e-07
			123456789012345        | 123456789012345.0
			1e15                   | 1000000000000000.0
			1e16                   | 1e+16
			1.5e16                 | 1.5e+16
			1e20                   | 1e+20
			1.7966347474511e9      | 1796634747.4511
			0.1                    | 0.1
			2.220446049250313e-16  | 2.220446049250313e-16
			1.7976931348623157e308 | 1.7976931348623157e+308
			-2.5                   | -2.5
			-0.0                   | -0.0
			12345.678              | 12345.678
			NaN                    | nan
			-Infinity              | -inf
			""")
	void floatsAreWrittenAsPythonReprWritesThem(double value, String repr) {
		assertThat(PythonRepr.of(value)).isEqualTo(repr);
	}

}
