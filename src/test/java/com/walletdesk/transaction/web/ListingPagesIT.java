package com.walletdesk.transaction.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What issue 15 found on the Lookup and All Transactions Search pages: an empty search that
 * says two things, a default week not named as such, a pager without the range or a page
 * size, channel words that found nothing, and columns constant in a one-store Lookup.
 */
@IntegrationTest
class ListingPagesIT {

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
	void anEmptySearchSaysOnlyThatNothingMatches() {
		MerchantNode store = this.data.eurStore(this.data.group("g", null).id());
		this.data.tx(store).at(Instant.parse("2026-05-10T10:00:00Z")).save();
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(store.id(), false), TestData.PASSWORD);

		String html = session.get("/stores/" + store.id() + "/transactions?q=nothing-like-this").body();

		assertThat(html).contains("No transactions match &quot;nothing-like-this&quot; in this period.")
			.doesNotContain("No charges or refunds in this period.")
			.doesNotContain("<table");
		String emptyPeriod = session.get("/stores/" + store.id() + "/transactions?from=2026-01-01&to=2026-01-02").body();
		assertThat(emptyPeriod).contains("No transactions in this period.")
			.doesNotContain("No charges or refunds in this period.");
	}

	@Test
	void theDefaultWeekIsNamedTheLatestWeekWithTransactions() {
		this.clock.set(Instant.parse("2026-12-08T10:00:00Z"));
		MerchantNode store = this.data.eurStore(this.data.group("g", null).id());
		this.data.tx(store).at(Instant.parse("2026-12-01T10:00:00Z")).save();
		MerchantNode quiet = this.data.eurStore(this.data.group("q", null).id());
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(store.id(), false), TestData.PASSWORD);

		assertThat(periodLine(session.get("/stores/" + store.id() + "/transactions").body()))
			.isEqualTo("Latest week with transactions: 2026-11-25 to 2026-12-01");
		assertThat(periodLine(session.get("/stores/" + store.id() + "/transactions?from=2026-11-20&to=2026-11-30").body()))
			.isEqualTo("From 2026-11-20 to 2026-11-30");
		// the store page's week ends today, and says so
		assertThat(session.get("/stores/" + store.id()).body()).contains("Last 7 days (to today)")
			.doesNotContain("Last seven days");

		WebSession other = WebSession.signIn(this.port, this.data.merchantUser(quiet.id(), false), TestData.PASSWORD);
		assertThat(periodLine(other.get("/stores/" + quiet.id() + "/transactions").body()))
			.as("no transactions: the week ending today").isEqualTo("Last 7 days (to today): 2026-12-02 to 2026-12-08");
	}

	@Test
	void thePagerShowsTheRangeAndKeepsTheChosenPageSize() {
		MerchantNode store = this.data.eurStore(this.data.group("g", null).id());
		Instant base = Instant.parse("2026-06-02T08:00:00Z");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			ids.add(0, this.data.tx(store).at(base.plusSeconds(i * 60L)).save());
		}
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(store.id(), false), TestData.PASSWORD);
		String path = "/stores/" + store.id() + "/transactions";

		String first = session.get(path).body();
		assertThat(PageHtml.rowIds(first)).hasSize(50);
		assertThat(range(first)).isEqualTo("Rows 1\u201350 of 60");
		assertThat(pageSizes(first)).containsExactly("25", "50", "100");
		assertThat(selectedPageSize(first)).isEqualTo("50");

		String small = session.get(path + "?limit=25").body();
		assertThat(selectedPageSize(small)).isEqualTo("25");
		assertThat(range(small)).isEqualTo("Rows 1\u201325 of 60");
		String next = PageHtml.link(small, "next");
		assertThat(next).contains("limit=25").contains("first=26");
		String second = session.get(next).body();
		assertThat(PageHtml.rowIds(second)).containsExactlyElementsOf(ids.subList(25, 50));
		assertThat(range(second)).isEqualTo("Rows 26\u201350 of 60");
		assertThat(selectedPageSize(second)).as("kept on the next page").isEqualTo("25");
		String third = session.get(PageHtml.link(second, "next")).body();
		assertThat(range(third)).isEqualTo("Rows 51\u201360 of 60");
		String back = session.get(PageHtml.link(third, "prev")).body();
		assertThat(range(back)).isEqualTo("Rows 26\u201350 of 60");
		assertThat(PageHtml.link(session.get(PageHtml.link(back, "prev")).body(), "prev")).isNull();

		// another valid size asked in the address is offered too; a forged row number only relabels row 1
		assertThat(pageSizes(session.get(path + "?limit=7").body())).containsExactly("7", "25", "50", "100");
		assertThat(range(session.get(path + "?limit=7&first=x").body())).isEqualTo("Rows 1\u20137 of 60");
		// htmx paging gets the range in the fragment
		assertThat(range(session.getHtmx(next).body())).isEqualTo("Rows 26\u201350 of 60");
	}

	@Test
	void channelWordsFindTheChannelAndTheChannelIsShown() {
		MerchantNode group = this.data.group("g", null);
		MerchantNode store = this.data.eurStore(group.id());
		Instant at = Instant.parse("2026-05-10T10:00:00Z");
		String app = this.data.tx(store).at(at).save();
		String linked = this.data.tx(store).payByLink("INV-9").at(at.plusSeconds(10)).save();
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(group.id(), false), TestData.PASSWORD);
		String lookup = "/stores/" + store.id() + "/transactions?from=2026-05-10&to=2026-05-10&q=";

		for (String words : List.of("Pay+By+Link", "pay%20by%20link", "PBL")) {
			String html = session.get(lookup + words).body();
			assertThat(PageHtml.rowIds(html)).as(words).containsExactly(linked);
			assertThat(cell(html, linked, "Channel")).isEqualTo("Pay By Link");
		}
		assertThat(PageHtml.rowIds(session.get(lookup + "app").body())).containsExactly(app);
		assertThat(cell(session.get(lookup).body(), app, "Channel")).isEqualTo("App");
		// All Transactions Search too
		assertThat(PageHtml.rowIds(session.get("/transactions?from=2026-05-10&to=2026-05-10&q=pay+by+link").body()))
			.containsExactly(linked);
	}

	@Test
	void aOneStoreLookupSaysItsLocationAndStoreOnceAndHidesThoseColumns() {
		MerchantNode group = this.data.group("hq", null);
		MerchantNode store = this.data.eurStore(group.id());
		String id = this.data.tx(store).at(Instant.parse("2026-05-10T10:00:00Z")).save();
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(group.id(), false), TestData.PASSWORD);

		String lookup = session.get("/stores/" + store.id() + "/transactions").body();
		assertThat(PageHtml.texts(lookup, "(?s)<p class=\"store-facts\"[^>]*>(.*?)</p>").get(0).replaceAll("\\s+", " "))
			.isEqualTo("Location: " + group.name() + " Store Name: " + store.name() + " Time zone: Europe/Lisbon");
		// hidden, not gone: "Show all columns" brings them back
		assertThat(lookup).contains("<td class=\"col-store\">" + group.name() + "</td>").contains("id=\"all-columns\"");
		assertThat(lookup).contains("class=\"listing lookup\"");
		assertThat(cell(lookup, id, "Location")).isEqualTo(group.name());
		String search = session.get("/transactions").body();
		assertThat(search).contains("class=\"listing search\"").doesNotContain("store-facts");
	}

	@Test
	void datesOnAPageAreInOneFormatThePagesLanguage() {
		MerchantNode store = this.data.eurStore(this.data.group("g", null).id());
		String id = this.data.tx(store).at(Instant.parse("2026-11-20T03:00:00Z")).save();
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(store.id(), false), TestData.PASSWORD);

		for (String lang : List.of("pt-PT", "fr", "en")) {
			String html = session.get("/stores/" + store.id() + "/transactions?lang=" + lang).body();
			String from = PageHtml.inputValue(html, "from");
			String to = PageHtml.inputValue(html, "to");
			// the date fields, the period line and the date cells write the same day the same way
			assertThat(periodLine(html)).as(lang).contains(from).contains(to);
			assertThat(cell(html, id, PageHtml.columnHeaders(html).get(3))).as(lang).startsWith(to + " 03:00:00");
			boolean iso = to.equals("2026-11-20");
			assertThat(html.contains(">2026-11-20") || html.contains("2026-11-20 03:00")).as(lang + ": no ISO date beside "
					+ to).isEqualTo(iso);
		}
	}

	static String cell(String html, String id, String column) {
		return PageHtml.cells(html, id).get(PageHtml.columnHeaders(html).indexOf(column));
	}

	private static String periodLine(String html) {
		return PageHtml.texts(html, "<p class=\"period-line\"[^>]*>(.*?)</p>").get(0);
	}

	private static String range(String html) {
		List<String> range = PageHtml.texts(html, "<span class=\"range\" data-pager=\"range\">(.*?)</span>");
		return range.isEmpty() ? null : range.get(0);
	}

	private static List<String> pageSizes(String html) {
		return PageHtml.texts(html, "<option value=\"(\\d+)\"");
	}

	private static String selectedPageSize(String html) {
		return PageHtml.texts(html, "<option value=\"(\\d+)\" selected").get(0);
	}

}
