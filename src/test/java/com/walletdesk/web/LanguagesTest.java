package com.walletdesk.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How tags and headers map onto the five languages, and each language's date and money conventions. */
class LanguagesTest {

	@ParameterizedTest
	@CsvSource({ "en,en", "en-GB,en", "EN-us,en", "pt,pt-PT", "pt-PT,pt-PT", "pt-BR,pt-PT", "pt_PT,pt-PT", "fr,fr",
			"fr-CA,fr", "es,es", "es-MX,es", "zh,zh-CN", "zh-CN,zh-CN", "zh-Hans,zh-CN", "zh-Hans-HK,zh-CN",
			"zh-SG,zh-CN" })
	void aTagNamesTheLanguageOfItsLanguage(String tag, String language) {
		assertThat(Languages.of(tag)).map(Languages.Language::tag).contains(language);
	}

	@ParameterizedTest
	@CsvSource({ "zh-TW", "zh-Hant", "zh-HK", "de", "ja-JP", "x", "''", "' '", "not a tag at all" })
	void otherTagsNameNone(String tag) {
		assertThat(Languages.of(tag)).isEmpty();
		assertThat(Languages.of((String) null)).isEmpty();
	}

	@Test
	void acceptLanguageGivesTheFirstSupportedByWeight() {
		assertThat(tag("de-DE,de;q=0.9,fr;q=0.8,en;q=0.7")).contains("fr");
		assertThat(tag("en;q=0.2, zh-CN;q=0.9")).contains("zh-CN");
		assertThat(tag("es;q=0, pt")).as("q=0 means not wanted").contains("pt-PT");
		assertThat(tag("*")).isEmpty();
		assertThat(tag("de, ja")).isEmpty();
		assertThat(tag("a;;;,q=")).isEmpty();
		assertThat(tag(null)).isEmpty();
		assertThat(tag("x".repeat(600))).isEmpty();
	}

	@Test
	void moneyFollowsTheLanguageExceptEnglishWhichKeepsTheStores() {
		Locale lisbon = Locale.forLanguageTag("pt-PT");
		assertThat(Languages.formatting(Locale.FRENCH, lisbon)).isEqualTo(Locale.FRENCH);
		assertThat(Languages.formatting(Locale.forLanguageTag("zh-CN"), lisbon)).isEqualTo(Locale.forLanguageTag("zh-CN"));
		assertThat(Languages.formatting(Locale.ENGLISH, lisbon)).isEqualTo(lisbon);
		assertThat(Languages.formatting(Locale.forLanguageTag("en-US"), Locale.JAPAN)).isEqualTo(Locale.JAPAN);
		assertThat(Languages.formatting(Locale.ENGLISH, null)).isEqualTo(Locale.ENGLISH);
	}

	@ParameterizedTest
	@CsvSource({ "en,2026-11-28,2026-11-28", "pt-PT,28/11/2026,2026-11-28", "fr,28/11/2026,2026-11-28",
			"es,28/11/2026,2026-11-28", "zh-CN,2026/11/28,2026-11-28", "fr,8/1/2026,2026-01-08",
			"zh-CN,2026/1/8,2026-01-08", "fr,2026-11-28,2026-11-28", "zh-CN,' 2026/11/28 ',2026-11-28" })
	void datesAreTypedInTheLanguagesPatternOrAsIso(String language, String typed, String iso) {
		Locale page = Locale.forLanguageTag(language);
		assertThat(Languages.parseDate(typed, page)).contains(LocalDate.parse(iso));
		assertThat(Languages.dateFormat(page).format(LocalDate.parse(iso)))
			.isEqualTo(Languages.datePattern(page).replace("yyyy", iso.substring(0, 4))
				.replace("MM", iso.substring(5, 7))
				.replace("dd", iso.substring(8, 10)));
	}

	@ParameterizedTest
	@CsvSource({ "fr,31/02/2026", "fr,11/28/2026", "en,28/11/2026", "zh-CN,28/11/2026", "es,''", "fr,20/11/26",
			"fr,2026-02-30" })
	void anythingElseIsNoDate(String language, String typed) {
		assertThat(Languages.parseDate(typed, Locale.forLanguageTag(language))).isEmpty();
	}

	private static Optional<String> tag(String header) {
		return Languages.fromAcceptLanguage(header).map(Languages.Language::tag);
	}

}
