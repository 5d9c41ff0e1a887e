package com.walletdesk.wallet.config;

import java.util.Map;

/**
 * A configuration refused: {@code INVALID_WALLET_CONFIG} (with the fields at fault) or
 * {@code SECRETS_KEY_MISSING}. Both are 422 at the API. The message never carries a key.
 */
public class WalletConfigException extends RuntimeException {

	public static final String INVALID = "INVALID_WALLET_CONFIG";

	public static final String SECRETS_KEY_MISSING = "SECRETS_KEY_MISSING";

	private final String code;

	private final Map<String, String> fields;

	WalletConfigException(String code, String message, Map<String, String> fields) {
		super(message, null, false, false);
		this.code = code;
		this.fields = Map.copyOf(fields);
	}

	public String code() {
		return this.code;
	}

	public Map<String, String> fields() {
		return this.fields;
	}

}
