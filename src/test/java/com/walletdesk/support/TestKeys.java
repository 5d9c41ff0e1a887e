package com.walletdesk.support;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

import com.walletdesk.wallet.config.Pem;

/** RSA key pairs generated for a test run (never a real merchant's), and their PEM texts. */
public final class TestKeys {

	private static final KeyPair MERCHANT = generate();

	private static final KeyPair WALLET = generate();

	private TestKeys() {
	}

	public static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The merchant's pair (we sign with its private key; the fake wallet checks with its public key). */
	public static KeyPair merchant() {
		return MERCHANT;
	}

	/** The wallet's pair (the fake wallet signs its answers; we check with its public key). */
	public static KeyPair wallet() {
		return WALLET;
	}

	public static String privatePem(KeyPair pair) {
		return Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded());
	}

	public static String publicPem(KeyPair pair) {
		return Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded());
	}

	/** JSON text of a string (quotes, backslashes and newlines escaped). */
	public static String json(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

}
