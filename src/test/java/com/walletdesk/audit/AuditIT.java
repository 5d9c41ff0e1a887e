package com.walletdesk.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 4 section 8: the audit trail. */
@IntegrationTest
class AuditIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditService audit;

	@Autowired
	AuditRetention retention;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private WebSession admin() {
		return WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void operatorsSearchNewestFirstWithKeysetPagingAndEveryReadIsRecorded() {
		String who = TestData.unique("auditee");
		Instant base = Instant.parse("2025-03-10T08:00:00Z");
		for (int i = 0; i < 7; i++) {
			this.clock.set(base.plusSeconds(i * 60L));
			this.audit.record(AuditService.REFUND, i % 2 == 0 ? "SUCCESS" : "REFUSED", who, "transaction/" + i, "n" + i);
		}
		this.clock.reset();
		WebSession admin = admin();
		List<String> resources = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			var page = admin.get("/api/v1/admin/audit?account=" + who + "&type=REFUND&limit=3"
					+ (cursor == null ? "" : "&cursor=" + cursor));
			assertThat(page.status()).isEqualTo(200);
			page.json().path("items").forEach(item -> {
				resources.add(item.path("resource").asString());
				assertThat(item.path("id").isString()).isTrue();
				assertThat(item.path("account").asString()).isEqualTo(who);
				assertThat(item.path("type").asString()).isEqualTo("REFUND");
				assertThat(item.path("at").asString()).endsWith("Z");
				assertThat(item.has("sourceIp")).isTrue();
				assertThat(item.has("outcome")).isTrue();
				assertThat(item.has("details")).isTrue();
			});
			cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asString();
			pages++;
		}
		while (cursor != null && pages < 10);
		assertThat(pages).isEqualTo(3);
		assertThat(resources).containsExactly("transaction/6", "transaction/5", "transaction/4", "transaction/3",
				"transaction/2", "transaction/1", "transaction/0");

		var day = admin.get("/api/v1/admin/audit?account=" + who + "&from=2025-03-10&to=2025-03-10");
		assertThat(day.json().path("items").size()).isEqualTo(7);
		var before = admin.get("/api/v1/admin/audit?account=" + who + "&to=2025-03-09");
		assertThat(before.json().path("items").size()).isZero();
		var window = admin.get("/api/v1/admin/audit?account=" + who + "&from=2025-03-10T08:02:00Z&to=2025-03-10T08:04:00Z");
		assertThat(window.json().path("items").size()).isEqualTo(2);

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'AUDIT_READ' AND account = 'admin' "
				+ "AND details LIKE :who").param("who", "%" + who + "%").query(Long.class).single()).isGreaterThanOrEqualTo(6);
	}

	@Test
	void badParametersAre400AndMerchantsAreRefusedAndThatIsRecorded() {
		WebSession admin = admin();
		assertThat(admin.get("/api/v1/admin/audit?type=NOPE").code()).isEqualTo("INVALID_TYPE");
		assertThat(admin.get("/api/v1/admin/audit?limit=0").code()).isEqualTo("INVALID_LIMIT");
		assertThat(admin.get("/api/v1/admin/audit?from=yesterday").code()).isEqualTo("INVALID_DATE");
		assertThat(admin.get("/api/v1/admin/audit?cursor=%27%20OR%201%3D1").code()).isEqualTo("INVALID_CURSOR");

		MerchantNode group = this.data.group("group", null);
		String merchant = this.data.merchantUser(group.id(), false);
		WebSession session = WebSession.signIn(this.port, merchant, TestData.PASSWORD);
		assertThat(session.get("/api/v1/admin/audit").status()).isEqualTo(403);
		assertThat(session.get("/admin/audit").status()).isEqualTo(403);
		var denied = admin.get("/api/v1/admin/audit?type=ACCESS_DENIED&account=" + merchant);
		assertThat(denied.json().path("items").size()).isEqualTo(2);
		assertThat(denied.json().path("items").get(0).path("resource").asString()).isEqualTo("GET /admin/audit");
		assertThat(denied.json().path("items").get(0).path("sourceIp").asString()).isNotBlank();
	}

	@Test
	void signInsFailuresAndLockOutsAreRecordedWithoutAnyPassword() {
		MerchantNode group = this.data.group("group", null);
		String user = this.data.merchantUser(group.id(), false);
		String wrong = "Wrong-Secret-" + TestData.unique("pw");
		WebSession.anonymous(this.port).header("X-Forwarded-For", "203.0.113.77").submitLogin(user, wrong);
		WebSession.signIn(this.port, user, TestData.PASSWORD);
		var events = admin().get("/api/v1/admin/audit?account=" + user);
		List<String> types = new ArrayList<>();
		events.json().path("items").forEach(item -> types.add(item.path("type").asString()));
		assertThat(types).contains("SIGN_IN", "SIGN_IN_FAILED");
		assertThat(events.body()).contains("203.0.113.77");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE details LIKE :p OR resource LIKE :p "
				+ "OR account LIKE :p OR outcome LIKE :p")
			.param("p", "%Passw0rd%")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE details LIKE :p OR account LIKE :p")
			.param("p", "%" + wrong + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theTrailIsAppendOnlyInTheDatabase() {
		this.audit.record(AuditService.ADMIN_CHANGE, "SUCCESS", "append-only-test", "x", null);
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE audit_event SET outcome = 'FORGED' WHERE account = 'append-only-test'")
			.update()).hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM audit_event WHERE account = 'append-only-test'").update())
			.hasStackTraceContaining("append-only");
		if (com.walletdesk.support.TestDatabase.isPostgres()) {
			assertThatThrownBy(() -> this.jdbc.sql("TRUNCATE audit_event").update()).hasStackTraceContaining("append-only");
		}
		assertThat(this.jdbc.sql("SELECT outcome FROM audit_event WHERE account = 'append-only-test'")
			.query(String.class)
			.list()).containsExactly("SUCCESS");
	}

	@Test
	void thePurgeKeepsTwelveMonths() {
		assertThat(this.retention.retention()).isEqualTo(Period.ofMonths(12));
		Instant now = Instant.parse("2026-11-28T12:00:00Z");
		this.clock.set(now.minus(Period.ofDays(400)).atZone(ZoneOffset.UTC).toInstant());
		this.audit.record(AuditService.SIGN_IN, "SUCCESS", "retention-old", "account", null);
		this.clock.set(now.minus(Period.ofDays(300)).atZone(ZoneOffset.UTC).toInstant());
		this.audit.record(AuditService.SIGN_IN, "SUCCESS", "retention-kept", "account", null);
		this.clock.set(now);
		assertThat(this.retention.cutoff()).isEqualTo(Instant.parse("2025-11-28T12:00:00Z"));
		this.retention.purge();
		assertThat(this.jdbc.sql("SELECT account FROM audit_event WHERE account LIKE 'retention-%'")
			.query(String.class)
			.list()).containsExactly("retention-kept");
		// the gate closes again after the purge
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM audit_event WHERE account = 'retention-kept'").update())
			.hasStackTraceContaining("append-only");
		assertThat(this.jdbc.sql("SELECT at FROM audit_event WHERE account = 'retention-kept'")
			.query(OffsetDateTime.class)
			.single()
			.toInstant()).isAfter(this.retention.cutoff());
	}

	@Test
	void theAuditPageSearchesAndEscapesWhatItShows() {
		String payload = "<script>alert('x')</script>";
		this.audit.record(AuditService.SIGN_IN_FAILED, "UNKNOWN_ACCOUNT", "page-" + payload, "account",
				"<img src=x onerror=alert(1)>");
		var page = admin().get("/admin/audit?type=SIGN_IN_FAILED");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
		assertThat(page.body()).contains("page-&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.contains("&lt;img src=x onerror=alert(1)&gt;")
			.doesNotContain(payload)
			.doesNotContain("<img src=x");
		assertThat(page.body()).doesNotContain("style=\"").doesNotContain("<script>");
		var bad = admin().get("/admin/audit?limit=9999");
		assertThat(bad.status()).isEqualTo(400);
	}

	@Test
	void theAuditPageFiltersByEveryTypeRecordedIngestionIncluded() {
		this.audit.record(AuditService.INGEST, "SUCCESS", "feeder-" + System.nanoTime(), "transactions",
				"accepted 1, stored 1");
		var page = admin().get("/admin/audit?type=INGEST");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<option value=\"INGEST\" selected=\"selected\">Transactions fed in</option>")
			.contains("accepted 1, stored 1");
	}

}
