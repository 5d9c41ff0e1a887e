package com.walletdesk.wallet.antom;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.walletdesk.wallet.config.AntomCredentials;
import com.walletdesk.wallet.wechatpay.RsaSignatures;

/**
 * Antom's signatures (API.md): SHA256withRSA over {@code POST <path>\n<client-id>.<time>.<body>},
 * in the header {@code signature: algorithm=RSA256,keyVersion=<n>,signature=<URL-encoded base64>}.
 */
public final class AntomSigning {

	private static final Pattern HEADER = Pattern.compile("algorithm=RSA256,keyVersion=(\\d+),signature=(.+)");

	private AntomSigning() {
	}

	static String content(String path, String clientId, String time, String body) {
		return "POST " + path + "\n" + clientId + "." + time + "." + body;
	}

	static String header(AntomCredentials credentials, String path, String time, String body) {
		String signature = RsaSignatures.sign(credentials.merchantPrivateKey(),
				content(path, credentials.clientId(), time, body));
		return "algorithm=RSA256,keyVersion=" + credentials.keyVersion() + ",signature="
				+ URLEncoder.encode(signature, StandardCharsets.UTF_8);
	}

	/** Whether an answer or notification is Antom's: its client ID, and its signature with Antom's public key. */
	public static boolean verified(AntomCredentials credentials, String path, String clientId, String time,
			String signatureHeader, String rawBody) {
		if (clientId == null || time == null || signatureHeader == null || !clientId.equals(credentials.clientId())) {
			return false;
		}
		Matcher matcher = HEADER.matcher(signatureHeader.strip());
		if (!matcher.matches()) {
			return false;
		}
		String signature;
		try {
			signature = URLDecoder.decode(matcher.group(2), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return RsaSignatures.verify(credentials.antomPublicKey(), content(path, clientId, time, rawBody), signature);
	}

}
