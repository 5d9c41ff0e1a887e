package com.walletdesk.account;

import com.walletdesk.merchant.MerchantService;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.stereotype.Component;

/**
 * Runs after the password matched: a merchant whose license (on its node or any node above)
 * is off may not sign in, and is told why (the password was right, so nothing leaks).
 */
@Component
class MerchantLicenseCheck implements UserDetailsChecker {

	private final Accounts accounts;

	private final MerchantService merchants;

	MerchantLicenseCheck(Accounts accounts, MerchantService merchants) {
		this.accounts = accounts;
		this.merchants = merchants;
	}

	@Override
	public void check(UserDetails user) {
		if (!(user instanceof SignedInAccount signedIn)) {
			return;
		}
		Account account = this.accounts.findById(signedIn.accountId()).orElseThrow(LicenseInactiveException::new);
		if (!account.isOperator() && !this.merchants.licenseActive(account.scopeId())) {
			throw new LicenseInactiveException();
		}
	}

}
