package com.walletdesk.wallet.wechatpay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.walletdesk.wallet.WalletNotice;
import com.walletdesk.wallet.config.ProviderKind;
import com.walletdesk.wallet.config.WalletConfigService;
import com.walletdesk.wallet.config.WalletSetup;
import com.walletdesk.wallet.config.WechatPayCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads a WeChat Pay refund notification (API.md): verified like an answer against the RAW body
 * (serial, 5-minute window, signature), then its {@code resource} decrypted
 * ({@code AEAD_AES_256_GCM} with the API v3 key) by the configuration it verifies with.
 */
@Component
public class WechatPayNotifications {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WalletConfigService configs;

	private final Clock clock;

	WechatPayNotifications(WalletConfigService configs, Clock clock) {
		this.configs = configs;
		this.clock = clock;
	}

	/** The notice, or empty when no configuration verifies and decrypts it (answer 401). */
	public Optional<WalletNotice> read(String serial, String timestamp, String nonce, String signature, String rawBody) {
		java.util.Set<Long> stores = new java.util.TreeSet<>();
		WalletNotice found = null;
		for (WalletSetup setup : this.configs.setupsOf(ProviderKind.WECHATPAY_GLOBAL)) {
			WechatPayCredentials credentials = (WechatPayCredentials) setup.credentials();
			if (!WechatPaySigning.verified(credentials, serial, timestamp, nonce, signature, rawBody,
					this.clock.instant())) {
				continue;
			}
			Optional<JsonNode> refund = decrypt(credentials.apiV3Key(), rawBody);
			if (refund.isEmpty()) {
				continue;
			}
			JsonNode resource = refund.get();
			String mchid = resource.path("sub_mchid").asString(resource.path("mchid").asString(""));
			String expected = credentials.institutional() ? credentials.subMchId() : credentials.mchId();
			String outRefundNo = resource.path("out_refund_no").asString("");
			if (!mchid.equals(expected) || outRefundNo.isEmpty()) {
				continue;
			}
			stores.add(setup.config().storeId());
			found = new WalletNotice(stores, outRefundNo, RefundOutcome.of(resource.path("refund_status").asString(""),
					resource.path("refund_id").asString(null)));
		}
		return found == null ? Optional.empty()
				: Optional.of(new WalletNotice(java.util.Set.copyOf(stores), found.refundKey(), found.answer()));
	}

	/** The decrypted {@code resource} of a notification body, or empty when it does not decrypt. */
	static Optional<JsonNode> decrypt(String apiV3Key, String rawBody) {
		try {
			JsonNode resource = JSON.readTree(rawBody).path("resource");
			if (!"AEAD_AES_256_GCM".equals(resource.path("algorithm").asString(""))) {
				return Optional.empty();
			}
			byte[] nonce = resource.path("nonce").asString("").getBytes(StandardCharsets.UTF_8);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
					new GCMParameterSpec(128, nonce));
			cipher.updateAAD(resource.path("associated_data").asString("").getBytes(StandardCharsets.UTF_8));
			byte[] clear = cipher.doFinal(Base64.getDecoder().decode(resource.path("ciphertext").asString("")));
			return Optional.of(JSON.readTree(new String(clear, StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			return Optional.empty();
		}
	}

}
