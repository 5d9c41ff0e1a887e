package com.walletdesk.sandbox;

import java.util.Map;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's /admin/sandbox: the settings shown, set per store or for all, refused next to the field, operators only. */
@IntegrationTest
class SandboxPageIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	SandboxWallet wallet;

	WebSession admin;

	MerchantNode store;

	@BeforeEach
	void setUp() {
		this.wallet.approveAll();
		this.admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		this.store = this.data.eurStore(this.data.group("sandbox-page-group", null).id());
	}

	@AfterEach
	void approveAgain() {
		this.wallet.approveAll();
	}

	@Test
	void showsEveryStoresSettingAndTheEmptyList() {
		var page = this.admin.get("/admin/sandbox");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<strong data-fact=\"mode\">Approve</strong>")
			.contains("No store has its own setting: they all follow the one above.")
			.contains("name=\"_csrf\"");
		assertThat(this.admin.get("/admin/stores/" + this.store.id() + "/wallets").body())
			.contains("href=\"/admin/sandbox\"");
	}

	@Test
	void aStoreGetsItsOwnSettingThenFollowsEveryStoresAgain() {
		var saved = this.admin.formWithCsrf("/admin/sandbox", Map.of("mode", "DECLINE", "message", "account frozen",
				"delayMs", "", "storeId", String.valueOf(this.store.id())));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		assertThat(this.wallet.behaviourFor(this.store.id()).mode()).isEqualTo(SandboxBehaviour.Mode.DECLINE);
		assertThat(this.wallet.behaviourFor(this.store.id()).message()).isEqualTo("account frozen");
		assertThat(this.wallet.global().mode()).as("the others unchanged").isEqualTo(SandboxBehaviour.Mode.APPROVE);
		var page = this.admin.get("/admin/sandbox");
		assertThat(page.body()).contains("Store " + this.store.id() + ": Decline.")
			.contains("data-store=\"" + this.store.id() + "\"")
			.contains("account frozen");

		assertThat(this.admin.formWithCsrf("/admin/sandbox/stores/" + this.store.id() + "/clear", Map.of()).status())
			.isEqualTo(302);
		assertThat(this.wallet.behaviourFor(this.store.id()).mode()).isEqualTo(SandboxBehaviour.Mode.APPROVE);
		assertThat(this.admin.get("/admin/sandbox").body()).doesNotContain("data-store=\"" + this.store.id() + "\"");
	}

	@Test
	void everyStoreThenResetApprovesAgain() {
		assertThat(this.admin.formWithCsrf("/admin/sandbox", Map.of("mode", "SLOW", "delayMs", "250")).status())
			.isEqualTo(302);
		assertThat(this.wallet.global().mode()).isEqualTo(SandboxBehaviour.Mode.SLOW);
		assertThat(this.admin.get("/admin/sandbox").body()).contains("Approve slowly").contains("after 250 ms");
		assertThat(this.admin.formWithCsrf("/admin/sandbox/reset", Map.of()).status()).isEqualTo(302);
		assertThat(this.wallet.global().mode()).isEqualTo(SandboxBehaviour.Mode.APPROVE);
	}

	@Test
	void badValuesAreShownNextToTheirFieldsAndChangeNothing() {
		var refused = this.admin.formWithCsrf("/admin/sandbox", Map.of("mode", "DECLINE", "delayMs", "soon",
				"storeId", "x"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"delayMs-error\"").contains("id=\"storeId-error\"")
			.contains("value=\"soon\"");
		assertThat(this.wallet.global().mode()).isEqualTo(SandboxBehaviour.Mode.APPROVE);
		assertThat(this.wallet.storeSettings()).isEmpty();
	}

	@Test
	void onlyOperators() {
		WebSession merchant = WebSession.signIn(this.port, this.data.merchantUser(this.store.id(), false),
				TestData.PASSWORD);
		assertThat(merchant.get("/admin/sandbox").status()).isEqualTo(403);
		assertThat(merchant.formWithCsrf("/admin/sandbox", Map.of("mode", "DECLINE")).status()).isEqualTo(403);
		assertThat(this.wallet.global().mode()).isEqualTo(SandboxBehaviour.Mode.APPROVE);
	}

}
