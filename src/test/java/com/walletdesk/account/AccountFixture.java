package com.walletdesk.account;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the account tests share (each IT extends this): the running application, its accounts
 * and database, the clock (reset after every test), a fresh merchant user and the operator.
 */
public abstract class AccountFixture {

	@LocalServerPort
	protected int port;

	@Autowired
	protected TestData data;

	@Autowired
	protected AccountService accounts;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MutableClock clock;

	@AfterEach
	void resetTheClock() {
		this.clock.reset();
	}

	/** A new merchant user over a new group, without the refund privilege (password {@link TestData#PASSWORD}). */
	protected String merchantUser() {
		MerchantNode group = this.data.group("group", null);
		return this.data.merchantUser(group.id(), false);
	}

	/** The bootstrap operator, signed in. */
	protected WebSession admin() {
		return WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
	}

}
