package com.walletdesk.transaction;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary API (API.md "Export and totals") against the sums over every page of the list
 * API for the same query: per currency, per method and per local day, refunds of both kinds, a
 * search across stores in two zones and currencies, the default period, and no totals of a
 * store outside the caller's scope.
 */
@IntegrationTest
class TransactionSummaryIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	TransactionService transactions;

	record Merchant(MerchantNode hq, MerchantNode paris, MerchantNode tokyo, WebSession viewer) {
	}

	Merchant merchant() {
		MerchantNode group = this.data.group("group", null);
		MerchantNode hq = this.data.group("hq", group.id());
		MerchantNode paris = this.data.store("paris", hq.id(), "Europe/Paris", "EUR", "pt-PT");
		MerchantNode tokyo = this.data.store("tokyo", hq.id(), "Asia/Tokyo", "JPY", "ja-JP");
		String username = this.data.merchantUser(hq.id(), false);
		return new Merchant(hq, paris, tokyo, WebSession.signIn(this.port, username, TestData.PASSWORD));
	}

	/**
	 * Charges, app refunds and dashboard refunds in Paris and Tokyo from 2026-05-04 to 05-06,
	 * some late in the UTC evening: already the next day in Tokyo, still the same in Paris.
	 */
	void someOfEverything(Merchant m) {
		Instant day = Instant.parse("2026-05-04T08:00:00Z");
		for (int n = 0; n < 9; n++) {
			Instant at = day.plusSeconds(5L * 3600 * n); // every five hours: across midnights
			String charge = this.data.tx(m.paris()).amount(100_00 + n).method(n % 2 == 0 ? "ALP" : "WXP").at(at).save();
			if (n % 3 == 0) {
				this.data.tx(m.paris()).refundOf(charge).amount(10_05).at(at.plusSeconds(60)).save();
			}
			if (n % 3 == 1) {
				assertThat(this.transactions.record(new TransactionRow(TestData.randomTransactionId(), m.paris().id(),
						TransactionRow.REFUND_DASHBOARD, "WXP", "APP", 25_00, 0, "EUR", at.plusSeconds(120), null, null,
						charge, null, null, null, null, null, 0, 0))).isTrue();
			}
			String yen = this.data.tx(m.tokyo()).amount(1200 + n).method(n % 4 == 0 ? "ALP" : "WXP").at(at.plusSeconds(30)).save();
			if (n % 4 == 1) {
				this.data.tx(m.tokyo()).refundOf(yen).amount(200).at(at.plusSeconds(90)).save();
			}
		}
	}

	@Test
	void lookupTotalsAreTheSumsOfEveryPageOfTheList() {
		Merchant m = merchant();
		someOfEverything(m);
		for (String q : List.of("", "refund", "wechat", "charge", "alipay")) {
			String query = "from=2026-05-04&to=2026-05-06&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
			String base = "/api/v1/stores/" + m.paris().id() + "/transactions";
			JsonNode summary = m.viewer().get(base + "/summary?" + query).json();
			List<JsonNode> items = TransactionExportIT.items(m.viewer(), base + "?" + query + "&limit=4");
			assertThat(items).as(q).isNotEmpty();
			assertSummaryOf(summary, items, "2026-05-04", "2026-05-06", q);
		}
		JsonNode all = m.viewer().get("/api/v1/stores/" + m.paris().id() + "/transactions/summary?from=2026-05-04&to=2026-05-06").json();
		assertThat(all.path("totals")).hasSize(1);
		JsonNode eur = all.path("totals").get(0);
		assertThat(eur.path("currency").asString()).isEqualTo("EUR");
		assertThat(eur.path("charges").path("count").asLong()).isEqualTo(9);
		assertThat(eur.path("charges").path("amount").asString()).isEqualTo("900.36");
		assertThat(eur.path("refunds").path("count").asLong()).as("three app refunds, three made here").isEqualTo(6);
		assertThat(eur.path("refunds").path("amount").asString()).isEqualTo("105.15");
		assertThat(eur.path("net").asString()).isEqualTo("795.21");
		assertThat(all.path("daily")).as("every day of the period").hasSize(3);
	}

	@Test
	void searchTotalsCoverEveryStoreCurrencyAndZone() {
		Merchant m = merchant();
		someOfEverything(m);
		for (String q : List.of("", "refund", "wechat")) {
			String query = "from=2026-05-04&to=2026-05-06&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
			JsonNode summary = m.viewer().get("/api/v1/transactions/summary?" + query).json();
			List<JsonNode> items = TransactionExportIT.items(m.viewer(), "/api/v1/transactions?" + query + "&limit=5");
			assertSummaryOf(summary, items, "2026-05-04", "2026-05-06", q);
			if (q.isEmpty()) {
				assertThat(summary.path("totals")).extracting(t -> t.path("currency").asString()).containsExactly("EUR", "JPY");
				assertThat(summary.path("daily")).hasSize(6);
			}
		}
		// the default period (no dates): the list's own week
		JsonNode week = m.viewer().get("/api/v1/transactions/summary").json();
		List<JsonNode> items = TransactionExportIT.items(m.viewer(), "/api/v1/transactions?limit=500");
		JsonNode page = m.viewer().get("/api/v1/transactions?limit=1").json();
		assertSummaryOf(week, items, page.path("from").asString(), page.path("to").asString(), "");
	}

	@Test
	void aDayIsTheStoresOwnLocalDay() {
		Merchant m = merchant();
		// 20:00 UTC on the 4th: the 5th in Tokyo (UTC+9), the 4th in Paris (UTC+2)
		Instant evening = Instant.parse("2026-05-04T20:00:00Z");
		this.data.tx(m.tokyo()).amount(500).at(evening).save();
		this.data.tx(m.paris()).amount(7_00).at(evening).save();
		JsonNode summary = m.viewer().get("/api/v1/transactions/summary?from=2026-05-04&to=2026-05-05").json();
		Map<String, String> charges = new TreeMap<>();
		summary.path("daily").forEach(d -> charges.put(d.path("date").asString() + " " + d.path("currency").asString(),
				d.path("charges").asString()));
		assertThat(charges).containsEntry("2026-05-04 EUR", "7.00")
			.containsEntry("2026-05-05 EUR", "0.00")
			.containsEntry("2026-05-04 JPY", "0")
			.containsEntry("2026-05-05 JPY", "500");
	}

	@Test
	void anotherMerchantsStoreIsNotFoundAndBadInputIsAProblem() {
		Merchant m = merchant();
		Merchant other = merchant();
		this.data.tx(other.paris()).at(Instant.parse("2026-05-10T10:00:00Z")).save();
		for (String path : List.of("/api/v1/stores/" + other.paris().id() + "/transactions/summary",
				"/api/v1/stores/" + m.hq().id() + "/transactions/summary", "/api/v1/stores/999999999999/transactions/summary",
				"/api/v1/stores/abc/transactions/summary")) {
			WebSession.Response response = m.viewer().get(path);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.code()).isEqualTo("NOT_FOUND");
		}
		JsonNode search = m.viewer().get("/api/v1/transactions/summary?from=2026-05-10&to=2026-05-10").json();
		assertThat(search.path("totals")).as("another merchant's rows are never summed").isEmpty();
		assertThat(search.path("daily")).isEmpty();
		for (String base : List.of("/api/v1/transactions/summary?", "/api/v1/stores/" + m.paris().id() + "/transactions/summary?")) {
			WebSession.Response bad = m.viewer().get(base + "from=2026-13-01");
			assertThat(bad.status()).isEqualTo(400);
			assertThat(bad.code()).isEqualTo("INVALID_DATE");
			assertThat(m.viewer().get(base + "from=2025-01-01&to=2026-01-02").code()).isEqualTo("PERIOD_TOO_LONG");
			assertThat(m.viewer().get(base + "from=2026-02-02&to=2026-02-01").code()).isEqualTo("INVALID_PERIOD");
			assertThat(m.viewer().get(base + "q=" + "x".repeat(65)).code()).isEqualTo("INVALID_QUERY");
		}
		assertThat(WebSession.anonymous(this.port).get("/api/v1/transactions/summary").status()).isEqualTo(401);
	}

	@Test
	void theOpenApiDocumentPublishesBothSummaries() {
		JsonNode paths = WebSession.anonymous(this.port).get("/v3/api-docs").json().path("paths");
		for (String path : List.of("/api/v1/stores/{storeId}/transactions/summary", "/api/v1/transactions/summary")) {
			List<String> names = new ArrayList<>();
			paths.path(path).path("get").path("parameters").forEach(p -> names.add(p.path("name").asString()));
			assertThat(names).as(path).contains("from", "to", "q");
		}
	}

	/**
	 * The summary is what adding up the items gives: per currency, per method and currency, and
	 * per local day (the first ten characters of localTime) and currency, every day listed.
	 */
	private static void assertSummaryOf(JsonNode summary, List<JsonNode> items, String from, String to, String q) {
		assertThat(summary.path("from").asString()).isEqualTo(from);
		assertThat(summary.path("to").asString()).isEqualTo(to);
		Map<String, Sums> totals = new TreeMap<>();
		Map<String, Sums> byMethod = new TreeMap<>();
		Map<String, Sums> daily = new TreeMap<>();
		for (JsonNode item : items) {
			String currency = item.path("currency").asString();
			boolean charge = item.path("type").asString().equals("charge");
			BigDecimal amount = new BigDecimal(item.path("amount").asString());
			totals.computeIfAbsent(currency, c -> new Sums()).add(charge, amount);
			byMethod.computeIfAbsent(item.path("method").asString() + " " + currency, c -> new Sums()).add(charge, amount);
			daily.computeIfAbsent(item.path("localTime").asString().substring(0, 10) + " " + currency, c -> new Sums())
				.add(charge, amount);
		}
		Map<String, String> expectedTotals = new TreeMap<>();
		totals.forEach((k, s) -> expectedTotals.put(k, s.counts() + " " + s.amounts() + " net " + s.net()));
		Map<String, String> actualTotals = new TreeMap<>();
		summary.path("totals").forEach(t -> actualTotals.put(t.path("currency").asString(), figures(t) + " net " + t.path("net").asString()));
		assertThat(actualTotals).as("totals of q=" + q).isEqualTo(expectedTotals);

		Map<String, String> expectedMethods = new TreeMap<>();
		byMethod.forEach((k, s) -> expectedMethods.put(k, s.counts() + " " + s.amounts()));
		Map<String, String> actualMethods = new TreeMap<>();
		summary.path("byMethod").forEach(t -> actualMethods.put(t.path("method").asString() + " " + t.path("currency").asString(), figures(t)));
		assertThat(actualMethods).as("byMethod of q=" + q).isEqualTo(expectedMethods);

		Map<String, String> actualDays = new TreeMap<>();
		List<String> order = new ArrayList<>();
		summary.path("daily").forEach(d -> {
			String key = d.path("date").asString() + " " + d.path("currency").asString();
			order.add(key);
			assertThat(new BigDecimal(d.path("charges").asString()).subtract(new BigDecimal(d.path("refunds").asString())))
				.isEqualByComparingTo(d.path("net").asString());
			boolean zero = new BigDecimal(d.path("charges").asString()).signum() == 0
					&& new BigDecimal(d.path("refunds").asString()).signum() == 0;
			if (!zero) {
				actualDays.put(key, d.path("charges").asString() + " " + d.path("refunds").asString());
			}
			assertThat(d.path("date").asString()).isBetween(from, to);
		});
		Map<String, String> expectedDays = new TreeMap<>();
		daily.forEach((k, s) -> expectedDays.put(k, s.charged.toPlainString() + " " + s.refunded.toPlainString()));
		assertThat(actualDays).as("daily of q=" + q).isEqualTo(expectedDays);
		assertThat(order).as("by date, then currency").isSorted().doesNotHaveDuplicates();
	}

	private static String figures(JsonNode t) {
		return t.path("charges").path("count").asLong() + "/" + t.path("refunds").path("count").asLong() + " "
				+ t.path("charges").path("amount").asString() + "/" + t.path("refunds").path("amount").asString();
	}

	/** Counts and sums as the items give them (decimal strings with the currency's own digits). */
	private static final class Sums {

		long charges;

		long refunds;

		BigDecimal charged;

		BigDecimal refunded;

		void add(boolean charge, BigDecimal amount) {
			if (this.charged == null) {
				this.charged = amount.multiply(BigDecimal.ZERO);
				this.refunded = amount.multiply(BigDecimal.ZERO);
			}
			if (charge) {
				this.charges++;
				this.charged = this.charged.add(amount);
			}
			else {
				this.refunds++;
				this.refunded = this.refunded.add(amount);
			}
		}

		String counts() {
			return this.charges + "/" + this.refunds;
		}

		String amounts() {
			return this.charged.toPlainString() + "/" + this.refunded.toPlainString();
		}

		String net() {
			return this.charged.subtract(this.refunded).toPlainString();
		}

	}

}
