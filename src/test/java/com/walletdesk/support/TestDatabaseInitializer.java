package com.walletdesk.support;

import java.util.HashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points each test context at its database: a fresh in-memory H2, or the shared PostgreSQL test
 * database, emptied once per JVM (so each run starts from the migrations alone).
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static boolean postgresCleaned;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new HashMap<>();
		if (TestDatabase.isPostgres()) {
			cleanPostgresOnce();
			properties.put("spring.datasource.url", TestDatabase.postgresUrl());
			properties.put("spring.datasource.username", TestDatabase.postgresUser());
			properties.put("spring.datasource.password", TestDatabase.postgresPassword());
		}
		else {
			properties.put("spring.datasource.url", TestDatabase.newH2Url());
			properties.put("spring.datasource.username", "sa");
			properties.put("spring.datasource.password", "");
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("walletdesk-test-db", properties));
	}

	private static synchronized void cleanPostgresOnce() {
		if (postgresCleaned) {
			return;
		}
		Flyway.configure()
			.dataSource(TestDatabase.postgresUrl(), TestDatabase.postgresUser(), TestDatabase.postgresPassword())
			.cleanDisabled(false)
			.load()
			.clean();
		postgresCleaned = true;
	}

}
