package com.walletdesk.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like client of the running application over real HTTP: it keeps cookies (the
 * session and XSRF-TOKEN), signs in through the form and echoes the CSRF token as API.md says.
 * Redirects are not followed, so tests can assert them.
 */
public final class WebSession {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private String bearer;

	private final Map<String, String> headers = new java.util.LinkedHashMap<>();

	private WebSession(int port) {
		this.base = "http://127.0.0.1:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	public static WebSession anonymous(int port) {
		return new WebSession(port);
	}

	/**
	 * Signs in through the form and completes the steps after the password (see {@link TestMfa}:
	 * an operator-issued password counts as changed, MFA is enrolled or proved); fails the test
	 * unless it ends signed in. To test the steps themselves, use {@link #submitLogin}.
	 */
	public static WebSession signIn(int port, String username, String password) {
		WebSession session = new WebSession(port);
		Response response = session.submitLogin(username, password);
		String location = response.header("Location");
		if (response.status() == 302 && (location.endsWith("/account/mfa") || location.endsWith("/account/password"))) {
			TestMfa.completeSteps(session, username);
			return session;
		}
		if (response.status() != 302 || !location.matches(".*/(\\?.*)?$")) {
			throw new AssertionError("sign-in of " + username + " failed: " + response.status() + " " + location);
		}
		return session;
	}

	/** Sends this header with every request from now on (e.g. X-Forwarded-For, X-Forwarded-Proto). */
	public WebSession header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	public static WebSession withApiKey(int port, String key) {
		WebSession session = new WebSession(port);
		session.bearer = key;
		return session;
	}

	/** Posts the sign-in form (after fetching the page for its CSRF cookie) and returns the answer. */
	public Response submitLogin(String username, String password) {
		get("/login");
		return form("/login", Map.of("username", username, "password", password, "_csrf", xsrfToken()));
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response getHtmx(String path) {
		return send(request(path).header("HX-Request", "true").GET());
	}

	public Response post(String path, String json) {
		return post(path, json, Map.of());
	}

	public Response post(String path, String json, Map<String, String> headers) {
		HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
		headers.forEach(builder::header);
		return send(withCsrf(builder));
	}

	public Response patch(String path, String json) {
		return send(withCsrf(request(path).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json))));
	}

	public Response put(String path, String json) {
		return send(withCsrf(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))));
	}

	public Response delete(String path) {
		return send(withCsrf(request(path).DELETE()));
	}

	/** Posts a form with the given fields (add {@code _csrf} yourself, or not, to test CSRF). */
	public Response form(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Posts a console form with its CSRF field (as the page's own hidden field would), the
	 * session's XSRF-TOKEN fetched first when there is none yet.
	 */
	public Response formWithCsrf(String path, Map<String, String> fields) {
		if (xsrfToken() == null) {
			get("/api/v1/me");
		}
		Map<String, String> all = new java.util.LinkedHashMap<>(fields);
		all.put("_csrf", xsrfToken());
		return form(path, all);
	}

	/** Posts a multipart form with text fields and one file (the CSRF field added unless {@code csrf} is false). */
	public Response multipart(String path, Map<String, String> fields, String fileField, String fileName, String content,
			boolean csrf) {
		if (csrf && xsrfToken() == null) {
			get("/api/v1/me");
		}
		String boundary = "----walletdesk" + System.nanoTime();
		StringBuilder body = new StringBuilder();
		Map<String, String> all = new java.util.LinkedHashMap<>(fields);
		if (csrf) {
			all.put("_csrf", xsrfToken());
		}
		all.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
			.append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
			.append(value).append("\r\n"));
		body.append("--").append(boundary).append("\r\n")
			.append("Content-Disposition: form-data; name=\"").append(fileField).append("\"; filename=\"").append(fileName)
			.append("\"\r\nContent-Type: text/csv\r\n\r\n").append(content).append("\r\n")
			.append("--").append(boundary).append("--\r\n");
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
	}

	/** Posts a body of another type than JSON (a CSV file, say), with the CSRF header. */
	public Response postBody(String path, String contentType, String body) {
		return send(withCsrf(request(path).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))));
	}

	/**
	 * Any method, headers and body (bytes as given, or none), with the CSRF header of this
	 * session: for tests that vary what a client may send (the API fuzz test).
	 */
	public Response send(String method, String path, Map<String, String> headers, byte[] body) {
		HttpRequest.Builder builder = request(path).method(method,
				body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(builder::header);
		return send(withCsrf(builder));
	}

	/** A POST without the CSRF header, to prove it is refused. */
	public Response postWithoutCsrf(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public String xsrfToken() {
		return cookie("XSRF-TOKEN");
	}

	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	public void forgetCookie(String name) {
		this.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
			.forEach(c -> this.cookies.getCookieStore().remove(null, c));
	}

	private HttpRequest.Builder withCsrf(HttpRequest.Builder builder) {
		if (this.bearer == null) {
			if (xsrfToken() == null) {
				get("/api/v1/me");
			}
			String token = xsrfToken();
			if (token != null) {
				builder.header("X-XSRF-TOKEN", token);
			}
		}
		return builder;
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30));
		this.headers.forEach(builder::header);
		if (this.bearer != null) {
			builder.header("Authorization", "Bearer " + this.bearer);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An answer: status, headers, body, and the body as JSON on demand. */
	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String body() {
			return this.raw.body();
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse("");
		}

		public JsonNode json() {
			return JSON.readTree(this.raw.body());
		}

		/** The problem code of an error answer. */
		public String code() {
			return json().path("code").asString();
		}

		@Override
		public String toString() {
			return status() + " " + body();
		}

	}

}
