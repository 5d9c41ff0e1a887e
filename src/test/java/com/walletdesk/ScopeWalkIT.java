package com.walletdesk;

import java.time.Instant;
import java.util.List;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merchant user walks every endpoint with another merchant's IDs (store, group, transaction,
 * user): it gets 404 for data (or 403 for operator endpoints), never a byte of the other's data,
 * and nothing changes.
 */
@IntegrationTest
class ScopeWalkIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void foreignIdsAreNotFoundAndNothingLeaks() {
		// ours: a store under a headquarters; theirs: a sibling store in the same group, and another merchant
		MerchantNode group = this.data.group("group", null);
		MerchantNode hq = this.data.group("hq", group.id());
		MerchantNode ours = this.data.eurStore(hq.id());
		MerchantNode sibling = this.data.eurStore(group.id());
		MerchantNode otherGroup = this.data.group("foreign", null);
		MerchantNode foreign = this.data.store("foreign-store", otherGroup.id(), "Asia/Tokyo", "JPY", "ja-JP");
		Instant at = Instant.parse("2026-05-05T10:00:00Z");
		String ourTx = this.data.tx(ours).at(at).save();
		String reference = TestData.unique("PBL-FOREIGN");
		String foreignTx = this.data.tx(foreign).amount(7777).at(at).payByLink(reference).save();
		String siblingTx = this.data.tx(sibling).at(at).save();
		String foreignRefund = this.data.tx(foreign).refundOf(foreignTx).amount(1000).at(at.plusSeconds(60)).save();
		String foreignUser = this.data.merchantUser(otherGroup.id(), false);
		long foreignUserId = this.data.accountId(foreignUser);

		WebSession user = WebSession.signIn(this.port, this.data.merchantUser(hq.id(), true), TestData.PASSWORD);
		assertThat(user.get("/api/v1/transactions/" + ourTx).status()).as("our own data is there").isEqualTo(200);

		List<String> notFound = List.of("/api/v1/stores/" + foreign.id() + "/transactions",
				"/api/v1/stores/" + foreign.id() + "/transactions?from=2026-05-05&to=2026-05-05",
				"/api/v1/stores/" + sibling.id() + "/transactions",
				"/api/v1/stores/" + otherGroup.id() + "/transactions", "/api/v1/stores/" + group.id() + "/transactions",
				"/api/v1/transactions/" + foreignTx, "/api/v1/transactions/" + foreignRefund,
				"/api/v1/transactions/" + siblingTx, "/api/v1/transactions/" + foreignTx + "/refunds");
		for (String path : notFound) {
			var response = user.get(path);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
			assertThat(response.body()).as(path).doesNotContain(foreign.name(), sibling.name(), "77.77", "7777");
		}

		for (String q : List.of(foreignTx, foreignTx.substring(0, 8), reference, "wechat", "alipay", "refund")) {
			var search = user.get("/api/v1/transactions?from=2026-05-01&to=2026-05-10&q=" + q);
			assertThat(search.status()).isEqualTo(200);
			assertThat(search.body()).as(q).doesNotContain(foreignTx, siblingTx, foreignRefund, foreign.name(),
					sibling.name());
		}
		var merchants = user.get("/api/v1/merchants");
		assertThat(merchants.body()).doesNotContain(foreign.name(), otherGroup.name(), sibling.name(), group.name(),
				"\"" + foreign.id() + "\"");

		List<WebSession.Response> operatorOnly = List.of(
				user.patch("/api/v1/admin/merchants/" + otherGroup.id(), "{\"licenseActive\":false}"),
				user.patch("/api/v1/admin/merchants/" + hq.id(), "{\"name\":\"mine now\"}"),
				user.post("/api/v1/admin/merchants",
						"{\"kind\":\"STORE\",\"name\":\"x\",\"parentId\":\"" + otherGroup.id()
								+ "\",\"timezone\":\"UTC\",\"currency\":\"EUR\",\"locale\":\"en\"}"),
				user.patch("/api/v1/admin/users/" + foreignUserId, "{\"canRefund\":true,\"password\":\"Taken-Over-2026x\"}"),
				user.post("/api/v1/admin/users", "{\"username\":\"" + TestData.unique("spy")
						+ "\",\"password\":\"Spy-Passw0rd-2026\",\"role\":\"MERCHANT\",\"scopeId\":\"" + otherGroup.id() + "\"}"),
				user.post("/api/v1/ingest/transactions", "{\"storeId\":\"" + foreign.id()
						+ "\",\"type\":\"refund\",\"parentId\":\"" + foreignTx
						+ "\",\"method\":\"ALP\",\"channel\":\"APP\",\"amount\":\"6777\",\"currency\":\"JPY\",\"createdAt\":\"2026-05-05T11:00:00Z\"}"),
				user.get("/api/v1/admin/audit"),
				user.get("/api/v1/admin/refunds?status=attention"),
				user.get("/api/v1/admin/stores/" + foreign.id() + "/wallets"));
		for (var response : operatorOnly) {
			assertThat(response.status()).as(response.raw().request().uri().toString()).isEqualTo(403);
			assertThat(response.body()).doesNotContain(foreign.name(), foreignUser);
		}

		// and nothing changed
		assertThat(this.data.jdbc().sql("SELECT license_active FROM merchant_node WHERE id = :id").param("id", otherGroup.id())
			.query(Boolean.class).single()).isTrue();
		assertThat(this.data.jdbc().sql("SELECT name FROM merchant_node WHERE id = :id").param("id", hq.id())
			.query(String.class).single()).isEqualTo(hq.name());
		assertThat(this.data.jdbc().sql("SELECT can_refund FROM account WHERE id = :id").param("id", foreignUserId)
			.query(Boolean.class).single()).isFalse();
		assertThat(this.data.jdbc().sql("SELECT refunded FROM wallet_transaction WHERE id = :id").param("id", foreignTx)
			.query(Long.class).single()).isEqualTo(1000L);
		assertThat(WebSession.anonymous(this.port).submitLogin(foreignUser, TestData.PASSWORD).header("Location"))
			.as("the foreign user's password is unchanged").doesNotContain("error");
	}

}
