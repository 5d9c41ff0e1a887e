package com.walletdesk.refund;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily balance's day is the calendar day in Asia/Shanghai (UTC+8), starting at 00:00 there. */
class ChinaDayTest {

	@Test
	void theDayTurnsAt1600Utc() {
		assertThat(ChinaDay.of(Instant.parse("2026-03-10T15:59:59.999Z")).date()).isEqualTo(LocalDate.parse("2026-03-10"));
		assertThat(ChinaDay.of(Instant.parse("2026-03-10T16:00:00Z")).date()).isEqualTo(LocalDate.parse("2026-03-11"));
	}

	@Test
	void itsWindowIsHalfOpen() {
		ChinaDay day = new ChinaDay(LocalDate.parse("2026-03-11"));
		assertThat(day.start()).isEqualTo(Instant.parse("2026-03-10T16:00:00Z"));
		assertThat(day.end()).isEqualTo(Instant.parse("2026-03-11T16:00:00Z"));
	}

	@Test
	void daylightSavingElsewhereDoesNotMoveIt() {
		// the US switches to daylight time on 2026-03-08; China has no daylight saving
		assertThat(new ChinaDay(LocalDate.parse("2026-03-08")).start()).isEqualTo(Instant.parse("2026-03-07T16:00:00Z"));
		assertThat(new ChinaDay(LocalDate.parse("2026-07-01")).start()).isEqualTo(Instant.parse("2026-06-30T16:00:00Z"));
	}

}
