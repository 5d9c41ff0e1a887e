package com.walletdesk.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountUserDetailsService implements UserDetailsService {

	private final Accounts accounts;

	AccountUserDetailsService(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		String key = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
		return this.accounts.findByUsername(key)
			.map(SignedInAccount::new)
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}

}
