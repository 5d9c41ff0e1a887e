package com.walletdesk.merchant;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;

import com.walletdesk.money.InvalidAmountException;
import com.walletdesk.money.Money;
import com.walletdesk.web.ProblemException;

/** A merchant's fields as an operator sends them, checked and normalised, or refused with the field at fault. */
final class MerchantFields {

	private MerchantFields() {
	}

	static MerchantNode.Kind parseKind(String kind) {
		try {
			return MerchantNode.Kind.valueOf(kind == null ? "" : kind);
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalidField("VALIDATION_FAILED", "kind", "must be GROUP or STORE");
		}
	}

	static String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw ProblemException.invalidField("VALIDATION_FAILED", field, "must not be blank");
		}
		return optional(field, value, max);
	}

	static String optional(String field, String value, int max) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.length() > max) {
			throw ProblemException.invalidField("VALIDATION_FAILED", field, "must be at most " + max + " characters");
		}
		return trimmed.isEmpty() ? null : trimmed;
	}

	static String zone(String value, boolean required) {
		if (value == null) {
			return missing("timezone", required);
		}
		try {
			return ZoneId.of(value).getId();
		}
		catch (DateTimeException ex) {
			throw ProblemException.invalidField("VALIDATION_FAILED", "timezone", "must be a time zone such as Europe/Paris");
		}
	}

	static String currency(String value, boolean required) {
		if (value == null) {
			return missing("currency", required);
		}
		try {
			return Money.currency(value).getCurrencyCode();
		}
		catch (InvalidAmountException ex) {
			throw ProblemException.invalidField("VALIDATION_FAILED", "currency", "must be an ISO 4217 code such as EUR");
		}
	}

	static String locale(String value, boolean required) {
		if (value == null) {
			return missing("locale", required);
		}
		try {
			Locale locale = new Locale.Builder().setLanguageTag(value).build();
			if (locale.getLanguage().isEmpty()) {
				throw new IllformedLocaleException("no language");
			}
			return locale.toLanguageTag();
		}
		catch (IllformedLocaleException ex) {
			throw ProblemException.invalidField("VALIDATION_FAILED", "locale", "must be a language tag such as pt-PT");
		}
	}

	private static String missing(String field, boolean required) {
		if (required) {
			throw ProblemException.validation(field, "is required for a store");
		}
		return null;
	}

}
