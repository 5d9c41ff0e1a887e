package com.walletdesk.wallet.wechatpay;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import com.walletdesk.wallet.config.WechatPayCredentials;

/**
 * API v3 signatures (API.md): the {@code Authorization} header of our requests, and the check of
 * an answer's or a notification's {@code Wechatpay-*} headers against the raw body.
 */
public final class WechatPaySigning {

	/** How far a signed timestamp may be from our clock. */
	public static final Duration WINDOW = Duration.ofMinutes(5);

	private static final SecureRandom RANDOM = new SecureRandom();

	private WechatPaySigning() {
	}

	/** {@code WECHATPAY2-SHA256-RSA2048 mchid=...} over {@code METHOD\nPATH?QUERY\ntimestamp\nnonce\nbody\n}. */
	static String authorization(WechatPayCredentials credentials, String method, String pathAndQuery, String body,
			Instant now) {
		String timestamp = String.valueOf(now.getEpochSecond());
		String nonce = nonce();
		String message = method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n";
		String signature = RsaSignatures.sign(credentials.merchantPrivateKey(), message);
		return "WECHATPAY2-SHA256-RSA2048 mchid=\"" + credentials.mchId() + "\",nonce_str=\"" + nonce
				+ "\",timestamp=\"" + timestamp + "\",serial_no=\"" + credentials.merchantSerialNo() + "\",signature=\""
				+ signature + "\"";
	}

	/**
	 * Whether an answer or notification is WeChat Pay's: the serial is the configured public key's
	 * ID, the timestamp within {@link #WINDOW} of now, and the signature over
	 * {@code timestamp\nnonce\nbody\n} verifies with the configured public key.
	 */
	public static boolean verified(WechatPayCredentials credentials, String serial, String timestamp, String nonce,
			String signature, String rawBody, Instant now) {
		if (serial == null || timestamp == null || nonce == null || signature == null
				|| !serial.equals(credentials.wechatPayPublicKeyId()) || !timestamp.matches("\\d{1,12}")) {
			return false;
		}
		Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
		if (Duration.between(signedAt, now).abs().compareTo(WINDOW) > 0) {
			return false;
		}
		return RsaSignatures.verify(credentials.wechatPayPublicKey(), timestamp + "\n" + nonce + "\n" + rawBody + "\n",
				signature);
	}

	static String nonce() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().withUpperCase().formatHex(bytes);
	}

}
