package com.walletdesk.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.DayTotalsCheck;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/admin/imports: API.md "Operator console, import, Pay By Link", the import. */
@IntegrationTest
class ImportApiIT {

	static final String EXPORT_HEADER = String.join(",", ImportColumns.EXPORT);

	static final String BY_ID_HEADER = "Store ID,Transaction ID,Parent Transaction ID,Reference,Transaction Type,"
			+ "Payment Method,Channel,Total,Tip,Currency,Created At";

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	WebSession admin;

	MerchantNode group;

	MerchantNode store;

	final Instant at = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

	@BeforeEach
	void setUp() {
		this.admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		this.group = this.data.group("import-group", null);
		this.store = this.data.eurStore(this.group.id());
	}

	@Test
	void anExportedFileNamingStoresImportsOnceAndAgainStoresNothingNew() {
		String charge = TestData.randomTransactionId();
		String refund = TestData.randomTransactionId();
		String link = TestData.randomTransactionId();
		String csv = EXPORT_HEADER + "\n"
				+ exportRow(charge, "", "", "charge", "APP", "40.00", "10.00", "30.00", "VR-1") + "\n"
				+ exportRow(refund, charge, "", "refund", "APP", "10.00", "", "", "VR-2") + "\n"
				// the export defuses a formula-like cell with a leading apostrophe; the import takes it off
				+ exportRow(link, "", "'-PBL-7", "charge", "PAY_BY_LINK", "12.34", "0.00", "12.34", "\"VR,3\"") + "\n";
		JsonNode dry = importCsv(csv, "?dryRun=true").json();
		assertThat(dry.path("status").asString()).isEqualTo("checked");
		assertThat(dry.path("accepted").asLong()).isEqualTo(3);
		assertThat(count()).as("a dry run stores nothing").isZero();

		JsonNode report = importCsv(csv, "").json();
		assertThat(report.path("status").asString()).isEqualTo("imported");
		assertThat(report.path("id").asString()).matches("\\d+");
		assertThat(report.path("rows").asLong()).isEqualTo(3);
		assertThat(report.path("accepted").asLong()).isEqualTo(3);
		assertThat(report.path("stored").asLong()).isEqualTo(3);
		assertThat(report.path("rejected").asLong()).isZero();
		assertThat(report.path("errors").size()).isZero();

		JsonNode stored = this.admin.get("/api/v1/transactions/" + charge).json();
		assertThat(stored.path("storeId").asString()).isEqualTo(String.valueOf(this.store.id()));
		assertThat(stored.path("amount").asString()).isEqualTo("40.00");
		assertThat(stored.path("remaining").asString()).as("the refund of the same file counted").isEqualTo("30.00");
		assertThat(stored.path("createdAt").asString()).isEqualTo(this.at.toString());
		JsonNode pbl = this.admin.get("/api/v1/transactions/" + link).json();
		assertThat(pbl.path("reference").asString()).isEqualTo("-PBL-7");
		assertThat(pbl.path("vendorReference").asString()).isEqualTo("VR,3");
		assertThat(pbl.path("channel").asString()).isEqualTo("PAY_BY_LINK");

		JsonNode again = importCsv(csv, "").json();
		assertThat(again.path("status").asString()).isEqualTo("imported");
		assertThat(again.path("accepted").asLong()).isEqualTo(3);
		assertThat(again.path("stored").asLong()).as("re-importing stores nothing new").isZero();
		assertThat(count()).isEqualTo(3);
		DayTotalsCheck.assertAgree(this.jdbc, this.store.id());
	}

