package com.walletdesk.demo;

import java.util.List;

/**
 * The demo sign-ins: fixed, documented in the README and printed at start. Passwords follow
 * the password policy (12+ characters, letters and digits, not containing the username).
 */
record DemoAccount(String role, String username, String password) {

	static final DemoAccount OPERATOR = new DemoAccount("operator (administration, sees everything)", "demo.operator",
			"Walletdesk-Operator-2026");

	static final DemoAccount HEADQUARTERS = new DemoAccount("Lusitano headquarters, may refund", "lusitano.hq",
			"Lisboa-Refunds-2026");

	static final DemoAccount STORE = new DemoAccount("Lusitano Chiado store staff, no refunds", "chiado.staff",
			"Chiado-Staff-2026");

	static final DemoAccount TOKYO = new DemoAccount("Sakura Trading (JPY, Asia/Tokyo), may refund", "sakura.hq",
			"Tokyo-Ginza-2026");

	static final DemoAccount UNLICENSED = new DemoAccount("Thames Gifts, dashboard license off", "thames.manager",
			"London-Bridge-2026");

	static final List<DemoAccount> ALL = List.of(OPERATOR, HEADQUARTERS, STORE, TOKYO, UNLICENSED);

}
