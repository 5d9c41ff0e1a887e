package com.walletdesk.wallet.wechatpay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** SHA256withRSA over UTF-8 text, base64 (both wallets sign this way). */
public final class RsaSignatures {

	private RsaSignatures() {
	}

	public static String sign(PrivateKey key, String message) {
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(key);
			signature.update(message.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot sign with this key", ex);
		}
	}

	/** Whether {@code base64Signature} is the key's signature of the message; false for anything malformed. */
	public static boolean verify(PublicKey key, String message, String base64Signature) {
		if (base64Signature == null || base64Signature.isEmpty()) {
			return false;
		}
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initVerify(key);
			signature.update(message.getBytes(StandardCharsets.UTF_8));
			return signature.verify(Base64.getDecoder().decode(base64Signature));
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			return false;
		}
	}

}
