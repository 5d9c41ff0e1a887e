package com.walletdesk.transaction;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import com.walletdesk.web.ProblemException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CSV export (API.md "Export and totals") against the API's own pages for the same query:
 * the same rows in the same order with the same values, refunds of both kinds, a search across
 * currencies, formula-safe cells, and no export of a store outside the caller's scope.
 */
@IntegrationTest
class TransactionExportIT {

	static final List<String> HEADER = List.of("Location", "Store Name", "Transaction ID", "Parent Transaction ID",
			"Reference", "Date/Time", "Time Zone", "Transaction Type", "Payment Method", "Channel", "Card Number",
			"Vendor Reference", "Total", "Refunded", "Remaining", "Tip", "Currency", "Login Code", "Dispute Tag",
			"Transaction Tag", "Terminal ID", "Created At");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	TransactionService transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MerchantService merchants;

	@Autowired
	TransactionQuery query;

	record Merchant(MerchantNode hq, MerchantNode paris, MerchantNode tokyo, WebSession viewer, String username) {
	}

	Merchant merchant() {
		MerchantNode group = this.data.group("group", null);
		MerchantNode hq = this.data.group("hq", group.id());
		MerchantNode paris = this.data.store("paris", hq.id(), "Europe/Paris", "EUR", "pt-PT");
		MerchantNode tokyo = this.data.store("tokyo", hq.id(), "Asia/Tokyo", "JPY", "ja-JP");
		String username = this.data.merchantUser(hq.id(), false);
		return new Merchant(hq, paris, tokyo, WebSession.signIn(this.port, username, TestData.PASSWORD), username);
	}

	/** Charges, app refunds and dashboard refunds in Paris (EUR) and Tokyo (JPY) on 2026-05-04/05. */
	List<String> someOfEverything(Merchant m) {
		Instant day = Instant.parse("2026-05-04T09:00:00Z");
		List<String> ids = new ArrayList<>();
		for (int n = 0; n < 7; n++) {
			String charge = this.data.tx(m.paris()).amount(100_00 + n).tip(n).method(n % 2 == 0 ? "ALP" : "WXP")
				.at(day.plusSeconds(3600L * n)).save();
			ids.add(charge);
			if (n % 3 == 0) {
				ids.add(this.data.tx(m.paris()).refundOf(charge).amount(10_00).at(day.plusSeconds(3600L * n + 60)).save());
			}
			if (n % 3 == 1) {
				String id = TestData.randomTransactionId();
				assertThat(this.transactions.record(new TransactionRow(id, m.paris().id(), TransactionRow.REFUND_DASHBOARD,
						"WXP", "APP", 25_00, 0, "EUR", day.plusSeconds(3600L * n + 120), null, "VR-D" + n, charge, null,
						null, null, null, null, 0, 0))).isTrue();
				ids.add(id);
			}
			String yen = this.data.tx(m.tokyo()).amount(1200 + n).at(day.plusSeconds(3600L * n + 30)).save();
			ids.add(yen);
		}
		// the same instant twice: the ID breaks the tie, in the file as on the pages
		Instant tie = day.plusSeconds(86_400);
		this.data.tx(m.paris()).at(tie).save();
		this.data.tx(m.paris()).at(tie).save();
		return ids;
	}

	@Test
	void lookupExportIsEveryPageOfTheApiRowForRow() throws IOException {
		Merchant m = merchant();
		someOfEverything(m);
		String query = "from=2026-05-04&to=2026-05-05";

		WebSession.Response response = m.viewer().get("/api/v1/stores/" + m.paris().id() + "/transactions/export?" + query);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
		assertThat(response.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"transactions-store-" + m.paris().id() + "-2026-05-04-2026-05-05.csv\"");
		assertThat(response.body()).startsWith(String.join(",", HEADER) + "\r\n");

		List<CSVRecord> rows = csv(response.body());
		List<JsonNode> items = items(m.viewer(), "/api/v1/stores/" + m.paris().id() + "/transactions?" + query + "&limit=3");
		assertThat(items).hasSize(7 + 3 + 2 + 2);
		assertSame(rows, items);
		assertThat(rows).extracting(r -> r.get("Transaction Type")).contains("charge", "refund", "refund_dashboard");

		// a charge with a refund of each kind: what is refunded and what remains
		CSVRecord refundedCharge = rows.stream()
			.filter(r -> r.get("Transaction Type").equals("charge") && r.get("Total").equals("100.01"))
			.findFirst()
			.orElseThrow();
		assertThat(refundedCharge.get("Refunded")).isEqualTo("25.00");
		assertThat(refundedCharge.get("Remaining")).isEqualTo("75.01");
		assertThat(refundedCharge.get("Tip")).isEqualTo("0.01");
		CSVRecord refund = rows.stream().filter(r -> r.get("Transaction Type").equals("refund")).findFirst().orElseThrow();
		assertThat(refund.get("Refunded")).as("only charges are refunded").isEmpty();
		assertThat(refund.get("Remaining")).isEmpty();
		assertThat(refund.get("Total")).as("a refund's own amount, as the API gives it").isEqualTo("10.00");
	}

