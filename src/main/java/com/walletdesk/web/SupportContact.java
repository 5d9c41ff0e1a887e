package com.walletdesk.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's support desk as the Help page shows it, from {@code walletdesk.support.*}
 * (name, email, phone, hours). Any part left unset is simply not shown.
 */
@ConfigurationProperties("walletdesk.support")
public record SupportContact(String name, String email, String phone, String hours) {

	public boolean isEmpty() {
		return blank(this.name) && blank(this.email) && blank(this.phone) && blank(this.hours);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
