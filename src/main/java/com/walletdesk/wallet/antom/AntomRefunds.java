package com.walletdesk.wallet.antom;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.walletdesk.wallet.LiveWallet;
import com.walletdesk.wallet.RefundOrder;
import com.walletdesk.wallet.WalletAnswer;
import com.walletdesk.wallet.WalletTimeoutException;
import com.walletdesk.wallet.config.AntomCredentials;
import com.walletdesk.wallet.config.ProviderKind;
import com.walletdesk.wallet.config.WalletSetup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refunds through Antom (API.md): {@code payments/refund} keyed by {@code refundRequestId} (our
 * refund's ID, the same on every retry) and {@code payments/inquiryRefund}. Signed requests; an
 * answer that does not verify is no answer. One HTTP client (connection pool) for this wallet.
 */
@Component
class AntomRefunds implements LiveWallet {

	static final String REFUND = "/ams/api/v1/payments/refund";

	static final String INQUIRY = "/ams/api/v1/payments/inquiryRefund";

	private static final Set<String> NOT_FOUND_CODES = Set.of("REFUND_NOT_EXIST", "ORDER_NOT_EXIST");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final String notifyUrl;

	private final Duration timeout;

	private final Clock clock;

	private final HttpClient http;

	AntomRefunds(@Value("${walletdesk.wallet.antom.base-url:https://open-sea-global.alipay.com}") String baseUrl,
			@Value("${walletdesk.public-base-url:http://localhost:8080}") String publicBaseUrl,
			@Value("${walletdesk.wallet.call-timeout:PT5S}") Duration timeout, Clock clock) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.notifyUrl = (publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
				: publicBaseUrl) + "/api/v1/wallets/antom/notify";
		this.timeout = timeout;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
	}

	@Override
	public ProviderKind kind() {
		return ProviderKind.ANTOM;
	}

	@Override
	public Optional<String> refusal(String vendorReference) {
		return vendorReference == null || vendorReference.isBlank()
				? Optional.of("This charge has no Antom paymentId (the wallet's payment ID): it cannot be refunded "
						+ "through Antom")
				: Optional.empty();
	}

	@Override
	public WalletAnswer refund(RefundOrder order, WalletSetup setup) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("refundRequestId", order.refundKey());
		body.put("paymentId", order.vendorReference());
		body.put("refundAmount", Map.of("currency", order.amount().currency().getCurrencyCode(), "value",
				String.valueOf(order.amount().minor())));
		body.put("refundReason", order.reason());
		body.put("refundNotifyUrl", this.notifyUrl);
		JsonNode answer = send((AntomCredentials) setup.credentials(), REFUND, JSON.writeValueAsString(body));
		if (answer == null) {
			return WalletAnswer.unknown("Antom's answer did not verify or was an error");
		}
		JsonNode result = answer.path("result");
		return switch (result.path("resultStatus").asString("")) {
			case "S" -> WalletAnswer.succeeded(answer.path("refundId").asString(null));
			case "F" -> WalletAnswer.declined(answer.path("refundId").asString(null), words(result));
			default -> WalletAnswer.unknown("Antom answered " + result.path("resultCode").asString("U"));
		};
	}

	@Override
	public WalletAnswer queryRefund(RefundOrder order, WalletSetup setup) {
		String body = JSON.writeValueAsString(Map.of("refundRequestId", order.refundKey()));
		JsonNode answer = send((AntomCredentials) setup.credentials(), INQUIRY, body);
		if (answer == null) {
			return WalletAnswer.unknown("Antom's answer did not verify or was an error");
		}
		JsonNode result = answer.path("result");
		String status = result.path("resultStatus").asString("");
		if (status.equals("F") && NOT_FOUND_CODES.contains(result.path("resultCode").asString(""))) {
			return WalletAnswer.notFound();
		}
		if (!status.equals("S")) {
			return WalletAnswer.unknown("Antom answered the inquiry " + result.path("resultCode").asString(status));
		}
		return switch (answer.path("refundStatus").asString("")) {
			case "SUCCESS" -> WalletAnswer.succeeded(answer.path("refundId").asString(null));
			case "FAIL" -> WalletAnswer.declined(answer.path("refundId").asString(null),
					"FAIL: " + answer.path("refundFailReason").asString("Antom did not refund"));
			default -> WalletAnswer.unknown("PROCESSING");
		};
	}

	static String words(JsonNode result) {
		String code = result.path("resultCode").asString("F");
		String message = result.path("resultMessage").asString("");
		return message.isBlank() ? code : code + ": " + message;
	}

	/** The verified JSON answer of a 2xx; null when it is not 2xx or does not verify. Throws on a time-out. */
	private JsonNode send(AntomCredentials credentials, String path, String body) {
		String time = String.valueOf(this.clock.millis());
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(this.timeout)
			.header("Content-Type", "application/json; charset=UTF-8")
			.header("client-id", credentials.clientId())
			.header("request-time", time)
			.header("signature", AntomSigning.header(credentials, path, time, body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (HttpTimeoutException ex) {
			throw new WalletTimeoutException("Antom did not answer within " + this.timeout.toMillis() + " ms");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Antom could not be reached: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WalletTimeoutException("interrupted while waiting for Antom");
		}
		String raw = response.body() == null ? "" : response.body();
		if (response.statusCode() / 100 != 2 || !AntomSigning.verified(credentials, path,
				response.headers().firstValue("client-id").orElse(null),
				response.headers().firstValue("response-time").orElse(null),
				response.headers().firstValue("signature").orElse(null), raw)) {
			return null;
		}
		try {
			return JSON.readTree(raw);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
