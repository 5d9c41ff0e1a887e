package com.walletdesk.refund.web;

import java.util.Currency;
import java.util.List;
import java.util.Locale;

import com.walletdesk.money.InvalidAmountException;
import com.walletdesk.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Amounts typed in a store's locale become the contract's decimal string, exactly, or are passed on as typed. */
class LocalAmountTest {

	static final Currency EUR = Currency.getInstance("EUR");

	static final Currency JPY = Currency.getInstance("JPY");

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			pt-PT | EUR | 12,34          | 12.34
			pt-PT | EUR | 12.34          | 12.34
			pt-PT | EUR | 1234,5         | 1234.5
			pt-PT | EUR | 1\u00a0234,56   | 1234.56
			pt-PT | EUR | 1 234,56       | 1234.56
			pt-PT | EUR | 1.234,56       | 1234.56
			pt-PT | EUR | 12,34 €        | 12.34
			pt-PT | EUR | EUR 12,34      | 12.34
			pt-PT | EUR | -5,00          | -5.00
			pt-PT | EUR | 12             | 12
			pt-PT | EUR | 12,345         | 12.345
			en-GB | EUR | 1,234.56       | 1234.56
			en-GB | EUR | 1,234          | 1234
			en-GB | EUR | 12.34          | 12.34
			en-GB | EUR | €12.34         | 12.34
			de-DE | EUR | 1.234,56       | 1234.56
			de-DE | EUR | 1.234          | 1234
			de-DE | EUR | 12,34          | 12.34
			de-DE | EUR | 12.34          | 12.34
			fr-FR | EUR | 1\u202f234,56   | 1234.56
			de-CH | EUR | 1’234.50       | 1234.50
			de-CH | EUR | 1'234.50       | 1234.50
			ja-JP | JPY | 1,200          | 1200
			ja-JP | JPY | 1200           | 1200
			ja-JP | JPY | 1.200          | 1.200
			""")
	void readsTheLocalesDecimalMarkAndGrouping(String locale, String currency, String typed, String expected) {
		assertThat(LocalAmount.toDecimal(typed, Locale.forLanguageTag(locale), Currency.getInstance(currency)))
			.isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			en-GB | 12,34
			en-GB | 1.234,56
			de-DE | 1,234.56
			pt-PT | 1,2,3
			pt-PT | 12,3,4
			pt-PT | abc
			pt-PT | 12,34abc
			pt-PT | 1.2345,00
			pt-PT | 12.345.6
			""")
	void passesOnAsTypedWhatIsNotAnAmountInTheLocale(String locale, String typed) {
		String read = LocalAmount.toDecimal(" " + typed + " ", Locale.forLanguageTag(locale), EUR);
		assertThat(read).isEqualTo(typed);
		// and the service's strict parse refuses it (INVALID_AMOUNT), never reading it some other way
		assertThatThrownBy(() -> Money.parse(read, "EUR")).isInstanceOf(InvalidAmountException.class);
	}

	@Test
	void nothingTypedIsNotAnAmountEither() {
		assertThat(LocalAmount.toDecimal(null, Locale.UK, EUR)).isEmpty();
		assertThat(LocalAmount.toDecimal("   ", Locale.UK, EUR)).isEmpty();
	}

	@Test
	void theEditableAmountUsesTheLocalesMarkWithoutGrouping() {
		assertThat(LocalAmount.forInput(Money.ofMinor(1_234_25, "EUR"), Locale.forLanguageTag("pt-PT")))
			.isEqualTo("1234,25");
		assertThat(LocalAmount.forInput(Money.ofMinor(1_234_25, "EUR"), Locale.UK)).isEqualTo("1234.25");
		assertThat(LocalAmount.forInput(Money.ofMinor(5, "EUR"), Locale.GERMANY)).isEqualTo("0,05");
		assertThat(LocalAmount.forInput(Money.ofMinor(1200, "JPY"), Locale.JAPAN)).isEqualTo("1200");
	}

	/** Whatever the page shows (editable, grouped, with the symbol) reads back to the very same minor units. */
	@Test
	void everyFormTheLocaleWritesReadsBackExactly() {
		List<String> locales = List.of("pt-PT", "en-GB", "de-DE", "fr-FR", "de-CH", "nl-NL", "es-ES", "it-IT", "en-US",
				"ja-JP", "zh-CN");
		long[] amounts = { 1, 5, 99, 100, 1_00, 12_34, 1_000_00, 1_234_56, 999_999_99, 123_456_789_01L,
				999_999_999_999_99L };
		for (String tag : locales) {
			Locale locale = Locale.forLanguageTag(tag);
			for (Currency currency : List.of(EUR, JPY, Currency.getInstance("CNY"))) {
				for (long minor : amounts) {
					Money money = new Money(minor, currency);
					for (String shown : List.of(LocalAmount.forInput(money, locale), money.formatNumber(locale),
							money.format(locale))) {
						String read = LocalAmount.toDecimal(shown, locale, currency);
						assertThat(Money.parse(read, currency.getCurrencyCode()))
							.as("%s %s shown as \"%s\"", tag, money, shown)
							.isEqualTo(money);
					}
				}
			}
		}
	}

}
