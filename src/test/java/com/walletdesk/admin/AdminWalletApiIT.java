package com.walletdesk.admin;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.TestKeys;
import com.walletdesk.support.TestWallets;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.walletdesk.admin.AdminApiChecks.audit;
import static org.assertj.core.api.Assertions.assertThat;

/** PUT/GET /api/v1/admin/stores/{storeId}/wallets: validation, 404, operators only, keys sealed and never shown. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AdminWalletApiIT {

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
		this.group = this.data.group("wallet-group", null);
		this.store = this.data.eurStore(this.group.id());
	}

	private String path(String method) {
		return "/api/v1/admin/stores/" + this.store.id() + "/wallets/" + method;
	}

	@Test
	void configuresWechatPayAndNeverShowsLogsOrAuditsAKey(CapturedOutput output) {
		var saved = this.admin.put(path("WXP"), TestWallets.wechatPay("1900000109"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		JsonNode json = saved.json();
		assertThat(json.path("storeId").asString()).isEqualTo(String.valueOf(this.store.id()));
		assertThat(json.path("method").asString()).isEqualTo("WXP");
		assertThat(json.path("provider").asString()).isEqualTo("WECHATPAY_GLOBAL");
		assertThat(json.path("mchId").asString()).isEqualTo("1900000109");
		assertThat(json.path("wechatPayPublicKeyId").asString()).isEqualTo(TestWallets.WECHAT_PUBLIC_KEY_ID);
		assertThat(json.path("configuredAt").asString()).isNotEmpty();
		var antom = this.admin.put(path("ALP"), TestWallets.antom("SANDBOX_5YBX2N2ZAK5K0"));
		assertThat(antom.status()).as(antom.body()).isEqualTo(200);

		var list = this.admin.get("/api/v1/admin/stores/" + this.store.id() + "/wallets");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().path("items")).hasSize(2);

		String privateKeyBody = TestKeys.privatePem(TestKeys.merchant()).split("\n")[1];
		String walletKeyBody = TestKeys.publicPem(TestKeys.wallet()).split("\n")[1];
		for (String text : new String[] { saved.body(), antom.body(), list.body(), output.getAll(),
				String.valueOf(audit(this.data, "store/" + this.store.id() + "/wallets/WXP")),
				String.valueOf(audit(this.data, "store/" + this.store.id() + "/wallets/ALP")), storedRows() }) {
			assertThat(text).doesNotContain(TestWallets.API_V3_KEY).doesNotContain(privateKeyBody)
				.doesNotContain(walletKeyBody).doesNotContain("PRIVATE KEY");
		}
		var records = audit(this.data, "store/" + this.store.id() + "/wallets/WXP");
		assertThat(records).hasSize(1);
		assertThat(records.get(0).get("type")).isEqualTo("ADMIN_CHANGE");
		assertThat(records.get(0).get("outcome")).isEqualTo("SUCCESS");
		assertThat(String.valueOf(records.get(0).get("details"))).contains("WECHATPAY_GLOBAL").contains("1900000109");
		assertThat(storedRows()).contains("v1:");
	}

	private String storedRows() {
		return String.valueOf(this.data.jdbc()
			.sql("SELECT * FROM wallet_config WHERE store_id = :s")
			.param("s", this.store.id())
			.query()
			.listOfRows());
	}

	@Test
	void aChangeReplacesTheConfiguration() {
		assertThat(this.admin.put(path("WXP"), TestWallets.wechatPay("1900000109")).status()).isEqualTo(200);
		var sandbox = this.admin.put(path("WXP"), "{\"provider\":\"SANDBOX\"}");
		assertThat(sandbox.status()).isEqualTo(200);
		assertThat(sandbox.json().path("provider").asString()).isEqualTo("SANDBOX");
		var list = this.admin.get("/api/v1/admin/stores/" + this.store.id() + "/wallets");
		assertThat(list.json().path("items")).hasSize(1);
		assertThat(list.json().path("items").get(0).path("mchId").isNull()).isTrue();
	}

	@Test
	void invalidConfigurationsAreRefusedWithTheFieldsAndAudited() {
		String shortKey = TestWallets.wechatPay("1900000109").replace(TestWallets.API_V3_KEY, "short");
		var refused = this.admin.put(path("WXP"), shortKey.replace("-----BEGIN PRIVATE KEY-----\\nMII",
				"-----BEGIN PRIVATE KEY-----\\nXXX"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.code()).isEqualTo("INVALID_WALLET_CONFIG");
		assertThat(refused.json().path("fields").has("apiV3Key")).isTrue();
		assertThat(refused.json().path("fields").has("merchantPrivateKey")).isTrue();

		var method = this.admin.put(path("CARD"), "{\"provider\":\"SANDBOX\"}");
		assertThat(method.status()).isEqualTo(422);
		assertThat(method.code()).isEqualTo("INVALID_WALLET_CONFIG");
		assertThat(method.json().path("fields").has("method")).isTrue();

		var notText = this.admin.put(path("WXP"), "{\"provider\":\"ANTOM\",\"clientId\":42}");
		assertThat(notText.status()).isEqualTo(422);
		assertThat(notText.json().path("fields").path("clientId").asString()).isEqualTo("must be a string");

		assertThat(this.admin.put(path("WXP"), "[1]").status()).isEqualTo(400);
		var records = audit(this.data, "store/" + this.store.id() + "/wallets/WXP");
		assertThat(records).extracting(r -> r.get("outcome")).contains("REFUSED");
		assertThat(String.valueOf(records)).doesNotContain("short");
	}

	@Test
	void unknownStoresAndGroupsAre404() {
		assertThat(this.admin.put("/api/v1/admin/stores/999999999/wallets/WXP", "{\"provider\":\"SANDBOX\"}").status())
			.isEqualTo(404);
		assertThat(this.admin.put("/api/v1/admin/stores/" + this.group.id() + "/wallets/WXP",
				"{\"provider\":\"SANDBOX\"}").status()).isEqualTo(404);
		assertThat(this.admin.put("/api/v1/admin/stores/abc/wallets/WXP", "{\"provider\":\"SANDBOX\"}").status())
			.isEqualTo(404);
		assertThat(this.admin.get("/api/v1/admin/stores/999999999/wallets").status()).isEqualTo(404);
	}

	@Test
	void onlyOperators() {
		WebSession merchant = WebSession.signIn(this.port, this.data.merchantUser(this.store.id(), true),
				TestData.PASSWORD);
		assertThat(merchant.put(path("WXP"), "{\"provider\":\"SANDBOX\"}").status()).isEqualTo(403);
		assertThat(merchant.get("/api/v1/admin/stores/" + this.store.id() + "/wallets").status()).isEqualTo(403);
		assertThat(WebSession.anonymous(this.port).get("/api/v1/admin/stores/" + this.store.id() + "/wallets").status())
			.isEqualTo(401);
	}

}
