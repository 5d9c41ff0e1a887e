package com.walletdesk.admin;

import java.util.List;
import java.util.Map;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.walletdesk.admin.AdminApiChecks.audit;
import static com.walletdesk.admin.AdminApiChecks.refusedChange;
import static org.assertj.core.api.Assertions.assertThat;

/** POST/PATCH /api/v1/admin/users: shapes, validation, conflicts, privileges taking effect, audit without passwords. */
@IntegrationTest
class AdminUserApiIT {

	private static final String PASSWORD = "Fresh-Passw0rd-2026";

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	WebSession admin;

	@BeforeEach
	void signIn() {
		this.admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void createsAMerchantUser() {
		MerchantNode group = this.data.group("group", null);
		String username = TestData.unique("Ana.Silva");
		var response = this.admin.post("/api/v1/admin/users", """
				{"username":"%s","password":"%s","role":"MERCHANT","scopeId":"%d","canRefund":true}"""
			.formatted(username, PASSWORD, group.id()));
		assertThat(response.status()).isEqualTo(201);
		JsonNode user = response.json();
		assertThat(user.path("id").isString()).isTrue();
		assertThat(user.path("username").asString()).as("usernames are kept in lower case").isEqualTo(username.toLowerCase());
		assertThat(user.path("role").asString()).isEqualTo("MERCHANT");
		assertThat(user.path("scopeId").asString()).isEqualTo(String.valueOf(group.id()));
		assertThat(user.path("canRefund").asBoolean()).isTrue();
		assertThat(user.path("enabled").asBoolean()).isTrue();
		assertThat(user.has("password")).isFalse();
		assertThat(response.body()).doesNotContain(PASSWORD, "passwordHash", "{bcrypt}");

		assertThat(WebSession.anonymous(this.port).submitLogin(username, PASSWORD).header("Location"))
			.as("the new user can sign in").doesNotContain("error");

		List<Map<String, Object>> audit = audit(this.data, "user/" + user.path("id").asString());
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0)).containsEntry("type", "ADMIN_CHANGE").containsEntry("outcome", "SUCCESS");
		assertThat((String) audit.get(0).get("details")).contains("create user", username).doesNotContain(PASSWORD);
	}

	@Test
	void createsAnOperatorWithoutScope() {
		var response = this.admin.post("/api/v1/admin/users",
				"{\"username\":\"" + TestData.unique("ops") + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"OPERATOR\"}");
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("role").asString()).isEqualTo("OPERATOR");
		assertThat(response.json().path("scopeId").isNull()).isTrue();
		assertThat(response.json().path("canRefund").asBoolean()).isFalse();
	}

	@Test
	void refusesInvalidUsersNamingTheField() {
		MerchantNode group = this.data.group("group", null);
		String scope = ",\"scopeId\":\"" + group.id() + "\"";
		invalid(user("ab", PASSWORD, "MERCHANT") + scope + "}", 400, "VALIDATION_FAILED", "username");
		invalid(user("a b c", PASSWORD, "MERCHANT") + scope + "}", 400, "VALIDATION_FAILED", "username");
		invalid("{\"password\":\"" + PASSWORD + "\",\"role\":\"MERCHANT\"" + scope + "}", 400, "VALIDATION_FAILED", "username");
		invalid(user(TestData.unique("u"), "short1", "MERCHANT") + scope + "}", 400, "WEAK_PASSWORD", "password");
		invalid(user(TestData.unique("u"), "onlyletterslongenough", "MERCHANT") + scope + "}", 400, "WEAK_PASSWORD", "password");
		invalid("{\"username\":\"" + TestData.unique("u") + "\",\"role\":\"MERCHANT\"" + scope + "}", 400, "WEAK_PASSWORD", "password");
		String named = TestData.unique("maria").toLowerCase();
		invalid(user(named, named + "-Passw0rd", "MERCHANT") + scope + "}", 400, "WEAK_PASSWORD", "password");
		invalid(user(TestData.unique("u"), PASSWORD, "ADMIN") + scope + "}", 400, "VALIDATION_FAILED", "role");
		invalid(user(TestData.unique("u"), PASSWORD, "MERCHANT") + "}", 400, "VALIDATION_FAILED", "scopeId");
		invalid(user(TestData.unique("u"), PASSWORD, "OPERATOR") + scope + "}", 400, "VALIDATION_FAILED", "scopeId");
		invalid(user(TestData.unique("u"), PASSWORD, "MERCHANT") + ",\"scopeId\":\"999999999\"}", 400, "UNKNOWN_SCOPE", "scopeId");
		invalid(user(TestData.unique("u"), PASSWORD, "MERCHANT") + ",\"scopeId\":\"x1\"}", 400, "VALIDATION_FAILED", "scopeId");
		invalid(user(TestData.unique("u"), PASSWORD, "MERCHANT") + scope + ",\"canRefund\":\"yes\"}", 400, "VALIDATION_FAILED",
				"canRefund");
		invalid(user(TestData.unique("u"), PASSWORD, "MERCHANT") + scope + ",\"enabled\":false}", 400, "VALIDATION_FAILED",
				"enabled");
		assertThat(this.data.jdbc()
			.sql("SELECT COUNT(*) FROM audit_event WHERE details LIKE :p")
			.param("p", "%" + PASSWORD + "%")
			.query(Long.class)
			.single()).as("no password in the audit trail, refused attempts included").isZero();
	}

	@Test
	void usernamesAreUniqueWhateverTheCase() {
		MerchantNode group = this.data.group("group", null);
		String username = TestData.unique("joao").toLowerCase();
		String body = user(username, PASSWORD, "MERCHANT") + ",\"scopeId\":\"" + group.id() + "\"}";
		assertThat(this.admin.post("/api/v1/admin/users", body).status()).isEqualTo(201);
		var again = this.admin.post("/api/v1/admin/users", body.replace(username, username.toUpperCase()));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("USERNAME_TAKEN");
	}

	@Test
	void grantingTheRefundPrivilegeTakesEffectAtOnce() {
		MerchantNode group = this.data.group("group", null);
		String username = this.data.merchantUser(group.id(), false);
		WebSession user = WebSession.signIn(this.port, username, TestData.PASSWORD);
		assertThat(user.get("/api/v1/me").json().path("canRefund").asBoolean()).isFalse();
		String id = accountId(username);

		var granted = this.admin.patch("/api/v1/admin/users/" + id, "{\"canRefund\":true}");
		assertThat(granted.status()).isEqualTo(200);
		assertThat(granted.json().path("canRefund").asBoolean()).isTrue();
		assertThat(granted.json().path("enabled").asBoolean()).as("unchanged").isTrue();
		assertThat(granted.json().path("username").asString()).isEqualTo(username);
		var sameSession = user.get("/api/v1/me");
		assertThat(sameSession.status()).as("the same session, at once: the privilege now needs the second factor")
			.isEqualTo(401);
		assertThat(sameSession.code()).isEqualTo("MFA_REQUIRED");
		user = WebSession.signIn(this.port, username, TestData.PASSWORD); // passes the second factor
		assertThat(user.get("/api/v1/me").json().path("canRefund").asBoolean()).isTrue();

		var taken = this.admin.patch("/api/v1/admin/users/" + id, "{\"canRefund\":false}");
		assertThat(taken.json().path("canRefund").asBoolean()).isFalse();
		assertThat(user.get("/api/v1/me").json().path("canRefund").asBoolean()).isFalse();
		assertThat(audit(this.data, "user/" + id)).extracting(row -> (String) row.get("details"))
			.containsExactly("update user canRefund=true", "update user canRefund=false");
	}

	@Test
	void disablingAUserEndsItsSessionAndSignIn() {
		MerchantNode group = this.data.group("group", null);
		String username = this.data.merchantUser(group.id(), false);
		WebSession user = WebSession.signIn(this.port, username, TestData.PASSWORD);
		String id = accountId(username);

		var disabled = this.admin.patch("/api/v1/admin/users/" + id, "{\"enabled\":false}");
		assertThat(disabled.status()).isEqualTo(200);
		assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
		assertThat(user.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(WebSession.anonymous(this.port).submitLogin(username, TestData.PASSWORD).header("Location"))
			.endsWith("/login?error");

		this.admin.patch("/api/v1/admin/users/" + id, "{\"enabled\":true}");
		assertThat(WebSession.anonymous(this.port).submitLogin(username, TestData.PASSWORD).header("Location"))
			.doesNotContain("error");
	}

	@Test
	void resettingAPasswordReplacesTheOldOneAndIsNeverRecorded() {
		MerchantNode group = this.data.group("group", null);
		String username = this.data.merchantUser(group.id(), false);
		String id = accountId(username);
		var reset = this.admin.patch("/api/v1/admin/users/" + id, "{\"password\":\"" + PASSWORD + "\"}");
		assertThat(reset.status()).isEqualTo(200);
		assertThat(reset.body()).doesNotContain(PASSWORD);
		assertThat(WebSession.anonymous(this.port).submitLogin(username, TestData.PASSWORD).header("Location"))
			.endsWith("/login?error");
		assertThat(WebSession.anonymous(this.port).submitLogin(username, PASSWORD).header("Location"))
			.doesNotContain("error");
		assertThat(audit(this.data, "user/" + id)).extracting(row -> (String) row.get("details"))
			.containsExactly("update user passwordReset=true");

		var weak = this.admin.patch("/api/v1/admin/users/" + id, "{\"password\":\"weak\",\"canRefund\":true}");
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.code()).isEqualTo("WEAK_PASSWORD");
		assertThat(this.admin.patch("/api/v1/admin/users/" + id, "{\"canRefund\":false}").json().path("canRefund").asBoolean())
			.as("a refused change changes nothing").isFalse();
	}

	@Test
	void refusesBadChanges() {
		MerchantNode group = this.data.group("group", null);
		String id = accountId(this.data.merchantUser(group.id(), false));
		refusedChange(this.admin, "/api/v1/admin/users/999999999", "{\"canRefund\":true}", 404, "NOT_FOUND");
		refusedChange(this.admin, "/api/v1/admin/users/abc", "{\"canRefund\":true}", 404, "NOT_FOUND");
		refusedChange(this.admin, "/api/v1/admin/users/" + id, "{}", 400, "VALIDATION_FAILED");
		refusedChange(this.admin, "/api/v1/admin/users/" + id, "{\"role\":\"OPERATOR\"}", 400, "VALIDATION_FAILED");
		refusedChange(this.admin, "/api/v1/admin/users/" + id, "{\"scopeId\":\"1\"}", 400, "VALIDATION_FAILED");
		refusedChange(this.admin, "/api/v1/admin/users/" + id, "{\"enabled\":\"false\"}", 400, "VALIDATION_FAILED");
		refusedChange(this.admin, "/api/v1/admin/users/" + id, "{\"canRefund\":", 400, "MALFORMED_REQUEST");
		refusedChange(this.admin, "/api/v1/admin/users/" + accountId("admin"), "{\"enabled\":false}", 422, "CANNOT_DISABLE_SELF");
		assertThat(this.admin.get("/api/v1/me").status()).as("still signed in").isEqualTo(200);
	}

	private static String user(String username, String password, String role) {
		return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"";
	}

	private void invalid(String json, int status, String code, String field) {
		AdminApiChecks.refusedCreation(this.admin, "/api/v1/admin/users", json, status, code, field);
	}

	private String accountId(String username) {
		return String.valueOf(this.data.accountId(username));
	}

}
