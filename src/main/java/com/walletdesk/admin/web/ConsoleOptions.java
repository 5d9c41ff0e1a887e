package com.walletdesk.admin.web;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.walletdesk.web.Languages;

/**
 * The lists a store's time zone, currency and locale are chosen from (never typed): every
 * region time zone, every ISO 4217 currency with a minor unit, and the locales the dashboard
 * formats money and dates for.
 */
final class ConsoleOptions {

	static final List<String> ZONES = ZoneId.getAvailableZoneIds()
		.stream()
		.filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
		.sorted()
		.toList();

	// per page language (five at most), named in that language: "EUR - euro" on a French page
	private static final Map<String, List<Option>> CURRENCIES = new ConcurrentHashMap<>();

	private static final Map<String, List<Option>> LOCALES = new ConcurrentHashMap<>();

	private static final List<String> LOCALE_TAGS = List.of("en-GB", "en-US", "pt-PT", "pt-BR", "fr-FR", "es-ES",
			"de-DE", "it-IT", "nl-NL", "zh-CN", "zh-HK", "zh-TW", "ja-JP", "ko-KR", "th-TH");

	/** Every ISO 4217 currency with a minor unit, named in the page's language. */
	static List<Option> currencies(Locale page) {
		Locale language = Languages.of(page).locale();
		return CURRENCIES.computeIfAbsent(language.toLanguageTag(), tag -> Currency.getAvailableCurrencies()
			.stream()
			.filter(c -> c.getDefaultFractionDigits() >= 0)
			.sorted(Comparator.comparing(Currency::getCurrencyCode))
			.map(c -> new Option(c.getCurrencyCode(), c.getCurrencyCode() + " - " + c.getDisplayName(language)))
			.toList());
	}

	/** The locales a store may format in, named in the page's language. */
	static List<Option> locales(Locale page) {
		Locale language = Languages.of(page).locale();
		return LOCALES.computeIfAbsent(language.toLanguageTag(), tag -> LOCALE_TAGS.stream()
			.map(t -> new Option(t, t + " - " + Locale.forLanguageTag(t).getDisplayName(language)))
			.toList());
	}

	private ConsoleOptions() {
	}

	/** A choice of a select: the value sent and the text shown. */
	record Option(String value, String label) {
	}

}
