package com.walletdesk.transaction;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Transaction Lookup, All Transactions Search and one transaction over HTTP: fields, formats, search, paging. */
@IntegrationTest
class TransactionApiIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionService transactions;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/** group -> headquarters -> a Paris store (EUR) and a Tokyo store (JPY); one user with the refund privilege, one without. */
	record Merchant(MerchantNode group, MerchantNode hq, MerchantNode paris, MerchantNode tokyo, WebSession refunder,
			WebSession viewer) {
	}

	Merchant merchant() {
		MerchantNode group = this.data.group("group", null);
		MerchantNode hq = this.data.group("hq", group.id());
		MerchantNode paris = this.data.store("paris", hq.id(), "Europe/Paris", "EUR", "pt-PT");
		MerchantNode tokyo = this.data.store("tokyo", hq.id(), "Asia/Tokyo", "JPY", "ja-JP");
		WebSession refunder = WebSession.signIn(this.port, this.data.merchantUser(hq.id(), true), TestData.PASSWORD);
		WebSession viewer = WebSession.signIn(this.port, this.data.merchantUser(hq.id(), false), TestData.PASSWORD);
		return new Merchant(group, hq, paris, tokyo, refunder, viewer);
	}

	@Test
	void lookupShowsEveryFieldInTheContractsFormats() {
		Merchant m = merchant();
		String reference = TestData.unique("PBL-2026");
		String charge = this.data.tx(m.paris())
			.amount(4000_65)
			.tip(1_50)
			.payByLink(reference)
			.at(Instant.parse("2026-06-15T13:41:05Z"))
			.save();
		String refund = this.data.tx(m.paris()).refundOf(charge).amount(1000_00).at(Instant.parse("2026-06-15T14:41:05Z")).save();

		var response = m.refunder().get("/api/v1/stores/" + m.paris().id() + "/transactions?from=2026-06-15&to=2026-06-15");
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.path("from").asString()).isEqualTo("2026-06-15");
		assertThat(body.path("to").asString()).isEqualTo("2026-06-15");
		assertThat(body.path("nextCursor").isNull()).isTrue();
		assertThat(ids(body)).as("newest first").containsExactly(refund, charge);

		JsonNode item = body.path("items").get(1);
		assertThat(item.path("id").isString()).as("IDs are strings").isTrue();
		assertThat(item.path("id").asString()).isEqualTo(charge);
		assertThat(item.path("parentId").isNull()).isTrue();
		assertThat(item.path("storeId").asString()).isEqualTo(String.valueOf(m.paris().id()));
		assertThat(item.path("storeName").asString()).isEqualTo(m.paris().name());
		assertThat(item.path("location").asString()).as("the store's parent group").isEqualTo(m.hq().name());
		assertThat(item.path("reference").asString()).isEqualTo(reference);
		assertThat(item.path("createdAt").asString()).isEqualTo("2026-06-15T13:41:05Z");
		assertThat(item.path("localTime").asString()).isEqualTo("2026-06-15 15:41:05");
		assertThat(item.path("timezone").asString()).isEqualTo("Europe/Paris");
		assertThat(item.path("type").asString()).isEqualTo("charge");
		assertThat(item.path("method").asString()).isEqualTo("ALP");
		assertThat(item.path("channel").asString()).isEqualTo("PAY_BY_LINK");
		assertThat(item.path("cardNumber").isNull()).isTrue();
		assertThat(item.path("vendorReference").asString()).startsWith("VR");
		assertThat(item.path("amount").isString()).as("money is never a JSON number").isTrue();
		assertThat(item.path("amount").asString()).isEqualTo("4000.65");
		assertThat(item.path("tip").asString()).isEqualTo("1.50");
		assertThat(item.path("currency").asString()).isEqualTo("EUR");
		assertThat(item.path("remaining").asString()).isEqualTo("3000.65");
		assertThat(item.path("refundable").asBoolean()).isTrue();
		assertThat(item.path("loginCode").asString()).isEqualTo("L-7");
		assertThat(item.path("terminalId").asString()).isEqualTo("T-01");
		assertThat(item.has("disputeTag") && item.path("disputeTag").isNull()).isTrue();
		assertThat(item.has("transactionTag") && item.path("transactionTag").isNull()).isTrue();

		JsonNode refundItem = body.path("items").get(0);
		assertThat(refundItem.path("type").asString()).isEqualTo("refund");
		assertThat(refundItem.path("parentId").asString()).isEqualTo(charge);
		assertThat(refundItem.path("amount").asString()).isEqualTo("1000.00");
		assertThat(refundItem.path("remaining").isNull()).as("only charges have a remaining amount").isTrue();
		assertThat(refundItem.path("refundable").asBoolean()).isFalse();

		var viewer = m.viewer().get("/api/v1/stores/" + m.paris().id() + "/transactions?from=2026-06-15&to=2026-06-15").json();
		assertThat(viewer.path("items").get(1).path("refundable").asBoolean()).as("no refund privilege").isFalse();
	}

	@Test
	void yenHasNoDecimalsAndTheDayIsTheStoresDay() {
		Merchant m = merchant();
		String id = this.data.tx(m.tokyo()).amount(1200).at(Instant.parse("2026-06-15T23:30:00Z")).save();
		String path = "/api/v1/stores/" + m.tokyo().id() + "/transactions";

		JsonNode item = m.viewer().get(path + "?from=2026-06-16&to=2026-06-16").json().path("items").get(0);
		assertThat(item.path("id").asString()).isEqualTo(id);
		assertThat(item.path("amount").asString()).isEqualTo("1200");
		assertThat(item.path("tip").asString()).isEqualTo("0");
		assertThat(item.path("remaining").asString()).isEqualTo("1200");
		assertThat(item.path("currency").asString()).isEqualTo("JPY");
		assertThat(item.path("localTime").asString()).isEqualTo("2026-06-16 08:30:00");
		assertThat(item.path("timezone").asString()).isEqualTo("Asia/Tokyo");
		assertThat(ids(m.viewer().get(path + "?from=2026-06-15&to=2026-06-15").json()))
			.as("23:30 UTC on the 15th is the 16th in Tokyo").isEmpty();
	}

	@Test
	void detailIsOneItemAndOffersRefundsOnlyWithThePrivilege() {
		Merchant m = merchant();
		String charge = this.data.tx(m.paris()).amount(25_00).at(Instant.parse("2026-06-15T10:00:00Z")).save();

		var response = m.refunder().get("/api/v1/transactions/" + charge);
		assertThat(response.status()).isEqualTo(200);
		JsonNode item = response.json();
		assertThat(item.path("id").asString()).isEqualTo(charge);
		assertThat(item.path("amount").asString()).isEqualTo("25.00");
		assertThat(item.path("location").asString()).isEqualTo(m.hq().name());
		assertThat(item.path("localTime").asString()).isEqualTo("2026-06-15 12:00:00");
		assertThat(item.path("refundable").asBoolean()).isTrue();
		assertThat(m.viewer().get("/api/v1/transactions/" + charge).json().path("refundable").asBoolean()).isFalse();
	}

	@Test
	void searchCoversEveryStoreInScopeAndNeverOffersRefunds() {
		Merchant m = merchant();
		String paris = this.data.tx(m.paris()).amount(10_00).at(Instant.parse("2026-06-15T10:00:00Z")).save();
		String tokyo = this.data.tx(m.tokyo()).amount(1500).at(Instant.parse("2026-06-15T11:00:00Z")).save();
		MerchantNode elsewhere = this.data.eurStore(m.group().id()); // in the group, outside the headquarters
		this.data.tx(elsewhere).at(Instant.parse("2026-06-15T12:00:00Z")).save();

		JsonNode body = m.refunder().get("/api/v1/transactions?from=2026-06-15&to=2026-06-16").json();
		assertThat(ids(body)).containsExactly(tokyo, paris);
		for (JsonNode item : body.path("items")) {
			assertThat(item.path("refundable").asBoolean()).as("All Transactions Search is read-only").isFalse();
			assertThat(item.path("location").asString()).isEqualTo(m.hq().name());
		}
		assertThat(body.path("items").get(0).path("storeName").asString()).isEqualTo(m.tokyo().name());
		assertThat(body.path("items").get(0).path("amount").asString()).isEqualTo("1500");
		assertThat(body.path("items").get(1).path("amount").asString()).isEqualTo("10.00");
	}

	@Test
	void defaultPeriodIsTheLastWeekWithTransactions() {
		this.clock.set(Instant.parse("2026-06-20T10:00:00Z"));
		Merchant m = merchant();
		// quiet for a month; 22:30 UTC is already the next day in Paris
		String last = this.data.tx(m.paris()).at(Instant.parse("2026-05-20T22:30:00Z")).save();
		this.data.tx(m.paris()).at(Instant.parse("2026-05-10T10:00:00Z")).save();

		JsonNode quiet = m.viewer().get("/api/v1/stores/" + m.paris().id() + "/transactions").json();
		assertThat(quiet.path("from").asString()).isEqualTo("2026-05-15");
		assertThat(quiet.path("to").asString()).isEqualTo("2026-05-21");
		assertThat(ids(quiet)).containsExactly(last);

		JsonNode empty = m.viewer().get("/api/v1/stores/" + m.tokyo().id() + "/transactions").json();
		assertThat(empty.path("to").asString()).as("today in Tokyo").isEqualTo("2026-06-20");
		assertThat(empty.path("from").asString()).isEqualTo("2026-06-14");
		assertThat(empty.path("items").isEmpty()).isTrue();
		assertThat(empty.path("nextCursor").isNull()).isTrue();

		this.data.tx(m.tokyo()).amount(500).at(Instant.parse("2026-06-10T23:30:00Z")).save();
		JsonNode tokyo = m.viewer().get("/api/v1/stores/" + m.tokyo().id() + "/transactions").json();
		assertThat(tokyo.path("to").asString()).as("08:30 on the 11th in Tokyo").isEqualTo("2026-06-11");

		JsonNode search = m.viewer().get("/api/v1/transactions").json();
		assertThat(search.path("to").asString()).as("the newest among all stores in scope").isEqualTo("2026-06-11");
		assertThat(search.path("from").asString()).isEqualTo("2026-06-05");
	}

	@Test
	void oneBoxSearchesMethodTypeIdAndReference() {
		Merchant m = merchant();
		MerchantNode store = m.paris();
		String prefix = TestData.randomTransactionId().substring(0, 6);
		Instant day = Instant.parse("2026-04-10T08:00:00Z");
		String a = this.data.tx(store).id(prefix + "000001").method("ALP").at(day.plusSeconds(1)).save();
		String b = this.data.tx(store).id(prefix + "000002").method("WXP").at(day.plusSeconds(2)).save();
		String c = this.data.tx(store).method("ALP").payByLink("PBL-2026-000123").at(day.plusSeconds(3)).save();
		String d = this.data.tx(store).method("WXP").payByLink("PBL-2026-000456").at(day.plusSeconds(4)).save();
		String e = this.data.tx(store).refundOf(a).amount(1_00).at(day.plusSeconds(5)).save();
		String f = TestData.randomTransactionId();
		assertThat(this.transactions.record(new TransactionRow(f, store.id(), TransactionRow.REFUND_DASHBOARD, "ALP", "PAY_BY_LINK",
				2_00, 0, "EUR", day.plusSeconds(6), null, null, c, null, null, null, null, null, 0, 0))).isTrue();
		String g = this.data.tx(store).payByLink("50%_OFF-1").at(day.plusSeconds(7)).save();
		String h = this.data.tx(store).payByLink("50XYOFF-2").at(day.plusSeconds(8)).save();
		String i = this.data.tx(store).method("WXP").payByLink("pbl-2026-000789").at(day.plusSeconds(9)).save();

		String lookup = "/api/v1/stores/" + store.id() + "/transactions?from=2026-04-10&to=2026-04-10&q=";
		for (String q : List.of("alipay", "ALIPAY", "alp", "Alp")) {
			assertThat(search(m, lookup, q)).as(q).containsExactlyInAnyOrder(a, c, e, f, g, h);
		}
		for (String q : List.of("wechat", "WeChat", "wechat pay", "WeChat Pay", "wxp", "WXP")) {
			assertThat(search(m, lookup, q)).as(q).containsExactlyInAnyOrder(b, d, i);
		}
		assertThat(search(m, lookup, "charge")).containsExactlyInAnyOrder(a, b, c, d, g, h, i);
		assertThat(search(m, lookup, "Refund")).as("both kinds of refund").containsExactlyInAnyOrder(e, f);
		assertThat(search(m, lookup, prefix)).as("ID prefix").containsExactlyInAnyOrder(a, b);
		assertThat(search(m, lookup, prefix + "000001")).as("whole ID").containsExactly(a);
		assertThat(search(m, lookup, "pbl-2026-000")).as("reference prefix").containsExactlyInAnyOrder(c, d, i);
		assertThat(search(m, lookup, "PBL-2026-000123")).containsExactly(c);
		assertThat(search(m, lookup, "Pbl-2026-0004")).as("case-insensitive").containsExactly(d);
		assertThat(search(m, lookup, "50%")).as("% is a plain character").containsExactly(g);
		assertThat(search(m, lookup, "50%_")).containsExactly(g);
		assertThat(search(m, lookup, "50_")).as("_ is a plain character").isEmpty();
		assertThat(search(m, lookup, "50__")).isEmpty();
		assertThat(search(m, lookup, "%")).isEmpty();
		assertThat(search(m, lookup, "VR")).as("the wallet's own ID is not a search key").isEmpty();

		String all = "/api/v1/transactions?from=2026-04-10&to=2026-04-10&q=";
		assertThat(search(m, all, "PBL-2026-000")).containsExactlyInAnyOrder(c, d, i);
		assertThat(search(m, all, prefix)).containsExactlyInAnyOrder(a, b);
		assertThat(search(m, all, "refund")).containsExactlyInAnyOrder(e, f);
	}

	@Test
	void keysetPagingWalksEveryRowOnceInBothDirections() {
		Merchant m = merchant();
		Instant base = Instant.parse("2026-03-03T09:00:00Z");
		String prefix = TestData.randomTransactionId().substring(0, 6);
		for (int n = 0; n < 18; n++) {
			this.data.tx(m.paris()).id(prefix + (100_000 + n)).at(base.plusSeconds(60L * n)).save();
		}
		for (int n = 0; n < 5; n++) {
			// the same instant: the ID breaks the tie
			this.data.tx(m.paris()).id(prefix + (200_000 + n)).at(base.plusSeconds(600)).save();
		}
		String path = "/api/v1/stores/" + m.paris().id() + "/transactions?from=2026-03-03&to=2026-03-03";
		List<String> all = ids(m.viewer().get(path + "&limit=500").json());
		assertThat(all).hasSize(23).doesNotHaveDuplicates();

		List<JsonNode> pages = pages(m.viewer(), path + "&limit=5");
		List<List<String>> forward = pages.stream().map(TransactionApiIT::ids).toList();
		List<String> previousCursors = pages.stream().map(page -> cursor(page, "previousCursor")).toList();
		assertThat(forward).extracting(List::size).containsExactly(5, 5, 5, 5, 3);
		assertThat(forward.stream().flatMap(List::stream).toList()).as("no gaps, no duplicates, same order").isEqualTo(all);
		assertThat(previousCursors.get(0)).as("the first page has no previous page").isNull();

		// and back from the last page
		String back = previousCursors.get(4);
		for (int page = 3; page >= 0; page--) {
			JsonNode previous = m.viewer().get(path + "&limit=5&cursor=" + back).json();
			assertThat(ids(previous)).as("page " + page).isEqualTo(forward.get(page));
			back = cursor(previous, "previousCursor");
		}
		assertThat(back).isNull();

		// a search for the common ID prefix (few matches: fetched through the key, then sorted) pages the same
		List<JsonNode> searchPages = pages(m.viewer(), path + "&limit=5&q=" + prefix);
		assertThat(searchPages.stream().flatMap(page -> ids(page).stream()).toList()).isEqualTo(all);
		assertThat(searchPages).hasSize(5);

		// All Transactions Search pages the same way across stores
		this.data.tx(m.tokyo()).at(base.plusSeconds(30)).save();
		String searchPath = "/api/v1/transactions?from=2026-03-03&to=2026-03-03&limit=7";
		Set<String> seen = new HashSet<>();
		List<JsonNode> acrossStores = pages(m.viewer(), searchPath);
		for (JsonNode page : acrossStores) {
			for (String id : ids(page)) {
				assertThat(seen.add(id)).as("no duplicate " + id).isTrue();
			}
		}
		assertThat(seen).hasSize(24);
		assertThat(acrossStores).hasSize(4);
	}

	/** The pages of a listing, following {@code nextCursor} from the first (ten at the most). */
	private static List<JsonNode> pages(WebSession viewer, String path) {
		List<JsonNode> pages = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = viewer.get(path + (cursor == null ? "" : "&cursor=" + cursor)).json();
			pages.add(page);
			cursor = cursor(page, "nextCursor");
		}
		while (cursor != null && pages.size() < 10);
		return pages;
	}

	/** A page's cursor of this name, or null when it has none. */
	private static String cursor(JsonNode page, String name) {
		return page.path(name).isNull() ? null : page.path(name).asString();
	}

	@Test
	void badInputIsAProblemWithACodeNeverA500() {
		Merchant m = merchant();
		String store = "/api/v1/stores/" + m.paris().id() + "/transactions";
		for (String base : List.of(store + "?", "/api/v1/transactions?")) {
			problem(m, base + "from=2026-13-01", 400, "INVALID_DATE");
			problem(m, base + "to=abc", 400, "INVALID_DATE");
			problem(m, base + "from=2026-02-02&to=2026-02-01", 400, "INVALID_PERIOD");
			problem(m, base + "from=2025-01-01&to=2026-01-02", 400, "PERIOD_TOO_LONG");
			for (String limit : List.of("0", "501", "abc", "-1", "1.5", "99999999999")) {
				problem(m, base + "limit=" + limit, 400, "INVALID_LIMIT");
			}
			for (String cursor : List.of("forged", base64("v1:o:1:1"), base64("v1:o:-2208988800000000:280024065451"),
					base64("v1:o:1781870000000000:28002406545X"))) {
				problem(m, base + "cursor=" + cursor, 400, "INVALID_CURSOR");
			}
			problem(m, base + "q=" + "x".repeat(65), 400, "INVALID_QUERY");
			assertThat(m.viewer().get(base + "limit=1").status()).isEqualTo(200);
			assertThat(m.viewer().get(base + "limit=500").status()).isEqualTo(200);
		}
		problem(m, "/api/v1/stores/999999999999/transactions", 404, "NOT_FOUND");
		problem(m, "/api/v1/stores/abc/transactions", 404, "NOT_FOUND");
		problem(m, "/api/v1/stores/-1/transactions", 404, "NOT_FOUND");
		problem(m, "/api/v1/stores/99999999999999999999999/transactions", 404, "NOT_FOUND");
		problem(m, "/api/v1/stores/" + m.hq().id() + "/transactions", 404, "NOT_FOUND");
		problem(m, "/api/v1/transactions/abc", 404, "NOT_FOUND");
		problem(m, "/api/v1/transactions/999999999999", 404, "NOT_FOUND");
		problem(m, "/api/v1/transactions/%27%20OR%201=1", 404, "NOT_FOUND");
	}

	private void problem(Merchant m, String path, int status, String code) {
		var response = m.viewer().get(path);
		assertThat(response.status()).as(path).isEqualTo(status);
		assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
		assertThat(response.code()).as(path).isEqualTo(code);
		assertThat(response.body()).as("no internals in " + path).doesNotContain("Exception", "at com.", "SQL");
	}

	private static List<String> search(Merchant m, String path, String q) {
		var response = m.viewer().get(path + URLEncoder.encode(q, StandardCharsets.UTF_8));
		assertThat(response.status()).as(q).isEqualTo(200);
		return ids(response.json());
	}

	private static String base64(String raw) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
	}

	static List<String> ids(JsonNode body) {
		List<String> ids = new ArrayList<>();
		body.path("items").forEach(item -> ids.add(item.path("id").asString()));
		return ids;
	}

}