	@Test
	void searchExportCoversEveryStoreAndCurrencyInTheApisOrder() throws IOException {
		Merchant m = merchant();
		someOfEverything(m);
		for (String q : List.of("", "refund", "wechat", "charge")) {
			String query = "from=2026-05-04&to=2026-05-05&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
			List<CSVRecord> rows = csv(m.viewer().get("/api/v1/transactions/export?" + query).body());
			List<JsonNode> items = items(m.viewer(), "/api/v1/transactions?" + query + "&limit=4");
			assertThat(rows).as(q).hasSize(items.size());
			assertSame(rows, items);
			if (q.isEmpty()) {
				assertThat(rows).extracting(r -> r.get("Currency")).contains("EUR", "JPY");
				assertThat(rows).filteredOn(r -> r.get("Currency").equals("JPY"))
					.extracting(r -> r.get("Total"))
					.contains("1200", "1206");
			}
		}
		// the default period (no dates): the same week as the page shows
		List<CSVRecord> week = csv(m.viewer().get("/api/v1/transactions/export").body());
		assertSame(week, items(m.viewer(), "/api/v1/transactions?limit=500"));
	}

	@Test
	void cellsThatASpreadsheetWouldRunAsFormulasAreDefused() throws IOException {
		Merchant m = merchant();
		Instant at = Instant.parse("2026-05-10T10:00:00Z");
		List<String> references = List.of("=HYPERLINK(\"http://x\")", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "PBL, \"quoted\"");
		for (int i = 0; i < references.size(); i++) {
			this.data.tx(m.paris()).payByLink(references.get(i)).at(at.plusSeconds(i)).save();
		}
		List<CSVRecord> rows = csv(
				m.viewer().get("/api/v1/stores/" + m.paris().id() + "/transactions/export?from=2026-05-10&to=2026-05-10").body());
		assertThat(rows).extracting(r -> r.get("Reference"))
			.containsExactly("PBL, \"quoted\"", "'\tTAB", "'@cmd", "'-2+3", "'+SUM(A1)", "'=HYPERLINK(\"http://x\")");
	}

