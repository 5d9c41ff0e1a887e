package com.walletdesk.wallet.config;

import java.time.Instant;
import java.util.Map;

/**
 * A store/method's wallet configuration as the API shows it: the identifiers, never a key.
 *
 * @param identifiers the provider's non-secret fields ({@code mchId}, {@code clientId}...) as sent
 */
public record WalletConfig(long storeId, String method, ProviderKind provider, Map<String, String> identifiers,
		Instant configuredAt) {

	public WalletConfig {
		identifiers = Map.copyOf(identifiers);
	}

}
