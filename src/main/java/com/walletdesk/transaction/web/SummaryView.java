package com.walletdesk.transaction.web;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.money.Money;
import com.walletdesk.transaction.TransactionSummary;
import com.walletdesk.web.Languages;

/**
 * The totals above the Lookup and All Transactions Search tables, formatted for people: per
 * currency its charges, refunds and net amount, then the same per method; and per currency a
 * daily chart (its figures as plain decimals in data- attributes, drawn by static/js) with the
 * same figures as a table for screen readers and print.
 */
record SummaryView(List<CurrencyTotal> currencies, List<Chart> charts, List<DayRow> days) {

	/** One currency's figures, and the same per method (Alipay, WeChat Pay). */
	record CurrencyTotal(String currency, Line all, List<Line> methods) {
	}

	/** Counts and formatted amounts; {@code method} is null for the currency's total. */
	record Line(String method, long charges, String charged, long refunds, String refunded, String net) {
	}

	/** One currency's days for the chart: ISO dates and plain decimal amounts, comma separated. */
	record Chart(String currency, int days, String dates, String charges, String refunds) {
	}

	/** One day and currency, formatted (the date as the page's language writes it): the chart's text alternative. */
	record DayRow(String date, String currency, String charges, String refunds, String net) {
	}

	public boolean isEmpty() {
		return this.currencies.isEmpty();
	}

	/** @param stores the stores of the view: each currency is formatted in the locale of its first store */
	static SummaryView of(TransactionSummary summary, Collection<MerchantNode> stores) {
		List<CurrencyTotal> currencies = summary.totals().stream().map(total -> {
			Locale locale = locale(total.currency(), stores);
			List<Line> methods = summary.byMethod()
				.stream()
				.filter(m -> m.currency().equals(total.currency()))
				.map(m -> line(m.method(), m.figures(), m.currency(), locale))
				.toList();
			return new CurrencyTotal(total.currency(), line(null, total.figures(), total.currency(), locale), methods);
		}).toList();
		List<Chart> charts = summary.totals().stream().map(total -> {
			List<TransactionSummary.Day> days = summary.daily()
				.stream()
				.filter(d -> d.currency().equals(total.currency()))
				.toList();
			return new Chart(total.currency(), days.size(), join(days, d -> d.date().toString()),
					join(days, d -> plain(d.figures().chargedMinor(), d.currency())),
					join(days, d -> plain(d.figures().refundedMinor(), d.currency())));
		}).toList();
		List<DayRow> days = summary.daily().stream().map(d -> {
			Locale locale = locale(d.currency(), stores);
			return new DayRow(Languages.shownDate(d.date().toString()), d.currency(), format(d.figures().chargedMinor(), d.currency(), locale),
					format(d.figures().refundedMinor(), d.currency(), locale),
					format(d.figures().netMinor(), d.currency(), locale));
		}).toList();
		return new SummaryView(currencies, charts, days);
	}

	private static Line line(String method, TransactionSummary.Figures f, String currency, Locale locale) {
		return new Line(method, f.charges(), format(f.chargedMinor(), currency, locale), f.refunds(),
				format(f.refundedMinor(), currency, locale), format(f.netMinor(), currency, locale));
	}

	private static String format(long minor, String currency, Locale locale) {
		return Money.ofMinor(minor, currency).format(locale);
	}

	private static String plain(long minor, String currency) {
		return Money.ofMinor(minor, currency).toDecimalString();
	}

	private static String join(List<TransactionSummary.Day> days,
			java.util.function.Function<TransactionSummary.Day, String> value) {
		return days.stream().map(value).collect(Collectors.joining(","));
	}

	private static Locale locale(String currency, Collection<MerchantNode> stores) {
		return stores.stream()
			.filter(store -> currency.equals(store.currency()))
			.findFirst()
			.map(MerchantNode::displayLocale)
			.map(Languages::pageFormatting)
			.orElse(Languages.pageFormatting(Locale.ENGLISH));
	}

}
