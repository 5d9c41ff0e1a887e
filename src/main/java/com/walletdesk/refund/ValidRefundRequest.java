package com.walletdesk.refund;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import com.walletdesk.money.InvalidAmountException;
import com.walletdesk.money.Money;
import com.walletdesk.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A refund request that passed the checks needing no lock: the idempotency key, the reason and
 * the amount's form. Each bad input has its own code and nothing has been touched yet.
 *
 * @param amount null for the whole remaining balance
 * @param fingerprint what makes two requests with one key "the same request": charge, amount
 * (as minor units, or "whole remaining") and trimmed reason, hashed
 */
record ValidRefundRequest(String idempotencyKey, String chargeId, Money amount, String reason, String fingerprint) {

	static final int MAX_KEY = 255;

	static final int MAX_REASON = 255;

	static String checkKey(String key) {
		if (key == null || key.isEmpty()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, RefundCodes.IDEMPOTENCY_KEY_REQUIRED,
					"Send an Idempotency-Key header (1 to 255 characters), a new one for each refund");
		}
		if (key.length() > MAX_KEY) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, RefundCodes.IDEMPOTENCY_KEY_TOO_LONG,
					"The Idempotency-Key header may be at most " + MAX_KEY + " characters");
		}
		if (!key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, RefundCodes.IDEMPOTENCY_KEY_INVALID,
					"The Idempotency-Key header may hold only printable ASCII characters");
		}
		return key;
	}

	static String checkReason(String reason) {
		String trimmed = reason == null ? "" : reason.strip();
		if (trimmed.isEmpty()) {
			throw refusal(RefundCodes.REASON_REQUIRED, "reason", "is required", "Give a reason for the refund");
		}
		if (trimmed.length() > MAX_REASON) {
			throw refusal(RefundCodes.REASON_REQUIRED, "reason", "must be at most " + MAX_REASON + " characters",
					"The reason may be at most " + MAX_REASON + " characters");
		}
		if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
			throw refusal(RefundCodes.REASON_REQUIRED, "reason", "must be plain text",
					"The reason may not contain control characters");
		}
		return trimmed;
	}

	/** The amount in the charge's currency, or null (whole remaining) when not given. */
	static Money checkAmount(String amount, String currency) {
		if (amount == null) {
			return null;
		}
		Money money;
		try {
			money = Money.parse(amount.strip(), currency);
		}
		catch (InvalidAmountException ex) {
			throw refusal(RefundCodes.INVALID_AMOUNT, "amount", ex.getMessage(),
					"The amount is not valid: it " + ex.getMessage());
		}
		if (money.minor() <= 0) {
			throw refusal(RefundCodes.INVALID_AMOUNT, "amount", "must be greater than 0",
					"The amount must be greater than 0");
		}
		return money;
	}

	static ValidRefundRequest of(String key, String chargeId, Money amount, String reason) {
		String wholeOrMinor = amount == null ? "*" : Long.toString(amount.minor());
		return new ValidRefundRequest(key, chargeId, amount, reason,
				sha256(chargeId + "\n" + wholeOrMinor + "\n" + reason));
	}

	private static ProblemException refusal(String code, String field, String fieldMessage, String message) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, message, Map.of(field, fieldMessage));
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
