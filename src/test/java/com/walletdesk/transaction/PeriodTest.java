package com.walletdesk.transaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.walletdesk.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

	@Test
	void noDatesMeansTheDefaultPeriod() {
		assertThat(Period.parse(null, null)).isEmpty();
		assertThat(Period.parse("", " ")).isEmpty();
	}

	@Test
	void bothDatesInclusive() {
		assertThat(Period.parse("2026-01-01", "2026-01-31")).contains(
				new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
		assertThat(Period.parse("2026-01-01", "2026-01-01")).as("one day").isPresent();
	}

	@Test
	void oneDateMeansAWeekFromOrUpToIt() {
		assertThat(Period.parse("2026-01-10", null)).contains(new Period(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 16)));
		assertThat(Period.parse(null, "2026-01-10")).contains(new Period(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 1, 10)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-13-01", "2026-02-30", "2026/01/01", "01-02-2026", "yesterday", "1999-12-31", "20260101" })
	void badDatesAreRefused(String date) {
		assertThatThrownBy(() -> Period.parse(date, null)).isInstanceOfSatisfying(ProblemException.class, ex -> {
			assertThat(ex.code()).isEqualTo("INVALID_DATE");
			assertThat(ex.status().value()).isEqualTo(400);
			assertThat(ex.fields()).containsKey("from");
		});
		assertThatThrownBy(() -> Period.parse("2026-01-01", date))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.fields()).containsKey("to"));
	}

	@Test
	void fromAfterToIsRefused() {
		assertThatThrownBy(() -> Period.parse("2026-02-02", "2026-02-01"))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.code()).isEqualTo("INVALID_PERIOD"));
	}

	@Test
	void atMost366Days() {
		assertThat(Period.parse("2024-01-01", "2024-12-31")).as("a leap year is 366 days").isPresent();
		assertThatThrownBy(() -> Period.parse("2024-01-01", "2025-01-01"))
			.isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.code()).isEqualTo("PERIOD_TOO_LONG"));
	}

	@Test
	void daysAreReadInTheStoresZone() {
		Period day = new Period(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 28));
		assertThat(day.start(TOKYO)).isEqualTo(Instant.parse("2026-11-27T15:00:00Z"));
		assertThat(day.end(TOKYO)).isEqualTo(Instant.parse("2026-11-28T15:00:00Z"));
		Instant lateUtc = Instant.parse("2026-11-27T23:30:00Z");
		assertThat(lateUtc).as("23:30 UTC is already the 28th in Tokyo").isBetween(day.start(TOKYO), day.end(TOKYO));
		assertThat(lateUtc).as("and still the 27th in Lisbon").isBefore(day.start(LISBON));
	}

	@Test
	void daylightSavingDaysHaveTheirRealLength() {
		Period springForward = new Period(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29));
		assertThat(Duration.between(springForward.start(LISBON), springForward.end(LISBON))).hasHours(23);
		Period fallBack = new Period(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25));
		assertThat(Duration.between(fallBack.start(LISBON), fallBack.end(LISBON))).hasHours(25);
	}

	@Test
	void defaultWeekEndsOnTheLocalDayOfTheNewestTransaction() {
		Clock clock = Clock.fixed(Instant.parse("2026-12-20T12:00:00Z"), ZoneOffset.UTC);
		Instant newest = Instant.parse("2026-11-27T23:30:00Z");
		assertThat(Period.defaultWeek(newest, TOKYO, clock))
			.isEqualTo(new Period(LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 28)));
		assertThat(Period.defaultWeek(newest, LISBON, clock))
			.isEqualTo(new Period(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 27)));
		assertThat(Period.defaultWeek(Instant.parse("2026-11-27T14:59:59Z"), TOKYO, clock).to())
			.as("one second before midnight in Tokyo").isEqualTo(LocalDate.of(2026, 11, 27));
	}

	@Test
	void withoutTransactionsTheDefaultWeekEndsTodayInTheStoresZone() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-27T20:00:00Z"), ZoneOffset.UTC);
		assertThat(Period.defaultWeek(null, TOKYO, clock).to()).as("05:00 next day in Tokyo")
			.isEqualTo(LocalDate.of(2026, 11, 28));
		assertThat(Period.defaultWeek(null, LISBON, clock))
			.isEqualTo(new Period(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 27)));
	}

}
