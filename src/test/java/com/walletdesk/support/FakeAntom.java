package com.walletdesk.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.walletdesk.wallet.wechatpay.RsaSignatures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake Antom for the tests (one per JVM, started by {@link FakeWalletsInitializer}): checks our
 * {@code signature} header with the merchant's public key, applies each {@code refundRequestId}
 * once, answers {@code inquiryRefund}, signs its answers with the wallet's test key.
 */
public final class FakeAntom {

	public enum Mode {
		S, F, U_APPLIED, U_NOT_APPLIED, SERVER_ERROR, APPLY_BAD_SIGNATURE
	}

	public record Request(String path, String body, boolean signatureValid) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

	public record Refund(String refundId, String refundRequestId, String paymentId, long value, String status) {
	}

	public static final String CLIENT_ID = "SANDBOX_5YBX2N2ZAK5K0";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern SIGNATURE = Pattern.compile("algorithm=RSA256,keyVersion=(\\d+),signature=(.+)");

	private static final AtomicLong IDS = new AtomicLong(2026120700000L);

	private static FakeAntom instance;

	private final HttpServer server;

	private final ConcurrentLinkedDeque<Mode> next = new ConcurrentLinkedDeque<>();

	private final Map<String, Refund> refunds = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final KeyPair otherKey = TestKeys.generate();

	private FakeAntom() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/ams/api/v1/payments", this::handle);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.start();
	}

	public static synchronized FakeAntom get() {
		if (instance == null) {
			try {
				instance = new FakeAntom();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return instance;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public void answerNext(Mode... modes) {
		for (Mode mode : modes) {
			this.next.add(mode);
		}
	}

	public void reset() {
		this.next.clear();
	}

	public Refund refund(String refundRequestId) {
		return this.refunds.get(refundRequestId);
	}

	public List<Request> requestsFor(String refundRequestId) {
		return this.requests.stream().filter(r -> r.body().contains("\"" + refundRequestId + "\"")).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getRawPath();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String clientId = exchange.getRequestHeaders().getFirst("client-id");
			String time = exchange.getRequestHeaders().getFirst("request-time");
			Matcher signature = SIGNATURE.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("signature")));
			boolean valid = CLIENT_ID.equals(clientId) && time != null && signature.matches()
					&& RsaSignatures.verify(TestKeys.merchant().getPublic(),
							"POST " + path + "\n" + clientId + "." + time + "." + body,
							URLDecoder.decode(signature.group(2), StandardCharsets.UTF_8));
			this.requests.add(new Request(path, body, valid));
			if (!valid) {
				answer(exchange, path, 200, result("F", "INVALID_SIGNATURE", "signature does not verify"), false);
				return;
			}
			JsonNode request = JSON.readTree(body);
			String key = request.path("refundRequestId").asString();
			if (path.endsWith("/inquiryRefund")) {
				Refund refund = this.refunds.get(key);
				answer(exchange, path, 200, refund == null ? result("F", "REFUND_NOT_EXIST", "no such refund")
						: "{" + result("S", "SUCCESS", "success").substring(1, result("S", "SUCCESS", "success").length() - 1)
								+ ",\"refundId\":\"" + refund.refundId() + "\",\"refundStatus\":\"" + refund.status()
								+ "\"}", false);
				return;
			}
			Refund existing = this.refunds.get(key);
			if (existing != null) {
				answer(exchange, path, 200, success(existing), false);
				return;
			}
			Mode mode = this.next.poll();
			mode = mode == null ? Mode.S : mode;
			switch (mode) {
				case F -> answer(exchange, path, 200, result("F", "REFUND_AMOUNT_EXCEED", "The refund amount exceeds the limit"), false);
				case U_NOT_APPLIED -> answer(exchange, path, 200, result("U", "UNKNOWN_EXCEPTION", "try again"), false);
				case SERVER_ERROR -> answer(exchange, path, 500, "{}", false);
				default -> {
					Refund refund = new Refund(String.valueOf(IDS.incrementAndGet()), key,
							request.path("paymentId").asString(),
							Long.parseLong(request.path("refundAmount").path("value").asString()), "SUCCESS");
					Refund first = this.refunds.putIfAbsent(key, refund);
					refund = first != null ? first : refund;
					if (mode == Mode.U_APPLIED) {
						answer(exchange, path, 200, result("U", "UNKNOWN_EXCEPTION", "try again"), false);
					}
					else {
						answer(exchange, path, 200, success(refund), mode == Mode.APPLY_BAD_SIGNATURE);
					}
				}
			}
		}
	}

	private static String success(Refund refund) {
		return "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"},"
				+ "\"refundId\":\"" + refund.refundId() + "\",\"refundRequestId\":\"" + refund.refundRequestId() + "\"}";
	}

	private static String result(String status, String code, String message) {
		return "{\"result\":{\"resultCode\":\"" + code + "\",\"resultStatus\":\"" + status + "\",\"resultMessage\":\""
				+ message + "\"}}";
	}

	private void answer(HttpExchange exchange, String path, int status, String body, boolean badSignature)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String time = String.valueOf(System.currentTimeMillis());
		KeyPair signer = badSignature ? this.otherKey : TestKeys.wallet();
		String signature = RsaSignatures.sign(signer.getPrivate(), "POST " + path + "\n" + CLIENT_ID + "." + time + "." + body);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.getResponseHeaders().add("client-id", CLIENT_ID);
		exchange.getResponseHeaders().add("response-time", time);
		exchange.getResponseHeaders().add("signature",
				"algorithm=RSA256,keyVersion=1,signature=" + URLEncoder.encode(signature, StandardCharsets.UTF_8));
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
