package com.walletdesk.support;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.walletdesk.wallet.wechatpay.RsaSignatures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake WeChat Pay Global for the tests: a WireMock server on a random local port (one per test
 * JVM, started by {@link FakeWalletsInitializer}) whose transformer does what the real wallet
 * does: it checks the {@code Authorization} signature with the merchant's public key (a request
 * that fails gets 401 {@code SIGN_ERROR}), applies each {@code out_refund_no} once (a repeat
 * answers the first result), answers queries, and signs every answer with the wallet's test key.
 * What it received is read from WireMock's request journal ({@link #requestsFor}). Knobs: the next
 * answers ({@link #answerNext}), the state of a refund it holds ({@link #settle}), its clock
 * ({@link #now}).
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

	/** A request as the journal holds it, with what the wallet made of its signature. */
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

	private final WalletStub stub;

	private final ConcurrentLinkedDeque<Mode> next = new ConcurrentLinkedDeque<>();

	private final Map<String, Refund> refunds = new ConcurrentHashMap<>();

	private final KeyPair otherKey = TestKeys.generate();

	public volatile long slowMillis = 6_000;

	/** The wallet's clock, which its answers' timestamps come from: a test that moves our clock moves it too. */
	public volatile Supplier<Instant> now = Instant::now;

	private FakeWechatPay() {
		this.stub = new WalletStub("fake-wechatpay", "/v3/global/refunds.*", this::handle);
	}

	public static synchronized FakeWechatPay get() {
		if (instance == null) {
			instance = new FakeWechatPay();
		}
		return instance;
	}

	public String baseUrl() {
		return this.stub.baseUrl();
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
		this.now = Instant::now;
	}

	/** Moves a refund it holds to another status (SUCCESS, CLOSED, ABNORMAL), as the wallet would. */
	public void settle(String outRefundNo, String status) {
		this.refunds.computeIfPresent(outRefundNo,
				(k, r) -> new Refund(r.id(), r.outRefundNo(), r.amount(), status, r.chargeKey()));
	}

	public Refund refund(String outRefundNo) {
		return this.refunds.get(outRefundNo);
	}

	/** Every request received (WireMock's journal), oldest first. */
	public List<Request> requests() {
		return this.stub.journal().stream().map(FakeWechatPay::request).toList();
	}

	/** The requests received for one out_refund_no (refunds and queries), oldest first. */
	public List<Request> requestsFor(String outRefundNo) {
		return requests().stream()
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

	private static Request request(LoggedRequest logged) {
		String method = logged.getMethod().getName();
		String body = new String(logged.getBody(), StandardCharsets.UTF_8);
		Matcher auth = AUTH.matcher(String.valueOf(logged.getHeader("Authorization")));
		boolean valid = auth.matches() && auth.group(4).equals(TestWallets.MERCHANT_SERIAL)
				&& RsaSignatures.verify(TestKeys.merchant().getPublic(), method + "\n" + logged.getUrl() + "\n"
						+ auth.group(3) + "\n" + auth.group(2) + "\n" + body + "\n", auth.group(5));
		return new Request(method, logged.getUrl(), body, valid, auth.matches() ? auth.group(1) : null);
	}

	private ResponseDefinition handle(LoggedRequest logged) {
		Request request = request(logged);
		if (!request.signatureValid()) {
			return answer(401, "{\"code\":\"SIGN_ERROR\",\"message\":\"signature does not verify\"}", false, 0);
		}
		if (request.method().equals("GET")) {
			String outRefundNo = request.pathAndQuery().replaceAll(".*/out-refund-no/", "").replaceAll("\\?.*", "");
			Refund refund = this.refunds.get(outRefundNo);
			return refund == null
					? answer(404, "{\"code\":\"RESOURCE_NOT_EXISTS\",\"message\":\"refund does not exist\"}", false, 0)
					: answer(200, refundJson(refund), false, 0);
		}
		return refund(request.json());
	}

	private ResponseDefinition refund(JsonNode request) {
		String outRefundNo = request.path("out_refund_no").asString();
		Refund existing = this.refunds.get(outRefundNo);
		if (existing != null) {
			return answer(200, refundJson(existing), false, 0);
		}
		Mode mode = this.next.poll();
		mode = mode == null ? Mode.SUCCESS : mode;
		String chargeKey = request.has("transaction_id") ? request.path("transaction_id").asString()
				: request.path("out_trade_no").asString();
		long amount = request.path("amount").path("refund").asLong();
		switch (mode) {
			case NOT_ENOUGH:
				return answer(403,
						"{\"code\":\"NOT_ENOUGH\",\"message\":\"refund amount greater than today's overall payment\"}",
						false, 0);
			case SYSTEM_ERROR_500:
				return answer(500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"system error\"}", false, 0);
			case FREQUENCY_LIMITED_429:
				return answer(429, "{\"code\":\"FREQUENCY_LIMITED\",\"message\":\"too many requests\"}", false, 0);
			default:
				break;
		}
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
		return switch (mode) {
			case APPLY_THEN_500 -> answer(500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"system error\"}", false, 0);
			// applied now; WireMock holds the answer back (the request is in the journal already)
			case APPLY_THEN_SLOW -> answer(200, refundJson(refund), false, this.slowMillis);
			case APPLY_BAD_SIGNATURE -> answer(200, refundJson(refund), true, 0);
			default -> answer(200, refundJson(refund), false, 0);
		};
	}

	private static String refundJson(Refund refund) {
		return """
				{"id":"%s","out_refund_no":"%s","status":"%s","create_time":"2026-12-07T10:00:00+08:00",\
				"amount":{"refund":%d,"currency":"EUR"}}""".formatted(refund.id(), refund.outRefundNo(), refund.status(),
				refund.amount());
	}

	private ResponseDefinition answer(int status, String body, boolean badSignature, long delayMillis) {
		String timestamp = String.valueOf(this.now.get().getEpochSecond());
		String nonce = UUID.randomUUID().toString().replace("-", "");
		KeyPair signer = badSignature ? this.otherKey : TestKeys.wallet();
		return WalletStub.answer(status, body,
				List.of(new String[] { "Wechatpay-Serial", TestWallets.WECHAT_PUBLIC_KEY_ID },
						new String[] { "Wechatpay-Timestamp", timestamp }, new String[] { "Wechatpay-Nonce", nonce },
						new String[] { "Wechatpay-Signature",
								RsaSignatures.sign(signer.getPrivate(), timestamp + "\n" + nonce + "\n" + body + "\n") }),
				delayMillis);
	}

}
