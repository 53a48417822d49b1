package dev.lightspeed.stack.errors;

import dev.lightspeed.stack.support.WebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(ValidationTestController.class)
@Import(WebSlice.class)
class RequestBodyValidationTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void validBodyReachesTheController() {
		assertThat(post("/test/strict", "{\"query\":\"q\",\"count\":\"12\",\"flag\":\"yes\",\"color\":\"red\"}"))
			.hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"query\":\"q\",\"conversation_id\":null,\"provider\":null,\"model\":null,"
					+ "\"count\":12,\"flag\":true,\"tags\":null,\"options\":null,\"user_feedback\":null,"
					+ "\"items\":null,\"color\":\"red\",\"slug\":null}");
	}

	@Test
	void invalidJsonIsJsonInvalidAtTheOffset() {
		expect422("/test/strict", "{\"query\": }",
				"[{\"type\":\"json_invalid\",\"loc\":[\"body\",10],\"msg\":\"JSON decode error\",\"input\":{},"
						+ "\"ctx\":{\"error\":\"Expecting value\"}}]");
	}

	@Test
	void trailingGarbageIsExtraData() {
		expect422("/test/strict", "{\"query\":\"q\"}x",
				"[{\"type\":\"json_invalid\",\"loc\":[\"body\",13],\"msg\":\"JSON decode error\",\"input\":{},"
						+ "\"ctx\":{\"error\":\"Extra data\"}}]");
	}

	@Test
	void missingBodyIsMissing() {
		expect422("/test/strict", "",
				"[{\"type\":\"missing\",\"loc\":[\"body\"],\"msg\":\"Field required\",\"input\":null}]");
	}

	@Test
	void missingRequiredFieldQuotesTheWholeObject() {
		expect422("/test/strict", "{\"model\":\"x\"}",
				"[{\"type\":\"missing\",\"loc\":[\"body\",\"query\"],\"msg\":\"Field required\",\"input\":{\"model\":\"x\"}}]");
	}

	@Test
	void unknownFieldOnForbiddingRecordIsExtraForbidden() {
		expect422("/test/strict", "{\"query\":\"q\",\"foo\":\"bar\"}",
				"[{\"type\":\"extra_forbidden\",\"loc\":[\"body\",\"foo\"],\"msg\":\"Extra inputs are not permitted\","
						+ "\"input\":\"bar\"}]");
	}

	@Test
	void unknownFieldOnOtherRecordsIsIgnored() {
		assertThat(post("/test/lenient", "{\"name\":\"n\",\"foo\":\"bar\"}")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"name\":\"n\"}");
	}

	@Test
	void wrongJsonTypesGivePydanticTypes() {
		expect422("/test/strict",
				"{\"query\":1,\"count\":\"x\",\"flag\":[],\"tags\":\"a\",\"options\":[1],\"items\":[{\"code\":\"c\"}],"
						+ "\"color\":\"pink\"}",
				"[{\"type\":\"string_type\",\"loc\":[\"body\",\"query\"],\"msg\":\"Input should be a valid string\",\"input\":1},"
						+ "{\"type\":\"int_parsing\",\"loc\":[\"body\",\"count\"],"
						+ "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"x\"},"
						+ "{\"type\":\"bool_type\",\"loc\":[\"body\",\"flag\"],\"msg\":\"Input should be a valid boolean\",\"input\":[]},"
						+ "{\"type\":\"list_type\",\"loc\":[\"body\",\"tags\"],\"msg\":\"Input should be a valid list\",\"input\":\"a\"},"
						+ "{\"type\":\"dict_type\",\"loc\":[\"body\",\"options\"],\"msg\":\"Input should be a valid dictionary\",\"input\":[1]},"
						+ "{\"type\":\"missing\",\"loc\":[\"body\",\"items\",0,\"name\"],\"msg\":\"Field required\",\"input\":{\"code\":\"c\"}},"
						+ "{\"type\":\"enum\",\"loc\":[\"body\",\"color\"],\"msg\":\"Input should be 'red', 'green' or 'blue'\","
						+ "\"input\":\"pink\",\"ctx\":{\"expected\":\"'red', 'green' or 'blue'\"}}]");
	}

	@Test
	void integerTypeForNonNumbers() {
		expect422("/test/strict", "{\"query\":\"q\",\"count\":{}}",
				"[{\"type\":\"int_type\",\"loc\":[\"body\",\"count\"],\"msg\":\"Input should be a valid integer\",\"input\":{}}]");
	}

	// Python's int has no bounds; beyond the Java field's, the error of a pydantic bound
	// (a 500 when the record was bound, found by FuzzReliability)
	@Test
	void anIntegerBeyondTheFieldsRangeIsABoundError() {
		expect422("/test/strict", "{\"query\":\"q\",\"count\":2147483648}",
				"[{\"type\":\"less_than_equal\",\"loc\":[\"body\",\"count\"],"
						+ "\"msg\":\"Input should be less than or equal to 2147483647\",\"input\":2147483648,"
						+ "\"ctx\":{\"le\":2147483647}}]");
		expect422("/test/strict", "{\"query\":\"q\",\"count\":\"-9998396676\"}",
				"[{\"type\":\"greater_than_equal\",\"loc\":[\"body\",\"count\"],"
						+ "\"msg\":\"Input should be greater than or equal to -2147483648\",\"input\":\"-9998396676\","
						+ "\"ctx\":{\"ge\":-2147483648}}]");
	}

	@Test
	void nullForRequiredFieldIsATypeError() {
		expect422("/test/strict", "{\"query\":null}",
				"[{\"type\":\"string_type\",\"loc\":[\"body\",\"query\"],\"msg\":\"Input should be a valid string\",\"input\":null}]");
	}

	@Test
	void fieldRuleIsValueError() {
		expect422("/test/strict", "{\"query\":\"q\",\"conversation_id\":\"xyz\"}",
				"[{\"type\":\"value_error\",\"loc\":[\"body\",\"conversation_id\"],"
						+ "\"msg\":\"Value error, Improper conversation ID\",\"input\":\"xyz\",\"ctx\":{\"error\":{}}}]");
	}

	@Test
	void modelRuleReportsTheWholeBody() {
		expect422("/test/strict", "{\"query\":\"q\",\"model\":\"m\"}",
				"[{\"type\":\"value_error\",\"loc\":[\"body\"],"
						+ "\"msg\":\"Value error, Provider must be specified if model is specified\","
						+ "\"input\":{\"query\":\"q\",\"model\":\"m\"},\"ctx\":{\"error\":{}}}]");
	}

	@Test
	void constructorRuleIsValueErrorOnTheWholeBody() {
		expect422("/test/lenient", "{\"name\":\"-\"}",
				"[{\"type\":\"value_error\",\"loc\":[\"body\"],\"msg\":\"Value error, name must not be a dash\","
						+ "\"input\":{\"name\":\"-\"},\"ctx\":{\"error\":{}}}]");
	}

	@Test
	void modelRuleWaitsUntilFieldsAreValid() {
		expect422("/test/strict", "{\"model\":\"m\",\"conversation_id\":\"xyz\"}",
				"[{\"type\":\"missing\",\"loc\":[\"body\",\"query\"],\"msg\":\"Field required\","
						+ "\"input\":{\"model\":\"m\",\"conversation_id\":\"xyz\"}},"
						+ "{\"type\":\"value_error\",\"loc\":[\"body\",\"conversation_id\"],"
						+ "\"msg\":\"Value error, Improper conversation ID\",\"input\":\"xyz\",\"ctx\":{\"error\":{}}}]");
	}

	@Test
	void stringLengthIsStringTooLong() {
		expect422("/test/strict",
				"{\"query\":\"q\",\"user_feedback\":\"abcdef\",\"items\":[{\"name\":\"n\",\"code\":\"abcd\"}]}",
				"[{\"type\":\"string_too_long\",\"loc\":[\"body\",\"user_feedback\"],"
						+ "\"msg\":\"String should have at most 5 characters\",\"input\":\"abcdef\",\"ctx\":{\"max_length\":5}},"
						+ "{\"type\":\"string_too_long\",\"loc\":[\"body\",\"items\",0,\"code\"],"
						+ "\"msg\":\"String should have at most 3 characters\",\"input\":\"abcd\",\"ctx\":{\"max_length\":3}}]");
	}

	@Test
	void patternIsStringPatternMismatch() {
		expect422("/test/strict", "{\"query\":\"q\",\"slug\":\"A1\"}",
				"[{\"type\":\"string_pattern_mismatch\",\"loc\":[\"body\",\"slug\"],"
						+ "\"msg\":\"String should match pattern '[a-z]+'\",\"input\":\"A1\",\"ctx\":{\"pattern\":\"[a-z]+\"}}]");
	}

	@Test
	void unknownFieldsComeAfterFieldErrors() {
		expect422("/test/strict", "{\"foo\":1,\"count\":1.5}",
				"[{\"type\":\"missing\",\"loc\":[\"body\",\"query\"],\"msg\":\"Field required\","
						+ "\"input\":{\"foo\":1,\"count\":1.5}},"
						+ "{\"type\":\"int_from_float\",\"loc\":[\"body\",\"count\"],"
						+ "\"msg\":\"Input should be a valid integer, got a number with a fractional part\",\"input\":1.5},"
						+ "{\"type\":\"extra_forbidden\",\"loc\":[\"body\",\"foo\"],"
						+ "\"msg\":\"Extra inputs are not permitted\",\"input\":1}]");
	}

	@Test
	void unclosedObjectExpectsAPropertyName() {
		expect422("/test/strict", "{",
				"[{\"type\":\"json_invalid\",\"loc\":[\"body\",1],\"msg\":\"JSON decode error\",\"input\":{},"
						+ "\"ctx\":{\"error\":\"Expecting property name enclosed in double quotes\"}}]");
	}

	@Test
	void whitespaceBodyIsInvalidJson() {
		expect422("/test/strict", "   ",
				"[{\"type\":\"json_invalid\",\"loc\":[\"body\",3],\"msg\":\"JSON decode error\",\"input\":{},"
						+ "\"ctx\":{\"error\":\"Expecting value\"}}]");
	}

	@Test
	void nonObjectBodyIsModelAttributesType() {
		expect422("/test/strict", "[1]", "[{\"type\":\"model_attributes_type\",\"loc\":[\"body\"],"
				+ "\"msg\":\"Input should be a valid dictionary or object to extract fields from\",\"input\":[1]}]");
	}

	@Test
	void nonJsonContentTypeIsModelAttributesTypeQuotingTheBody() {
		MvcTestResult result = this.mvc.post()
			.uri("/test/strict")
			.contentType(MediaType.TEXT_PLAIN)
			.content("hello there")
			.exchange();
		assertThat(result).hasStatus(422)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":[{\"type\":\"model_attributes_type\",\"loc\":[\"body\"],"
					+ "\"msg\":\"Input should be a valid dictionary or object to extract fields from\","
					+ "\"input\":\"hello there\"}]}");
	}

	@Test
	void noContentTypeIsReadAsJson() {
		MvcTestResult result = this.mvc.post().uri("/test/lenient").content("{\"name\":\"n\"}").exchange();
		assertThat(result).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"name\":\"n\"}");
	}

	private MvcTestResult post(String uri, String body) {
		return this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private void expect422(String uri, String body, String detail) {
		assertThat(post(uri, body)).hasStatus(422).bodyJson().isStrictlyEqualTo("{\"detail\":" + detail + "}");
	}

}
