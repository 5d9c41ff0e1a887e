package com.walletdesk.account.signin;

import org.springframework.security.authentication.AccountStatusException;

/** Raised after a correct password when the merchant's dashboard license is off. */
public class LicenseInactiveException extends AccountStatusException {

	LicenseInactiveException() {
		super("The dashboard license is not active");
	}

}
