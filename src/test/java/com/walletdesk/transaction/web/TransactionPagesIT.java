package com.walletdesk.transaction.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.money.Money;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Transaction Lookup and All Transactions Search as pages, over real HTTP. */
@IntegrationTest
class TransactionPagesIT {

	/** Every column, in the page's order: money and the Refund button early (issue 15, pages). */
	static final List<String> COLUMNS = List.of("Location", "Store Name", "Transaction ID", "Date/Time", "Total",
			"Refund", "Remaining", "Transaction Type", "Payment Method", "Channel", "Tip", "Reference",
			"Parent Transaction ID", "Card Number", "Vendor Reference", "Login Code", "Dispute Tag", "Transaction Tag",
			"Terminal ID");

	static final Locale PT = Locale.forLanguageTag("pt-PT");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void lookupShowsTheColumnsInOrderAndFormatsEachCellForTheStore() {
		MerchantNode group = this.data.group("hq", null);
		MerchantNode store = this.data.store("paris", group.id(), "Europe/Paris", "EUR", "pt-PT");
		Instant at = Instant.parse("2019-09-24T15:41:05Z");
		String charge = this.data.tx(store).amount(4000_65).tip(2_50).at(at).payByLink("INV-77").save();
		String refund = this.data.tx(store).refundOf(charge).amount(1000_00).at(at.plusSeconds(60)).save();
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(group.id(), false), TestData.PASSWORD);

		var page = session.get("/stores/" + store.id() + "/transactions");

