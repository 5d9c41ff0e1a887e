package com.walletdesk.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.walletdesk.web.ProblemException;

/** The user list's opaque cursor: the last username of a page, base64url. */
final class UserCursor {

	private UserCursor() {
	}

	static String encode(String username) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(username.getBytes(StandardCharsets.UTF_8));
	}

	/** The username to continue after; null for the first page; 400 INVALID_CURSOR for anything we did not issue. */
	static String decode(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String username = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (username.matches("[a-z0-9][a-z0-9._@-]{2,99}")) {
				return username;
			}
		}
		catch (IllegalArgumentException ex) {
			// answered below
		}
		throw ProblemException.invalidField("INVALID_CURSOR", "cursor", "is not a cursor this list gave");
	}

}
