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

	@Bean
	TestData testData(JdbcClient jdbc, org.springframework.security.crypto.password.PasswordEncoder encoder) {
		return new TestData(jdbc, encoder);
	}

}
