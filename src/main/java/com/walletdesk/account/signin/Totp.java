package com.walletdesk.account.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/**
 * RFC 6238 time-based one-time passwords as authenticator apps make them: HMAC-SHA-1, 6 digits,
 * 30-second steps. A code of the step before or after the current one is accepted too (clock
 * drift); the caller learns which step matched, so the same code is never accepted twice.
 */
final class Totp {

	static final int PERIOD_SECONDS = 30;

	static final int DIGITS = 6;

	private static final DefaultCodeGenerator GENERATOR = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

	private Totp() {
	}

	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
	}

	static String code(String secret, long step) {
		try {
			return GENERATOR.generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException("cannot compute a TOTP code", ex);
		}
	}

	/** The step (now, one before or one after) whose code equals {@code code}, or empty. */
	static OptionalLong matchingStep(String secret, String code, Instant now) {
		if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		for (long step = current - 1; step <= current + 1; step++) {
			if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

}
