package com.walletdesk.support;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.walletdesk.wallet.wechatpay.RsaSignatures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake Antom for the tests: a WireMock server (one per JVM, started by
 * {@link FakeWalletsInitializer}) whose transformer checks our {@code signature} header with the
 * merchant's public key, applies each {@code refundRequestId} once, answers {@code inquiryRefund},
 * and signs its answers with the wallet's test key. What it received is read from WireMock's
 * request journal ({@link #requestsFor}).
 */
public final class FakeAntom {

	public enum Mode {
		S, F, U_APPLIED, U_NOT_APPLIED, SERVER_ERROR, APPLY_BAD_SIGNATURE,
		/** Applies it, then answers only after {@link #slowMillis} (WireMock holds the answer back). */
		APPLY_THEN_SLOW
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

	private final WalletStub stub;

	private final ConcurrentLinkedDeque<Mode> next = new ConcurrentLinkedDeque<>();

	private final Map<String, Refund> refunds = new ConcurrentHashMap<>();

	private final KeyPair otherKey = TestKeys.generate();

	public volatile long slowMillis = 6_000;

	private FakeAntom() {
		this.stub = new WalletStub("fake-antom", "/ams/api/v1/payments/.*", this::handle);
	}

	public static synchronized FakeAntom get() {
		if (instance == null) {
			instance = new FakeAntom();
		}
		return instance;
	}

	public String baseUrl() {
		return this.stub.baseUrl();
	}

	public void answerNext(Mode... modes) {
		for (Mode mode : modes) {
			this.next.add(mode);
		}
	}

	public void reset() {
		this.next.clear();
		this.slowMillis = 6_000;
	}

	public Refund refund(String refundRequestId) {
		return this.refunds.get(refundRequestId);
	}

	/** The requests (refunds and inquiries) naming one refundRequestId, from WireMock's journal, oldest first. */
	public List<Request> requestsFor(String refundRequestId) {
		return this.stub.journal()
			.stream()
			.map(FakeAntom::request)
			.filter(r -> r.body().contains("\"" + refundRequestId + "\""))
			.toList();
	}

	private static Request request(LoggedRequest logged) {
		String path = logged.getUrl().replaceAll("\\?.*", "");
		String body = new String(logged.getBody(), StandardCharsets.UTF_8);
		String clientId = logged.getHeader("client-id");
		String time = logged.getHeader("request-time");
		Matcher signature = SIGNATURE.matcher(String.valueOf(logged.getHeader("signature")));
		boolean valid = CLIENT_ID.equals(clientId) && time != null && signature.matches()
				&& RsaSignatures.verify(TestKeys.merchant().getPublic(),
						"POST " + path + "\n" + clientId + "." + time + "." + body,
						URLDecoder.decode(signature.group(2), StandardCharsets.UTF_8));
		return new Request(path, body, valid);
	}

	private ResponseDefinition handle(LoggedRequest logged) {
		Request request = request(logged);
		String path = request.path();
		if (!request.signatureValid()) {
			return answer(path, 200, result("F", "INVALID_SIGNATURE", "signature does not verify"), false);
		}
		JsonNode body = request.json();
		String key = body.path("refundRequestId").asString();
		if (path.endsWith("/inquiryRefund")) {
			Refund refund = this.refunds.get(key);
			return answer(path, 200, refund == null ? result("F", "REFUND_NOT_EXIST", "no such refund")
					: "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"},"
							+ "\"refundId\":\"" + refund.refundId() + "\",\"refundStatus\":\"" + refund.status() + "\"}",
					false);
		}
		Refund existing = this.refunds.get(key);
		if (existing != null) {
			return answer(path, 200, success(existing), false);
		}
		Mode mode = this.next.poll();
		mode = mode == null ? Mode.S : mode;
		switch (mode) {
			case F:
				return answer(path, 200, result("F", "REFUND_AMOUNT_EXCEED", "The refund amount exceeds the limit"), false);
			case U_NOT_APPLIED:
				return answer(path, 200, result("U", "UNKNOWN_EXCEPTION", "try again"), false);
			case SERVER_ERROR:
				return answer(path, 500, "{}", false);
			default:
				break;
		}
		Refund refund = new Refund(String.valueOf(IDS.incrementAndGet()), key, body.path("paymentId").asString(),
				Long.parseLong(body.path("refundAmount").path("value").asString()), "SUCCESS");
		Refund first = this.refunds.putIfAbsent(key, refund);
		refund = first != null ? first : refund;
		return switch (mode) {
			case U_APPLIED -> answer(path, 200, result("U", "UNKNOWN_EXCEPTION", "try again"), false, 0);
			case APPLY_THEN_SLOW -> answer(path, 200, success(refund), false, this.slowMillis);
			default -> answer(path, 200, success(refund), mode == Mode.APPLY_BAD_SIGNATURE, 0);
		};
	}

	private static String success(Refund refund) {
		return "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"},"
				+ "\"refundId\":\"" + refund.refundId() + "\",\"refundRequestId\":\"" + refund.refundRequestId() + "\"}";
	}

	private static String result(String status, String code, String message) {
		return "{\"result\":{\"resultCode\":\"" + code + "\",\"resultStatus\":\"" + status + "\",\"resultMessage\":\""
				+ message + "\"}}";
	}

	private ResponseDefinition answer(String path, int status, String body, boolean badSignature) {
		return answer(path, status, body, badSignature, 0);
	}

	private ResponseDefinition answer(String path, int status, String body, boolean badSignature, long delayMillis) {
		String time = String.valueOf(System.currentTimeMillis());
		KeyPair signer = badSignature ? this.otherKey : TestKeys.wallet();
		String signature = RsaSignatures.sign(signer.getPrivate(), "POST " + path + "\n" + CLIENT_ID + "." + time + "." + body);
		return WalletStub.answer(status, body,
				List.of(new String[] { "client-id", CLIENT_ID }, new String[] { "response-time", time },
						new String[] { "signature",
								"algorithm=RSA256,keyVersion=1,signature=" + URLEncoder.encode(signature, StandardCharsets.UTF_8) }),
				delayMillis);
	}

}
