package com.walletdesk.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 written by hand over a socket: for requests no well-behaved client sends (a header
 * twice, a path with {@code %00} or {@code ..}, a header over the server's limit), so tests can
 * see what the server answers to them.
 */
public final class RawHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RawHttp() {
	}

	/** One answer: status, headers (names in lower case, the last value of each) and body. */
	public record Answer(int status, Map<String, String> headers, String body) {

		public String contentType() {
			return this.headers.getOrDefault("content-type", "");
		}

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public boolean isProblemJson() {
			if (!contentType().startsWith("application/problem+json")) {
				return false;
			}
			try {
				JsonNode problem = json();
				return problem.path("status").asInt() == this.status && problem.path("code").asString().matches("[A-Z_]+");
			}
			catch (RuntimeException ex) {
				return false;
			}
		}

		@Override
		public String toString() {
			return this.status + " " + this.headers + " " + this.body;
		}

	}

	/**
	 * Sends {@code head} (request line and header lines, each without its CRLF) and the body,
	 * with {@code Host}, {@code Connection: close} and, for a body, {@code Content-Length} added.
	 */
	public static Answer send(int port, String head, byte[] body) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			StringBuilder request = new StringBuilder(head.strip()).append("\r\n");
			request.append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
			if (body != null) {
				request.append("Content-Length: ").append(body.length).append("\r\n");
			}
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			if (body != null) {
				try {
					out.write(body);
				}
				catch (IOException ex) {
					// the server may answer (413) and close before reading the whole body
				}
			}
			out.flush();
			return read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Answer send(int port, String head) {
		return send(port, head, null);
	}

	private static Answer read(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		try {
			in.transferTo(all);
		}
		catch (IOException ex) {
			// a reset after the answer was sent: keep what came
		}
		String text = all.toString(StandardCharsets.UTF_8);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IllegalStateException("no HTTP answer: " + text);
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
		}
		String body = text.substring(end + 4);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(body);
		}
		return new Answer(status, headers, body);
	}

	private static String unchunk(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = chunked.indexOf("\r\n", at);
			if (lineEnd < 0) {
				break;
			}
			int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
			if (size == 0) {
				break;
			}
			// sizes count bytes; these bodies are ASCII JSON or HTML
			body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
			at = lineEnd + 2 + size + 2;
		}
		return body.toString();
	}

}
