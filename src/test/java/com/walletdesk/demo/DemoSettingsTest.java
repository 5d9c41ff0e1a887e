package com.walletdesk.demo;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSettingsTest {

	private static final String H2_FILE = "jdbc:h2:file:./data/walletdesk;MODE=PostgreSQL";

	private static final String POSTGRES = "jdbc:postgresql://db:5432/walletdesk";

	@Test
	void onByDefaultOnTheEmbeddedDatabaseOnly() {
		assertThat(DemoSettings.enabled(env(H2_FILE, null))).isTrue();
		assertThat(DemoSettings.enabled(env(POSTGRES, null))).isFalse();
		assertThat(DemoSettings.enabled(env(POSTGRES, " "))).isFalse();
	}

	@Test
	void thePropertyDecidesWhenSet() {
		assertThat(DemoSettings.enabled(env(POSTGRES, "true"))).isTrue();
		assertThat(DemoSettings.enabled(env(H2_FILE, "false"))).isFalse();
	}

	private static MockEnvironment env(String url, String enabled) {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", url);
		return enabled == null ? environment : environment.withProperty("walletdesk.demo.enabled", enabled);
	}

}
