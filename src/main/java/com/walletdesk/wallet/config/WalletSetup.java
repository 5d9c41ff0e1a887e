package com.walletdesk.wallet.config;

/**
 * A stored configuration with its credentials opened, for the adapters.
 *
 * @param credentials null for the sandbox
 */
public record WalletSetup(WalletConfig config, Credentials credentials) {

	public ProviderKind provider() {
		return this.config.provider();
	}

}
