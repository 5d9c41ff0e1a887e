package com.walletdesk.wallet.config;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.walletdesk.secrets.SecretBox;
import com.walletdesk.support.TestKeys;
import com.walletdesk.support.TestWallets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What a configuration must hold, per provider; every fault named at once; no key without the secrets key. */
class WalletConfigFormTest {

	static Map<String, String> wechat() {
		Map<String, String> fields = new HashMap<>();
		fields.put("provider", "WECHATPAY_GLOBAL");
		fields.put("mchId", "1900000109");
		fields.put("merchantSerialNo", TestWallets.MERCHANT_SERIAL);
		fields.put("merchantPrivateKey", TestKeys.privatePem(TestKeys.merchant()));
		fields.put("apiV3Key", TestWallets.API_V3_KEY);
		fields.put("wechatPayPublicKey", TestKeys.publicPem(TestKeys.wallet()));
		fields.put("wechatPayPublicKeyId", TestWallets.WECHAT_PUBLIC_KEY_ID);
		return fields;
	}

	@Test
	void aCompleteWechatPayConfigurationParses() {
		WalletConfigForm form = WalletConfigForm.check("WXP", wechat(), Set.of());
		WechatPayCredentials credentials = (WechatPayCredentials) form.credentials();
		assertThat(credentials.mchId()).isEqualTo("1900000109");
		assertThat(credentials.merchantPrivateKey()).isEqualTo(TestKeys.merchant().getPrivate());
		assertThat(credentials.wechatPayPublicKey()).isEqualTo(TestKeys.wallet().getPublic());
		assertThat(form.identifiers()).containsOnlyKeys("mchId", "merchantSerialNo", "wechatPayPublicKeyId");
		assertThat(credentials.toString()).doesNotContain(TestWallets.API_V3_KEY);
	}

	@Test
	void keysThatDoNotParseAndAShortApiV3KeyAreNamed() {
		Map<String, String> fields = wechat();
		fields.put("merchantPrivateKey", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----");
		fields.put("wechatPayPublicKey", TestKeys.privatePem(TestKeys.wallet()));
		fields.put("apiV3Key", TestWallets.API_V3_KEY.substring(1));
		WalletConfigException ex = catchThrowableOfType(WalletConfigException.class,
				() -> WalletConfigForm.check("WXP", fields, Set.of()));
		assertThat(ex.code()).isEqualTo("INVALID_WALLET_CONFIG");
		assertThat(ex.fields()).containsOnlyKeys("merchantPrivateKey", "wechatPayPublicKey", "apiV3Key");
		assertThat(ex.fields().values()).noneMatch(message -> message.contains(TestWallets.API_V3_KEY.substring(1)));
	}

	@Test
	void aWeakKeyIsRefused() throws Exception {
		var generator = java.security.KeyPairGenerator.getInstance("RSA");
		generator.initialize(1024);
		Map<String, String> fields = wechat();
		fields.put("merchantPrivateKey", TestKeys.privatePem(generator.generateKeyPair()));
		WalletConfigException ex = catchThrowableOfType(WalletConfigException.class,
				() -> WalletConfigForm.check("WXP", fields, Set.of()));
		assertThat(ex.fields()).containsOnlyKeys("merchantPrivateKey");
	}

	@Test
	void missingFieldsUnknownFieldsAndTheMethodAreNamed() {
		Map<String, String> fields = new HashMap<>(Map.of("provider", "WECHATPAY_GLOBAL", "clientId", "x"));
		WalletConfigException ex = catchThrowableOfType(WalletConfigException.class,
				() -> WalletConfigForm.check("XYZ", fields, Set.of("mchId")));
		assertThat(ex.fields()).containsKeys("method", "clientId", "mchId", "merchantSerialNo", "apiV3Key",
				"merchantPrivateKey", "wechatPayPublicKey", "wechatPayPublicKeyId");
		assertThat(ex.fields().get("mchId")).isEqualTo("must be a string");
	}

	@Test
	void wechatPayIsForWechatPayOnlyAndTheProviderMustBeKnown() {
		assertThat(catchThrowableOfType(WalletConfigException.class,
				() -> WalletConfigForm.check("ALP", wechat(), Set.of())).fields()).containsKey("provider");
		assertThat(catchThrowableOfType(WalletConfigException.class,
				() -> WalletConfigForm.check("ALP", Map.of("provider", "PAYPAL"), Set.of())).fields())
			.containsKey("provider");
	}

	@Test
	void antomAndSandbox() {
		Map<String, String> antom = Map.of("provider", "ANTOM", "clientId", "SANDBOX_5YBX2N2ZAK5K0", "merchantPrivateKey",
				TestKeys.privatePem(TestKeys.merchant()), "antomPublicKey", TestKeys.publicPem(TestKeys.wallet()));
		AntomCredentials credentials = (AntomCredentials) WalletConfigForm.check("ALP", antom, Set.of()).credentials();
		assertThat(credentials.keyVersion()).isEqualTo("1");
		assertThat(WalletConfigForm.check("WXP", Map.of("provider", "SANDBOX"), Set.of()).credentials()).isNull();
		assertThat(catchThrowableOfType(WalletConfigException.class,
				() -> WalletConfigForm.check("WXP", Map.of("provider", "SANDBOX", "mchId", "1"), Set.of())).fields())
			.containsKey("mchId");
	}

	@Test
	void aLiveWalletWithoutTheSecretsKeyIsRefused() {
		WalletConfigService service = new WalletConfigService(null, new SecretBox(""), Clock.systemUTC());
		WalletConfigException ex = catchThrowableOfType(WalletConfigException.class,
				() -> service.configure(7, "WXP", wechat(), Set.of(), "op"));
		assertThat(ex.code()).isEqualTo("SECRETS_KEY_MISSING");
	}

}
