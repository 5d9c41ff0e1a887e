package com.walletdesk.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.walletdesk.web.ProblemException;
import com.walletdesk.web.RequestParams;

/**
 * What an operator asks of the trail, read from the query string and checked: {@code from}
 * and {@code to} are UTC dates ({@code yyyy-MM-dd}, inclusive) or ISO instants, {@code type}
 * one of {@link AuditService#TYPES}, {@code limit} 1..500 (default 50).
 */
public record AuditFilter(Instant from, Instant to, String type, String account, int limit, AuditCursor cursor) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 500;

	public static AuditFilter parse(String from, String to, String type, String account, String limit, String cursor) {
		Instant start = bound("from", from, false);
		Instant end = bound("to", to, true);
		if (start != null && end != null && !start.isBefore(end)) {
			throw ProblemException.invalidField("INVALID_PERIOD", "from", "must not be after 'to'");
		}
		String kind = blankToNull(type);
		if (kind != null) {
			kind = kind.toUpperCase(java.util.Locale.ROOT);
			if (!AuditService.TYPES.contains(kind)) {
				throw ProblemException.invalidField("INVALID_TYPE", "type",
						"must be one of " + String.join(", ", AuditService.TYPES));
			}
		}
		String who = blankToNull(account);
		if (who != null && who.length() > 100) {
			throw ProblemException.invalidField("INVALID_ACCOUNT", "account", "must be at most 100 characters");
		}
		return new AuditFilter(start, end, kind, who, RequestParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT), AuditCursor.decode(cursor));
	}

	/** The filter in words, for the AUDIT_READ event. */
	String describe() {
		return "from=" + (this.from == null ? "" : this.from) + " to=" + (this.to == null ? "" : this.to) + " type="
				+ (this.type == null ? "" : this.type) + " account=" + (this.account == null ? "" : this.account)
				+ " limit=" + this.limit + (this.cursor == null ? "" : " page>1");
	}

	/**
	 * The instants a bound may name: what both databases store and Java converts without
	 * overflow (PostgreSQL stops at 294276 AD); years 1970 to 9999 hold every event there is.
	 */
	static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

	static boolean inRange(Instant at) {
		return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
	}

	private static Instant bound(String field, String value, boolean end) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		try {
			Instant at = null;
			if (text.length() == 10) {
				LocalDate day = LocalDate.parse(text);
				at = (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
				if (end && day.getYear() == 9999 && day.getMonthValue() == 12 && day.getDayOfMonth() == 31) {
					at = LATEST;
				}
			}
			else if (text.length() <= 40) {
				at = Instant.parse(text);
			}
			if (at != null && inRange(at)) {
				return at;
			}
		}
		catch (DateTimeException ex) {
			// answered below
		}
		throw ProblemException.invalidField("INVALID_DATE", field, "must be a date (yyyy-MM-dd) or an ISO instant, from 1970 to 9999");
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
