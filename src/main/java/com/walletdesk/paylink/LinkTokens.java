package com.walletdesk.paylink;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret in a link's URL: 256 bits from {@link SecureRandom}, base64url without padding
 * (43 characters). Guessing one is out of reach, so the payer's page needs no sign-in.
 */
final class LinkTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

	private LinkTokens() {
	}

	static String next() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Whether the text can be a token at all (anything else is not looked up: 404). */
	static boolean wellFormed(String token) {
		return token != null && SHAPE.matcher(token).matches();
	}

}
