package com.walletdesk.demo;

import org.springframework.core.env.Environment;

/**
 * Whether to load the demo data: {@code walletdesk.demo.enabled} when set; otherwise only on
 * the embedded H2 database (a first start with {@code mvn spring-boot:run}), never by default
 * on PostgreSQL, where a real installation lives.
 */
final class DemoSettings {

	static final String ENABLED = "walletdesk.demo.enabled";

	private DemoSettings() {
	}

	static boolean enabled(Environment environment) {
		String configured = environment.getProperty(ENABLED);
		if (configured != null && !configured.isBlank()) {
			return Boolean.parseBoolean(configured.strip());
		}
		String url = environment.getProperty("spring.datasource.url");
		return url == null || url.startsWith("jdbc:h2:");
	}

}
