package com.walletdesk.account;

import org.springframework.security.authentication.AccountStatusException;

/** Raised after a correct password when the merchant's dashboard license is off. */
class LicenseInactiveException extends AccountStatusException {

	LicenseInactiveException() {
		super("The dashboard license is not active");
	}

}
