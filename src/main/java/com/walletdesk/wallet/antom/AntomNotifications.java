package com.walletdesk.wallet.antom;

import java.util.Optional;

import com.walletdesk.wallet.WalletAnswer;
import com.walletdesk.wallet.WalletNotice;
import com.walletdesk.wallet.config.AntomCredentials;
import com.walletdesk.wallet.config.ProviderKind;
import com.walletdesk.wallet.config.WalletConfigService;
import com.walletdesk.wallet.config.WalletSetup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Reads an Antom {@code REFUND_RESULT} notification, verified against the raw body with Antom's public key. */
@Component
public class AntomNotifications {

	public static final String PATH = "/api/v1/wallets/antom/notify";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WalletConfigService configs;

	AntomNotifications(WalletConfigService configs) {
		this.configs = configs;
	}

	/** The notice, or empty when no configuration verifies it or it is not a refund result (answer 401). */
	public Optional<WalletNotice> read(String clientId, String requestTime, String signature, String rawBody) {
		java.util.Set<Long> stores = new java.util.TreeSet<>();
		WalletNotice found = null;
		for (WalletSetup setup : this.configs.setupsOf(ProviderKind.ANTOM)) {
			AntomCredentials credentials = (AntomCredentials) setup.credentials();
			if (!AntomSigning.verified(credentials, PATH, clientId, requestTime, signature, rawBody)) {
				continue;
			}
			JsonNode body;
			try {
				body = JSON.readTree(rawBody);
			}
			catch (RuntimeException ex) {
				return Optional.empty();
			}
			String key = body.path("refundRequestId").asString("");
			if (!"REFUND_RESULT".equals(body.path("notifyType").asString("")) || key.isEmpty()) {
				return Optional.empty();
			}
			String refundId = body.path("refundId").asString(null);
			WalletAnswer answer = switch (body.path("refundStatus").asString("")) {
				case "SUCCESS" -> WalletAnswer.succeeded(refundId);
				case "FAIL" -> WalletAnswer.declined(refundId,
						"FAIL: " + body.path("result").path("resultMessage").asString("Antom did not refund"));
				default -> WalletAnswer.unknown("PROCESSING");
			};
			stores.add(setup.config().storeId());
			found = new WalletNotice(stores, key, answer);
		}
		return found == null ? Optional.empty()
				: Optional.of(new WalletNotice(java.util.Set.copyOf(stores), found.refundKey(), found.answer()));
	}

}
