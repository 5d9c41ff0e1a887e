package com.walletdesk.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The languages pages speak (API.md "Languages") and the conventions that go with each: how a
 * tag, a saved choice or an {@code Accept-Language} header maps onto one of them, the pattern
 * dates are shown and typed in, and the locale money is formatted with.
 */
public final class Languages {

	public static final Locale ENGLISH = Locale.ENGLISH;

	public static final Locale PORTUGUESE = Locale.forLanguageTag("pt-PT");

	public static final Locale FRENCH = Locale.FRENCH;

	public static final Locale SPANISH = Locale.forLanguageTag("es");

	public static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

	/** One entry of the header's switcher: the tag and the language's own name (never translated). */
	public record Language(String tag, String name, Locale locale, String datePattern) {
	}

	/** In the switcher's order. Date patterns: ISO for English, the language's usual day order otherwise. */
	public static final List<Language> SUPPORTED = List.of(new Language("en", "English", ENGLISH, "yyyy-MM-dd"),
			new Language("pt-PT", "Português", PORTUGUESE, "dd/MM/yyyy"),
			new Language("fr", "Français", FRENCH, "dd/MM/yyyy"), new Language("es", "Español", SPANISH, "dd/MM/yyyy"),
			new Language("zh-CN", "简体中文", CHINESE, "yyyy/MM/dd"));

	private Languages() {
	}

	/**
	 * The supported language a tag names, by its language: any Portuguese is European
	 * Portuguese, any English is English, Chinese only in simplified script (zh, zh-CN, zh-SG,
	 * zh-Hans); anything else (zh-TW, de, a malformed tag) is empty.
	 */
	public static Optional<Language> of(String tag) {
		if (tag == null || tag.isBlank() || tag.length() > 35) {
			return Optional.empty();
		}
		Locale locale = Locale.forLanguageTag(tag.strip().replace('_', '-'));
		String language = locale.getLanguage();
		if (language.equals("zh")) {
			String script = locale.getScript();
			String country = locale.getCountry();
			boolean simplified = script.equals("Hans")
					|| (script.isEmpty() && (country.isEmpty() || country.equals("CN") || country.equals("SG")));
			return simplified ? Optional.of(SUPPORTED.get(4)) : Optional.empty();
		}
		return SUPPORTED.stream().filter(l -> l.locale().getLanguage().equals(language)).findFirst();
	}

	/** The language a locale (as resolved for a request) stands for; English when none. */
	public static Language of(Locale locale) {
		return locale == null ? SUPPORTED.get(0) : of(locale.toLanguageTag()).orElse(SUPPORTED.get(0));
	}

	/** The first supported language of an {@code Accept-Language} header, by preference; empty when none is. */
	public static Optional<Language> fromAcceptLanguage(String header) {
		if (header == null || header.isBlank() || header.length() > 500) {
			return Optional.empty();
		}
		try {
			return Locale.LanguageRange.parse(header)
				.stream()
				.filter(range -> range.getWeight() > 0 && !range.getRange().equals("*"))
				.map(range -> of(range.getRange()))
				.flatMap(Optional::stream)
				.findFirst();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty(); // a malformed header is as good as none
		}
	}

	/**
	 * The locale amounts are formatted with on a page in {@code page} for a store whose own
	 * locale is {@code store}. A chosen language brings its conventions (fr: 1 234,50 €; zh-CN:
	 * €1,234.50); English, spoken with too many conventions to pick one (12/8 is a different day
	 * in London and in New York), keeps the store's.
	 */
	public static Locale formatting(Locale page, Locale store) {
		Language language = of(page);
		if (language.locale().equals(ENGLISH)) {
			return store == null ? ENGLISH : store;
		}
		return language.locale();
	}

	/** {@link #formatting(Locale, Locale)} for the page being answered (the request's resolved language). */
	public static Locale pageFormatting(Locale store) {
		return formatting(LocaleContextHolder.getLocale(), store);
	}

	/** A moment in a store's zone, as the page being answered shows it: {@code 08/12/2026 17:41:05 (Europe/Paris)}. */
	public static String pageDateTime(Instant instant, ZoneId zone) {
		return dateTimeFormat(LocaleContextHolder.getLocale()).format(instant.atZone(zone)) + " (" + zone.getId() + ")";
	}

	/** The pattern dates are shown and typed in, e.g. {@code dd/MM/yyyy}. */
	public static String datePattern(Locale page) {
		return of(page).datePattern();
	}

	/** Dates as shown and typed on a page in this language. */
	public static DateTimeFormatter dateFormat(Locale page) {
		return DateTimeFormatter.ofPattern(javaPattern(page), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
	}

	/** A moment in a zone to the minute, as the page being answered shows it: {@code 08/12/2026 16:00 (Europe/Lisbon)}. */
	public static String pageDateTimeToMinute(java.time.ZonedDateTime moment) {
		DateTimeFormatter format = DateTimeFormatter.ofPattern(javaPattern(LocaleContextHolder.getLocale()) + " HH:mm",
				Locale.ROOT);
		return format.format(moment) + " (" + moment.getZone().getId() + ")";
	}

	/** Date and time of day (24 hours, seconds) as shown on a page in this language. */
	public static DateTimeFormatter dateTimeFormat(Locale page) {
		return DateTimeFormatter.ofPattern(javaPattern(page) + " HH:mm:ss", Locale.ROOT);
	}

	/** A date as typed on a page in this language, or as ISO (links keep working in every language). */
	public static Optional<LocalDate> parseDate(String text, Locale page) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		// the day and month may come with one digit (8/12/2026): read with single letters
		DateTimeFormatter typed = DateTimeFormatter.ofPattern(javaPattern(page).replace("dd", "d").replace("MM", "M"),
				Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
		for (DateTimeFormatter format : List.of(typed, DateTimeFormatter.ISO_LOCAL_DATE)) {
			try {
				return Optional.of(LocalDate.parse(text.strip(), format));
			}
			catch (DateTimeParseException ex) {
				// next
			}
		}
		return Optional.empty();
	}

	/** A date typed on the page as ISO, for the filters; anything that is not a date as it came. */
	public static String isoDate(String typed) {
		return parseDate(typed, LocaleContextHolder.getLocale()).map(LocalDate::toString).orElse(typed);
	}

	/** An ISO date as the page being answered writes it; anything that is not a date as it came. */
	public static String shownDate(String iso) {
		Locale page = LocaleContextHolder.getLocale();
		return parseDate(iso, page).map(dateFormat(page)::format).orElse(iso);
	}

	// yyyy is the year of an era in java.time: STRICT parsing wants uuuu
	private static String javaPattern(Locale page) {
		return datePattern(page).replace("yyyy", "uuuu");
	}

}
