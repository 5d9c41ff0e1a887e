package com.walletdesk.transaction;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Adding up the database's groups: refunds of both kinds together, every day of the period, the order. */
class TransactionSummaryTest {

	static final LocalDate D1 = LocalDate.of(2026, 5, 4);

	static final LocalDate D3 = LocalDate.of(2026, 5, 6);

	@Test
	void groupsAddUpPerCurrencyMethodAndDayWithEveryDayListed() {
		TransactionSummary summary = TransactionSummary.of(new Period(D1, D3), List.of(
				new TransactionSummary.Group("JPY", "WXP", true, D3, 2, 2400),
				new TransactionSummary.Group("EUR", "WXP", true, D1, 3, 300_00),
				new TransactionSummary.Group("EUR", "WXP", false, D1, 1, 10_00), // an app refund
				new TransactionSummary.Group("EUR", "WXP", false, D1, 2, 5_00), // refunds made here
				new TransactionSummary.Group("EUR", "ALP", true, D3, 1, 99)));

		assertThat(summary.totals()).extracting(TransactionSummary.Total::currency).containsExactly("EUR", "JPY");
		TransactionSummary.Figures eur = summary.totals().get(0).figures();
		assertThat(eur).isEqualTo(new TransactionSummary.Figures(4, 300_99, 3, 15_00));
		assertThat(eur.netMinor()).isEqualTo(285_99);
		assertThat(summary.byMethod()).extracting(m -> m.currency() + " " + m.method())
			.containsExactly("EUR ALP", "EUR WXP", "JPY WXP");
		assertThat(summary.daily()).extracting(d -> d.date() + " " + d.currency() + " " + d.figures().netMinor())
			.containsExactly("2026-05-04 EUR 28500", "2026-05-04 JPY 0", "2026-05-05 EUR 0", "2026-05-05 JPY 0",
					"2026-05-06 EUR 99", "2026-05-06 JPY 2400");
	}

	@Test
	void noGroupsIsAnEmptySummary() {
		TransactionSummary summary = TransactionSummary.of(new Period(D1, D3), List.of());
		assertThat(summary.isEmpty()).isTrue();
		assertThat(summary.daily()).isEmpty();
		assertThat(summary.byMethod()).isEmpty();
	}

}
