package com.walletdesk.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals and opens secrets with AES-256-GCM under {@code walletdesk.secrets.key}. A sealed value
 * is {@code v1:} followed by base64 of a random 12-byte nonce and the ciphertext with its tag, so
 * the same secret never seals twice to the same text and any change to it fails to open.
 * {@code purpose} is bound as associated data: a value sealed for one column does not open as
 * another. Without a key nothing can be sealed ({@link #available()} is false); a key that is not
 * base64 of 32 bytes stops the application at start.
 */
@Component
public class SecretBox {

	/** What every sealed value starts with (a clear value never does: base32 and PEM have no ':'). */
	public static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	public SecretBox(@Value("${walletdesk.secrets.key:}") String base64Key) {
		this.key = parse(base64Key);
	}

	private static SecretKeySpec parse(String base64Key) {
		if (base64Key == null || base64Key.isBlank()) {
			return null;
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64Key.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("walletdesk.secrets.key is not base64");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException("walletdesk.secrets.key must be 32 bytes (base64), not " + bytes.length);
		}
		SecretKeySpec spec = new SecretKeySpec(bytes, "AES");
		Arrays.fill(bytes, (byte) 0);
		return spec;
	}

	/** Whether a key was given: without one nothing is sealed and nothing sealed opens. */
	public boolean available() {
		return this.key != null;
	}

	public static boolean isSealed(String value) {
		return value != null && value.startsWith(PREFIX);
	}

	/** The secret sealed for {@code purpose}. */
	public String seal(String purpose, String secret) {
		requireKey();
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * The secret in a value sealed for {@code purpose}.
	 *
	 * @throws SecretUnreadableException when there is no key, or the value was sealed under another
	 * key or purpose, or was changed
	 */
	public String open(String purpose, String sealed) {
		requireKey();
		if (!isSealed(sealed)) {
			throw new SecretUnreadableException("not a sealed value");
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
			if (in.length < NONCE_BYTES + TAG_BITS / 8) {
				throw new SecretUnreadableException("sealed value too short");
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			byte[] clear = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
			return new String(clear, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			throw new SecretUnreadableException("the sealed value does not open under this key");
		}
	}

	private void requireKey() {
		if (this.key == null) {
			throw new SecretUnreadableException("walletdesk.secrets.key is not set");
		}
	}

}
