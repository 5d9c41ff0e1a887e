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

/** The start page, the merchant tree panel, group pages and store pages, over real HTTP. */
@IntegrationTest
class DashboardPagesIT {

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
	void thePanelShowsTheAccountsNodeAndEverythingBelowItAndNothingElse() {
		MerchantNode group = this.data.group("group", null);
		MerchantNode hq = this.data.group("hq", group.id());
		MerchantNode store = this.data.eurStore(hq.id());
		MerchantNode sibling = this.data.eurStore(group.id());
		MerchantNode foreign = this.data.group("foreign", null);
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(hq.id(), false), TestData.PASSWORD);

		var home = session.get("/");

		assertThat(home.status()).isEqualTo(200);
		String panel = panel(home.body());
		assertThat(PageHtml.texts(panel, "<a [^>]*>(.*?)</a>")).containsExactly(hq.name(), store.name());
		assertThat(panel).contains("href=\"/merchants/" + hq.id() + "\"").contains("href=\"/stores/" + store.id() + "\"");
		assertThat(home.body()).contains("Pick a merchant group or a store in the panel")
			.doesNotContain(group.name())
			.doesNotContain(sibling.name())
			.doesNotContain(foreign.name());
	}

	@Test
	void anOperatorSeesEveryRoot() {
		MerchantNode one = this.data.group("root-one", null);
		MerchantNode two = this.data.group("root-two", null);
		MerchantNode store = this.data.eurStore(two.id());

		WebSession operator = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);

		// Other tests' roots share this database: past the panel's budget the tree folds, so the
		// store is looked for with its group opened, as the operator would open it.
		assertThat(panel(operator.get("/").body())).contains(one.name()).contains(two.name());
		assertThat(panel(operator.get("/merchants/" + two.id()).body())).contains(store.name());
	}

	@Test
	void aGroupListsItsStoresWithTheirLastWeekAndOffersNoTransactionLookup() {
		this.clock.set(Instant.parse("2026-04-15T12:00:00Z"));
		MerchantNode group = this.data.group("group", null);
		MerchantNode hq = this.data.group("hq", group.id());
		MerchantNode lisbon = this.data.eurStore(hq.id());
		MerchantNode quiet = this.data.eurStore(group.id());
		String charge = this.data.tx(lisbon).amount(50_00).at(Instant.parse("2026-04-14T10:00:00Z")).save();
		this.data.tx(lisbon).amount(20_25).at(Instant.parse("2026-04-10T10:00:00Z")).save();
		this.data.tx(lisbon).refundOf(charge).amount(5_00).at(Instant.parse("2026-04-15T09:00:00Z")).save();
		this.data.tx(lisbon).amount(99_00).at(Instant.parse("2026-04-01T10:00:00Z")).save(); // before the week
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(group.id(), false), TestData.PASSWORD);

		var page = session.get("/merchants/" + group.id());

		assertThat(page.status()).isEqualTo(200);
		String html = page.body();
		String table = html.substring(html.indexOf("<table"), html.indexOf("</table>"));
		List<String> row = storeRow(table, lisbon);
		Locale pt = Locale.forLanguageTag("pt-PT");
		assertThat(row.subList(0, 6)).containsExactly(lisbon.name(), hq.name(), "2026-04-09 to 2026-04-15", "2", "1",
				Money.ofMinor(65_25, "EUR").format(pt));
		List<String> quietRow = storeRow(table, quiet);
		assertThat(quietRow.subList(3, 6)).containsExactly("0", "0", Money.ofMinor(0, "EUR").format(pt));
		String main = html.substring(html.indexOf("<main"));
		assertThat(main).doesNotContain("Transaction Lookup").doesNotContain("/transactions\"");
		assertThat(panel(html)).contains("aria-current=\"page\"");
	}

	@Test
	void aStoreOffersTransactionLookup() {
		MerchantNode group = this.data.group("group", null);
		MerchantNode store = this.data.eurStore(group.id());
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(group.id(), false), TestData.PASSWORD);

		var page = session.get("/stores/" + store.id());

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("href=\"/stores/" + store.id() + "/transactions\"")
			.contains("Transaction Lookup")
			.contains("Europe/Lisbon");
		var asGroup = session.get("/merchants/" + store.id());
		assertThat(asGroup.status()).isEqualTo(302);
		assertThat(asGroup.header("Location")).endsWith("/stores/" + store.id());
	}

	@Test
	void foreignUnknownAndMalformedNodesAreThe404Page() {
		MerchantNode mine = this.data.group("mine", null);
		MerchantNode other = this.data.group("other", null);
		MerchantNode foreignStore = this.data.eurStore(other.id());
		MerchantNode myStore = this.data.eurStore(mine.id());
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(myStore.id(), false), TestData.PASSWORD);

		for (String path : List.of("/merchants/" + other.id(), "/stores/" + foreignStore.id(), "/merchants/" + mine.id(),
				"/merchants/999999999", "/stores/999999999", "/stores/x1", "/merchants/-1", "/stores/" + mine.id())) {
			var page = session.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).contains("We could not find that.").doesNotContain(other.name())
				.doesNotContain(foreignStore.name());
		}
		assertThat(session.get("/stores/" + myStore.id()).status()).isEqualTo(200);
	}

	@Test
	void theUserMenuLeadsToAllTransactionsSearchAndHelp() {
		MerchantNode group = this.data.group("group", null);
		String html = WebSession.signIn(this.port, this.data.merchantUser(group.id(), false), TestData.PASSWORD)
			.get("/")
			.body();
		String menu = html.substring(html.indexOf("<details class=\"user-menu\""), html.indexOf("</details>"));
		assertThat(menu).contains("User Menu").contains("href=\"/transactions\"").contains("All Transactions Search")
			.contains("href=\"/help\"");
	}

	/** The cells of a store's row in a group's table. */
	static List<String> storeRow(String table, MerchantNode store) {
		int start = table.lastIndexOf("<tr", table.indexOf("href=\"/stores/" + store.id() + "\""));
		return PageHtml.texts(table.substring(start, table.indexOf("</tr>", start)), "<t[hd][^>]*>(.*?)</t[hd]>");
	}

	static String panel(String html) {
		int start = html.indexOf("<nav class=\"tree-panel\"");
		assertThat(start).as("the page has the merchant panel").isGreaterThanOrEqualTo(0);
		return html.substring(start, html.indexOf("</nav>", start));
	}

}
