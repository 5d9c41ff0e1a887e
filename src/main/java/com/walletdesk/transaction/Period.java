package com.walletdesk.transaction;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import com.walletdesk.web.ProblemException;

/** Inclusive local dates, read in each store's own zone. */
public record Period(LocalDate from, LocalDate to) {

	public static final int MAX_DAYS = 366;

	/** The default week: seven days ending on {@code lastDay}. */
	public static Period weekEndingOn(LocalDate lastDay) {
		return new Period(lastDay.minusDays(6), lastDay);
	}

	/**
	 * API.md's default period, "the last week in which transactions were made": the seven days
	 * ending on the local date (in {@code zone}) of the newest transaction, or ending today
	 * there when {@code newest} is null (no transactions at all).
	 */
	public static Period defaultWeek(Instant newest, ZoneId zone, Clock clock) {
		return weekEndingOn(newest == null ? LocalDate.now(clock.withZone(zone)) : newest.atZone(zone).toLocalDate());
	}

	/**
	 * The period a request asks for. With neither date, empty (the caller uses the default
	 * period); with one, a week from it or up to it.
	 */
	public static java.util.Optional<Period> parse(String from, String to) {
		LocalDate start = date("from", from);
		LocalDate end = date("to", to);
		if (start == null && end == null) {
			return java.util.Optional.empty();
		}
		if (start == null) {
			start = end.minusDays(6);
		}
		if (end == null) {
			end = start.plusDays(6);
		}
		if (start.isAfter(end)) {
			throw ProblemException.invalidField("INVALID_PERIOD", "from", "'from' must not be after 'to'");
		}
		if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
			throw ProblemException.invalidField("PERIOD_TOO_LONG", "to", "a period may be at most " + MAX_DAYS + " days");
		}
		return java.util.Optional.of(new Period(start, end));
	}

	/** The first instant of the period in a zone. */
	public Instant start(ZoneId zone) {
		return this.from.atStartOfDay(zone).toInstant();
	}

	/** The first instant after the period in a zone (exclusive end). */
	public Instant end(ZoneId zone) {
		return this.to.plusDays(1).atStartOfDay(zone).toInstant();
	}

	private static LocalDate date(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value.strip());
			if (date.getYear() < 2000 || date.getYear() > 2999) {
				throw new DateTimeParseException("out of range", value, 0);
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw ProblemException.invalidField("INVALID_DATE", name, "'" + name + "' must be a date as yyyy-MM-dd");
		}
	}

}
