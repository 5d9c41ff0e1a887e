package com.walletdesk.transaction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The totals of a lookup or search over every page of it (API.md "Export and totals"): per
 * currency, per method and currency, and per local day and currency, in minor units. Refunds
 * are of both kinds (made in the app and made here). Built from the database's groups
 * ({@link Group}), never from the rows themselves.
 *
 * @param daily every day of the period for every currency that has a total, days without a
 * transaction as zeros (a chart shows the gap), by date, then currency
 */
public record TransactionSummary(Period period, List<Total> totals, List<MethodTotal> byMethod, List<Day> daily) {

	/** One group of the summary query: rows of one currency, method, kind and local day. */
	record Group(String currency, String method, boolean charge, LocalDate day, long count, long minor) {
	}

	/** Counts and sums of charges and refunds. */
	public record Figures(long charges, long chargedMinor, long refunds, long refundedMinor) {

		static final Figures ZERO = new Figures(0, 0, 0, 0);

		Figures plus(Group group) {
			return group.charge()
					? new Figures(this.charges + group.count(), Math.addExact(this.chargedMinor, group.minor()),
							this.refunds, this.refundedMinor)
					: new Figures(this.charges, this.chargedMinor, this.refunds + group.count(),
							Math.addExact(this.refundedMinor, group.minor()));
		}

		public long netMinor() {
			return Math.subtractExact(this.chargedMinor, this.refundedMinor);
		}

	}

	/** One currency's figures. */
	public record Total(String currency, Figures figures) {
	}

	/** One method's figures in one currency. */
	public record MethodTotal(String method, String currency, Figures figures) {
	}

	/** One local day in one currency. */
	public record Day(LocalDate date, String currency, Figures figures) {
	}

	public boolean isEmpty() {
		return this.totals.isEmpty();
	}

	static TransactionSummary of(Period period, List<Group> groups) {
		Map<String, Figures> totals = new TreeMap<>();
		Map<String, Map<String, Figures>> byMethod = new TreeMap<>();
		Map<String, Map<LocalDate, Figures>> byDay = new TreeMap<>();
		for (Group group : groups) {
			totals.merge(group.currency(), Figures.ZERO.plus(group), (a, b) -> a.plus(group));
			byMethod.computeIfAbsent(group.currency(), c -> new TreeMap<>())
				.merge(group.method(), Figures.ZERO.plus(group), (a, b) -> a.plus(group));
			byDay.computeIfAbsent(group.currency(), c -> new TreeMap<>())
				.merge(group.day(), Figures.ZERO.plus(group), (a, b) -> a.plus(group));
		}
		List<Total> totalList = totals.entrySet().stream().map(e -> new Total(e.getKey(), e.getValue())).toList();
		List<MethodTotal> methodList = new ArrayList<>();
		byMethod.forEach((currency, methods) -> methods
			.forEach((method, figures) -> methodList.add(new MethodTotal(method, currency, figures))));
		List<Day> days = new ArrayList<>();
		for (LocalDate date = period.from(); !date.isAfter(period.to()); date = date.plusDays(1)) {
			for (Map.Entry<String, Map<LocalDate, Figures>> currency : byDay.entrySet()) {
				days.add(new Day(date, currency.getKey(), currency.getValue().getOrDefault(date, Figures.ZERO)));
			}
		}
		days.sort(Comparator.comparing(Day::date).thenComparing(Day::currency));
		return new TransactionSummary(period, totalList, List.copyOf(methodList), List.copyOf(days));
	}

}
