package com.walletdesk.wallet;

import java.util.Optional;

import com.walletdesk.wallet.config.ProviderKind;
import com.walletdesk.wallet.config.WalletSetup;

/**
 * A real wallet's adapter: like {@link WalletProvider}, with the store's configuration (its
 * merchant IDs and keys) for each call. {@link WalletRouter} picks one per store and method.
 * Adapters may block and throw; {@link WalletService} bounds them.
 */
public interface LiveWallet {

	ProviderKind kind();

	WalletAnswer refund(RefundOrder order, WalletSetup setup);

	WalletAnswer queryRefund(RefundOrder order, WalletSetup setup);

	/** Why this wallet cannot take a refund of the charge at all (before anything is reserved), if so. */
	default Optional<String> refusal(String vendorReference) {
		return Optional.empty();
	}

}
