package com.walletdesk.refund;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The day the daily balance counts: the calendar day in Asia/Shanghai (UTC+8, no daylight
 * saving), whatever the store's own zone. It starts at 00:00 China time.
 */
record ChinaDay(LocalDate date) {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static ChinaDay of(Instant instant) {
		return new ChinaDay(instant.atZone(ZONE).toLocalDate());
	}

	Instant start() {
		return this.date.atStartOfDay(ZONE).toInstant();
	}

	/** The first instant of the next day (exclusive end). */
	Instant end() {
		return this.date.plusDays(1).atStartOfDay(ZONE).toInstant();
	}

}
