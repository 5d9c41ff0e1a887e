package com.walletdesk.admin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console's pages over real HTTP: what each shows, that each change lands as the
 * API's would (and in the audit trail), the field messages of a refused form, the CSRF field on
 * every form, and that a merchant, or an operator whose account was disabled, is refused.
 */
@IntegrationTest
class ConsolePagesIT {

	static final List<String> PAGES = List.of("/admin/merchants", "/admin/users", "/admin/users/new", "/admin/api-keys",
			"/admin/import");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	WebSession admin;

	MerchantNode group;

	MerchantNode store;

	@BeforeEach
	void setUp() {
		this.admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		this.group = this.data.group("console-group", null);
		this.store = this.data.eurStore(this.group.id());
	}

	@Test
	void everyPageShowsAndEveryFormCarriesTheCsrfField() {
		for (String page : PAGES) {
			var response = this.admin.get(page);
			assertThat(response.status()).as(page).isEqualTo(200);
			assertThat(response.body()).as(page).contains("class=\"console-nav\"");
			Matcher forms = Pattern.compile("<form[^>]*method=\"post\"[^>]*>(.*?)</form>", Pattern.DOTALL)
				.matcher(response.body());
			while (forms.find()) {
				assertThat(forms.group(1)).as("a POST form of " + page).contains("name=\"_csrf\"");
			}
		}
		// each kind of POST form: the per-user and per-merchant ones too
		long user = this.data.accountId(this.data.merchantUser(this.store.id(), true));
		for (String page : List.of("/admin/users/" + user, "/admin/merchants/" + this.store.id() + "/license",
				"/admin/merchants/" + this.store.id() + "/edit")) {
			String body = this.admin.get(page).body();
			assertThat(body).as(page).contains("method=\"post\"");
			assertThat(body.split("method=\"post\"", -1).length - 1).as(page)
				.isEqualTo(body.split("name=\"_csrf\"", -1).length - 1);
		}
	}

	@Test
	void aStoreIsCreatedFromListsEditedAndARefusedFormNamesItsFields() {
		String name = TestData.unique("Chiado");
		var created = this.admin.formWithCsrf("/admin/merchants", Map.of("kind", "STORE", "name", name, "parentId",
				String.valueOf(this.group.id()), "location", "Rua Garrett 20", "timezone", "Europe/Lisbon", "currency", "EUR",
				"locale", "pt-PT"));
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.header("Location")).contains("/admin/merchants?q=");
		var tree = this.admin.get("/admin/merchants?q=" + name);
		assertThat(tree.body()).contains(name).contains(name + " was created.").contains(this.group.name())
			.contains("Europe/Lisbon, EUR, pt-PT");
		long id = this.data.jdbc().sql("SELECT id FROM merchant_node WHERE name = :n").param("n", name).query(Long.class).single();
		assertThat(AdminApiChecks.audit(this.data, "merchant/" + id)).extracting(r -> r.get("type") + " " + r.get("outcome"))
			.containsExactly("ADMIN_CHANGE SUCCESS");

		// the lists hold the zone, currency and locale to choose from
		String page = this.admin.get("/admin/merchants").body();
		assertThat(page).contains("<option value=\"Asia/Shanghai\">").contains("<option value=\"JPY\">")
			.contains("<option value=\"zh-CN\">");

