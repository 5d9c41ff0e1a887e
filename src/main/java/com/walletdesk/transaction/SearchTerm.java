package com.walletdesk.transaction;

import java.util.Locale;

/**
 * The one search box, read as API.md says: a payment method, a type, a channel's words, or else
 * a prefix of a transaction ID or Pay By Link reference. Case-insensitive; {@code %} and {@code _} are plain
 * characters.
 */
public record SearchTerm(Kind kind, String value) {

	public static final int MAX_LENGTH = 64;

	public enum Kind {

		/** No search: everything in the period. */
		NONE,
		/** {@code value} is ALP or WXP. */
		METHOD,
		/** Charges only. */
		CHARGES,
		/** Refunds of both kinds (made in the app and made here). */
		REFUNDS,
		/** {@code value} is APP or PAY_BY_LINK. */
		CHANNEL,
		/** {@code value} (lower-case) prefixes the transaction ID or the reference. */
		PREFIX

	}

	public static SearchTerm parse(String q) {
		if (q == null) {
			return new SearchTerm(Kind.NONE, null);
		}
		String text = q.strip().replaceAll("\\s+", " ");
		if (text.isEmpty()) {
			return new SearchTerm(Kind.NONE, null);
		}
		String lower = text.toLowerCase(Locale.ROOT);
		return switch (lower) {
			case "alipay", "alp" -> new SearchTerm(Kind.METHOD, "ALP");
			case "wechat", "wechat pay", "wechatpay", "wxp" -> new SearchTerm(Kind.METHOD, "WXP");
			case "charge", "charges" -> new SearchTerm(Kind.CHARGES, null);
			case "refund", "refunds" -> new SearchTerm(Kind.REFUNDS, null);
			case "pay by link", "paybylink", "pay-by-link", "pbl" -> new SearchTerm(Kind.CHANNEL, "PAY_BY_LINK");
			case "app", "payment app" -> new SearchTerm(Kind.CHANNEL, "APP");
			default -> new SearchTerm(Kind.PREFIX, lower);
		};
	}

	/** The original text back, for a search box or a bookmarkable URL. */
	public boolean isEmpty() {
		return this.kind == Kind.NONE;
	}

	/** For a prefix of digits only: could it be the start of a 12-digit transaction ID? */
	boolean couldBeTransactionId() {
		return this.kind == Kind.PREFIX && this.value.length() <= 12 && this.value.chars().allMatch(c -> c >= '0' && c <= '9');
	}

	/** The lowest and highest 12-digit IDs with this prefix: a range the primary key serves. */
	String idLow() {
		return this.value + "0".repeat(12 - this.value.length());
	}

	String idHigh() {
		return this.value + "9".repeat(12 - this.value.length());
	}

	/** A LIKE pattern matching the prefix literally, with {@code !} as the escape character. */
	String likePrefix() {
		return this.value.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

}
