package com.walletdesk.transaction.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.web.Languages;
import com.walletdesk.money.Money;
import com.walletdesk.transaction.TransactionFilter;
import com.walletdesk.transaction.TransactionPage;
import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.web.ProblemException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the Transaction Lookup and All Transactions Search pages show: the form as the user
 * filled it, and either a message in words (bad input) or a page of formatted rows with the
 * period's totals and the links to the pages before and after. Every link carries the whole
 * state (period, search, page), so it can be bookmarked and shared.
 *
 * @param lookup true for Transaction Lookup (one store; the only place a refund may be offered)
 * @param action the page's own path, which also answers the htmx fragment
 * @param canRefund the account holds the refund privilege (Lookup offers the button; All
 * Transactions Search links each refundable charge to its store's Lookup instead)
 * @param selfUrl this very state (as asked, with its page), for refreshing the results in place
 * after a refund
 */
record TransactionListingPage(boolean lookup, String action, boolean canRefund, String from, String to, String q,
		String limit, String selfUrl, Refusal refusal, Table table, String periodKey) {

	/** A period the user chose. */
	static final String CHOSEN_PERIOD = "listing.period";

	/** The default period, the week ending on the newest transaction's day (API.md). */
	static final String LATEST_WEEK = "listing.periodLatestWeek";

	/** The default period when it ends today (no transactions yet, or the newest is today's). */
	static final String LAST_SEVEN_DAYS = "listing.periodLastSevenDays";


	/** Bad input, told in words: the message key {@code error.<code>} or else the message itself. */
	record Refusal(String code, String message) {

		static Refusal of(ProblemException ex) {
			return new Refusal(ex.code(), ex.getMessage());
		}

	}

	/**
	 * @param firstRow the number of the page's first row in the whole listing (1 on the first page;
	 * carried in the pager's links, since a keyset cursor has no offset)
	 * @param rowCount the rows of the whole period and search (the totals' counts)
	 */
	record Table(List<Total> totals, List<Row> rows, String previousUrl, String nextUrl, boolean refundsAllowed,
			long firstRow, long rowCount) {

		public boolean isEmpty() {
			return this.rows.isEmpty();
		}

		public long lastRow() {
			return this.firstRow + this.rows.size() - 1;
		}

	}

	/** The page sizes offered; another valid one asked in the address is offered too. */
	static final List<Integer> PAGE_SIZES = List.of(25, 50, 100);

	/** The period's counts and net amount in one currency. */
	record Total(String currency, long charges, long refunds, String net) {

	}

	/**
	 * One table row, formatted for people in its store's locale and zone. {@code transaction}
	 * is the row itself, for the refund cell.
	 *
	 * @param refundable Lookup, an account with the refund privilege, a charge with something left
	 * @param refundInStoreUrl All Transactions Search only (never a button there): the charge in its
	 * store's Transaction Lookup, where it can be refunded; null when it cannot be
	 */
	record Row(TransactionRow transaction, long storeId, String location, String storeName, String dateTime,
			String total, String remaining, String tip, boolean refundable, String refundInStoreUrl) {

		/** Refunded in part or in full, or with a refund pending: its refunds are worth a look. */
		public boolean hasRefunds() {
			return this.transaction.isCharge() && this.transaction.refunded() + this.transaction.refundPending() > 0;
		}

	}

	static TransactionListingPage refused(boolean lookup, String action, boolean canRefund, Form form, String cursor,
			ProblemException ex) {
		// a refused page size is not carried into the next search (it is a hidden field)
		String limit = "INVALID_LIMIT".equals(ex.code()) ? null : form.limit();
		return new TransactionListingPage(lookup, action, canRefund, form.from(), form.to(), form.q(), limit,
				url(action, form, cursor), Refusal.of(ex), null, CHOSEN_PERIOD);
	}

	/**
	 * @param limit the page size in force (asked or the default)
	 * @param first the {@code first} parameter as sent: the row number the page starts at
	 */
	static TransactionListingPage of(boolean lookup, String action, boolean canRefund, Form form, String cursor,
			int limit, String first, TransactionPage page, Clock clock) {
		String from = page.period().from().toString();
		String to = page.period().to().toString();
		List<Row> rows = page.rows().stream().map(row -> row(page, row, !lookup && canRefund)).toList();
		List<Total> totals = page.totals().stream().map(total -> {
			Locale locale = page.stores()
				.values()
				.stream()
				.filter(store -> total.currency().equals(store.currency()))
				.findFirst()
				.map(MerchantNode::displayLocale)
				.map(Languages::pageFormatting)
				.orElse(Languages.pageFormatting(Locale.ENGLISH));
			return new Total(total.currency(), total.charges(), total.refunds(),
					Money.ofMinor(total.netMinor(), total.currency()).format(locale));
		}).toList();
		Form shown = new Form(from, to, form.q(), form.limit());
		long firstRow = cursor == null || cursor.isBlank() ? 1 : rowNumber(first);
		long rowCount = page.totals().stream().mapToLong(total -> total.charges() + total.refunds()).sum();
		String previous = page.previousCursor() == null ? null
				: url(action, shown, page.previousCursor(), Math.max(1, firstRow - limit));
		String next = page.nextCursor() == null ? null
				: url(action, shown, page.nextCursor(), firstRow + page.rows().size());
		// refreshed as asked (a default period is worked out again, so it takes in a new refund)
		return new TransactionListingPage(lookup, action, canRefund, from, to, form.q(), form.limit(),
				url(action, form, cursor, firstRow), null,
				new Table(totals, rows, previous, next, page.refundsAllowed(), firstRow, rowCount),
				periodKey(form, page, clock));
	}

	/**
	 * Names the period so that it cannot be mistaken for the store page's "last 7 days": a chosen
	 * one is just its dates; the default one is the latest week with transactions, unless it ends
	 * today in a store's zone (then it is the last 7 days, whatever the transactions).
	 */
	private static String periodKey(Form form, TransactionPage page, Clock clock) {
		boolean chosen = (form.from() != null && !form.from().isBlank()) || (form.to() != null && !form.to().isBlank());
		if (chosen) {
			return CHOSEN_PERIOD;
		}
		boolean endsToday = page.stores()
			.values()
			.stream()
			.anyMatch(store -> page.period().to().equals(LocalDate.now(clock.withZone(store.zone()))));
		return endsToday ? LAST_SEVEN_DAYS : LATEST_WEEK;
	}

	private static Row row(TransactionPage page, TransactionRow row, boolean linkToStore) {
		MerchantNode store = page.store(row);
		Locale locale = Languages.pageFormatting(store.displayLocale());
		ZoneId zone = store.zone();
		Money remaining = row.remainingMoney();
		boolean somethingLeft = row.isCharge() && row.remaining() > 0;
		return new Row(row, store.id(), page.location(row), store.name(),
				Languages.pageDateTime(row.createdAt(), zone),
				row.amountMoney().format(locale), remaining == null ? null : remaining.format(locale),
				row.tipMoney().format(locale), page.refundable(row),
				linkToStore && somethingLeft ? refundInStoreUrl(store, row) : null);
	}

	/** The charge found in its store's Lookup: its own local day and its ID in the search box. */
	static String refundInStoreUrl(MerchantNode store, TransactionRow row) {
		String day = row.createdAt().atZone(store.zone()).toLocalDate().toString();
		return url("/stores/" + store.id() + "/transactions", new Form(day, day, row.id(), null), null);
	}

	/** The period's start as the page's language writes dates (as typed when it is not a date). */
	public String shownFrom() {
		return Languages.shownDate(this.from);
	}

	/** The period's end as the page's language writes dates. */
	public String shownTo() {
		return Languages.shownDate(this.to);
	}

	/** The pattern the date fields are typed in (the calendar writes and reads it too). */
	public String datePattern() {
		return Languages.datePattern(LocaleContextHolder.getLocale());
	}

	/**
	 * The CSV of exactly what the page shows: its period (as shown, also when it is the default
	 * one) and its search, every page of it. Null while the input is refused.
	 */
	public String exportUrl() {
		return this.refusal != null ? null : url("/api/v1" + this.action + "/export", new Form(this.from, this.to, this.q, null), null);
	}

	/** The page's URL for this state: period, search, page size when chosen, and the page's cursor. */
	static String url(String action, Form form, String cursor) {
		return url(action, form, cursor, 1);
	}

	/** The same, with the number of the page's first row when it is not the first page. */
	static String url(String action, Form form, String cursor, long firstRow) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(action);
		param(url, "from", form.from());
		param(url, "to", form.to());
		param(url, "q", form.q());
		param(url, "limit", form.limit());
		param(url, "cursor", cursor);
		if (cursor != null && !cursor.isBlank() && firstRow > 1) {
			param(url, "first", Long.toString(firstRow));
		}
		return url.encode().build().toUriString();
	}

	/** A row number from the address; it only labels the page, so anything else is row 1. */
	private static long rowNumber(String first) {
		if (first == null || !first.strip().matches("[1-9]\\d{0,8}")) {
			return 1;
		}
		return Long.parseLong(first.strip());
	}

	/** The page sizes to offer, with the one asked for when it is another valid one. */
	public List<Integer> pageSizes() {
		Integer asked = askedLimit();
		if (asked == null || PAGE_SIZES.contains(asked)) {
			return PAGE_SIZES;
		}
		return java.util.stream.Stream.concat(PAGE_SIZES.stream(), java.util.stream.Stream.of(asked)).sorted().toList();
	}

	/** The page size chosen: the one asked for, else the default. */
	public int pageSize() {
		Integer asked = askedLimit();
		return asked != null ? asked : TransactionFilter.DEFAULT_LIMIT;
	}

	private Integer askedLimit() {
		if (this.limit == null || !this.limit.strip().matches("[1-9]\\d{0,2}")) {
			return null;
		}
		int value = Integer.parseInt(this.limit.strip());
		return value <= TransactionFilter.MAX_LIMIT ? value : null;
	}

	private static void param(UriComponentsBuilder url, String name, String value) {
		if (value != null && !value.isBlank()) {
			url.queryParam(name, value.strip());
		}
	}

	/** The query string as the user sent it (kept as typed, so a refused value can be corrected). */
	record Form(String from, String to, String q, String limit) {

	}

}
