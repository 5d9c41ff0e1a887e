package com.walletdesk.transaction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The day a daily balance counts on: the calendar day in China (Asia/Shanghai, UTC+8, no
 * daylight saving), whatever the store's own time zone. The one owner of that rule: the day
 * totals, the refund's reservation and the refund page's "resets at" all ask here.
 */
public final class ChinaDay {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private ChinaDay() {
	}

	/** The China date on which an instant falls. */
	public static LocalDate of(Instant instant) {
		return instant.atZone(ZONE).toLocalDate();
	}

	/** When the China day of {@code now} ends and the daily balance starts again (00:00 in China). */
	public static ZonedDateTime nextReset(Instant now) {
		return of(now).plusDays(1).atStartOfDay(ZONE);
	}

}
