package com.walletdesk.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.walletdesk.wallet.wechatpay.RsaSignatures;

/** Builds and delivers the wallets' notifications as the wallets would: encrypted, signed, no session. */
public final class WalletNotifications {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private WalletNotifications() {
	}

	/** A WeChat Pay refund notification body, its resource encrypted with the API v3 key. */
	public static String wechatPayBody(String mchid, String outRefundNo, String refundId, String status) {
		String resource = """
				{"mchid":"%s","out_trade_no":"T1","transaction_id":"4200000000","out_refund_no":"%s","refund_id":"%s",\
				"refund_status":"%s","success_time":"2026-12-07T13:29:35+08:00","amount":{"refund":1000,"total":10000}}"""
			.formatted(mchid, outRefundNo, refundId, status);
		String nonce = UUID.randomUUID().toString().substring(0, 12);
		String associated = "refund";
		return """
				{"id":"EV-%s","create_time":"2026-12-07T13:29:35+08:00","resource_type":"encrypt-resource",\
				"event_type":"REFUND.SUCCESS","summary":"refund","resource":{"original_type":"refund",\
				"algorithm":"AEAD_AES_256_GCM","ciphertext":"%s","associated_data":"%s","nonce":"%s"}}"""
			.formatted(UUID.randomUUID(), encrypt(TestWallets.API_V3_KEY, nonce, associated, resource), associated, nonce);
	}

	static String encrypt(String key, String nonce, String associated, String text) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"),
					new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
			cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(cipher.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Delivers a WeChat Pay notification signed with {@code key} at {@code signedAt}. */
	public static HttpResponse<String> deliverWechatPay(int port, String body, PrivateKey key, Instant signedAt) {
		return deliverWechatPay(port, body, body, key, signedAt);
	}

	/** Delivers {@code body} with the signature of {@code signedBody} (the same, unless the test says otherwise). */
	public static HttpResponse<String> deliverWechatPay(int port, String body, String signedBody, PrivateKey key,
			Instant signedAt) {
		String timestamp = String.valueOf(signedAt.getEpochSecond());
		String nonce = UUID.randomUUID().toString().replace("-", "");
		String signature = RsaSignatures.sign(key, timestamp + "\n" + nonce + "\n" + signedBody + "\n");
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/wallets/wechatpay/notify"))
			.header("Content-Type", "application/json")
			.header("Wechatpay-Serial", TestWallets.WECHAT_PUBLIC_KEY_ID)
			.header("Wechatpay-Timestamp", timestamp)
			.header("Wechatpay-Nonce", nonce)
			.header("Wechatpay-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	public static String antomBody(String refundRequestId, String refundId, String status) {
		return """
				{"notifyType":"REFUND_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},\
				"refundStatus":"%s","refundRequestId":"%s","refundId":"%s","refundAmount":{"currency":"EUR","value":"1000"}}"""
			.formatted(status, refundRequestId, refundId);
	}

	public static HttpResponse<String> deliverAntom(int port, String body, PrivateKey key) {
		String path = "/api/v1/wallets/antom/notify";
		String time = String.valueOf(System.currentTimeMillis());
		String signature = RsaSignatures.sign(key, "POST " + path + "\n" + FakeAntom.CLIENT_ID + "." + time + "." + body);
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.header("client-id", FakeAntom.CLIENT_ID)
			.header("request-time", time)
			.header("signature",
					"algorithm=RSA256,keyVersion=1,signature=" + URLEncoder.encode(signature, StandardCharsets.UTF_8))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
