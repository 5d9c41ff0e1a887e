package com.walletdesk.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.RawHttp;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a clumsy or hostile client sends, and what they get: a refusal in problem JSON with
 * a {@code code}, before anything is done (issue 15, defects 1, 2, 4, 7 and 8).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRequestRefusalsIT {

	/** The documented API body limit (1 MiB). */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	MerchantNode store;

	WebSession refunder;

	WebSession admin;

	String charge;

	/** One store and two sessions for the class (signing in costs a password hash and a TOTP step). */
	@BeforeAll
	void signIn() {
		MerchantNode group = this.data.group("refusals", null);
		this.store = this.data.eurStore(group.id());
		this.refunder = WebSession.signIn(this.port, this.data.merchantUser(this.store.id(), true), TestData.PASSWORD);
		this.admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
	}

	/** A fresh charge per test: "nothing refunded" is about this charge alone. */
	@BeforeEach
	void setUp() {
		this.charge = this.data.tx(this.store).amount(50_00).at(Instant.now().minus(1, ChronoUnit.HOURS)).save();
		assertThat(this.refunder.get("/api/v1/me").status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/html", "application/xml", "text/plain", "text/html;q=1, application/json;q=0" })
	void aRefundWhoseAnswerCannotBeWrittenIsRefusedBeforeItIsMade(String accept) {
		var answer = refund(this.refunder, "Accept: " + accept, refundBody("10.00", "damaged"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(406);
		assertThat(answer.isProblemJson()).as(answer.toString()).isTrue();
		assertThat(answer.json().path("code").asString()).isEqualTo("NOT_ACCEPTABLE");
		assertNothingRefunded();
	}

	@Test
	void aJsonAcceptingRefundStillWorks() {
		var answer = refund(this.refunder, "Accept: text/html, application/json;q=0.5", refundBody("10.00", "damaged"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		assertThat(refunds()).isEqualTo(1);
	}

	@Test
	void anIngestionWhoseAnswerCannotBeWrittenStoresNothing() {
		String id = TestData.randomTransactionId();
		var answer = raw(this.admin, "POST /api/v1/ingest/transactions HTTP/1.1",
				"Content-Type: application/json\r\nAccept: application/xml", chargeBody(id, "10.00", "APP"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(406);
		assertThat(answer.isProblemJson()).isTrue();
		assertThat(stored(id)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/*", "application/json;charset=ISO-8859-1", "appl ication/json" })
	void aWildcardOrOddContentTypeIs415AndDoesNothing(String type) {
		var answer = raw(this.refunder, refundLine(), "Content-Type: " + type + "\r\nIdempotency-Key: " + key(),
				refundBody("10.00", "damaged"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(415);
		assertThat(answer.isProblemJson()).isTrue();
		assertNothingRefunded();
		String id = TestData.randomTransactionId();
		var ingest = raw(this.admin, "POST /api/v1/ingest/transactions HTTP/1.1", "Content-Type: " + type,
				chargeBody(id, "10.00", "APP"));
		assertThat(ingest.status()).as(ingest.toString()).isEqualTo(415);
		assertThat(stored(id)).isZero();
	}

	@Test
	void aBodyOverTheLimitIs413AndNothingIsRefunded() {
		String padding = "x".repeat(MAX_BODY_BYTES);
		var answer = refund(this.refunder, "Accept: application/json",
				("{\"amount\":\"10.00\",\"reason\":\"" + padding + "\"}").getBytes(StandardCharsets.UTF_8));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
		assertThat(answer.isProblemJson()).isTrue();
		assertThat(answer.json().path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
		assertNothingRefunded();
	}

	@Test
	void aFullIngestionBatchFitsTheLimit() {
		StringBuilder batch = new StringBuilder("{\"items\":[");
		for (int i = 0; i < 1000; i++) {
			batch.append(i == 0 ? "" : ",")
				.append(new String(chargeBody(TestData.randomTransactionId(), "12345.67", "PAY_BY_LINK"),
						StandardCharsets.UTF_8));
		}
		byte[] body = batch.append("]}").toString().getBytes(StandardCharsets.UTF_8);
		assertThat(body.length).isLessThan(MAX_BODY_BYTES);
		var answer = this.admin.post("/api/v1/ingest/transactions", new String(body, StandardCharsets.UTF_8));
		assertThat(answer.status()).as(answer.toString()).isNotEqualTo(413).isIn(201, 409);
	}

	@Test
	void unknownMembersAreRefusedOnEveryWriteEndpointAlike() {
		var refund = refund(this.refunder, "Accept: application/json",
				"{\"amount\":\"10.00\",\"reason\":\"damaged\",\"amout\":\"1.00\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(refund.status()).as(refund.toString()).isEqualTo(400);
		assertThat(refund.json().path("code").asString()).isEqualTo("VALIDATION_FAILED");
		assertThat(refund.json().path("fields").has("amout")).isTrue();
		assertNothingRefunded();

		var sandbox = this.admin.put("/api/v1/admin/sandbox", "{\"mode\":\"DECLINE\",\"mesage\":\"no\"}");
		assertThat(sandbox.status()).as(sandbox.toString()).isEqualTo(400);
		assertThat(sandbox.json().path("fields").has("mesage")).isTrue();
		assertThat(this.admin.get("/api/v1/admin/sandbox").body()).doesNotContain("DECLINE");

		var password = this.refunder.post("/api/v1/me/password",
				"{\"currentPassword\":\"x\",\"newPassword\":\"y\",\"confirm\":\"y\"}");
		assertThat(password.status()).as(password.toString()).isEqualTo(400);
		assertThat(password.json().path("fields").has("confirm")).isTrue();
	}

	@Test
	void aLoneSurrogateInTheReasonIsRefusedNotStoredAltered() {
		var answer = refund(this.refunder, "Accept: application/json",
				"{\"amount\":\"10.00\",\"reason\":\"broken \\ud800 glass\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
		assertThat(answer.json().path("code").asString()).isEqualTo("REASON_REQUIRED");
		assertThat(answer.json().path("fields").has("reason")).isTrue();
		assertNothingRefunded();
	}

	@Test
	void controlCharactersAreRefusedInEveryJsonTextFieldWithTheFieldNamed() {
		String id = TestData.randomTransactionId();
		String item = new String(chargeBody(id, "10.00", "APP"), StandardCharsets.UTF_8)
			.replace("\"reference\":\"R-1\"", "\"reference\":\"R\\u0000-1\"");
		var ingest = this.admin.post("/api/v1/ingest/transactions", "{\"items\":[" + item + "]}");
		assertThat(ingest.status()).as(ingest.toString()).isEqualTo(422);
		assertThat(ingest.code()).isEqualTo("INVALID_TEXT");
		assertThat(ingest.json().path("fields").has("items[0].reference")).as(ingest.toString()).isTrue();
		assertThat(stored(id)).isZero();

		var sandbox = this.admin.put("/api/v1/admin/sandbox", "{\"mode\":\"DECLINE\",\"message\":\"no\\u0000\"}");
		assertThat(sandbox.status()).as(sandbox.toString()).isEqualTo(422);
		assertThat(sandbox.json().path("fields").has("message")).isTrue();

		String username = TestData.unique("nul").toLowerCase();
		var user = this.admin.post("/api/v1/admin/users", "{\"username\":\"" + username + "\\u0000\",\"password\":\""
				+ TestData.PASSWORD + "\",\"role\":\"MERCHANT\",\"scopeId\":\"" + this.store.id() + "\",\"canRefund\":false}");
		assertThat(user.status()).as(user.toString()).isEqualTo(422);
		assertThat(user.json().path("fields").has("username")).isTrue();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM account WHERE username LIKE :u").param("u", username + "%")
			.query(Long.class).single()).isZero();

		var escape = this.admin.put("/api/v1/admin/sandbox", "{\"mode\":\"DECLINE\",\"message\":\"\\u001b[31m\"}");
		assertThat(escape.status()).isEqualTo(422);
		assertThat(this.admin.put("/api/v1/admin/sandbox", "{\"mode\":\"APPROVE\",\"message\":\"two\\nlines\"}").status())
			.as("line breaks are text").isEqualTo(200);
		this.admin.delete("/api/v1/admin/sandbox");
	}

	@Test
	void aMemberGivenTwiceIsRefused() {
		var answer = refund(this.refunder, "Accept: application/json",
				"{\"amount\":\"1.00\",\"reason\":\"a\",\"amount\":\"40.00\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.json().path("fields").has("amount")).isTrue();
		assertNothingRefunded();
	}

	@Test
	void twoIdempotencyKeysAreAmbiguousAndRefused() {
		var answer = raw(this.refunder, refundLine(),
				"Content-Type: application/json\r\nIdempotency-Key: " + key() + "\r\nIdempotency-Key: " + key(),
				refundBody("10.00", "damaged"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.json().path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
		assertNothingRefunded();
	}

	@Test
	void aHeaderOverTomcatsLimitGetsProblemJson() {
		var answer = raw(this.refunder, refundLine(),
				"Content-Type: application/json\r\nIdempotency-Key: " + "k".repeat(10_000), refundBody("10.00", "damaged"));
		assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
		assertThat(answer.isProblemJson()).as(answer.toString()).isTrue();
		assertNothingRefunded();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/transactions/%00", "/api/v1/transactions/1%00/refunds", "/api/v1/../api/v1/me",
			"/api/v1/transactions/..%2Fme", "/api/v1/me;jsessionid=1", "/api/v1/transactions;x=1/1", "/api/v1/%2e%2e/me",
			"/api/v1/transactions/%ZZ", "/api/v1/me%5C", "/api/v1/me//x" })
	void oddPathsGetProblemJsonWithACode(String path) {
		var answer = raw(this.refunder, "GET " + path + " HTTP/1.1", "Accept: application/json", null);
		assertThat(answer.status()).as(path + " -> " + answer).isBetween(400, 499);
		assertThat(answer.isProblemJson()).as(path + " -> " + answer).isTrue();
	}

	@Test
	void aFourOhFourUnderTheApiIsProblemJsonWhateverItAccepts() {
		var answer = raw(this.refunder, "GET /api/v1/nothing-here HTTP/1.1", "Accept: text/html", null);
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.isProblemJson()).as(answer.toString()).isTrue();
	}

	private RawHttp.Answer refund(WebSession session, String headers, byte[] body) {
		return raw(session, refundLine(), "Content-Type: application/json\r\nIdempotency-Key: " + key() + "\r\n" + headers,
				body);
	}

	private String refundLine() {
		return "POST /api/v1/transactions/" + this.charge + "/refunds HTTP/1.1";
	}

	private RawHttp.Answer raw(WebSession session, String requestLine, String headers, byte[] body) {
		String token = session.xsrfToken();
		String head = requestLine + "\r\nCookie: SESSION=" + session.cookie("SESSION") + "; XSRF-TOKEN=" + token
				+ "\r\nX-XSRF-TOKEN: " + token + "\r\n" + headers;
		return RawHttp.send(this.port, head, body);
	}

	private static byte[] refundBody(String amount, String reason) {
		return ("{\"amount\":\"" + amount + "\",\"reason\":\"" + reason + "\"}").getBytes(StandardCharsets.UTF_8);
	}

	private byte[] chargeBody(String id, String amount, String channel) {
		return ("{\"id\":\"" + id + "\",\"storeId\":\"" + this.store.id() + "\",\"type\":\"charge\",\"method\":\"ALP\","
				+ "\"channel\":\"" + channel + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"createdAt\":\""
				+ Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "\",\"reference\":\"R-1\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String key() {
		return "k-" + UUID.randomUUID();
	}

	private long refunds() {
		return this.jdbc.sql("SELECT COUNT(*) FROM refund WHERE charge_id = :id").param("id", this.charge)
			.query(Long.class).single();
	}

	private long stored(String id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM wallet_transaction WHERE id = :id").param("id", id)
			.query(Long.class).single();
	}

	private void assertNothingRefunded() {
		assertThat(refunds()).as("refund rows").isZero();
		Map<String, Object> charge = this.jdbc
			.sql("SELECT refunded, refund_pending FROM wallet_transaction WHERE id = :id")
			.param("id", this.charge)
			.query()
			.singleRow();
		assertThat(charge.values()).allMatch(value -> ((Number) value).longValue() == 0, "nothing refunded or reserved");
	}

}
