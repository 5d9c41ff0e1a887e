package com.walletdesk.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's HTTP client: one HTTP/1.1 keep-alive connection, requests written and answers
 * read on the calling thread. The benchmark's clients share two cores with the server and the
 * database, so their own cost must be small and measurable (it is this thread's CPU time);
 * java.net.http's client costs several times as much per request in its selector and worker
 * threads. It sends the session and CSRF cookies it is given, as a browser would.
 */
final class KeepAliveClient {

	private final String host;

	private final int port;

	private final String fixedHeaders;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	KeepAliveClient(String host, int port, Map<String, String> headers) {
		this.host = host;
		this.port = port;
		StringBuilder fixed = new StringBuilder();
		fixed.append("Host: ").append(host).append(':').append(port).append("\r\n");
		headers.forEach((name, value) -> fixed.append(name).append(": ").append(value).append("\r\n"));
		this.fixedHeaders = fixed.toString();
	}

	/** Sends one request and returns the status and body of the answer. */
	Answer send(String method, String path, Map<String, String> headers, String json) {
		try {
			if (this.socket == null) {
				connect();
			}
			byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
			StringBuilder head = new StringBuilder(256);
			head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n").append(this.fixedHeaders);
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (json != null) {
				head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			this.out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			this.out.write(body);
			this.out.flush();
			return readAnswer();
		}
		catch (IOException ex) {
			close();
			return new Answer(-1, ex.toString());
		}
	}

	private void connect() throws IOException {
		this.socket = new Socket(this.host, this.port);
		this.socket.setTcpNoDelay(true);
		this.in = new BufferedInputStream(this.socket.getInputStream(), 16 * 1024);
		this.out = this.socket.getOutputStream();
	}

	private Answer readAnswer() throws IOException {
		String statusLine = readLine();
		int status = Integer.parseInt(statusLine.substring(9, 12));
		int length = -1;
		boolean chunked = false;
		boolean closing = false;
		for (String line = readLine(); !line.isEmpty(); line = readLine()) {
			String lower = line.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Integer.parseInt(line.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				closing = true;
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (chunked) {
			for (int size = Integer.parseInt(readLine().trim(), 16); size > 0; size = Integer.parseInt(readLine().trim(), 16)) {
				body.write(this.in.readNBytes(size));
				readLine();
			}
			readLine();
		}
		else if (length > 0) {
			body.write(this.in.readNBytes(length));
		}
		if (closing) {
			close();
		}
		return new Answer(status, body.toString(StandardCharsets.UTF_8));
	}

	private String readLine() throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
			if (c < 0) {
				throw new IOException("connection closed by the server");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	void close() {
		try {
			if (this.socket != null) {
				this.socket.close();
			}
		}
		catch (IOException ex) {
			// closing anyway
		}
		this.socket = null;
	}

	record Answer(int status, String body) {

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
