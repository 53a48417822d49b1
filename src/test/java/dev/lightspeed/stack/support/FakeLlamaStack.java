package dev.lightspeed.stack.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Llama Stack 0.2.22 small enough to kill: the Agents API calls this service makes
 * (models, shields, providers, agents, sessions with their turns, the turn stream, chat
 * completions), in 0.2.22's shapes, over plain sockets. A turn streams {@code tokens}
 * text deltas {@code tokenDelayMillis} apart, then {@code turn_complete}, with either
 * body framing: chunked (what uvicorn sends) or close-delimited (no length, the end of
 * the connection ends the body, as an HTTP/1.0 proxy sends it). {@link #main} runs it as
 * a process of its own, for tests that kill it with SIGKILL.
 */
public final class FakeLlamaStack implements AutoCloseable {

	/** How a streamed body is delimited. */
	public enum Framing {

		CHUNKED, CLOSE

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern SESSION = Pattern.compile("/v1/agents/([^/]+)/session(?:/([^/]+))?(/turn)?");

	private static final Pattern AGENT = Pattern.compile("/v1/agents/([^/]+)(/sessions)?");

	private final ServerSocket server;

	private final Framing framing;

	private final int tokens;

	private final long tokenDelayMillis;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	// agent -> session -> turns
	private final Map<String, Map<String, List<ObjectNode>>> agents = new ConcurrentHashMap<>();

	private FakeLlamaStack(ServerSocket server, Framing framing, int tokens, long tokenDelayMillis) {
		this.server = server;
		this.framing = framing;
		this.tokens = tokens;
		this.tokenDelayMillis = tokenDelayMillis;
	}

	/**
	 * Starts a server on a loopback port.
	 * @param port the port, 0 for any free one
	 * @param framing how turn streams are delimited
	 * @param tokens text deltas per answer
	 * @param tokenDelayMillis pause before each delta
	 * @return the running server
	 */
	public static FakeLlamaStack start(int port, Framing framing, int tokens, long tokenDelayMillis)
			throws IOException {
		ServerSocket server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
		FakeLlamaStack stack = new FakeLlamaStack(server, framing, tokens, tokenDelayMillis);
		Thread.ofVirtual().name("fake-llama-stack").start(stack::accept);
		return stack;
	}

	/**
	 * Runs the server until the process is killed: {@code PORT FRAMING TOKENS DELAY_MS}.
	 * Prints {@code ready} once it listens.
	 */
	public static void main(String[] args) throws Exception {
		start(Integer.parseInt(args[0]), Framing.valueOf(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
		System.out.println("ready");
		Thread.sleep(Long.MAX_VALUE);
	}

	public int port() {
		return this.server.getLocalPort();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/** Stops listening and drops every connection at once, as a killed process does. */
	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.open) {
			socket.close();
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.open.add(socket);
				Thread.ofVirtual().start(() -> serve(socket));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void serve(Socket socket) {
		try (socket;
				InputStream in = new BufferedInputStream(socket.getInputStream());
				OutputStream out = socket.getOutputStream()) {
			boolean keepAlive = true;
			while (keepAlive) {
				Request request = Request.read(in);
				if (request == null) {
					return;
				}
				keepAlive = answer(request, out);
			}
		}
		catch (IOException | InterruptedException ex) {
			// the client left, or the server was closed
		}
		finally {
			this.open.remove(socket);
		}
	}

	// false when the connection must close after the answer
	private boolean answer(Request request, OutputStream out) throws IOException, InterruptedException {
		String path = request.path();
		Matcher session = SESSION.matcher(path);
		Matcher agent = AGENT.matcher(path);
		if (request.is("POST", "/v1/agents")) {
			String id = UUID.randomUUID().toString();
			this.agents.put(id, new ConcurrentHashMap<>());
			return json(out, 200, JSON.createObjectNode().put("agent_id", id));
		}
		if (session.matches() && this.agents.containsKey(session.group(1))) {
			return session(request, session, out);
		}
		if (agent.matches() && this.agents.containsKey(agent.group(1))) {
			return agent(request, agent, out);
		}
		return switch (request.method() + " " + path) {
			case "GET /v1/version" -> json(out, 200, JSON.createObjectNode().put("version", "0.2.22"));
			case "GET /v1/models" -> json(out, 200, JSON.readTree("""
					{"data": [{"identifier": "fake/fake-model", "provider_resource_id": "fake-model",
					 "provider_id": "fake", "type": "model", "metadata": {}, "model_type": "llm"}]}"""));
			case "GET /v1/shields", "GET /v1/vector-dbs", "GET /v1/toolgroups", "GET /v1/openai/v1/vector_stores" ->
				json(out, 200, JSON.readTree("{\"data\": []}"));
			case "GET /v1/providers" -> json(out, 200, JSON.readTree("""
					{"data": [{"api": "inference", "provider_id": "fake", "provider_type": "remote::fake",
					 "config": {}, "health": {"status": "OK"}}]}"""));
			case "POST /v1/openai/v1/chat/completions" -> json(out, 200, JSON.readTree("""
					{"choices": [{"index": 0, "message": {"role": "assistant", "content": "A topic"},
					 "finish_reason": "stop"}]}"""));
			default -> json(out, 404, JSON.createObjectNode().put("detail", "Not Found"));
		};
	}

	private boolean agent(Request request, Matcher agent, OutputStream out) throws IOException {
		Map<String, List<ObjectNode>> sessions = this.agents.get(agent.group(1));
		if (request.method().equals("DELETE")) {
			this.agents.remove(agent.group(1));
			return empty(out);
		}
		ArrayNode data = JSON.createArrayNode();
		sessions.keySet().forEach((id) -> data.addObject().put("session_id", id));
		return json(out, 200, JSON.createObjectNode().set("data", data));
	}

	private boolean session(Request request, Matcher match, OutputStream out) throws IOException, InterruptedException {
		Map<String, List<ObjectNode>> sessions = this.agents.get(match.group(1));
		String sessionId = match.group(2);
		if (sessionId == null) {
			String id = UUID.randomUUID().toString();
			sessions.put(id, new CopyOnWriteArrayList<>());
			return json(out, 200, JSON.createObjectNode().put("session_id", id));
		}
		List<ObjectNode> turns = sessions.get(sessionId);
		if (turns == null) {
			return json(out, 400, JSON.createObjectNode()
				.put("detail", "Invalid value: Session '" + sessionId + "' not found or access denied."));
		}
		if (match.group(3) != null) {
			return turn(request, turns, out);
		}
		if (request.method().equals("DELETE")) {
			sessions.remove(sessionId);
			return empty(out);
		}
		ObjectNode info = JSON.createObjectNode().put("session_id", sessionId);
		info.putArray("turns").addAll(turns);
		return json(out, 200, info);
	}

	private boolean turn(Request request, List<ObjectNode> turns, OutputStream out)
			throws IOException, InterruptedException {
		String question = request.json().path("messages").path(0).path("content").asString("");
		String started = Instant.now().toString();
		boolean chunked = this.framing == Framing.CHUNKED;
		out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
				+ (chunked ? "Transfer-Encoding: chunked\r\n" : "Connection: close\r\n") + "\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		StringBuilder answer = new StringBuilder();
		event(out, chunked, "{\"event_type\":\"step_start\",\"step_type\":\"inference\",\"step_id\":\"s\"}");
		for (int i = 0; i < this.tokens; i++) {
			Thread.sleep(this.tokenDelayMillis);
			String token = "tok" + i + " ";
			answer.append(token);
			event(out, chunked, "{\"event_type\":\"step_progress\",\"step_type\":\"inference\",\"step_id\":\"s\","
					+ "\"delta\":{\"type\":\"text\",\"text\":\"" + token + "\"}}");
		}
		ObjectNode turn = JSON.createObjectNode().put("turn_id", UUID.randomUUID().toString());
		turn.putArray("input_messages").addObject().put("role", "user").put("content", question);
		turn.putObject("output_message").put("role", "assistant").put("content", answer.toString());
		turn.put("started_at", started).put("completed_at", Instant.now().toString());
		turns.add(turn);
		ObjectNode complete = JSON.createObjectNode().put("event_type", "turn_complete");
		complete.set("turn", turn);
		event(out, chunked, JSON.writeValueAsString(complete));
		if (chunked) {
			out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}
		return chunked;
	}

	private static void event(OutputStream out, boolean chunked, String payload) throws IOException {
		byte[] event = ("data: {\"event\":{\"payload\":" + payload + "}}\n\n").getBytes(StandardCharsets.UTF_8);
		if (chunked) {
			out.write((Integer.toHexString(event.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(event);
			out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		else {
			out.write(event);
		}
		out.flush();
	}

	private static boolean json(OutputStream out, int status, JsonNode body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
				+ "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.write(bytes);
		out.flush();
		return true;
	}

	private static boolean empty(OutputStream out) throws IOException {
		out.write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return true;
	}

	private record Request(String method, String path, byte[] body) {

		static Request read(InputStream in) throws IOException {
			String line = line(in);
			if (line == null || line.isEmpty()) {
				return null;
			}
			String[] parts = line.split(" ");
			int length = 0;
			for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
				if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
					length = Integer.parseInt(header.substring(15).strip());
				}
			}
			String target = parts[1];
			int query = target.indexOf('?');
			return new Request(parts[0], (query >= 0) ? target.substring(0, query) : target, in.readNBytes(length));
		}

		private static String line(InputStream in) throws IOException {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			for (int b = in.read(); b != '\n'; b = in.read()) {
				if (b < 0) {
					return null;
				}
				if (b != '\r') {
					bytes.write(b);
				}
			}
			return bytes.toString(StandardCharsets.US_ASCII);
		}

		boolean is(String method, String path) {
			return this.method.equals(method) && this.path.equals(path);
		}

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
