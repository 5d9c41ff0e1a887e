package com.walletdesk.paylink;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.walletdesk.ingest.IngestService;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.money.InvalidAmountException;
import com.walletdesk.money.Money;
import com.walletdesk.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The checks of a new link, before anything is written. Shape problems (a missing or too long
 * field, an unknown wallet, a time that does not parse) answer 400 {@code VALIDATION_FAILED};
 * values of the right shape that a rule refuses answer 422: {@code INVALID_AMOUNT} (as refunds
 * parse amounts, bounded as ingestion bounds them: the charge goes through ingestion),
 * {@code CURRENCY_MISMATCH}, {@code INVALID_EXPIRY}. Every field's problem is named at once,
 * so a form can show each message next to its field.
 */
final class PaymentLinkRules {

	static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);

	/** A link lives at most a year: a payer should not find a forgotten link still taking money. */
	static final Duration MAX_LIFETIME = Duration.ofDays(366);

	static final int MAX_REFERENCE = 64;

	static final int MAX_DESCRIPTION = 500;

	static final List<String> METHODS = List.of("ALP", "WXP");

	private PaymentLinkRules() {
	}

	/** The link to store, checked: its fields trimmed, defaults filled in. */
	record Valid(String reference, Money amount, String description, Instant expiresAt, List<String> methods) {
	}

	static Valid check(NewPaymentLink link, MerchantNode store, Instant now) {
		Map<String, String> shape = new LinkedHashMap<>();
		String reference = text(link.reference());
		if (reference == null) {
			shape.put("reference", "is required");
		}
		else if (reference.length() > MAX_REFERENCE) {
			shape.put("reference", "must be at most " + MAX_REFERENCE + " characters");
		}
		else if (!plain(reference, false)) {
			shape.put("reference", "must be one line of plain text");
		}
		String description = text(link.description());
		if (description != null && description.length() > MAX_DESCRIPTION) {
			shape.put("description", "must be at most " + MAX_DESCRIPTION + " characters");
		}
		else if (description != null && !plain(description, true)) {
			shape.put("description", "must be plain text");
		}
		List<String> methods = methods(link.methods(), shape);
		String amountText = text(link.amount());
		if (amountText == null) {
			shape.put("amount", "is required");
		}
		Instant expiresAt = null;
		String expiresText = text(link.expiresAt());
		if (expiresText != null) {
			try {
				expiresAt = Instant.parse(expiresText).truncatedTo(ChronoUnit.MICROS);
			}
			catch (DateTimeParseException ex) {
				shape.put("expiresAt", "must be an ISO-8601 instant such as 2026-12-31T23:00:00Z");
			}
		}
		if (!shape.isEmpty()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Some fields are not valid", shape);
		}

		Map<String, String> refused = new LinkedHashMap<>();
		String code = null;
		String currency = text(link.currency());
		if (currency != null && !currency.equals(store.currency())) {
			refused.put("currency", "must be the store's currency, " + store.currency());
			code = "CURRENCY_MISMATCH";
		}
		Money amount = null;
		try {
			amount = Money.parse(amountText, store.currency());
			if (amount.minor() <= 0) {
				refused.put("amount", "must be greater than 0");
			}
			else if (amount.minor() > IngestService.MAX_AMOUNT_MINOR) {
				refused.put("amount", "must be at most "
						+ Money.ofMinor(IngestService.MAX_AMOUNT_MINOR, store.currency()).toDecimalString() + " "
						+ store.currency());
			}
		}
		catch (InvalidAmountException ex) {
			refused.put("amount", ex.getMessage());
		}
		if (refused.containsKey("amount") && code == null) {
			code = "INVALID_AMOUNT";
		}
		Instant expiry = expiresAt == null ? now.plus(DEFAULT_LIFETIME) : expiresAt;
		if (!expiry.isAfter(now)) {
			refused.put("expiresAt", "must lie in the future");
		}
		else if (expiry.isAfter(now.plus(MAX_LIFETIME))) {
			refused.put("expiresAt", "must be at most a year ahead");
		}
		if (refused.containsKey("expiresAt") && code == null) {
			code = "INVALID_EXPIRY";
		}
		if (!refused.isEmpty()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code,
					"The payment link was refused: " + refused.entrySet().iterator().next().getKey() + " "
							+ refused.values().iterator().next(),
					refused);
		}
		return new Valid(reference, amount, description, expiry, methods);
	}

	/** The wallets offered, in a fixed order; both when none is named. */
	private static List<String> methods(List<String> asked, Map<String, String> shape) {
		if (asked == null || asked.isEmpty()) {
			return METHODS;
		}
		List<String> methods = new ArrayList<>();
		for (String method : METHODS) {
			if (asked.contains(method)) {
				methods.add(method);
			}
		}
		// List.of refuses contains(null): a JSON null in the array is simply not a wallet
		if (asked.stream().anyMatch(m -> m == null || !METHODS.contains(m))) {
			shape.put("methods", "may hold only ALP (Alipay) and WXP (WeChat Pay)");
		}
		return methods;
	}

	/** Text without control characters (line breaks and tabs allowed where {@code multiLine}). */
	private static boolean plain(String text, boolean multiLine) {
		return text.chars()
			.noneMatch(c -> Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\r' || c == '\t')));
	}

	static String text(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
