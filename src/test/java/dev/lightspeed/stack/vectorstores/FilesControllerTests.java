package dev.lightspeed.stack.vectorstores;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import dev.lightspeed.stack.llamastack.FileUpload;
import dev.lightspeed.stack.llamastack.LlamaStackApiException;
import dev.lightspeed.stack.llamastack.LlamaStackBackend;
import dev.lightspeed.stack.llamastack.LlamaStackKnowledge;
import dev.lightspeed.stack.support.ConnectedLlamaStack;
import dev.lightspeed.stack.llamastack.StoredFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * {@code POST /v1/files} and {@code DELETE /v1/files/{id}}: the multipart body read as it
 * comes, its {@code file} part handed on as a stream, the uploader recorded as the file's
 * owner, and the LCS errors for what is too large or missing.
 */
@WebMvcTest(FilesController.class)
@Import({ KnowledgeSlice.class, ConnectedLlamaStack.class })
class FilesControllerTests {

	private static final String BOUNDARY = "b0undary";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private InMemoryKnowledgeOwners owners;

	@MockitoBean
	private LlamaStackBackend llamaStack;

	@MockitoBean
	private LlamaStackKnowledge knowledge;

	private final AtomicReference<String> received = new AtomicReference<>();

	@BeforeEach
	void llamaStackKeepsWhatItReads() {
		this.owners.clear();
		willAnswer((invocation) -> {
			FileUpload upload = invocation.getArgument(0);
			ByteArrayOutputStream read = new ByteArrayOutputStream();
			upload.content().transferTo(read);
			this.received
				.set(upload.filename() + "|" + upload.contentType() + "|" + read.toString(StandardCharsets.UTF_8));
			return new StoredFile("file-1", upload.filename(), read.size(), 7, "assistants", "file");
		}).given(this.knowledge).uploadFile(any());
	}

	private static byte[] multipart(String... parts) {
		StringBuilder body = new StringBuilder();
		for (String part : parts) {
			body.append("--").append(BOUNDARY).append("\r\n").append(part).append("\r\n");
		}
		return body.append("--").append(BOUNDARY).append("--\r\n").toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String filePart(String filename, String content) {
		return "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: text/plain\r\n\r\n" + content;
	}

	private MockMvcTester.MockMvcRequestBuilder upload(String user, byte[] body) {
		return this.mvc.post()
			.uri("/v1/files?user_id=" + user)
			.contentType("multipart/form-data; boundary=" + BOUNDARY)
			.content(body);
	}

	@Test
	void theFilePartGoesToLlamaStackAndBelongsToTheUploader() {
		byte[] body = multipart(filePart("notes", "Scaling: oc scale"),
				"Content-Disposition: form-data; name=\"purpose\"\r\n\r\nassistants");

		assertThat(upload("alice", body)).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"id\":\"file-1\",\"filename\":\"notes.txt\",\"bytes\":17,\"created_at\":7,"
					+ "\"purpose\":\"assistants\",\"object\":\"file\"}");
		assertThat(this.received.get()).isEqualTo("notes.txt|text/plain|Scaling: oc scale");
		assertThat(this.owners.owner(KnowledgeOwners.Kind.FILE, "file-1")).contains("alice");
	}

	@Test
	void onlyTheUploaderDeletesAFile() {
		this.owners.record(KnowledgeOwners.Kind.FILE, "file-1", "alice");
		given(this.knowledge.deleteFile("file-1")).willReturn(true);
		String notFound = "{\"detail\":{\"response\":\"File not found\",\"cause\":\"File with ID file-1 does not exist\"}}";

		assertThat(this.mvc.delete().uri("/v1/files/file-1?user_id=bob")).hasStatus(404)
			.bodyJson()
			.isStrictlyEqualTo(notFound);
		verify(this.knowledge, never()).deleteFile("file-1");
		assertThat(this.mvc.delete().uri("/v1/files/file-1?user_id=alice")).hasStatus(204);
		assertThat(this.mvc.delete().uri("/v1/files/file-1?user_id=alice")).hasStatus(404)
			.bodyJson()
			.isStrictlyEqualTo(notFound);
		assertThat(this.mvc.delete().uri("/v1/files/file-unknown?user_id=alice")).hasStatus(404);
	}

	@Test
	void aBodyAnnouncedLargerThanTheLimitIsRefusedUnread() {
		byte[] body = multipart(filePart("big.txt", "x".repeat(KnowledgeSlice.MAX_UPLOAD)));

		assertThat(upload("alice", body)).hasStatus(413)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"File too large\",\"cause\":\"File size " + body.length
					+ " bytes exceeds maximum allowed size of 1024 bytes (0 MB)\"}}");
		verify(this.knowledge, never()).uploadFile(any());
	}

	@Test
	void aBodyWithoutAFilePartIsAValidationError() {
		String missing = "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"file\"],\"msg\":\"Field required\","
				+ "\"input\":null}]}";
		assertThat(upload("alice", multipart("Content-Disposition: form-data; name=\"purpose\"\r\n\r\nassistants")))
			.hasStatus(422)
			.bodyJson()
			.isStrictlyEqualTo(missing);
		assertThat(this.mvc.post().uri("/v1/files").contentType("application/json").content("{}")).hasStatus(422)
			.bodyJson()
			.isStrictlyEqualTo(missing);
	}

	@Test
	void aFileLlamaStackRefusesIsAnInvalidUpload() {
		willThrow(new LlamaStackApiException(400, "Unsupported file type")).given(this.knowledge).uploadFile(any());
		assertThat(upload("alice", multipart(filePart("a.bin", "x")))).hasStatus(400)
			.bodyJson()
			.isStrictlyEqualTo("{\"detail\":{\"response\":\"Invalid file upload\",\"cause\":\"File upload rejected by "
					+ "Llama Stack: Error code: 400 - Unsupported file type\"}}");
	}

	@Test
	void filenamesAreTheLastSegmentWithoutControlsAndWithAnExtension() throws IOException {
		assertThat(FileUploads.filename("C:\\docs\\notes.md")).isEqualTo("notes.md");
		assertThat(FileUploads.filename("../../etc/passwd")).isEqualTo("passwd.txt");
		assertThat(FileUploads.filename("a\"b\r\n.log")).isEqualTo("ab.log");
		assertThat(FileUploads.filename(null)).isEqualTo("uploaded_file.txt");
		assertThat(FileUploads.filename("..")).isEqualTo("uploaded_file.txt");
	}

}
