package com.walletdesk.wallet.config;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.walletdesk.secrets.SecretBox;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * The wallet configurations: checked, stored with their keys sealed, shown without them, and
 * opened for the adapters. The store's existence and the caller's role are the caller's to check
 * (the administration module does both, and audits).
 */
@Service
public class WalletConfigService {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
	};

	private final WalletConfigs configs;

	private final SecretBox box;

	private final Clock clock;

	/** Opened setups by row (store, method, time of the change): keys are parsed once per change. */
	private final Map<String, WalletSetup> opened = new ConcurrentHashMap<>();

	WalletConfigService(WalletConfigs configs, SecretBox box, Clock clock) {
		this.configs = configs;
		this.box = box;
		this.clock = clock;
	}

	/**
	 * Replaces the configuration of a store's method.
	 *
	 * @param fields the body's string members
	 * @param notText the body's members that are not strings
	 * @throws WalletConfigException when a field is wrong, or a live wallet is configured without
	 * {@code walletdesk.secrets.key}
	 */
	public WalletConfig configure(long storeId, String method, Map<String, String> fields, Set<String> notText,
			String by) {
		WalletConfigForm form = WalletConfigForm.check(method, fields, notText);
		if (form.provider().isLive() && !this.box.available()) {
			throw new WalletConfigException(WalletConfigException.SECRETS_KEY_MISSING,
					"A live wallet needs walletdesk.secrets.key (base64 of 32 bytes) to store its keys encrypted",
					Map.of());
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String sealed = form.provider().isLive()
				? this.box.seal(purpose(storeId, method), JSON.writeValueAsString(form.secrets())) : null;
		WalletConfigs.Row row = new WalletConfigs.Row(storeId, method, form.provider(),
				JSON.writeValueAsString(form.identifiers()), sealed, now);
		this.configs.save(row, by);
		return view(row);
	}

	/** A store's configurations, without keys. */
	public List<WalletConfig> ofStore(long storeId) {
		return this.configs.ofStore(storeId).stream().map(WalletConfigService::view).toList();
	}

	/** The configuration of a store's method with its credentials opened; empty when it has none. */
	public Optional<WalletSetup> setupOf(long storeId, String method) {
		return this.configs.find(storeId, method).map(this::open);
	}

	/** Every configuration of a provider, opened (the notification endpoints find theirs among them). */
	public List<WalletSetup> setupsOf(ProviderKind provider) {
		return this.configs.ofProvider(provider).stream().map(this::open).toList();
	}

	private WalletSetup open(WalletConfigs.Row row) {
		String cacheKey = row.storeId() + ":" + row.method();
		WalletSetup cached = this.opened.get(cacheKey);
		if (cached != null && cached.config().configuredAt().equals(row.configuredAt())
				&& cached.provider() == row.provider()) {
			return cached;
		}
		WalletSetup setup;
		if (!row.provider().isLive()) {
			setup = new WalletSetup(view(row), null);
		}
		else {
			Map<String, String> fields = new LinkedHashMap<>(JSON.readValue(row.identifiers(), MAP));
			fields.putAll(JSON.readValue(this.box.open(purpose(row.storeId(), row.method()), row.sealedSecrets()), MAP));
			fields.put("provider", row.provider().name());
			setup = new WalletSetup(view(row), WalletConfigForm.check(row.method(), fields, Set.of()).credentials());
		}
		this.opened.put(cacheKey, setup);
		return setup;
	}

	private static WalletConfig view(WalletConfigs.Row row) {
		return new WalletConfig(row.storeId(), row.method(), row.provider(), JSON.readValue(row.identifiers(), MAP),
				row.configuredAt());
	}

	/** The associated data of a row's sealed keys: keys moved to another row do not open. */
	private static String purpose(long storeId, String method) {
		return "wallet_config:" + storeId + ":" + method;
	}

}
