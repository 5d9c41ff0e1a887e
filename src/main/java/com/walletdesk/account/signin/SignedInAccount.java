package com.walletdesk.account.signin;

import com.walletdesk.account.Account;
import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The principal kept in the (database-backed) session: the account id and name only. Rights
 * and scope are reloaded from the database on every request (see {@link CurrentUserFilter}).
 */
public class SignedInAccount extends User {

	private static final long serialVersionUID = 1L;

	private final long accountId;

	SignedInAccount(Account account) {
		// no password hash in the session: the principal is only who signed in
		super(account.username(), "", account.enabled(), true, true, true,
				List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
		this.accountId = account.id();
	}

	public long accountId() {
		return this.accountId;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