	@Test
	void tenThousandRowsWithBadLinesGiveEachErrorByLineAndStoreNothingUnlessPartial() {
		MerchantNode jpy = this.data.store("tokyo", this.group.id(), "Asia/Tokyo", "JPY", "ja-JP");
		long base = 100_000_000_000L + Math.floorMod(System.nanoTime(), 700L) * 1_000_000_000L;
		List<String> lines = new ArrayList<>();
		lines.add(BY_ID_HEADER);
		for (int i = 0; i < 10_000; i++) {
			String id = String.valueOf(base + i);
			if (i % 10 == 9) {
				lines.add(byIdRow(this.store.id(), id, String.valueOf(base + i - 1), "refund", "APP", "1.00", "EUR", this.at.toString()));
			}
			else {
				lines.add(byIdRow(this.store.id(), id, "", "charge", "APP", "5.00", "EUR", this.at.toString()));
			}
		}
		// the bad lines (file line = list index + 1), each with what ingestion would answer
		lines.set(100, byIdRow(999_999_999L, String.valueOf(base + 99), "", "charge", "APP", "5.00", "EUR", this.at.toString()));
		lines.set(2001, byIdRow(jpy.id(), String.valueOf(base + 2000), "", "charge", "APP", "5.00", "EUR", this.at.toString()));
		lines.set(3001, byIdRow(this.store.id(), String.valueOf(base + 3000), "", "charge", "APP", "5.0", "EUR", this.at.toString()));
		lines.set(4001, byIdRow(this.store.id(), String.valueOf(base + 4000), "", "charge", "APP", "5.00", "EUR", "2026-02-30T10:00:00Z"));
		lines.set(5001, byIdRow(this.store.id(), String.valueOf(base + 10), "", "charge", "APP", "7.00", "EUR", this.at.toString()));
		lines.set(8001, byIdRow(this.store.id(), String.valueOf(base + 8000), "", "charge", "PAX", "5.00", "EUR", this.at.toString()));
		lines.set(9001, String.valueOf(this.store.id()) + ",too,few,cells");
		String csv = String.join("\r\n", lines) + "\r\n";

		JsonNode report = importCsv(csv, "").json();
		assertThat(report.path("status").asString()).isEqualTo("rejected");
		assertThat(report.path("rows").asLong()).isEqualTo(10_000);
		assertThat(report.path("rejected").asLong()).isEqualTo(7);
		assertThat(report.path("accepted").asLong()).isEqualTo(9_993);
		assertThat(report.path("stored").asLong()).isZero();
		assertThat(errors(report)).containsExactly("101 Store ID UNKNOWN_STORE", "2002 Currency CURRENCY_MISMATCH",
				"3002 Total INVALID_AMOUNT", "4002 Created At VALIDATION_FAILED",
				"5002 Transaction ID DUPLICATE_TRANSACTION_ID", "8002 Channel UNSUPPORTED_CHANNEL",
				"9002 null MALFORMED_ROW");
		assertThat(count()).as("a file with a bad row stores nothing").isZero();

		JsonNode partial = importCsv(csv, "?partial=true").json();
		assertThat(partial.path("status").asString()).isEqualTo("imported");
		assertThat(partial.path("stored").asLong()).isEqualTo(9_993);
		assertThat(partial.path("rejected").asLong()).isEqualTo(7);
		assertThat(count()).isEqualTo(9_993);

		JsonNode again = importCsv(csv, "?partial=true").json();
		assertThat(again.path("stored").asLong()).as("re-importing stores nothing new").isZero();
		assertThat(again.path("accepted").asLong()).isEqualTo(9_993);
		assertThat(count()).isEqualTo(9_993);
		DayTotalsCheck.assertAgree(this.jdbc, this.store.id());
		long charges = 9_993 - 999; // every tenth row a refund of 1.00 of the charge before it
		assertThat(this.jdbc.sql("SELECT SUM(amount) FROM wallet_transaction WHERE store_id = :s AND type = 'charge'")
			.param("s", this.store.id()).query(Long.class).single()).isEqualTo(charges * 500);
	}

	@Test
	void aStoredIdSentAgainWithOtherContentIsADuplicateOnItsLineAndStoresNothing() {
		String first = TestData.randomTransactionId();
		String second = TestData.randomTransactionId();
		String csv = BY_ID_HEADER + "\n"
				+ byIdRow(this.store.id(), first, "", "charge", "APP", "5.00", "EUR", this.at.toString()) + "\n"
				+ byIdRow(this.store.id(), second, "", "charge", "APP", "6.00", "EUR", this.at.toString()) + "\n";
		assertThat(importCsv(csv, "").json().path("stored").asLong()).isEqualTo(2);
		var totals = DayTotalsCheck.stored(this.jdbc, this.store.id());

		// the same IDs again: the first unchanged, the second with another amount (line 3)
		String changed = BY_ID_HEADER + "\n"
				+ byIdRow(this.store.id(), first, "", "charge", "APP", "5.00", "EUR", this.at.toString()) + "\n"
				+ byIdRow(this.store.id(), second, "", "charge", "APP", "60.00", "EUR", this.at.toString()) + "\n"
				+ byIdRow(this.store.id(), TestData.randomTransactionId(), "", "charge", "APP", "7.00", "EUR", this.at.toString()) + "\n";
		JsonNode report = importCsv(changed, "").json();
		assertThat(report.path("status").asString()).isEqualTo("rejected");
		assertThat(errors(report)).containsExactly("3 Transaction ID DUPLICATE_TRANSACTION_ID");
		assertThat(report.path("stored").asLong()).isZero();
		assertThat(count()).as("the good new row is not stored either").isEqualTo(2);
		assertThat(DayTotalsCheck.stored(this.jdbc, this.store.id())).as("the day totals did not move").isEqualTo(totals);
		DayTotalsCheck.assertAgree(this.jdbc, this.store.id());
	}

