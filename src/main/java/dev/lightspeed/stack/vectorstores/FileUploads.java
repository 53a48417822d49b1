package dev.lightspeed.stack.vectorstores;

import java.io.IOException;
import java.util.List;

import dev.lightspeed.stack.errors.ApiException;
import dev.lightspeed.stack.errors.RequestValidationException;
import dev.lightspeed.stack.errors.ValidationError;
import dev.lightspeed.stack.llamastack.FileUpload;
import dev.lightspeed.stack.llamastack.LlamaStackApiException;
import dev.lightspeed.stack.llamastack.LlamaStackKnowledge;
import dev.lightspeed.stack.llamastack.StoredFile;
import dev.lightspeed.stack.llamastack.UploadAbortedException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.NullNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a {@code multipart/form-data} upload part by part as it arrives and streams its
 * {@code file} part on to Llama Stack: the file is never held whole, here or on disk.
 * Other parts ({@code purpose}) are skipped; the purpose sent on is always
 * {@code assistants}, as LCS sends it. A body announced larger than the limit is refused
 * before it is read, a file that grows past it when it does (both 413 in LCS's shape),
 * and the unfinished upload is abandoned.
 */
@Component
class FileUploads {

	private static final String DEFAULT_NAME = "uploaded_file";

	private final LlamaStackKnowledge knowledge;

	private final KnowledgeProperties properties;

	FileUploads(LlamaStackKnowledge knowledge, KnowledgeProperties properties) {
		this.knowledge = knowledge;
		this.properties = properties;
	}

	StoredFile upload(HttpServletRequest request) {
		long limit = this.properties.maxUploadSize().toBytes();
		long announced = request.getContentLengthLong();
		if (announced > limit) {
			throw tooLarge("File size " + announced + " bytes exceeds maximum allowed size of " + limit + " bytes ("
					+ limit / (1024 * 1024) + " MB)");
		}
		if (!JakartaServletFileUpload.isMultipartContent(request)) {
			throw missingFile();
		}
		JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
		upload.setMaxFileSize(limit);
		try {
			FileItemInputIterator parts = upload.getItemIterator(request);
			while (parts.hasNext()) {
				FileItemInput part = parts.next();
				if ("file".equals(part.getFieldName()) && !part.isFormField()) {
					return send(part, limit);
				}
			}
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
		throw missingFile();
	}

	private StoredFile send(FileItemInput part, long limit) throws IOException {
		String contentType = (part.getContentType() != null) ? part.getContentType() : "application/octet-stream";
		try {
			return this.knowledge
				.uploadFile(new FileUpload(filename(part.getName()), contentType, part.getInputStream()));
		}
		catch (UploadAbortedException ex) {
			if (ex.getCause() instanceof FileUploadSizeException) {
				throw tooLarge("File size exceeds maximum allowed size of " + limit + " bytes (" + limit / (1024 * 1024)
						+ " MB)");
			}
			throw unreadable(ex.getCause());
		}
		catch (LlamaStackApiException ex) {
			if (ex.upstreamStatus() == 413) {
				throw ApiException.of(HttpStatus.PAYLOAD_TOO_LARGE, "Invalid file upload",
						"File upload rejected by Llama Stack: " + ex.getMessage());
			}
			if (ex.upstreamStatus() >= 400 && ex.upstreamStatus() < 500) {
				throw ApiException.of(HttpStatus.BAD_REQUEST, "Invalid file upload",
						"File upload rejected by Llama Stack: " + ex.getMessage());
			}
			throw ex;
		}
	}

	/**
	 * The name Llama Stack keeps: the last segment of what the client sent (some send a
	 * path), without control characters or quotes, {@code .txt} added when it has no
	 * extension (LCS 0.5.1: RHDH sends notebooks' text that way).
	 */
	static String filename(@Nullable String sent) {
		String name = (sent != null) ? sent : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.codePoints()
			.filter((c) -> !Character.isISOControl(c) && c != '"')
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			name = DEFAULT_NAME;
		}
		return (name.lastIndexOf('.') > 0) ? name : name + ".txt";
	}

	private static ApiException tooLarge(String cause) {
		return ApiException.of(HttpStatus.PAYLOAD_TOO_LARGE, "File too large", cause);
	}

	private static ApiException unreadable(IOException ex) {
		return ApiException.of(HttpStatus.BAD_REQUEST, "Invalid file upload",
				"The upload could not be read: " + ex.getMessage());
	}

	private static RequestValidationException missingFile() {
		return new RequestValidationException(List.of(new ValidationError("missing", List.of("body", "file"),
				"Field required", NullNode.getInstance(), null)));
	}

}