		// a store without its settings: 400, each message next to its field, what was typed kept
		var refused = this.admin.formWithCsrf("/admin/merchants",
				Map.of("kind", "STORE", "name", "Half a store", "parentId", String.valueOf(this.group.id())));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"timezone-error\"").contains("aria-invalid=\"true\"")
			.contains("value=\"Half a store\"");
		var blank = this.admin.formWithCsrf("/admin/merchants", Map.of("kind", "GROUP", "name", " "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.body()).contains("id=\"name-error\"").contains("must not be blank");

		var edited = this.admin.formWithCsrf("/admin/merchants/" + id, Map.of("name", name + " Novo", "location", "",
				"timezone", "Europe/Paris", "currency", "EUR", "locale", "fr-FR"));
		assertThat(edited.status()).isEqualTo(302);
		var stored = this.admin.get("/api/v1/merchants").json().path("items").valueStream()
			.filter(m -> m.path("id").asString().equals(String.valueOf(id))).findFirst().orElseThrow();
		assertThat(stored.path("name").asString()).isEqualTo(name + " Novo");
		assertThat(stored.path("timezone").asString()).isEqualTo("Europe/Paris");
		assertThat(stored.path("location").isNull()).isTrue();
		var currency = this.admin.formWithCsrf("/admin/merchants/" + id, Map.of("name", name, "currency", "JPY"));
		assertThat(currency.status()).isEqualTo(422);
		assertThat(currency.body()).contains("role=\"alert\"");
		assertThat(AdminApiChecks.audit(this.data, "merchant/" + id)).hasSize(3);
	}

	@Test
	void theLicenseConfirmationSaysHowManyUsersAndSessionsItEnds() {
		String one = this.data.merchantUser(this.store.id(), false);
		String two = this.data.merchantUser(this.group.id(), false);
		WebSession first = WebSession.signIn(this.port, one, TestData.PASSWORD);
		WebSession.signIn(this.port, one, TestData.PASSWORD);
		WebSession.signIn(this.port, two, TestData.PASSWORD);
		// a disabled user holds no access to end
		this.data.jdbc().sql("UPDATE account SET enabled = FALSE WHERE username = :u")
			.param("u", this.data.merchantUser(this.store.id(), false)).update();

		var confirm = this.admin.get("/admin/merchants/" + this.group.id() + "/license");
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.body()).contains("This ends the access of 2 users and 3 open sessions");
		var store = this.admin.get("/admin/merchants/" + this.store.id() + "/license");
		assertThat(store.body()).contains("This ends the access of 1 users and 2 open sessions");

		var off = this.admin.formWithCsrf("/admin/merchants/" + this.group.id() + "/license", Map.of("active", "false"));
		assertThat(off.status()).isEqualTo(302);
		assertThat(first.get("/api/v1/me").code()).isEqualTo("LICENSE_INACTIVE");
		assertThat(this.admin.get("/admin/merchants?q=" + this.store.name()).body()).contains("Off (a group above is off)");
		assertThat(this.admin.get("/admin/merchants/" + this.group.id() + "/license").body())
			.contains("Switch on the license of");
		this.admin.formWithCsrf("/admin/merchants/" + this.group.id() + "/license", Map.of("active", "true"));
		assertThat(WebSession.signIn(this.port, one, TestData.PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
		assertThat(AdminApiChecks.audit(this.data, "merchant/" + this.group.id())).extracting(r -> r.get("details"))
			.anySatisfy(d -> assertThat((String) d).contains("licenseActive=false"))
			.anySatisfy(d -> assertThat((String) d).contains("licenseActive=true"));
	}

	@Test
	void aUserIsCreatedWithAPasswordShownOnceAndEachActionIsAudited() {
		String username = TestData.unique("anna").toLowerCase();
		var created = this.admin.formWithCsrf("/admin/users", Map.of("username", username, "role", "MERCHANT", "scopeId",
				String.valueOf(this.store.id()), "canRefund", "true"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Cache-Control")).contains("no-store");
		String password = issuedPassword(created.body());
		long id = this.data.accountId(username);
		assertThat(this.admin.get("/admin/users/" + id).body()).as("shown once").doesNotContain(password)
			.contains("Must change the password");
		WebSession user = WebSession.anonymous(this.port);
		assertThat(user.submitLogin(username, password).header("Location")).endsWith("/account/password");

		var refundOff = act("/admin/users/" + id + "/refund", Map.of("canRefund", "false"));
		assertThat(refundOff.body()).contains(username + " may no longer refund.");
		act("/admin/users/" + id + "/enabled", Map.of("enabled", "false"));
		assertThat(user.get("/api/v1/me").status()).as("disabling ends the session").isEqualTo(401);
		assertThat(act("/admin/users/" + id + "/enabled", Map.of("enabled", "true")).body()).contains(username + " is enabled.");
		var reset = this.admin.formWithCsrf("/admin/users/" + id + "/password", Map.of());
		String second = issuedPassword(reset.body());
		assertThat(second).isNotEqualTo(password);
		assertThat(WebSession.anonymous(this.port).submitLogin(username, second).header("Location"))
			.endsWith("/account/password");
		this.data.jdbc().sql("UPDATE account SET failed_attempts = 3, mfa_secret = 'JBSWY3DPEHPK3PXP' WHERE id = :id")
			.param("id", id).update();
		assertThat(act("/admin/users/" + id + "/unlock", Map.of()).body()).contains(username + " is unlocked.");
		String page = act("/admin/users/" + id + "/mfa", Map.of()).body();
		assertThat(page).contains("The second factor of " + username + " was reset.").contains("Not enrolled");

		assertThat(AdminApiChecks.audit(this.data, "user/" + id)).extracting(r -> r.get("type") + " " + r.get("details"))
			.allSatisfy(line -> assertThat(line).doesNotContain(password).doesNotContain(second))
			.containsExactly("ADMIN_CHANGE create user username=\"" + username + "\" role=\"MERCHANT\" scopeId="
					+ this.store.id() + " canRefund=true", "ADMIN_CHANGE update user canRefund=false",
					"ADMIN_CHANGE update user enabled=false", "ADMIN_CHANGE update user enabled=true",
					"ADMIN_CHANGE update user passwordReset=true", "ADMIN_CHANGE unlocked " + username,
					"MFA_CHANGE by admin", "ADMIN_CHANGE MFA reset for " + username);

		// refused: a taken username, a merchant user without a merchant
		var taken = this.admin.formWithCsrf("/admin/users", Map.of("username", username, "role", "MERCHANT", "scopeId",
				String.valueOf(this.store.id())));
		assertThat(taken.status()).as(taken.body()).isEqualTo(409);
		assertThat(taken.body()).contains("id=\"username-error\"");
		var noScope = this.admin.formWithCsrf("/admin/users", Map.of("username", username + "x", "role", "MERCHANT"));
		assertThat(noScope.status()).isEqualTo(400);
		assertThat(noScope.body()).contains("id=\"scopeId-error\"").contains("value=\"" + username + "x\"");
		// an operator cannot disable itself: said on its page, nothing changed
		long self = this.data.accountId("admin");
		var selfDisable = act("/admin/users/" + self + "/enabled", Map.of("enabled", "false"));
		assertThat(selfDisable.body()).contains("banner error").contains("An operator cannot disable its own account");
	}

	@Test
	void theUserListSearchesAndFilters() {
		String refunder = this.data.merchantUser(this.store.id(), true);
		String viewer = this.data.merchantUser(this.group.id(), false);
		WebSession.signIn(this.port, refunder, TestData.PASSWORD);
		var page = this.admin.get("/admin/users?scopeId=" + this.group.id());
		assertThat(page.body()).contains(refunder).contains(viewer);
		assertThat(this.admin.get("/admin/users?scopeId=" + this.group.id() + "&canRefund=true").body()).contains(refunder)
			.doesNotContain(viewer);
		assertThat(this.admin.get("/admin/users?q=" + viewer).body()).contains(viewer).doesNotContain(refunder);
		assertThat(this.admin.get("/admin/users?scopeId=" + this.group.id() + "&locked=true").body())
			.contains("No user matches these filters.");
		var fragment = this.admin.getHtmx("/admin/users?q=" + viewer);
		assertThat(fragment.body()).contains("id=\"user-results\"").doesNotContain("<html");

		var api = this.admin.get("/api/v1/admin/users?scopeId=" + this.group.id() + "&limit=1").json();
		assertThat(api.path("items").size()).isEqualTo(1);
		String cursor = api.path("nextCursor").asString();
		var next = this.admin.get("/api/v1/admin/users?scopeId=" + this.group.id() + "&limit=1&cursor=" + cursor).json();
		assertThat(next.path("items").size()).isEqualTo(1);
		assertThat(next.path("nextCursor").isNull()).isTrue();
		var items = List.of(api.path("items").get(0), next.path("items").get(0));
		var signedIn = items.stream().filter(u -> u.path("username").asString().equals(refunder)).findFirst().orElseThrow();
		assertThat(signedIn.path("lastSignInAt").asString()).isNotEmpty();
		assertThat(Instant.parse(signedIn.path("lastSignInAt").asString())).isAfter(Instant.now().minus(5, ChronoUnit.MINUTES));
		assertThat(signedIn.path("mfaEnrolled").asBoolean()).isTrue();
		assertThat(signedIn.path("locked").asBoolean()).isFalse();
		assertThat(signedIn.path("canRefund").asBoolean()).isTrue();
		assertThat(signedIn.path("scopeId").asString()).isEqualTo(String.valueOf(this.store.id()));
		var never = items.stream().filter(u -> u.path("username").asString().equals(viewer)).findFirst().orElseThrow();
		assertThat(never.path("lastSignInAt").isNull()).isTrue();
		assertThat(never.path("mfaEnrolled").asBoolean()).isFalse();

		// locked: the lock-out's own column
		this.data.jdbc().sql("UPDATE account SET locked_until = :until WHERE username = :u")
			.param("until", java.time.OffsetDateTime.now().plusHours(1)).param("u", viewer).update();
		var locked = this.admin.get("/api/v1/admin/users?locked=true&scopeId=" + this.group.id()).json();
		assertThat(locked.path("items").valueStream().map(u -> u.path("username").asString())).containsExactly(viewer);
		assertThat(locked.path("items").get(0).path("locked").asBoolean()).isTrue();

		assertThat(this.admin.get("/api/v1/admin/users?limit=0").code()).isEqualTo("INVALID_LIMIT");
		assertThat(this.admin.get("/api/v1/admin/users?cursor=%25%25").code()).isEqualTo("INVALID_CURSOR");
		assertThat(this.admin.get("/api/v1/admin/users?locked=maybe").code()).isEqualTo("VALIDATION_FAILED");
		assertThat(this.admin.get("/api/v1/admin/users?scopeId=abc").code()).isEqualTo("VALIDATION_FAILED");
		assertThat(this.admin.get("/api/v1/admin/users?scopeId=999999999").code()).isEqualTo("UNKNOWN_SCOPE");
		assertThat(this.admin.get("/api/v1/admin/users?q=%25").json().path("items").size()).as("% is no wildcard").isZero();
	}

	@Test
	void anApiKeyIsShownOnceWorksAndStopsWhenRevoked() {
		String name = TestData.unique("App back end");
		var created = this.admin.formWithCsrf("/admin/api-keys", Map.of("name", name, "purpose", "INGEST"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Cache-Control")).contains("no-store");
		Matcher key = Pattern.compile("id=\"new-key-value\"[^>]*>(wdk_[A-Za-z0-9_-]+)<").matcher(created.body());
		assertThat(key.find()).isTrue();
		assertThat(created.body()).contains("data-copy=\"new-key-value\"");
		String secret = key.group(1);
		assertThat(this.admin.get("/admin/api-keys").body()).contains(name).doesNotContain(secret);
		WebSession channel = WebSession.withApiKey(this.port, secret);
		assertThat(channel.post("/api/v1/ingest/transactions", "{\"items\":[]}").status()).isNotIn(401, 403);
		String id = this.data.jdbc().sql("SELECT id FROM api_key WHERE name = :n").param("n", name).query(Long.class).single().toString();
		var revoked = this.admin.formWithCsrf("/admin/api-keys/" + id + "/revoke", Map.of());
		assertThat(revoked.status()).isEqualTo(302);
		assertThat(this.admin.get("/admin/api-keys").body()).contains("The key " + name + " is revoked");
		assertThat(channel.post("/api/v1/ingest/transactions", "{\"items\":[]}").status()).isEqualTo(401);
		assertThat(AdminApiChecks.audit(this.data, "api-key/" + id)).extracting(r -> r.get("details"))
			.containsExactly("API key created: " + name + " (INGEST)", "API key revoked: " + name);

		var blank = this.admin.formWithCsrf("/admin/api-keys", Map.of("name", "", "purpose", "INGEST"));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.body()).contains("id=\"name-error\"");
	}

	@Test
	void theImportPageChecksThenImports() {
		String header = "Store ID,Transaction ID,Parent Transaction ID,Reference,Transaction Type,Payment Method,Channel,"
				+ "Total,Tip,Currency,Created At";
		String at = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
		String good = TestData.randomTransactionId();
		String bad = TestData.randomTransactionId();
		String row = this.store.id() + "," + good + ",,,charge,ALP,APP,12.00,0.00,EUR," + at;
		String csv = header + "\n" + row + "\n" + this.store.id() + "," + bad + ",,,charge,ALP,APP,5.00,0.00,JPY," + at + "\n";

		var dry = this.admin.multipart("/admin/import", Map.of("mode", "check"), "file", "july.csv", csv, true);
		assertThat(dry.status()).isEqualTo(200);
		assertThat(dry.body()).contains("july.csv: 1 of 2 rows are not valid").contains("CURRENCY_MISMATCH")
			.contains("<td class=\"num\">3</td>").contains("<td>Currency</td>");
		var stillBad = this.admin.multipart("/admin/import", Map.of("mode", "import"), "file", "july.csv", csv, true);
		assertThat(stillBad.body()).contains("july.csv: nothing was stored.");
		assertThat(count()).isZero();

		String fixed = header + "\n" + row + "\n";
		assertThat(this.admin.multipart("/admin/import", Map.of("mode", "check"), "file", "fixed.csv", fixed, true).body())
			.contains("fixed.csv: all 1 rows can be imported.");
		assertThat(count()).isZero();
		var imported = this.admin.multipart("/admin/import", Map.of("mode", "import"), "file", "fixed.csv", fixed, true);
		assertThat(imported.body()).contains("1 rows stored, 0 already there, 0 left out.").contains("fixed.csv");
		assertThat(count()).isEqualTo(1);

		var noFile = this.admin.multipart("/admin/import", Map.of("mode", "check"), "file", "empty.csv", "", true);
		assertThat(noFile.status()).isEqualTo(400);
		assertThat(noFile.body()).contains("id=\"file-error\"").contains("Choose a CSV file.");
		var wrong = this.admin.multipart("/admin/import", Map.of("mode", "check"), "file", "x.csv", "a,b\n1,2\n", true);
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("The first line is not the export");
		assertThat(this.admin.multipart("/admin/import", Map.of("mode", "import"), "file", "fixed.csv", fixed, false)
			.status()).as("without the CSRF field").isEqualTo(403);
	}

	@Test
	void aMerchantGetsTheRefusalPageAndEveryActionIsRefused() {
		WebSession merchant = WebSession.signIn(this.port, this.data.merchantUser(this.store.id(), false), TestData.PASSWORD);
		for (String page : PAGES) {
			var response = merchant.get(page);
			assertThat(response.status()).as(page).isEqualTo(403);
			assertThat(response.body()).as(page).contains("This is a refusal, not a fault");
		}
		assertRefused(merchant, 403);
	}

	@Test
	void anOperatorWhoseAccountWasDisabledIsRefusedEverywhere() {
		String other = this.data.operator();
		WebSession session = WebSession.signIn(this.port, other, TestData.PASSWORD);
		assertThat(session.get("/admin/users").status()).isEqualTo(200);
		this.admin.formWithCsrf("/admin/users/" + this.data.accountId(other) + "/enabled", Map.of("enabled", "false"));
		for (String page : PAGES) {
			var response = session.get(page);
			assertThat(response.status()).as(page).isEqualTo(302);
			assertThat(response.header("Location")).contains("/login");
		}
		WebSession again = WebSession.anonymous(this.port);
		assertThat(again.submitLogin(other, TestData.PASSWORD).header("Location")).contains("/login?error");
		assertRefused(session, 302);
	}

	@Test
	void withoutTheCsrfFieldNoConsoleFormChangesAnything() {
		long user = this.data.accountId(this.data.merchantUser(this.store.id(), false));
		for (var post : actions(user).entrySet()) {
			var response = this.admin.form(post.getKey(), post.getValue());
			assertThat(response.status()).as(post.getKey()).isEqualTo(403);
		}
		assertThat(this.data.jdbc().sql("SELECT enabled FROM account WHERE id = :id").param("id", user)
			.query(Boolean.class).single()).isTrue();
		assertThat(this.data.jdbc().sql("SELECT license_active FROM merchant_node WHERE id = :id").param("id", this.store.id())
			.query(Boolean.class).single()).isTrue();
	}

	/** Every console POST, refused with this status, and nothing changed. */
	private void assertRefused(WebSession session, int status) {
		long user = this.data.accountId(this.data.merchantUser(this.store.id(), false));
		for (var post : actions(user).entrySet()) {
			var response = session.formWithCsrf(post.getKey(), post.getValue());
			assertThat(response.status()).as(post.getKey()).isEqualTo(status);
		}
		assertThat(session.multipart("/admin/import", Map.of("mode", "import"), "file", "a.csv", "x", true).status())
			.isEqualTo(status);
		assertThat(this.data.jdbc().sql("SELECT enabled FROM account WHERE id = :id").param("id", user)
			.query(Boolean.class).single()).isTrue();
		assertThat(this.data.jdbc().sql("SELECT COUNT(*) FROM merchant_node WHERE name = 'Refused store'")
			.query(Long.class).single()).isZero();
	}

	private Map<String, Map<String, String>> actions(long user) {
		Map<String, Map<String, String>> actions = new java.util.LinkedHashMap<>();
		actions.put("/admin/merchants", Map.of("kind", "GROUP", "name", "Refused store"));
		actions.put("/admin/merchants/" + this.store.id(), Map.of("name", "Refused store"));
		actions.put("/admin/merchants/" + this.store.id() + "/license", Map.of("active", "false"));
		actions.put("/admin/users", Map.of("username", TestData.unique("refused"), "role", "OPERATOR"));
		actions.put("/admin/users/" + user + "/enabled", Map.of("enabled", "false"));
		actions.put("/admin/users/" + user + "/refund", Map.of("canRefund", "true"));
		actions.put("/admin/users/" + user + "/password", Map.of());
		actions.put("/admin/users/" + user + "/unlock", Map.of());
		actions.put("/admin/users/" + user + "/mfa", Map.of());
		actions.put("/admin/api-keys", Map.of("name", "refused", "purpose", "INGEST"));
		actions.put("/admin/api-keys/1/revoke", Map.of());
		return actions;
	}

	/** Posts a console form and follows its redirect, as a browser would (the banner is on the next page). */
	private WebSession.Response act(String path, Map<String, String> fields) {
		var response = this.admin.formWithCsrf(path, fields);
		assertThat(response.status()).as(path + " " + response.body()).isEqualTo(302);
		return this.admin.get(java.net.URI.create(response.header("Location")).getRawPath()
				+ (java.net.URI.create(response.header("Location")).getRawQuery() == null ? ""
						: "?" + java.net.URI.create(response.header("Location")).getRawQuery()));
	}

	private long count() {
		return this.data.jdbc().sql("SELECT COUNT(*) FROM wallet_transaction WHERE store_id = :s")
			.param("s", this.store.id()).query(Long.class).single();
	}

	static String issuedPassword(String html) {
		Matcher password = Pattern.compile("id=\"issued-password\"[^>]*>([A-Za-z0-9]{16})<").matcher(html);
		assertThat(password.find()).as("the issued password is shown").isTrue();
		return password.group(1);
	}

}
