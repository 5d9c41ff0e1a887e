package com.walletdesk.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfig {

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock();
	}

	/** Lets {@link WebSession#signIn} complete the MFA step with the application's database and clock. */
	@Bean
	Object testMfaInstaller(JdbcClient jdbc, MutableClock clock, com.walletdesk.secrets.SecretBox secrets) {
		TestMfa.install(jdbc, clock, secrets);
		return new Object();
	}

	@Bean
	TestData testData(JdbcClient jdbc, org.springframework.security.crypto.password.PasswordEncoder encoder) {
		return new TestData(jdbc, encoder);
	}

}
