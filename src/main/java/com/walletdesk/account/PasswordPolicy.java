package com.walletdesk.account;

import java.util.Map;

import com.walletdesk.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** What a password must be before it is hashed and stored. */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	void check(String password, String username) {
		if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
			throw weak("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
		}
		if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
			throw weak("must contain at least one letter and one digit");
		}
		if (username != null && password.toLowerCase(java.util.Locale.ROOT).contains(username)) {
			throw weak("must not contain the username");
		}
	}

	private static ProblemException weak(String message) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "WEAK_PASSWORD", "The password is not strong enough",
				Map.of("password", message));
	}

}