	@Test
	void aRefundOfARefusedChargeIsRefusedTooAndADashboardRefundCannotBeFedIn() {
		String charge = TestData.randomTransactionId();
		String csv = BY_ID_HEADER + "\n"
				+ byIdRow(this.store.id(), charge, "", "charge", "APP", "-5.00", "EUR", this.at.toString()) + "\n"
				+ byIdRow(this.store.id(), TestData.randomTransactionId(), charge, "refund", "APP", "1.00", "EUR", this.at.toString()) + "\n"
				+ byIdRow(this.store.id(), TestData.randomTransactionId(), charge, "refund_dashboard", "APP", "1.00", "EUR", this.at.toString()) + "\n";
		JsonNode report = importCsv(csv, "?dryRun=true").json();
		assertThat(errors(report)).containsExactly("2 Total INVALID_AMOUNT", "3 Parent Transaction ID INVALID_PARENT",
				"4 Transaction Type UNSUPPORTED_TYPE");
		assertThat(report.path("status").asString()).isEqualTo("rejected");
		assertThat(report.path("dryRun").asBoolean()).isTrue();
	}

	@Test
	void aFileThatIsNotTheExportIsRefusedWhole() {
		var wrongHeader = importCsv("Store,Amount\n1,2.00\n", "");
		assertThat(wrongHeader.status()).isEqualTo(400);
		assertThat(wrongHeader.code()).isEqualTo("INVALID_CSV_HEADER");
		assertThat(wrongHeader.json().path("fields").has("Store")).isTrue();
		assertThat(importCsv("", "").code()).isEqualTo("INVALID_CSV_HEADER");

		var unclosed = importCsv(BY_ID_HEADER + "\n" + this.store.id() + ",\"" + TestData.randomTransactionId() + ",,,charge\n", "");
		assertThat(unclosed.status()).isEqualTo(201);
		assertThat(errors(unclosed.json())).containsExactly("2 null MALFORMED_CSV");
		assertThat(unclosed.json().path("status").asString()).isEqualTo("rejected");

		var json = this.admin.post("/api/v1/admin/imports", "{}");
		assertThat(json.status()).isEqualTo(415);
		assertThat(this.admin.postBody("/api/v1/admin/imports?dryRun=maybe", "text/csv", BY_ID_HEADER).code())
			.isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void onlyOperatorsImportAndOnlyWithTheCsrfToken() {
		String merchant = this.data.merchantUser(this.group.id(), false);
		WebSession session = WebSession.signIn(this.port, merchant, TestData.PASSWORD);
		assertThat(session.postBody("/api/v1/admin/imports", "text/csv", BY_ID_HEADER + "\n").status()).isEqualTo(403);
		WebSession anonymous = WebSession.anonymous(this.port);
		assertThat(anonymous.postBody("/api/v1/admin/imports", "text/csv", BY_ID_HEADER + "\n").status()).isIn(401, 403);
		this.admin.forgetCookie("XSRF-TOKEN");
		var noToken = this.admin.postWithoutCsrf("/api/v1/admin/imports", "");
		assertThat(noToken.status()).isEqualTo(403);
		assertThat(noToken.code()).isEqualTo("CSRF_TOKEN_INVALID");
	}

	@Test
	void everyImportIsAudited() {
		String csv = BY_ID_HEADER + "\n"
				+ byIdRow(this.store.id(), TestData.randomTransactionId(), "", "charge", "APP", "5.00", "EUR", this.at.toString()) + "\n";
		String id = importCsv(csv, "?dryRun=true").json().path("id").asString();
		JsonNode audit = this.admin.get("/api/v1/admin/audit?type=INGEST&limit=5").json();
		assertThat(audit.path("items").valueStream().map(item -> item.path("resource").asString()))
			.contains("import/" + id);
	}

	WebSession.Response importCsv(String csv, String query) {
		return this.admin.postBody("/api/v1/admin/imports" + query, "text/csv", csv);
	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM wallet_transaction WHERE store_id = :s")
			.param("s", this.store.id())
			.query(Long.class)
			.single();
	}

	static List<String> errors(JsonNode report) {
		List<String> errors = new ArrayList<>();
		report.path("errors").forEach(e -> errors.add(e.path("line").asLong() + " "
				+ (e.path("column").isNull() ? "null" : e.path("column").asString()) + " " + e.path("code").asString()));
		return errors;
	}

	String exportRow(String id, String parent, String reference, String type, String channel, String total,
			String refunded, String remaining, String vendorReference) {
		return String.join(",", this.group.name(), this.store.name(), id, parent, reference, "2026-01-01 10:00:00",
				"Europe/Lisbon", type, "ALP", channel, "", vendorReference, total, refunded, remaining, "0.00", "EUR",
				"", "", "", "", this.at.toString());
	}

	static String byIdRow(long storeId, String id, String parent, String type, String channel, String amount,
			String currency, String createdAt) {
		return String.join(",", String.valueOf(storeId), id, parent, "", type, "ALP", channel, amount, "0.00", currency,
				createdAt);
	}

}
