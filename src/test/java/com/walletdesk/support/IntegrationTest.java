package com.walletdesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, on the database of this test JVM (H2 or
 * PostgreSQL), with a settable clock and the test-data helpers. All integration tests share
 * one configuration, so Spring starts one context per database run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DatabaseSelection.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "walletdesk.demo.enabled=false", "walletdesk.bootstrap.admin-username=admin",
				"walletdesk.bootstrap.admin-password=" + IntegrationTest.ADMIN_PASSWORD,
				"logging.level.com.walletdesk=INFO",
				// a test key for the sealed secrets (wallet keys, TOTP secrets): base64 of 32 bytes
				"walletdesk.secrets.key=" + IntegrationTest.SECRETS_KEY,
				// the tests run the refund reconciler themselves, at the moments they choose
				"walletdesk.refund.reconcile.enabled=false" })
@ContextConfiguration(initializers = { TestDatabaseInitializer.class, FakeWalletsInitializer.class })
@Import(TestSupportConfig.class)
public @interface IntegrationTest {

	String ADMIN_PASSWORD = "Operator-Passw0rd-2026";

	String SECRETS_KEY = "dGVzdC1zZWNyZXRzLWtleS0zMi1ieXRlcy1sb25nISE=";

}
