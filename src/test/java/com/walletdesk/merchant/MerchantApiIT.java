package com.walletdesk.merchant;

import java.util.HashMap;
import java.util.Map;

import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/merchants: the caller's node and everything below it, nothing else. */
@IntegrationTest
class MerchantApiIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void operatorSeesEveryMerchantWithTheContractsFields() {
		MerchantNode group = this.data.group("group", null);
		MerchantNode store = this.data.store("store", group.id(), "Europe/Paris", "EUR", "pt-PT");
		this.data.license(group.id(), false);

		Map<String, JsonNode> items = items(WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD));
		JsonNode groupItem = items.get(String.valueOf(group.id()));
		assertThat(groupItem.path("id").isString()).isTrue();
		assertThat(groupItem.path("parentId").isNull()).isTrue();
		assertThat(groupItem.path("kind").asString()).isEqualTo("GROUP");
		assertThat(groupItem.path("name").asString()).isEqualTo(group.name());
		assertThat(groupItem.path("location").asString()).isEqualTo("Lisbon");
		assertThat(groupItem.path("timezone").isNull()).isTrue();
		assertThat(groupItem.path("currency").isNull()).isTrue();
		assertThat(groupItem.path("locale").isNull()).isTrue();
		assertThat(groupItem.path("licenseActive").asBoolean()).isFalse();

		JsonNode storeItem = items.get(String.valueOf(store.id()));
		assertThat(storeItem.path("parentId").asString()).isEqualTo(String.valueOf(group.id()));
		assertThat(storeItem.path("kind").asString()).isEqualTo("STORE");
		assertThat(storeItem.path("location").asString()).isEqualTo("Rua Augusta 1");
		assertThat(storeItem.path("timezone").asString()).isEqualTo("Europe/Paris");
		assertThat(storeItem.path("currency").asString()).isEqualTo("EUR");
		assertThat(storeItem.path("locale").asString()).isEqualTo("pt-PT");
		assertThat(storeItem.path("licenseActive").asBoolean()).as("its own switch").isTrue();
	}

	@Test
	void headquartersUserSeesItsNodeAndEverythingBelowOnly() {
		MerchantNode group = this.data.group("group", null);
		MerchantNode hq = this.data.group("hq", group.id());
		MerchantNode region = this.data.group("region", hq.id());
		MerchantNode lisbon = this.data.eurStore(region.id());
		MerchantNode tokyo = this.data.store("tokyo", hq.id(), "Asia/Tokyo", "JPY", "ja-JP");
		MerchantNode sibling = this.data.eurStore(group.id());
		MerchantNode otherGroup = this.data.group("other", null);
		this.data.eurStore(otherGroup.id());

		WebSession user = WebSession.signIn(this.port, this.data.merchantUser(hq.id(), false), TestData.PASSWORD);
		Map<String, JsonNode> items = items(user);
		assertThat(items.keySet()).containsExactlyInAnyOrder(id(hq), id(region), id(lisbon), id(tokyo));
		assertThat(items.get(id(hq)).path("parentId").isNull())
			.as("the scope's root does not tell what lies above it").isTrue();
		assertThat(items.get(id(region)).path("parentId").asString()).isEqualTo(id(hq));
		assertThat(items.get(id(lisbon)).path("parentId").asString()).isEqualTo(id(region));
		assertThat(user.get("/api/v1/merchants").body()).doesNotContain(group.name(), sibling.name(), otherGroup.name());
	}

	@Test
	void storeUserSeesOnlyItsStore() {
		MerchantNode group = this.data.group("group", null);
		MerchantNode store = this.data.eurStore(group.id());
		this.data.eurStore(group.id());
		WebSession user = WebSession.signIn(this.port, this.data.merchantUser(store.id(), false), TestData.PASSWORD);
		assertThat(items(user).keySet()).containsExactly(id(store));
	}

	@Test
	void anonymousGets401() {
		var response = WebSession.anonymous(this.port).get("/api/v1/merchants");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
	}

	private static Map<String, JsonNode> items(WebSession session) {
		var response = session.get("/api/v1/merchants");
		assertThat(response.status()).isEqualTo(200);
		Map<String, JsonNode> items = new HashMap<>();
		response.json().path("items").forEach(item -> items.put(item.path("id").asString(), item));
		return items;
	}

	private static String id(MerchantNode node) {
		return String.valueOf(node.id());
	}

}