		assertThat(page.status()).isEqualTo(200);
		String html = page.body();
		assertThat(PageHtml.columnHeaders(html)).containsExactlyElementsOf(COLUMNS);
		assertThat(PageHtml.rowIds(html)).containsExactly(refund, charge); // newest first
		assertThat(PageHtml.cells(html, charge)).containsExactly(group.name(), store.name(), charge,
				"2019-09-24 17:41:05 (Europe/Paris)", eur(4000_65), "Refunds", eur(3000_65), "Charge", "Alipay",
				"Pay By Link", eur(2_50), "INV-77", "", "", PageHtml.cells(html, charge).get(14), "L-7", "", "", "T-01");
		assertThat(PageHtml.cells(html, refund).subList(2, 4)).containsExactly(refund,
				"2019-09-24 17:42:05 (Europe/Paris)");
		assertThat(PageHtml.cells(html, refund).subList(7, 13)).containsExactly("Refund (app)", "Alipay", "App", eur(0),
				"", charge);
		assertThat(PageHtml.cells(html, refund).get(6)).as("a refund has no remaining amount").isEmpty();
		// the default period is the week ending on the newest transaction's local date
		assertThat(PageHtml.inputValue(html, "from")).isEqualTo("2019-09-18");
		assertThat(PageHtml.inputValue(html, "to")).isEqualTo("2019-09-24");
		// the period's totals above the table
		assertThat(PageHtml.figure(html, "charges")).isEqualTo("1");
		assertThat(PageHtml.figure(html, "refunds")).isEqualTo("1");
		assertThat(PageHtml.figure(html, "net")).isEqualTo(eur(3000_65));
		assertThat(html).contains("id=\"filters\"").contains("data-range-picker").contains("hx-push-url=\"true\"");
	}

	@Test
	void amountsUseTheCurrencysOwnDecimals() {
		MerchantNode group = this.data.group("tokyo", null);
		MerchantNode store = this.data.store("ginza", group.id(), "Asia/Tokyo", "JPY", "ja-JP");
		String id = this.data.tx(store).amount(1200).at(Instant.parse("2026-03-01T03:00:00Z")).save();
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(store.id(), false), TestData.PASSWORD);

		String html = session.get("/stores/" + store.id() + "/transactions").body();

		String yen = Money.ofMinor(1200, "JPY").format(Locale.JAPAN);
		assertThat(yen).doesNotContain(".").contains("1,200");
		assertThat(PageHtml.cells(html, id).get(4)).isEqualTo(yen);
		assertThat(PageHtml.cells(html, id).get(3)).isEqualTo("2026-03-01 12:00:00 (Asia/Tokyo)");
	}

	@Test
	void searchNarrowsTheRowsAndHtmxGetsOnlyTheResultsFragment() {
		MerchantNode group = this.data.group("g", null);
		MerchantNode store = this.data.eurStore(group.id());
		Instant base = Instant.parse("2026-05-10T10:00:00Z");
		String alipay = this.data.tx(store).method("ALP").at(base).save();
		String wechat = this.data.tx(store).method("WXP").at(base.plusSeconds(10)).save();
		String linked = this.data.tx(store).method("WXP").payByLink("SHOP-42_x").at(base.plusSeconds(20)).save();
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(group.id(), false), TestData.PASSWORD);
		String path = "/stores/" + store.id() + "/transactions?from=2026-05-10&to=2026-05-10";

		assertThat(PageHtml.rowIds(session.get(path + "&q=wechat").body())).containsExactly(linked, wechat);
		assertThat(PageHtml.rowIds(session.get(path + "&q=Alipay").body())).containsExactly(alipay);
		assertThat(PageHtml.rowIds(session.get(path + "&q=shop-42_").body())).containsExactly(linked);
		assertThat(PageHtml.rowIds(session.get(path + "&q=" + alipay.substring(0, 9)).body())).contains(alipay);

		var fragment = session.getHtmx(path + "&q=wechat");
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body().strip()).startsWith("<div id=\"results\"").doesNotContain("<html").doesNotContain("id=\"filters\"");
		assertThat(PageHtml.rowIds(fragment.body())).containsExactly(linked, wechat);
		assertThat(fragment.header("Vary")).contains("HX-Request");
		// the back button without a local snapshot asks for the whole page again
		String restore = historyRestore(session, path + "&q=wechat");
		assertThat(restore).contains("<html").contains("id=\"filters\"");
	}

	@Test
	void pagesForwardAndBackWithBookmarkableLinks() {
		MerchantNode group = this.data.group("g", null);
		MerchantNode store = this.data.eurStore(group.id());
		Instant base = Instant.parse("2026-06-02T08:00:00Z");
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(0, this.data.tx(store).at(base.plusSeconds(i * 60L)).save()); // newest first
		}
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(store.id(), false), TestData.PASSWORD);

		String first = session.get("/stores/" + store.id() + "/transactions?limit=2").body();
		assertThat(PageHtml.rowIds(first)).containsExactly(ids.get(0), ids.get(1));
		assertThat(PageHtml.link(first, "prev")).isNull();
		String next = PageHtml.link(first, "next");
		assertThat(next).contains("from=2026-05-27").contains("to=2026-06-02").contains("limit=2").contains("cursor=");

		String second = session.get(next).body();
		assertThat(PageHtml.rowIds(second)).containsExactly(ids.get(2), ids.get(3));
		String third = session.get(PageHtml.link(second, "next")).body();
		assertThat(PageHtml.rowIds(third)).containsExactly(ids.get(4));
		assertThat(PageHtml.link(third, "next")).isNull();
		String back = session.get(PageHtml.link(third, "prev")).body();
		assertThat(PageHtml.rowIds(back)).containsExactly(ids.get(2), ids.get(3));
		// the totals cover the whole period, not the page
		assertThat(PageHtml.figure(back, "charges")).isEqualTo("5");
	}

	@Test
	void emptyPeriodAndEmptySearchSayWhy() {
		MerchantNode group = this.data.group("g", null);
		MerchantNode store = this.data.eurStore(group.id());
		this.clock.set(Instant.parse("2026-02-10T12:00:00Z"));
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(group.id(), false), TestData.PASSWORD);

		String empty = session.get("/stores/" + store.id() + "/transactions").body();
		assertThat(empty).contains("No transactions in this period.").doesNotContain("<table");
		assertThat(PageHtml.inputValue(empty, "to")).as("a store without transactions: the week ending today")
			.isEqualTo("2026-02-10");
		String none = session.get("/stores/" + store.id() + "/transactions?q=nothing-like-this").body();
		assertThat(none).contains("No transactions match &quot;nothing-like-this&quot; in this period.");
	}

	@Test
	void badInputIsToldInWordsAboveTheTableWithTheFormKept() {
		MerchantNode group = this.data.group("g", null);
		MerchantNode store = this.data.eurStore(group.id());
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(group.id(), false), TestData.PASSWORD);
		String path = "/stores/" + store.id() + "/transactions";

		expectRefusal(session, path + "?from=2026-13-01", "Please enter dates as year-month-day");
		expectRefusal(session, path + "?from=2026-05-10&to=2026-05-01", "The start date must not be after the end date.");
		expectRefusal(session, path + "?from=2025-01-01&to=2026-05-01", "Please choose a period of at most 366 days.");
		expectRefusal(session, path + "?limit=0", "The number of rows per page must be between 1 and 500.");
		expectRefusal(session, path + "?cursor=Zm9yZ2Vk", "That page link is not valid any more.");
		expectRefusal(session, "/transactions?to=yesterday", "Please enter dates as year-month-day");

		var htmx = session.getHtmx(path + "?from=2026-05-10&to=2026-05-01");
		assertThat(htmx.status()).isEqualTo(400);
		assertThat(htmx.body()).startsWith("<div id=\"results\"").contains("The start date must not be after the end date.");
		// the refused value stays in the form, to be corrected
		assertThat(PageHtml.inputValue(session.get(path + "?from=2026-13-01").body(), "from")).isEqualTo("2026-13-01");
	}

	private static void expectRefusal(WebSession session, String path, String message) {
		var page = session.get(path);
		assertThat(page.status()).as(path).isEqualTo(400);
		assertThat(page.body()).as(path)
			.contains("role=\"alert\"")
			.contains(message)
			.contains("id=\"filters\"")
			.doesNotContain("Exception")
			.doesNotContain("<table");
	}

	@Test
	void foreignUnknownAndMalformedStoresAreNotFound() {
		MerchantNode mine = this.data.group("mine", null);
		MerchantNode other = this.data.group("other", null);
		MerchantNode foreign = this.data.eurStore(other.id());
		MerchantNode myStore = this.data.eurStore(mine.id());
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(mine.id(), false), TestData.PASSWORD);

		for (String path : List.of("/stores/" + foreign.id() + "/transactions",
				"/stores/" + foreign.id() + "/transactions?from=bad", "/stores/999999999/transactions",
				"/stores/abc/transactions", "/stores/" + mine.id() + "/transactions")) {
			var page = session.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).contains("We could not find that.").doesNotContain(foreign.name());
		}
		assertThat(session.get("/stores/" + myStore.id() + "/transactions").status()).isEqualTo(200);
	}

	@Test
	void allTransactionsSearchCoversEveryStoreInScopeAndNeverOffersRefunds() {
		MerchantNode hq = this.data.group("hq", null);
		MerchantNode lisbon = this.data.group("lisbon", hq.id());
		MerchantNode a = this.data.eurStore(lisbon.id());
		MerchantNode b = this.data.store("paris", hq.id(), "Europe/Paris", "EUR", "fr-FR");
		MerchantNode foreign = this.data.eurStore(this.data.group("other", null).id());
		Instant at = Instant.parse("2026-07-01T09:00:00Z");
		String inA = this.data.tx(a).at(at).save();
		String inB = this.data.tx(b).at(at.plusSeconds(5)).save();
		String outside = this.data.tx(foreign).at(at.plusSeconds(9)).save();
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(hq.id(), true), TestData.PASSWORD);

		var page = session.get("/transactions?from=2026-07-01&to=2026-07-01");

		assertThat(page.status()).isEqualTo(200);
		String html = page.body();
		assertThat(html).contains("All Transactions Search");
		assertThat(PageHtml.columnHeaders(html)).containsExactlyElementsOf(COLUMNS);
		assertThat(PageHtml.rowIds(html)).containsExactly(inB, inA).doesNotContain(outside);
		assertThat(PageHtml.cells(html, inA).subList(0, 2)).containsExactly(lisbon.name(), a.name());
		assertThat(PageHtml.cells(html, inB).subList(0, 2)).containsExactly(hq.name(), b.name());
		assertThat(PageHtml.cells(html, inB).get(4)).isEqualTo(Money.ofMinor(10_00, "EUR").format(Locale.FRANCE));
		// never a Refund button here: each charge links to its store's Lookup instead, where it can be refunded
		assertThat(html).doesNotContain("<button type=\"button\" class=\"danger");
		assertThat(PageHtml.texts(html, "(?s)<td class=\"refund\">(.*?)</td>")).containsExactly("Refund in store",
				"Refund in store");
		assertThat(html).contains("href=\"/stores/" + a.id() + "/transactions?from=2026-07-01&amp;to=2026-07-01&amp;q=" + inA + "\"");
		// htmx asks at the same URL and gets the fragment
		assertThat(session.getHtmx("/transactions?from=2026-07-01&to=2026-07-01&q=" + inA).body())
			.startsWith("<div id=\"results\"").contains(inA).doesNotContain(inB);
	}

	static String eur(long minor) {
		return Money.ofMinor(minor, "EUR").format(PT);
	}

	/** What htmx asks when the back button finds no snapshot: HX-Request and HX-History-Restore-Request. */
	private String historyRestore(WebSession session, String path) {
		try {
			var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + path))
				.header("Cookie", "SESSION=" + session.cookie("SESSION"))
				.header("HX-Request", "true")
				.header("HX-History-Restore-Request", "true")
				.build();
			return java.net.http.HttpClient.newHttpClient()
				.send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
