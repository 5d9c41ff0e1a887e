package com.walletdesk.account.signin;

import com.walletdesk.account.Account;
import com.walletdesk.account.Accounts;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

import com.walletdesk.audit.AuditService;
import com.walletdesk.merchant.MerchantService;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The password step of signing in. Every refusal looks the same from outside (one exception,
 * so one redirect to {@code /login?error}) and takes the same time: the password is checked
 * against the account's hash, or against a dummy hash of the same cost when the username is
 * unknown, before anything is decided. A locked account fails even with the right password.
 * Only after the right password may a merchant be told that its license is inactive.
 */
@Component
public class PasswordSignIn implements AuthenticationProvider {

	private final Accounts accounts;

	private final PasswordEncoder encoder;

	private final LockOut lockOut;

	private final MerchantService merchants;

	private final AuditService audit;

	private final String dummyHash;

	PasswordSignIn(Accounts accounts, PasswordEncoder encoder, LockOut lockOut, MerchantService merchants,
			AuditService audit) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.lockOut = lockOut;
		this.merchants = merchants;
		this.audit = audit;
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		this.dummyHash = encoder.encode(Base64.getEncoder().encodeToString(random));
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName() == null ? ""
				: authentication.getName().strip().toLowerCase(Locale.ROOT);
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		Account account = this.accounts.findByUsername(username).orElse(null);
		if (account == null) {
			this.encoder.matches(password, this.dummyHash); // the same work as for a known account
			throw refused(username, "UNKNOWN_ACCOUNT");
		}
		boolean matches = this.encoder.matches(password, account.passwordHash());
		if (this.lockOut.isLocked(account)) {
			throw refused(username, "LOCKED");
		}
		if (!matches) {
			this.lockOut.failed(account, "sign-in");
			throw refused(username, "BAD_PASSWORD");
		}
		if (!account.enabled()) {
			throw refused(username, "DISABLED");
		}
		// the password was right, so saying why leaks nothing: a license off on its node or above
		if (!account.isOperator() && !this.merchants.licenseActive(account.scopeId())) {
			this.audit.record(AuditService.SIGN_IN_FAILED, "LICENSE_INACTIVE", username, "account", null);
			throw new LicenseInactiveException();
		}
		SignedInAccount principal = new SignedInAccount(account);
		this.lockOut.succeeded(account);
		this.lockOut.signedIn(account);
		this.audit.record(AuditService.SIGN_IN, "SUCCESS", username, "account", "password accepted");
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private BadCredentialsException refused(String username, String reason) {
		this.audit.record(AuditService.SIGN_IN_FAILED, reason, username, "account", null);
		return new BadCredentialsException("Bad credentials");
	}

}
