package com.walletdesk.transaction.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.web.Languages;
import com.walletdesk.money.Money;
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
		String limit, String selfUrl, Refusal refusal, Table table) {


	/** Bad input, told in words: the message key {@code error.<code>} or else the message itself. */
	record Refusal(String code, String message) {

		static Refusal of(ProblemException ex) {
			return new Refusal(ex.code(), ex.getMessage());
		}

	}

	record Table(List<Total> totals, List<Row> rows, String previousUrl, String nextUrl, boolean refundsAllowed) {

		public boolean isEmpty() {
			return this.rows.isEmpty();
		}

	}

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
				url(action, form, cursor), Refusal.of(ex), null);
	}

	static TransactionListingPage of(boolean lookup, String action, boolean canRefund, Form form, String cursor,
			TransactionPage page) {
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
		String previous = page.previousCursor() == null ? null : url(action, shown, page.previousCursor());
		String next = page.nextCursor() == null ? null : url(action, shown, page.nextCursor());
		// refreshed as asked (a default period is worked out again, so it takes in a new refund)
		return new TransactionListingPage(lookup, action, canRefund, from, to, form.q(), form.limit(),
				url(action, form, cursor), null, new Table(totals, rows, previous, next, page.refundsAllowed()));
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
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(action);
		param(url, "from", form.from());
		param(url, "to", form.to());
		param(url, "q", form.q());
		param(url, "limit", form.limit());
		param(url, "cursor", cursor);
		return url.encode().build().toUriString();
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
