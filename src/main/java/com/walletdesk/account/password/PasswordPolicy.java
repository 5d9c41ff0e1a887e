package com.walletdesk.account.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.walletdesk.web.ProblemException;
import com.walletdesk.web.Unicode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What a password must be before it is hashed and stored (PCI DSS 8.3.6, ASVS 2.1): 12 to 128
 * characters with a letter and a digit, not one of the 3,000 most common passwords (nor one of
 * them dressed up with digits and symbols around it, such as {@code Password2026!}), and not
 * containing the username. Reuse of the last {@value #HISTORY} is checked by
 * {@link AccountService}, which holds the history.
 */
@Component
public class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	/** A new password may not equal any of the account's last this many (the current one included). */
	public static final int HISTORY = 4;

	static final String COMMON_PASSWORDS = "account/common-passwords.txt";

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load();
	}

	public void check(String password, String username) {
		if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
			throw weak("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
		}
		// a control character cannot be typed into the sign-in form (which refuses a NUL): the
		// account would be locked out for good; a lone surrogate is not text at all
		if (password.chars().anyMatch(Character::isISOControl) || Unicode.hasLoneSurrogate(password)) {
			throw weak("must not contain control characters or malformed Unicode");
		}
		if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
			throw weak("must contain at least one letter and one digit");
		}
		if (isCommon(password)) {
			throw weak("is too common: it is one of the most used passwords");
		}
		if (username != null && !username.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			throw weak("must not contain the username");
		}
	}

	/** Letters and digits that cannot be mistaken for one another when read out or copied by hand. */
	private static final String ISSUED_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final java.security.SecureRandom random = new java.security.SecureRandom();

	/**
	 * A password for an operator to hand over (a new account, a reset): 16 random letters and
	 * digits (about 92 bits), which passes {@link #check}; its owner changes it at the first sign-in.
	 */
	public String issue(String username) {
		while (true) {
			StringBuilder password = new StringBuilder(16);
			for (int i = 0; i < 16; i++) {
				password.append(ISSUED_ALPHABET.charAt(this.random.nextInt(ISSUED_ALPHABET.length())));
			}
			try {
				check(password.toString(), username);
				return password.toString();
			}
			catch (com.walletdesk.web.ProblemException ex) {
				// no letter or no digit (rare): draw again
			}
		}
	}

	/**
	 * A listed password, compared without case, as it is or with only digits and symbols
	 * before and after it ({@code qwerty123456}, {@code !Password2026}).
	 */
	boolean isCommon(String password) {
		String lower = password.toLowerCase(Locale.ROOT);
		if (this.common.contains(lower)) {
			return true;
		}
		int start = 0;
		int end = lower.length();
		while (start < end && !Character.isLetter(lower.charAt(start))) {
			start++;
		}
		while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
			end--;
		}
		return end > start && this.common.contains(lower.substring(start, end));
	}

	int commonCount() {
		return this.common.size();
	}

	static ProblemException weak(String message) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "WEAK_PASSWORD", "The password is not strong enough",
				Map.of("password", message));
	}

	private static Set<String> load() {
		InputStream stream = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS);
		if (stream == null) {
			throw new IllegalStateException(COMMON_PASSWORDS + " is missing");
		}
		Set<String> words = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isEmpty() && !line.startsWith("#")) {
					words.add(line.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

}
