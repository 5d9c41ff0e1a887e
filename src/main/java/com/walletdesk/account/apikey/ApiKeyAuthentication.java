package com.walletdesk.account.apikey;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request made with an API key: its name is {@code api-key:<id>} (what the audit trail shows)
 * and its only authority is {@code SCOPE_<purpose>}, e.g. {@code SCOPE_INGEST}.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final String keyId;

	ApiKeyAuthentication(ApiKeys.ApiKey key) {
		super(List.of(new SimpleGrantedAuthority("SCOPE_" + key.purpose())));
		this.keyId = String.valueOf(key.id());
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return getName();
	}

	@Override
	public String getName() {
		return "api-key:" + this.keyId;
	}

}
