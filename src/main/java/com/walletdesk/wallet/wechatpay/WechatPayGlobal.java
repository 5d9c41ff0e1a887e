package com.walletdesk.wallet.wechatpay;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.walletdesk.wallet.LiveWallet;
import com.walletdesk.wallet.RefundOrder;
import com.walletdesk.wallet.WalletAnswer;
import com.walletdesk.wallet.WalletTimeoutException;
import com.walletdesk.wallet.config.ProviderKind;
import com.walletdesk.wallet.config.WalletSetup;
import com.walletdesk.wallet.config.WechatPayCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refunds through WeChat Pay Global (API.md): {@code POST /v3/global/refunds} keyed by
 * {@code out_refund_no} (our refund's ID, the same on every retry), and
 * {@code GET /v3/global/refunds/out-refund-no/{no}}. Every request is signed; an answer that does
 * not verify is no answer (UNKNOWN: the refund stays pending), never a success or a refusal. One
 * HTTP client (its own connection pool) for this wallet, with a connect and a request timeout.
 */
@Component
class WechatPayGlobal implements LiveWallet {

	static final String REFUNDS = "/v3/global/refunds";

	/** Error codes that mean "not known": ask, then send again with the same out_refund_no. */
	private static final Set<String> RETRY_CODES = Set.of("SYSTEM_ERROR", "FREQUENCY_LIMITED");

	private static final Set<String> NOT_FOUND_CODES = Set.of("RESOURCE_NOT_EXISTS", "ORDER_NOT_EXIST", "NOT_FOUND");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final String notifyUrl;

	private final Duration timeout;

	private final Clock clock;

	private final HttpClient http;

	WechatPayGlobal(@Value("${walletdesk.wallet.wechatpay.base-url:https://apihk.mch.weixin.qq.com}") String baseUrl,
			@Value("${walletdesk.public-base-url:http://localhost:8080}") String publicBaseUrl,
			@Value("${walletdesk.wallet.call-timeout:PT5S}") Duration timeout, Clock clock) {
		this.baseUrl = stripSlash(baseUrl);
		this.notifyUrl = stripSlash(publicBaseUrl) + "/api/v1/wallets/wechatpay/notify";
		this.timeout = timeout;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
	}

	@Override
	public ProviderKind kind() {
		return ProviderKind.WECHATPAY_GLOBAL;
	}

	@Override
	public WalletAnswer refund(RefundOrder order, WalletSetup setup) {
		WechatPayCredentials credentials = (WechatPayCredentials) setup.credentials();
		String body = JSON.writeValueAsString(refundBody(order, credentials, this.notifyUrl));
		Answer answer = send(credentials, "POST", REFUNDS, body);
		if (answer == null) {
			return WalletAnswer.unknown("WeChat Pay's answer did not verify");
		}
		if (answer.status() == 200) {
			return RefundOutcome.of(answer.json());
		}
		String code = answer.json().path("code").asString("");
		if (answer.status() == 429 || answer.status() >= 500 || RETRY_CODES.contains(code)) {
			return WalletAnswer.unknown("WeChat Pay answered " + answer.status() + " " + code);
		}
		if (answer.status() >= 400 && answer.status() < 500) {
			return WalletAnswer.declined(null, RefundOutcome.words(code, answer.json().path("message").asString("")));
		}
		return WalletAnswer.unknown("WeChat Pay answered " + answer.status());
	}

	@Override
	public WalletAnswer queryRefund(RefundOrder order, WalletSetup setup) {
		WechatPayCredentials credentials = (WechatPayCredentials) setup.credentials();
		String query = credentials.institutional() ? "sub_mchid=" + encode(credentials.subMchId())
				: "mchid=" + encode(credentials.mchId());
		String path = REFUNDS + "/out-refund-no/" + encode(order.refundKey()) + "?" + query;
		Answer answer = send(credentials, "GET", path, "");
		if (answer == null) {
			return WalletAnswer.unknown("WeChat Pay's answer did not verify");
		}
		if (answer.status() == 200) {
			return RefundOutcome.of(answer.json());
		}
		if (answer.status() == 404 && NOT_FOUND_CODES.contains(answer.json().path("code").asString(""))) {
			return WalletAnswer.notFound();
		}
		return WalletAnswer.unknown("WeChat Pay answered the query " + answer.status());
	}

	static Map<String, Object> refundBody(RefundOrder order, WechatPayCredentials credentials, String notifyUrl) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (credentials.institutional()) {
			body.put("sp_mchid", credentials.mchId());
			body.put("sub_mchid", credentials.subMchId());
			putIfSet(body, "sp_appid", credentials.appId());
			putIfSet(body, "sub_appid", credentials.subAppId());
		}
		else {
			body.put("mchid", credentials.mchId());
			putIfSet(body, "appid", credentials.appId());
		}
		if (order.vendorReference() != null && !order.vendorReference().isBlank()) {
			body.put("transaction_id", order.vendorReference());
		}
		else {
			body.put("out_trade_no", order.chargeId());
		}
		body.put("out_refund_no", order.refundKey());
		if (order.reason() != null) {
			// the wallet takes at most 80 characters
			body.put("reason", order.reason().length() > 80 ? order.reason().substring(0, 80) : order.reason());
		}
		body.put("notify_url", notifyUrl);
		Map<String, Object> amount = new LinkedHashMap<>();
		amount.put("refund", order.amount().minor());
		amount.put("total", order.chargeAmount().minor());
		amount.put("currency", order.amount().currency().getCurrencyCode());
		body.put("amount", amount);
		return body;
	}

	/** A verified answer: its status and JSON body (an empty object when it has none). */
	private record Answer(int status, JsonNode json) {
	}

	/** Sends a signed request; null when the answer does not verify. Throws on a time-out. */
	private Answer send(WechatPayCredentials credentials, String method, String pathAndQuery, String body) {
		String json = body;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + pathAndQuery))
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.header("User-Agent", "walletdesk")
			.header("Authorization",
					WechatPaySigning.authorization(credentials, method, pathAndQuery, json, this.clock.instant()));
		if (method.equals("POST")) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.GET();
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (HttpTimeoutException ex) {
			throw new WalletTimeoutException("WeChat Pay did not answer within " + this.timeout.toMillis() + " ms");
		}
		catch (IOException ex) {
			throw new IllegalStateException("WeChat Pay could not be reached: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WalletTimeoutException("interrupted while waiting for WeChat Pay");
		}
		String raw = response.body() == null ? "" : response.body();
		boolean verified = WechatPaySigning.verified(credentials, header(response, "Wechatpay-Serial"),
				header(response, "Wechatpay-Timestamp"), header(response, "Wechatpay-Nonce"),
				header(response, "Wechatpay-Signature"), raw, this.clock.instant());
		if (!verified) {
			return null;
		}
		JsonNode parsed;
		try {
			parsed = raw.isBlank() ? JSON.createObjectNode() : JSON.readTree(raw);
		}
		catch (RuntimeException ex) {
			parsed = JSON.createObjectNode();
		}
		return new Answer(response.statusCode(), parsed);
	}

	private static String header(HttpResponse<?> response, String name) {
		return response.headers().firstValue(name).orElse(null);
	}

	private static void putIfSet(Map<String, Object> body, String name, String value) {
		if (value != null) {
			body.put(name, value);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
