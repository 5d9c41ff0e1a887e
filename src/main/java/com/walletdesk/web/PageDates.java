package com.walletdesk.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Moments the console shows in UTC (its columns say so), written the page's language's way:
 * {@code ${@pageDates.utc(e.at())}}. English keeps the ISO instant the console always showed.
 */
@Component("pageDates")
public class PageDates {

	/** An {@link Instant} or its ISO text, in UTC in the page's date pattern; anything else as it is. */
	public String utc(Object moment) {
		if (moment == null) {
			return null;
		}
		Locale page = LocaleContextHolder.getLocale();
		if (Languages.of(page).locale().equals(Languages.ENGLISH)) {
			return moment.toString();
		}
		try {
			Instant instant = moment instanceof Instant given ? given : Instant.parse(moment.toString());
			return Languages.dateTimeFormat(page).format(instant.atZone(ZoneOffset.UTC));
		}
		catch (DateTimeParseException ex) {
			return moment.toString();
		}
	}

}
