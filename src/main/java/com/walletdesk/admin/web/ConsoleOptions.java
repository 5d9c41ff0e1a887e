package com.walletdesk.admin.web;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

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

	static final List<Option> CURRENCIES = Currency.getAvailableCurrencies()
		.stream()
		.filter(c -> c.getDefaultFractionDigits() >= 0)
		.sorted(Comparator.comparing(Currency::getCurrencyCode))
		.map(c -> new Option(c.getCurrencyCode(), c.getCurrencyCode() + " - " + c.getDisplayName(Locale.ENGLISH)))
		.toList();

	static final List<Option> LOCALES = List
		.of("en-GB", "en-US", "pt-PT", "pt-BR", "fr-FR", "es-ES", "de-DE", "it-IT", "nl-NL", "zh-CN", "zh-HK",
				"zh-TW", "ja-JP", "ko-KR", "th-TH")
		.stream()
		.map(tag -> new Option(tag, tag + " - " + Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH)))
		.toList();

	private ConsoleOptions() {
	}

	/** A choice of a select: the value sent and the text shown. */
	record Option(String value, String label) {
	}

}
