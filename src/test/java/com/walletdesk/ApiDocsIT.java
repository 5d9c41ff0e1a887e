package com.walletdesk;

import java.util.List;

import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** /v3/api-docs publishes the contract's endpoints, without server-side arguments posing as parameters. */
@IntegrationTest
class ApiDocsIT {

	@LocalServerPort
	int port;

	@Test
	void listsTheEndpoints() {
		var response = WebSession.anonymous(this.port).get("/v3/api-docs");
		assertThat(response.status()).isEqualTo(200);
		JsonNode paths = response.json().path("paths");
		assertThat(paths.path("/api/v1/merchants").has("get")).isTrue();
		assertThat(paths.path("/api/v1/admin/merchants").has("post")).isTrue();
		assertThat(paths.path("/api/v1/admin/merchants/{id}").has("patch")).isTrue();
		assertThat(paths.path("/api/v1/admin/users").has("post")).isTrue();
		assertThat(paths.path("/api/v1/admin/users/{id}").has("patch")).isTrue();
		assertThat(paths.path("/api/v1/ingest/transactions").has("post")).isTrue();
		assertThat(paths.path("/api/v1/stores/{storeId}/transactions").has("get")).isTrue();
		assertThat(paths.path("/api/v1/transactions").has("get")).isTrue();
		assertThat(paths.path("/api/v1/transactions/{id}").has("get")).isTrue();

		List<String> lookupParameters = paths.path("/api/v1/stores/{storeId}/transactions").path("get").path("parameters")
			.valueStream().map(p -> p.path("name").asString()).toList();
		assertThat(lookupParameters).containsExactlyInAnyOrder("storeId", "from", "to", "q", "limit", "cursor");
		assertThat(paths.path("/api/v1/merchants").path("get").path("parameters").isEmpty())
			.as("the caller's scope is not a parameter").isTrue();
		JsonNode ingest = paths.path("/api/v1/ingest/transactions").path("post");
		assertThat(ingest.path("parameters").isEmpty()).as("the caller's Authentication is not a parameter").isTrue();
		assertThat(ingest.path("responses").has("201")).isTrue();
		assertThat(response.json().path("components").path("schemas").has("IngestTransaction")).isTrue();
		assertThat(response.json().path("components").path("schemas").path("IngestTransaction").path("properties")
			.has("parentId")).isTrue();
		assertThat(paths.path("/api/v1/admin/merchants").path("post").path("responses").has("201")).isTrue();
		JsonNode wallet = paths.path("/api/v1/admin/stores/{storeId}/wallets/{method}").path("put");
		assertThat(wallet.path("responses").propertyNames()).contains("200", "404", "422");
		assertThat(paths.path("/api/v1/admin/stores/{storeId}/wallets").has("get")).isTrue();
		assertThat(response.json().path("components").path("schemas").path("WalletConfig").path("properties")
			.has("apiV3Key")).as("no key in the answer").isFalse();
	}

}
