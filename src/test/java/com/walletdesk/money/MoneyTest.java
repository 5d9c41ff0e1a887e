package com.walletdesk.money;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

	@Test
	void parsesIntoMinorUnitsPerCurrency() {
		assertThat(Money.parse("4000.65", "EUR").minor()).isEqualTo(400065L);
		assertThat(Money.parse("0.05", "EUR").minor()).isEqualTo(5L);
		assertThat(Money.parse("12.3", "EUR").minor()).as("fewer decimals are exact too").isEqualTo(1230L);
		assertThat(Money.parse("1200", "JPY").minor()).isEqualTo(1200L);
		assertThat(Money.parse("1.234", "BHD").minor()).as("three decimals").isEqualTo(1234L);
		assertThat(Money.parse("999999999999999.99", "EUR").minor()).isEqualTo(99_999_999_999_999_999L);
	}

	@ParameterizedTest
	@ValueSource(strings = { "12.345", "0.001", "1,00", "1e5", "+1.00", " 1.00", "1.", ".5", "", "abc", "NaN",
			"1 000.00", "0x10", "1234567890123456.00" })
	void refusesAnythingButAnExactPlainDecimal(String text) {
		assertThatThrownBy(() -> Money.parse(text, "EUR")).isInstanceOf(InvalidAmountException.class);
	}

	@Test
	void yenHasNoDecimals() {
		assertThatThrownBy(() -> Money.parse("1200.5", "JPY")).isInstanceOf(InvalidAmountException.class)
			.hasMessageContaining("whole number");
	}

	@Test
	void parseExactWantsTheCurrencysOwnNumberOfDecimals() {
		assertThat(Money.parseExact("10.00", "EUR").minor()).isEqualTo(1000L);
		assertThat(Money.parseExact("1200", "JPY").minor()).isEqualTo(1200L);
		assertThatThrownBy(() -> Money.parseExact("10", "EUR")).isInstanceOf(InvalidAmountException.class)
			.hasMessageContaining("exactly 2 decimals");
		assertThatThrownBy(() -> Money.parseExact("10.0", "EUR")).isInstanceOf(InvalidAmountException.class);
		assertThatThrownBy(() -> Money.parseExact("1200.00", "JPY")).isInstanceOf(InvalidAmountException.class);
		assertThatThrownBy(() -> Money.parseExact(null, "EUR")).isInstanceOf(InvalidAmountException.class);
	}

	@Test
	void unknownCurrenciesAreRefused() {
		assertThatThrownBy(() -> Money.currency("EURO")).isInstanceOf(InvalidAmountException.class);
		assertThatThrownBy(() -> Money.currency("eur")).isInstanceOf(InvalidAmountException.class);
		assertThatThrownBy(() -> Money.currency("QQQ")).isInstanceOf(InvalidAmountException.class);
		assertThatThrownBy(() -> Money.currency("XXX")).as("no minor unit").isInstanceOf(InvalidAmountException.class);
		assertThatThrownBy(() -> Money.currency(null)).isInstanceOf(InvalidAmountException.class);
	}

	@Test
	void contractFormHasExactlyTheCurrencysDigits() {
		assertThat(Money.ofMinor(400065, "EUR").toDecimalString()).isEqualTo("4000.65");
		assertThat(Money.ofMinor(5, "EUR").toDecimalString()).isEqualTo("0.05");
		assertThat(Money.ofMinor(0, "EUR").toDecimalString()).isEqualTo("0.00");
		assertThat(Money.ofMinor(1200, "JPY").toDecimalString()).isEqualTo("1200");
		assertThat(Money.ofMinor(123_456_789_012L, "EUR").toDecimalString()).as("no exponent").isEqualTo("1234567890.12");
	}

	@Test
	void formatsForPeopleInTheirLocale() {
		// Java writes no-break spaces inside amounts; compare with plain ones
		assertThat(plain(Money.ofMinor(400065, "EUR").format(Locale.forLanguageTag("pt-PT")))).isEqualTo("4 000,65 €");
		assertThat(plain(Money.ofMinor(123456789, "EUR").format(Locale.forLanguageTag("pt-PT")))).isEqualTo("1 234 567,89 €");
		assertThat(plain(Money.ofMinor(5, "EUR").format(Locale.forLanguageTag("pt-PT")))).isEqualTo("0,05 €");
		assertThat(Money.ofMinor(1200, "JPY").format(Locale.forLanguageTag("ja-JP"))).isEqualTo("￥1,200");
		assertThat(Money.ofMinor(1200, "JPY").format(Locale.forLanguageTag("en-GB"))).isEqualTo("JP¥1,200");
		assertThat(Money.ofMinor(400065, "GBP").format(Locale.forLanguageTag("en-GB"))).isEqualTo("£4,000.65");
		assertThat(plain(Money.ofMinor(400065, "EUR").formatNumber(Locale.forLanguageTag("pt-PT")))).isEqualTo("4 000,65");
	}

	@Test
	void arithmeticStaysInOneCurrency() {
		Money ten = Money.parse("10.00", "EUR");
		assertThat(ten.plus(Money.parse("0.01", "EUR")).toDecimalString()).isEqualTo("10.01");
		assertThat(ten.minus(Money.parse("10.00", "EUR")).minor()).isZero();
		assertThatThrownBy(() -> ten.plus(Money.parse("10", "JPY"))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Money(Long.MAX_VALUE, ten.currency()).plus(ten)).isInstanceOf(ArithmeticException.class);
	}

	private static String plain(String text) {
		return text.replace('\u00A0', ' ').replace('\u202F', ' ');
	}

}
