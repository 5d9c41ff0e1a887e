package com.walletdesk.refund.web;

import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

import com.walletdesk.money.Money;

/**
 * Amounts as people read and type them in a store's locale ({@code 12,34} in pt-PT,
 * {@code 1.234,56} in de-DE, {@code 1,200} yen in ja-JP), and the contract's decimal string
 * ({@code 12.34}) that {@code RefundService} checks strictly. Only characters move here, never a binary
 * floating-point number. Anything this does not recognise is passed on as typed, so the service refuses it
 * with {@code INVALID_AMOUNT} (and audits the attempt) like any other bad amount.
 */
final class LocalAmount {

	private static final Pattern PLAIN = Pattern.compile("[0-9.,]+");

	private LocalAmount() {
	}

	/** The amount for an editable field: the locale's decimal mark, the currency's decimals, no grouping. */
	static String forInput(Money money, Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		int digits = Money.minorDigits(money.currency());
		format.setGroupingUsed(false);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(money.toBigDecimal());
	}

	/**
	 * What was typed, as the contract's decimal string. The locale's decimal mark is the decimal
	 * mark; its grouping separator (or, before a decimal mark, the other of point and comma) is
	 * allowed between groups of three digits; spaces, the currency's symbol and code are ignored;
	 * a point is also read as the decimal mark where the locale groups with something else
	 * (pt-PT, fr-FR), so the contract's own form always works. Anything ambiguous ({@code 12,34}
	 * in en-GB) is not guessed at.
	 *
	 * @return e.g. {@code "12.34"}, or the input stripped when it is not an amount in this locale
	 * (an empty string when nothing was typed, never null: a blank field is not "everything")
	 */
	static String toDecimal(String typed, Locale locale, Currency currency) {
		if (typed == null) {
			return "";
		}
		String text = typed.strip();
		String s = withoutDecorations(text, locale, currency);
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
		char decimal = symbols.getMonetaryDecimalSeparator();
		char grouping = symbols.getMonetaryGroupingSeparator();
		if (decimal != '.' && decimal != ',') {
			s = s.replace(decimal, '.');
			decimal = '.';
		}
		if (grouping != '.' && grouping != ',') {
			// spaces, apostrophes and the like: never a decimal mark, simply dropped
			s = s.replace(String.valueOf(grouping), "").replace("'", "");
			grouping = 0;
		}
		String sign = "";
		if (s.startsWith("-") || s.startsWith("\u2212")) {
			sign = "-";
			s = s.substring(1);
		}
		if (!PLAIN.matcher(s).matches()) {
			return text;
		}
		String whole;
		String fraction;
		int dot = s.lastIndexOf('.');
		int comma = s.lastIndexOf(',');
		if (dot >= 0 && comma >= 0) {
			// both marks: the last one must be the locale's decimal mark, the other one groups
			// (1.234,56 in pt-PT too, where the point is still the usual grouping by hand)
			char last = dot > comma ? '.' : ',';
			if (last != decimal) {
				return text;
			}
			grouping = last == '.' ? ',' : '.';
			whole = s.substring(0, Math.max(dot, comma));
			fraction = s.substring(Math.max(dot, comma) + 1);
		}
		else if (dot >= 0 || comma >= 0) {
			char mark = dot >= 0 ? '.' : ',';
			int at = Math.max(dot, comma);
			if (mark == grouping) {
				whole = s;
				fraction = null;
			}
			else if (s.indexOf(mark) == at) {
				whole = s.substring(0, at);
				fraction = s.substring(at + 1);
			}
			else {
				return text;
			}
		}
		else {
			whole = s;
			fraction = null;
		}
		if (grouping != 0 && whole.indexOf(grouping) >= 0) {
			String separator = Pattern.quote(String.valueOf(grouping));
			if (!whole.matches("\\d{1,3}(" + separator + "\\d{3})+")) {
				return text;
			}
			whole = whole.replace(String.valueOf(grouping), "");
		}
		if (whole.isEmpty() || !whole.chars().allMatch(Character::isDigit)
				|| (fraction != null && !fraction.chars().allMatch(Character::isDigit))) {
			return text;
		}
		// the same number, exactly: only the characters were rearranged
		return sign + whole + (fraction == null ? "" : "." + fraction);
	}

	/** Drops spaces of every kind, the currency's symbol in this locale and its ISO code. */
	private static String withoutDecorations(String text, Locale locale, Currency currency) {
		String s = text.replace(currency.getSymbol(locale), "").replace(currency.getCurrencyCode(), "");
		StringBuilder kept = new StringBuilder(s.length());
		s.codePoints()
			.filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200e' && c != '\u200f')
			.map(c -> Character.isDigit(c) ? '0' + Character.digit(c, 10) : c)
			.forEach(kept::appendCodePoint);
		return kept.toString();
	}

}
