package com.walletdesk.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.walletdesk.wallet.wechatpay.RsaSignatures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake WeChat Pay Global for the tests, on a random local port (one per test JVM, started by
 * {@link FakeWalletsInitializer}). It checks what the real one checks: the {@code Authorization}
 * signature with the merchant's public key (a request that fails gets 401 {@code SIGN_ERROR}),
 * the body's fields; it applies each {@code out_refund_no} once (a repeat answers the first
 * result), and signs every answer with the wallet's test key. Knobs: the next answers
 * ({@link #answerNext}), the state of a refund it holds ({@link #settle}).
 */
public final class FakeWechatPay {

	/** How the fake answers a refund request. */
	public enum Mode {
		SUCCESS, PROCESSING, CLOSED, ABNORMAL, NOT_ENOUGH, SYSTEM_ERROR_500, FREQUENCY_LIMITED_429,
		/** Applies the refund and answers 500 (the answer is lost). */
		APPLY_THEN_500,
		/** Applies it, then answers only after {@link #slowMillis}. */
		APPLY_THEN_SLOW,
		/** Applies it and signs the answer with another key. */
		APPLY_BAD_SIGNATURE
	}

	/** A request as received. */
	public record Request(String method, String pathAndQuery, String body, boolean signatureValid, String mchid) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

	/** A refund the fake holds. */
	public record Refund(String id, String outRefundNo, long amount, String status, String chargeKey) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern AUTH = Pattern.compile(
			"WECHATPAY2-SHA256-RSA2048 mchid=\"([^\"]*)\",nonce_str=\"([^\"]*)\",timestamp=\"(\\d+)\",serial_no=\"([^\"]*)\",signature=\"([^\"]*)\"");

	private static FakeWechatPay instance;

	private final HttpServer server;

	private final ConcurrentLinkedDeque<Mode> next = new ConcurrentLinkedDeque<>();

	private final Map<String, Refund> refunds = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final KeyPair otherKey = TestKeys.generate();

	public volatile long slowMillis = 6_000;

	private FakeWechatPay() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v3/global/refunds", this::handle);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.start();
	}

	public static synchronized FakeWechatPay get() {
		if (instance == null) {
			try {
				instance = new FakeWechatPay();
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

	/** The next refund requests are answered so, in order; then SUCCESS again. */
	public void answerNext(Mode... modes) {
		for (Mode mode : modes) {
			this.next.add(mode);
		}
	}

	public void reset() {
		this.next.clear();
		this.slowMillis = 6_000;
	}

	/** Moves a refund it holds to another status (SUCCESS, CLOSED, ABNORMAL), as the wallet would. */
	public void settle(String outRefundNo, String status) {
		this.refunds.computeIfPresent(outRefundNo,
				(k, r) -> new Refund(r.id(), r.outRefundNo(), r.amount(), status, r.chargeKey()));
	}

	public Refund refund(String outRefundNo) {
		return this.refunds.get(outRefundNo);
	}

	/** The requests received for one out_refund_no (refunds and queries), oldest first. */
	public List<Request> requestsFor(String outRefundNo) {
		return this.requests.stream()
			.filter(r -> r.pathAndQuery().contains("/" + outRefundNo + "?") || r.body().contains("\"" + outRefundNo + "\""))
			.toList();
	}

	/** The total it refunded against one charge (its transaction_id or out_trade_no). */
	public long refundedFor(String chargeKey) {
		return this.refunds.values()
			.stream()
			.filter(r -> r.chargeKey().equals(chargeKey) && !r.status().equals("CLOSED"))
			.mapToLong(Refund::amount)
			.sum();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String pathAndQuery = exchange.getRequestURI().getRawPath()
					+ (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
			String method = exchange.getRequestMethod();
			Matcher auth = AUTH.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			boolean valid = auth.matches() && auth.group(4).equals(TestWallets.MERCHANT_SERIAL)
					&& RsaSignatures.verify(TestKeys.merchant().getPublic(), method + "\n" + pathAndQuery + "\n"
							+ auth.group(3) + "\n" + auth.group(2) + "\n" + body + "\n", auth.group(5));
			this.requests.add(new Request(method, pathAndQuery, body, valid, auth.matches() ? auth.group(1) : null));
			if (!valid) {
				answer(exchange, 401, "{\"code\":\"SIGN_ERROR\",\"message\":\"signature does not verify\"}", false);
				return;
			}
			if (method.equals("GET")) {
				String outRefundNo = exchange.getRequestURI().getRawPath().replaceAll(".*/out-refund-no/", "");
				Refund refund = this.refunds.get(outRefundNo);
				if (refund == null) {
					answer(exchange, 404, "{\"code\":\"RESOURCE_NOT_EXISTS\",\"message\":\"refund does not exist\"}",
							false);
				}
				else {
					answer(exchange, 200, refundJson(refund), false);
				}
				return;
			}
			refund(exchange, JSON.readTree(body));
		}
	}

	private void refund(HttpExchange exchange, JsonNode request) throws IOException {
		String outRefundNo = request.path("out_refund_no").asString();
		Refund existing = this.refunds.get(outRefundNo);
		if (existing != null) {
			answer(exchange, 200, refundJson(existing), false);
			return;
		}
		Mode mode = this.next.poll();
		mode = mode == null ? Mode.SUCCESS : mode;
		String chargeKey = request.has("transaction_id") ? request.path("transaction_id").asString()
				: request.path("out_trade_no").asString();
		long amount = request.path("amount").path("refund").asLong();
		switch (mode) {
			case NOT_ENOUGH -> answer(exchange, 403,
					"{\"code\":\"NOT_ENOUGH\",\"message\":\"refund amount greater than today's overall payment\"}", false);
			case SYSTEM_ERROR_500 -> answer(exchange, 500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"system error\"}", false);
			case FREQUENCY_LIMITED_429 -> answer(exchange, 429,
					"{\"code\":\"FREQUENCY_LIMITED\",\"message\":\"too many requests\"}", false);
			default -> {
				String status = switch (mode) {
					case PROCESSING -> "PROCESSING";
					case CLOSED -> "CLOSED";
					case ABNORMAL -> "ABNORMAL";
					default -> "SUCCESS";
				};
				Refund refund = new Refund("50300" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L),
						outRefundNo, amount, status, chargeKey);
				Refund first = this.refunds.putIfAbsent(outRefundNo, refund);
				refund = first != null ? first : refund;
				switch (mode) {
					case APPLY_THEN_500 -> answer(exchange, 500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"system error\"}",
							false);
					case APPLY_THEN_SLOW -> {
						sleep(this.slowMillis);
						answer(exchange, 200, refundJson(refund), false);
					}
					case APPLY_BAD_SIGNATURE -> answer(exchange, 200, refundJson(refund), true);
					default -> answer(exchange, 200, refundJson(refund), false);
				}
			}
		}
	}

	private static String refundJson(Refund refund) {
		return """
				{"id":"%s","out_refund_no":"%s","status":"%s","create_time":"2026-12-07T10:00:00+08:00",\
				"amount":{"refund":%d,"currency":"EUR"}}""".formatted(refund.id(), refund.outRefundNo(), refund.status(),
				refund.amount());
	}

	private void answer(HttpExchange exchange, int status, String body, boolean badSignature) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		String nonce = UUID.randomUUID().toString().replace("-", "");
		KeyPair signer = badSignature ? this.otherKey : TestKeys.wallet();
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.getResponseHeaders().add("Wechatpay-Serial", TestWallets.WECHAT_PUBLIC_KEY_ID);
		exchange.getResponseHeaders().add("Wechatpay-Timestamp", timestamp);
		exchange.getResponseHeaders().add("Wechatpay-Nonce", nonce);
		exchange.getResponseHeaders().add("Wechatpay-Signature",
				RsaSignatures.sign(signer.getPrivate(), timestamp + "\n" + nonce + "\n" + body + "\n"));
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
