package com.walletdesk.account;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first operator when none exists ({@code walletdesk.bootstrap.*}). Without a
 * configured password a random one is generated and printed once to the log.
 */
@Component
@Order(0)
class BootstrapOperator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapOperator.class);

	private final AccountService accounts;

	private final String username;

	private final String password;

	BootstrapOperator(AccountService accounts, @Value("${walletdesk.bootstrap.admin-username:admin}") String username,
			@Value("${walletdesk.bootstrap.admin-password:}") String password) {
		this.accounts = accounts;
		this.username = username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean generated = this.password.isBlank();
		String secret = generated ? randomPassword() : this.password;
		// a generated password is seen in a log: it must be changed at the first sign-in
		if (this.accounts.createOperatorIfNone(this.username, secret, generated)) {
			if (generated) {
				log.warn("Created the first operator '{}' with the generated password: {}  (shown once; change it)",
						this.username, secret);
			}
			else {
				log.info("Created the first operator '{}' with the configured password", this.username);
			}
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		// always holds a letter and a digit, whatever the random part
		return "Wd1" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
