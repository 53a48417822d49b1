/**
 * One error path: every failure becomes LCS 0.2.0's {@code {"detail": ...}} body.
 *
 * <h2>Errors from code</h2> Throw {@link dev.lightspeed.stack.errors.ApiException}
 * ({@code ApiException.of(status, response, cause)}, {@code responseOnly}, {@code text});
 * filters write one with {@link dev.lightspeed.stack.errors.ErrorResponses#write}. Llama
 * Stack failures that an endpoint does not map itself become 503
 * ({@code LlamaStackUnavailableException}) or 500 {@code "Llama Stack error"}; anything
 * else a 500 {@code "Internal server error"}/{@code "An unexpected error occurred"},
 * logged with its stack trace and never shown. 404, 405 (with {@code Allow}), 406 and the
 * {@code /error} dispatch answer {@code {"detail":"<reason phrase>"}}.
 *
 * <h2>Request bodies: FastAPI's 422</h2> Every {@code @RequestBody} whose type is a
 * <b>record</b> and whose content is JSON (or has no {@code Content-Type}) is read by
 * {@link dev.lightspeed.stack.errors.RequestBodyReader}: parsed once, checked against the
 * record, bound once and validated, and all problems are answered at once as {@code 422
 * {"detail":[{"type","loc","msg","input"[,"ctx"]}]}}, in pydantic's order (fields in
 * declaration order, then unknown fields; record-level rules only when every field is
 * valid). Declare a request record like this:
 *
 * <pre class="code">
 * &#64;ForbidExtraFields                 // unknown fields: extra_forbidden (omit to ignore them)
 * &#64;ModelProviderPair                 // class-level Bean Validation constraint: loc ["body"]
 * public record QueryRequest(
 *         &#64;NotNull String query,     // required: absent is "missing", null a type error
 *         &#64;JsonProperty("conversation_id") &#64;ConversationIdFormat &#64;Nullable String conversationId,
 *         &#64;JsonProperty("user_feedback") &#64;Size(max = 4096) &#64;Nullable String userFeedback,
 *         &#64;Nullable List&lt;&#64;Valid Attachment&gt; attachments) { }
 * </pre>
 *
 * <ul>
 * <li>Required fields carry {@code jakarta.validation.constraints.NotNull}; every other
 * field is optional and may be null.</li>
 * <li>The JSON name is {@code @JsonProperty}'s value, else the component name; it is what
 * {@code loc} shows.</li>
 * <li>Types are checked as pydantic's lax JSON mode does: {@code String} (only JSON
 * strings: {@code string_type}), {@code Integer}/{@code Long}/{@code int} (integers,
 * whole floats, numeric strings: {@code int_type}, {@code int_parsing},
 * {@code int_from_float}), {@code Boolean} ({@code true/false}, 0/1, "yes"/"no"/...:
 * {@code bool_type}, {@code bool_parsing}), {@code Double} ({@code float_type}), enums
 * (their Jackson names: {@code enum}), {@code List}/{@code Set} ({@code list_type},
 * elements checked with their index in {@code loc}), {@code Map}/{@code ObjectNode}
 * ({@code dict_type}), nested records ({@code model_type}, fields checked recursively),
 * {@code Object}/{@code JsonNode} (anything).</li>
 * <li>Bean Validation constraints then run on the bound record: {@code @Size} on a string
 * is {@code string_too_long}/{@code string_too_short} with
 * {@code ctx.max_length}/{@code min_length}; {@code @Min}, {@code @Max},
 * {@code @Positive}, {@code @PositiveOrZero}, {@code @Pattern} have their pydantic types;
 * any other constraint (your own validators) is {@code {"type":"value_error","msg":"Value
 * error, <message>","ctx":{"error":{}}}}. A class-level constraint reports
 * {@code loc:["body"]} and the whole body as {@code input}. Put {@code @Valid} on nested
 * records/list elements to validate them.</li>
 * <li>A record constructor that throws (a rule written in the compact constructor)
 * becomes a {@code value_error} at {@code ["body"]} with the exception's message.</li>
 * <li>Malformed JSON is {@code json_invalid} with the character offset, an empty body
 * {@code missing} at {@code ["body"]}, a non-object body or a non-JSON content type
 * {@code model_attributes_type}.</li>
 * <li>Leave {@code @Valid} off the controller parameter of a record body: the body is
 * validated as it is read, and with it Spring would validate the bound record a second
 * time on every request. Non-record bodies, query parameters and path variables fall back
 * to Spring's validation, mapped to the same shape.</li>
 * </ul>
 * Tests can assert the exact body, e.g. {@code RequestBodyValidationTests}.
 */
@NullMarked
package dev.lightspeed.stack.errors;

import org.jspecify.annotations.NullMarked;