	@Test
	void anotherMerchantsStoreIsNotFoundAndBadInputIsAProblem() {
		Merchant m = merchant();
		Merchant other = merchant();
		this.data.tx(other.paris()).at(Instant.parse("2026-05-10T10:00:00Z")).save();
		for (String path : List.of("/api/v1/stores/" + other.paris().id() + "/transactions/export",
				"/api/v1/stores/" + m.hq().id() + "/transactions/export", "/api/v1/stores/999999999999/transactions/export",
				"/api/v1/stores/abc/transactions/export")) {
			WebSession.Response response = m.viewer().get(path);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.code()).isEqualTo("NOT_FOUND");
		}
		List<CSVRecord> search = csvOrFail(m.viewer().get("/api/v1/transactions/export?from=2026-05-10&to=2026-05-10"));
		assertThat(search).as("another merchant's rows are never in a search").isEmpty();
		for (String base : List.of("/api/v1/transactions/export?", "/api/v1/stores/" + m.paris().id() + "/transactions/export?")) {
			WebSession.Response bad = m.viewer().get(base + "from=2026-13-01");
			assertThat(bad.status()).isEqualTo(400);
			assertThat(bad.code()).isEqualTo("INVALID_DATE");
			assertThat(m.viewer().get(base + "from=2025-01-01&to=2026-01-02").code()).isEqualTo("PERIOD_TOO_LONG");
		}
		assertThat(WebSession.anonymous(this.port).get("/api/v1/transactions/export").status()).isEqualTo(401);
	}

	@Test
	void manyChunksWalkEveryRowOnceAndTooManyRowsAreRefused() throws IOException {
		Merchant m = merchant();
		List<String> ids = someOfEverything(m);
		TransactionFilter filter = TransactionFilter.parse("2026-05-04", "2026-05-05", null, null, null);
		List<MerchantNode> stores = List.of(m.paris(), m.tokyo());
		// a chunk of two rows: the keyset continues across ties and store boundaries
		TransactionExports small = new TransactionExports(this.jdbc, this.merchants, this.query, 1_000, 2);
		List<String> walked = new ArrayList<>();
		small.over(stores, filter).forEach(row -> walked.add(row.id()));
		List<String> paged = new ArrayList<>();
		new TransactionExports(this.jdbc, this.merchants, this.query, 1_000, 1_000).over(stores, filter)
			.forEach(row -> paged.add(row.id()));
		assertThat(walked).hasSize(ids.size() + 2).doesNotHaveDuplicates().isEqualTo(paged);

		TransactionExports tiny = new TransactionExports(this.jdbc, this.merchants, this.query, ids.size() + 1, 2);
		assertThatThrownBy(() -> tiny.over(stores, filter)).isInstanceOfSatisfying(ProblemException.class, ex -> {
			assertThat(ex.status().value()).isEqualTo(422);
			assertThat(ex.code()).isEqualTo("EXPORT_TOO_LARGE");
		});
		assertThat(new TransactionExports(this.jdbc, this.merchants, this.query, ids.size() + 2, 2).over(stores, filter))
			.as("exactly at the limit").isNotNull();
	}

	@Test
	void theOpenApiDocumentPublishesBothExports() {
		JsonNode paths = WebSession.anonymous(this.port).get("/v3/api-docs").json().path("paths");
		for (String path : List.of("/api/v1/stores/{storeId}/transactions/export", "/api/v1/transactions/export")) {
			JsonNode get = paths.path(path).path("get");
			assertThat(get.path("responses").path("200").path("content").has("text/csv")).as(path).isTrue();
			List<String> names = new ArrayList<>();
			get.path("parameters").forEach(p -> names.add(p.path("name").asString()));
			assertThat(names).as(path).contains("from", "to", "q");
		}
	}

	/** Row i of the file is item i of the pages, value for value. */
	private static void assertSame(List<CSVRecord> rows, List<JsonNode> items) {
		assertThat(rows).hasSameSizeAs(items);
		for (int i = 0; i < rows.size(); i++) {
			CSVRecord row = rows.get(i);
			JsonNode item = items.get(i);
			String at = "row " + i;
			assertThat(row.get("Transaction ID")).as(at).isEqualTo(item.path("id").asString());
			assertThat(row.get("Location")).as(at).isEqualTo(item.path("location").asString());
			assertThat(row.get("Store Name")).as(at).isEqualTo(item.path("storeName").asString());
			assertThat(row.get("Parent Transaction ID")).as(at).isEqualTo(text(item, "parentId"));
			assertThat(row.get("Reference")).as(at).isEqualTo(text(item, "reference"));
			assertThat(row.get("Date/Time")).as(at).isEqualTo(item.path("localTime").asString());
			assertThat(row.get("Time Zone")).as(at).isEqualTo(item.path("timezone").asString());
			assertThat(row.get("Transaction Type")).as(at).isEqualTo(item.path("type").asString());
			assertThat(row.get("Payment Method")).as(at).isEqualTo(item.path("method").asString());
			assertThat(row.get("Channel")).as(at).isEqualTo(item.path("channel").asString());
			assertThat(row.get("Card Number")).as(at).isEqualTo(text(item, "cardNumber"));
			assertThat(row.get("Vendor Reference")).as(at).isEqualTo(text(item, "vendorReference"));
			assertThat(row.get("Total")).as(at).isEqualTo(item.path("amount").asString());
			assertThat(row.get("Remaining")).as(at).isEqualTo(text(item, "remaining"));
			assertThat(row.get("Tip")).as(at).isEqualTo(item.path("tip").asString());
			assertThat(row.get("Currency")).as(at).isEqualTo(item.path("currency").asString());
			assertThat(row.get("Login Code")).as(at).isEqualTo(text(item, "loginCode"));
			assertThat(row.get("Dispute Tag")).as(at).isEqualTo(text(item, "disputeTag"));
			assertThat(row.get("Transaction Tag")).as(at).isEqualTo(text(item, "transactionTag"));
			assertThat(row.get("Terminal ID")).as(at).isEqualTo(text(item, "terminalId"));
			assertThat(row.get("Created At")).as(at).isEqualTo(item.path("createdAt").asString());
		}
	}

	/** A nullable JSON string as a CSV cell: empty when null. */
	private static String text(JsonNode item, String field) {
		return item.path(field).isNull() ? "" : item.path(field).asString();
	}

	static List<CSVRecord> csv(String body) throws IOException {
		var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body));
		assertThat(parser.getHeaderNames()).isEqualTo(HEADER);
		return parser.getRecords();
	}

	private static List<CSVRecord> csvOrFail(WebSession.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		try {
			return csv(response.body());
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	/** Every item of a listing, following nextCursor page after page. */
	static List<JsonNode> items(WebSession session, String path) {
		List<JsonNode> items = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = session.get(path + (cursor == null ? "" : "&cursor=" + cursor)).json();
			page.path("items").forEach(items::add);
			cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
		}
		while (cursor != null && ++pages < 100);
		return items;
	}

}
