package com.walletdesk.wallet.config;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/** RSA keys from PEM text: PKCS#8 private keys and X.509 (SubjectPublicKeyInfo) public keys. */
public final class Pem {

	private Pem() {
	}

	/** The RSA private key of a {@code -----BEGIN PRIVATE KEY-----} block, or empty when it does not parse. */
	public static Optional<PrivateKey> privateKey(String pem) {
		return body(pem, "PRIVATE KEY").flatMap(der -> {
			try {
				PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
				return strongEnough(key) ? Optional.of(key) : Optional.empty();
			}
			catch (GeneralSecurityException ex) {
				return Optional.empty();
			}
		});
	}

	/** The RSA public key of a {@code -----BEGIN PUBLIC KEY-----} block, or empty when it does not parse. */
	public static Optional<PublicKey> publicKey(String pem) {
		return body(pem, "PUBLIC KEY").flatMap(der -> {
			try {
				PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
				return strongEnough(key) ? Optional.of(key) : Optional.empty();
			}
			catch (GeneralSecurityException ex) {
				return Optional.empty();
			}
		});
	}

	/** PEM text of a key (for tests and the fakes). */
	public static String encode(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static boolean strongEnough(java.security.Key key) {
		return key instanceof RSAKey rsa && rsa.getModulus().bitLength() >= 2048;
	}

	private static Optional<byte[]> body(String pem, String type) {
		if (pem == null) {
			return Optional.empty();
		}
		String text = pem.strip();
		String begin = "-----BEGIN " + type + "-----";
		String end = "-----END " + type + "-----";
		if (!text.startsWith(begin) || !text.endsWith(end)) {
			return Optional.empty();
		}
		String base64 = text.substring(begin.length(), text.length() - end.length()).replaceAll("\\s", "");
		try {
			return Optional.of(Base64.getDecoder().decode(base64));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
