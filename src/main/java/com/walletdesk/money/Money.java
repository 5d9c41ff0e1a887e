package com.walletdesk.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount: minor units of a currency (cents for EUR, yen for JPY). Parsing and
 * formatting happen only at the edges; arithmetic stays in {@code long}.
 */
public record Money(long minor, Currency currency) {

	private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");

	private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

	public Money {
		Objects.requireNonNull(currency, "currency");
	}

	public static Money ofMinor(long minor, String currencyCode) {
		return new Money(minor, currency(currencyCode));
	}

	/**
	 * Parses the contract's decimal string ({@code "4000.65"} EUR, {@code "1200"} JPY).
	 * @throws InvalidAmountException when it is not a plain decimal or has more digits after
	 * the point than the currency has minor units
	 */
	public static Money parse(String decimal, String currencyCode) {
		Currency currency = currency(currencyCode);
		if (decimal == null || !DECIMAL.matcher(decimal).matches()) {
			throw new InvalidAmountException("must be a decimal number such as \"12.34\"");
		}
		BigDecimal value = new BigDecimal(decimal);
		int digits = minorDigits(currency);
		if (value.scale() > digits) {
			throw new InvalidAmountException(digits == 0 ? "must be a whole number in " + currency.getCurrencyCode()
					: "must have at most " + digits + " decimals in " + currency.getCurrencyCode());
		}
		return new Money(value.movePointRight(digits).longValueExact(), currency);
	}

	/**
	 * Parses an amount written exactly as the contract writes them: the currency's own number of
	 * decimals, no more and no fewer ({@code "10.00"} EUR, {@code "1200"} JPY). For machine
	 * input (ingestion), where {@code "10"} for EUR is more likely a bug than a choice.
	 * @throws InvalidAmountException when {@link #parse} would, or the decimals are fewer
	 */
	public static Money parseExact(String decimal, String currencyCode) {
		Money money = parse(decimal, currencyCode);
		int digits = minorDigits(money.currency);
		int scale = decimal.indexOf('.') < 0 ? 0 : decimal.length() - decimal.indexOf('.') - 1;
		// parse refused more decimals than the currency has: only fewer are left to refuse
		if (scale < digits) {
			throw new InvalidAmountException("must have exactly " + digits + " decimals in "
					+ money.currency.getCurrencyCode());
		}
		return money;
	}

	/** The ISO 4217 currency, or {@link InvalidAmountException} for an unknown code. */
	public static Currency currency(String code) {
		if (code == null || !CURRENCY_CODE.matcher(code).matches()) {
			throw new InvalidAmountException("unknown currency");
		}
		try {
			Currency currency = Currency.getInstance(code);
			if (currency.getDefaultFractionDigits() < 0) {
				throw new InvalidAmountException("unknown currency");
			}
			return currency;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidAmountException("unknown currency");
		}
	}

	public static int minorDigits(Currency currency) {
		return Math.max(currency.getDefaultFractionDigits(), 0);
	}

	public BigDecimal toBigDecimal() {
		return BigDecimal.valueOf(this.minor, minorDigits(this.currency));
	}

	/** The contract's form: exactly the currency's minor digits, no grouping ({@code "4000.65"}). */
	public String toDecimalString() {
		return toBigDecimal().toPlainString();
	}

	/** For people: grouping, decimal mark and symbol of the locale, the currency's own decimals. */
	public String format(Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(this.currency);
		int digits = minorDigits(this.currency);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		format.setRoundingMode(RoundingMode.UNNECESSARY);
		return format.format(toBigDecimal());
	}

	/** The amount alone, formatted for the locale (for editable fields): {@code "4 000,65"}. */
	public String formatNumber(Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		int digits = minorDigits(this.currency);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		format.setRoundingMode(RoundingMode.UNNECESSARY);
		return format.format(toBigDecimal());
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(Math.addExact(this.minor, other.minor), this.currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(Math.subtractExact(this.minor, other.minor), this.currency);
	}

	private void requireSameCurrency(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("currency mismatch: " + this.currency + " and " + other.currency);
		}
	}

	@Override
	public String toString() {
		return toDecimalString() + " " + this.currency.getCurrencyCode();
	}

}
