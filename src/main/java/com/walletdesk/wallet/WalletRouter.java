package com.walletdesk.wallet;

import java.util.EnumMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.walletdesk.wallet.config.ProviderKind;
import com.walletdesk.wallet.config.WalletConfigService;
import com.walletdesk.wallet.config.WalletSetup;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which wallet a refund goes to: the store/method's configuration, else the default provider
 * ({@code walletdesk.wallet.provider}: the {@link WalletProvider} bean, the sandbox unless
 * configured otherwise). A store configured {@code SANDBOX} uses that bean too. With no wallet
 * for a refund (a live default and no configuration) the refund is declined: nothing was sent.
 */
@Component
class WalletRouter {

	private final WalletConfigService configs;

	private final ObjectProvider<WalletProvider> defaultProvider;

	private final Map<ProviderKind, LiveWallet> live = new EnumMap<>(ProviderKind.class);

	private final String defaultProviderName;

	WalletRouter(WalletConfigService configs, ObjectProvider<WalletProvider> defaultProvider, List<LiveWallet> live,
			@Value("${walletdesk.wallet.provider:sandbox}") String defaultProviderName) {
		this.configs = configs;
		this.defaultProviderName = defaultProviderName.toUpperCase(Locale.ROOT);
		this.defaultProvider = defaultProvider;
		live.forEach(wallet -> this.live.put(wallet.kind(), wallet));
	}

	/** The provider for one refund, bound to its store's configuration. */
	WalletProvider route(long storeId, String method) {
		Optional<WalletSetup> setup = method == null ? Optional.empty() : this.configs.setupOf(storeId, method);
		if (setup.isPresent() && setup.get().provider().isLive()) {
			LiveWallet wallet = this.live.get(setup.get().provider());
			if (wallet != null) {
				WalletSetup bound = setup.get();
				return new WalletProvider() {
					@Override
					public WalletAnswer refund(RefundOrder order) {
						return wallet.refund(order, bound);
					}

					@Override
					public WalletAnswer queryRefund(RefundOrder order) {
						return wallet.queryRefund(order, bound);
					}
				};
			}
		}
		WalletProvider fallback = this.defaultProvider.getIfAvailable();
		return fallback != null ? fallback : NONE;
	}

	/**
	 * The name of the wallet a store/method's refunds go to now (its configuration's provider, else
	 * the default one); read from the configuration without unsealing any key.
	 */
	String providerName(long storeId, String method) {
		return this.configs.ofStore(storeId)
			.stream()
			.filter(config -> config.method().equals(method))
			.findFirst()
			.map(config -> config.provider().name())
			.orElse(this.defaultProviderName);
	}

	/** Why the store/method's wallet cannot refund this charge at all, if so (e.g. Antom without a paymentId). */
	Optional<String> refusal(long storeId, String method, String vendorReference) {
		return (method == null ? Optional.<WalletSetup>empty() : this.configs.setupOf(storeId, method))
			.filter(setup -> setup.provider().isLive())
			.map(setup -> this.live.get(setup.provider()))
			.flatMap(wallet -> wallet.refusal(vendorReference));
	}

	private static final WalletProvider NONE = new WalletProvider() {
		@Override
		public WalletAnswer refund(RefundOrder order) {
			return WalletAnswer.declined(null, "No wallet is configured for this store and payment method");
		}

		@Override
		public WalletAnswer queryRefund(RefundOrder order) {
			return WalletAnswer.notFound();
		}
	};

}
