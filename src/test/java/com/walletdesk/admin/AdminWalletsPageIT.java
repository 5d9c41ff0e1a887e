package com.walletdesk.admin;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.FakeAntom;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.TestKeys;
import com.walletdesk.support.TestWallets;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.walletdesk.admin.AdminApiChecks.audit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's /admin/stores/{id}/wallets: the current connections without keys, a form per method
 * that does what the API's PUT does (checked, audited), refusals next to the fields with the typed
 * identifiers kept and the keys never put back, operators only.
 */
@IntegrationTest
class AdminWalletsPageIT {

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
		this.group = this.data.group("wallets-page-group", null);
		this.store = this.data.eurStore(this.group.id());
	}

	String page() {
		return "/admin/stores/" + this.store.id() + "/wallets";
	}

	static Map<String, String> wechatForm() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("provider", "WECHATPAY_GLOBAL");
		form.put("mchId", "1900000109");
		form.put("appId", "wxd678efh567hg6787");
		form.put("subMchId", "");
		form.put("merchantSerialNo", TestWallets.MERCHANT_SERIAL);
		form.put("wechatPayPublicKeyId", TestWallets.WECHAT_PUBLIC_KEY_ID);
		form.put("merchantPrivateKey", TestKeys.privatePem(TestKeys.merchant()));
		form.put("apiV3Key", TestWallets.API_V3_KEY);
		form.put("wechatPayPublicKey", TestKeys.publicPem(TestKeys.wallet()));
		// the other method's fields are not this form's: ignored
		form.put("clientId", "not-this-one");
		return form;
	}

	static void assertNoSecret(String text) {
		assertThat(text).doesNotContain(TestWallets.API_V3_KEY).doesNotContain("PRIVATE KEY-----\n");
		Arrays.stream(TestKeys.privatePem(TestKeys.merchant()).split("\n"))
			.filter(line -> !line.startsWith("-----"))
			.forEach(line -> assertThat(text).doesNotContain(line));
	}

	@Test
	void theEmptyPageSaysWhereRefundsGo() {
		var page = this.admin.get(page());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Wallets of " + this.store.name())
			.contains("Not configured: refunds go to the default wallet.")
			.contains("action=\"/admin/stores/" + this.store.id() + "/wallets/WXP\"")
			.contains("action=\"/admin/stores/" + this.store.id() + "/wallets/ALP\"")
			.contains("name=\"_csrf\"");
		assertThat(this.admin.get("/admin/merchants?q=" + this.store.name()).body())
			.contains("href=\"/admin/stores/" + this.store.id() + "/wallets\"");
	}

	@Test
	void theFormConnectsWechatPayAndTheKeysAreNeverShown() {
		var saved = this.admin.formWithCsrf(page() + "/WXP", wechatForm());
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		assertThat(saved.header("Location")).endsWith(page());

		var page = this.admin.get(page());
		assertThat(page.body()).contains("WXP is now connected to WeChat Pay Global.")
			.contains("data-current=\"WXP\"")
			.contains("1900000109")
			.contains(TestWallets.WECHAT_PUBLIC_KEY_ID)
			.contains("Stored encrypted, not shown");
		assertNoSecret(page.body());
		var api = this.admin.get("/api/v1/admin/stores/" + this.store.id() + "/wallets").json().path("items").get(0);
		assertThat(api.path("provider").asString()).isEqualTo("WECHATPAY_GLOBAL");
		assertThat(api.path("mchId").asString()).isEqualTo("1900000109");
		assertThat(api.path("subMchId").isNull()).as("an empty optional field is absent").isTrue();
		var records = audit(this.data, "store/" + this.store.id() + "/wallets/WXP");
		assertThat(records).extracting(r -> r.get("outcome")).containsExactly("SUCCESS");
		assertNoSecret(String.valueOf(records));
	}

	@Test
	void aRefusalIsShownNextToTheFieldWithTheIdentifiersKeptAndNoKey() {
		Map<String, String> form = wechatForm();
		form.put("apiV3Key", "too-short");
		var refused = this.admin.formWithCsrf(page() + "/WXP", form);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"WXP-apiV3Key-error\"")
			.contains("aria-invalid=\"true\"")
			.contains("value=\"1900000109\"")
			.doesNotContain("too-short");
		assertNoSecret(refused.body());
		assertThat(this.admin.get("/api/v1/admin/stores/" + this.store.id() + "/wallets").json().path("items").size())
			.as("nothing stored")
			.isZero();
	}

	@Test
	void alipayGoesToAntomOrBackToTheSandbox() {
		Map<String, String> antom = new LinkedHashMap<>();
		antom.put("provider", "ANTOM");
		antom.put("clientId", FakeAntom.CLIENT_ID);
		antom.put("merchantPrivateKey", TestKeys.privatePem(TestKeys.merchant()));
		antom.put("antomPublicKey", TestKeys.publicPem(TestKeys.wallet()));
		assertThat(this.admin.formWithCsrf(page() + "/ALP", antom).status()).isEqualTo(302);
		assertThat(this.admin.get(page()).body()).contains("data-current=\"ALP\"").contains(FakeAntom.CLIENT_ID);

		assertThat(this.admin.formWithCsrf(page() + "/ALP", Map.of("provider", "SANDBOX", "clientId", "ignored"))
			.status()).isEqualTo(302);
		var api = this.admin.get("/api/v1/admin/stores/" + this.store.id() + "/wallets").json().path("items").get(0);
		assertThat(api.path("provider").asString()).isEqualTo("SANDBOX");
		assertThat(api.path("clientId").isNull()).isTrue();
	}

	@Test
	void onlyOperatorsAndOnlyStores() {
		WebSession merchant = WebSession.signIn(this.port, this.data.merchantUser(this.store.id(), false),
				TestData.PASSWORD);
		assertThat(merchant.get(page()).status()).isEqualTo(403);
		assertThat(merchant.formWithCsrf(page() + "/WXP", Map.of("provider", "SANDBOX")).status()).isEqualTo(403);
		assertThat(this.admin.get("/admin/stores/" + this.group.id() + "/wallets").status()).isEqualTo(404);
		assertThat(this.admin.get("/admin/stores/999999999/wallets").status()).isEqualTo(404);
		assertThat(this.admin.formWithCsrf(page() + "/CARD", Map.of("provider", "SANDBOX")).status()).isEqualTo(404);
		assertThat(this.admin.form(page() + "/WXP", Map.of("provider", "SANDBOX")).status()).as("no CSRF token")
			.isEqualTo(403);
	}

}
