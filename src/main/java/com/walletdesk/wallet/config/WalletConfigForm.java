package com.walletdesk.wallet.config;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A configuration as sent, checked field by field (API.md): every problem is collected and
 * refused at once as {@code INVALID_WALLET_CONFIG} with the fields named. A field's message
 * never repeats its value (it may be a key).
 */
record WalletConfigForm(String method, ProviderKind provider, Map<String, String> identifiers,
		Map<String, String> secrets, Credentials credentials) {

	static final Set<String> METHODS = Set.of("WXP", "ALP");

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final List<String> WECHAT_IDS = List.of("mchId", "subMchId", "appId", "subAppId",
			"merchantSerialNo", "wechatPayPublicKeyId");

	private static final List<String> WECHAT_SECRETS = List.of("merchantPrivateKey", "apiV3Key", "wechatPayPublicKey");

	private static final List<String> ANTOM_IDS = List.of("clientId", "keyVersion");

	private static final List<String> ANTOM_SECRETS = List.of("merchantPrivateKey", "antomPublicKey");

	/**
	 * Checks a request.
	 *
	 * @param fields the body's members; a member that is not a string is passed as {@code null} key
	 * in {@code notText}
	 * @param notText members sent with a value that is not a string
	 */
	static WalletConfigForm check(String method, Map<String, String> fields, Set<String> notText) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (String name : notText) {
			errors.put(name, "must be a string");
		}
		if (method == null || !METHODS.contains(method)) {
			errors.put("method", "must be WXP or ALP");
		}
		ProviderKind provider = null;
		String providerName = fields.get("provider");
		if (providerName == null) {
			if (!notText.contains("provider")) {
				errors.put("provider", "is required: SANDBOX, WECHATPAY_GLOBAL or ANTOM");
			}
		}
		else {
			try {
				provider = ProviderKind.valueOf(providerName);
			}
			catch (IllegalArgumentException ex) {
				errors.put("provider", "must be SANDBOX, WECHATPAY_GLOBAL or ANTOM");
			}
		}
		if (provider == ProviderKind.WECHATPAY_GLOBAL && "ALP".equals(method)) {
			errors.put("provider", "WECHATPAY_GLOBAL refunds WeChat Pay (WXP) only");
		}
		List<String> ids = provider == ProviderKind.WECHATPAY_GLOBAL ? WECHAT_IDS
				: provider == ProviderKind.ANTOM ? ANTOM_IDS : List.of();
		List<String> secretNames = provider == ProviderKind.WECHATPAY_GLOBAL ? WECHAT_SECRETS
				: provider == ProviderKind.ANTOM ? ANTOM_SECRETS : List.of();
		if (provider != null) {
			for (String name : fields.keySet()) {
				if (!name.equals("provider") && !ids.contains(name) && !secretNames.contains(name)) {
					errors.put(name, "is not a field of " + provider);
				}
			}
		}
		Map<String, String> identifiers = new LinkedHashMap<>();
		for (String name : ids) {
			String value = fields.get(name);
			if (value == null) {
				continue;
			}
			if (!IDENTIFIER.matcher(value).matches()) {
				errors.put(name, "must be 1 to 64 letters, digits, '.', '_' or '-'");
			}
			else {
				identifiers.put(name, value);
			}
		}
		Map<String, String> secrets = new LinkedHashMap<>();
		for (String name : secretNames) {
			if (fields.get(name) != null) {
				secrets.put(name, fields.get(name));
			}
		}
		Credentials credentials = null;
		if (provider == ProviderKind.WECHATPAY_GLOBAL) {
			require(errors, fields, notText, "mchId", "merchantSerialNo", "wechatPayPublicKeyId", "merchantPrivateKey",
					"apiV3Key", "wechatPayPublicKey");
			if (fields.get("subAppId") != null && fields.get("subMchId") == null && !errors.containsKey("subAppId")) {
				errors.put("subAppId", "needs subMchId (institutional mode)");
			}
			Optional<PrivateKey> merchantKey = privateKey(errors, fields, "merchantPrivateKey");
			Optional<PublicKey> walletKey = publicKey(errors, fields, "wechatPayPublicKey");
			String apiV3Key = fields.get("apiV3Key");
			if (apiV3Key != null && (apiV3Key.length() != 32
					|| apiV3Key.getBytes(StandardCharsets.UTF_8).length != 32)) {
				errors.put("apiV3Key", "must be 32 characters (the API v3 key of the merchant portal)");
			}
			if (errors.isEmpty()) {
				credentials = new WechatPayCredentials(identifiers.get("mchId"), identifiers.get("subMchId"),
						identifiers.get("appId"), identifiers.get("subAppId"), identifiers.get("merchantSerialNo"),
						merchantKey.orElseThrow(), apiV3Key, walletKey.orElseThrow(),
						identifiers.get("wechatPayPublicKeyId"));
			}
		}
		else if (provider == ProviderKind.ANTOM) {
			require(errors, fields, notText, "clientId", "merchantPrivateKey", "antomPublicKey");
			String keyVersion = fields.get("keyVersion");
			if (keyVersion != null && !keyVersion.matches("\\d{1,9}")) {
				errors.put("keyVersion", "must be a number such as \"1\"");
			}
			Optional<PrivateKey> merchantKey = privateKey(errors, fields, "merchantPrivateKey");
			Optional<PublicKey> walletKey = publicKey(errors, fields, "antomPublicKey");
			if (errors.isEmpty()) {
				credentials = new AntomCredentials(identifiers.get("clientId"), merchantKey.orElseThrow(),
						walletKey.orElseThrow(), keyVersion == null ? "1" : keyVersion);
			}
		}
		if (!errors.isEmpty()) {
			throw new WalletConfigException(WalletConfigException.INVALID, "The wallet configuration is not valid",
					errors);
		}
		return new WalletConfigForm(method, provider, identifiers, secrets, credentials);
	}

	private static void require(Map<String, String> errors, Map<String, String> fields, Set<String> notText,
			String... names) {
		for (String name : names) {
			if (fields.get(name) == null && !notText.contains(name)) {
				errors.put(name, "is required");
			}
		}
	}

	private static Optional<PrivateKey> privateKey(Map<String, String> errors, Map<String, String> fields,
			String name) {
		String pem = fields.get(name);
		if (pem == null) {
			return Optional.empty();
		}
		Optional<PrivateKey> key = Pem.privateKey(pem);
		if (key.isEmpty()) {
			errors.put(name, "must be an RSA private key of at least 2048 bits, PKCS#8 PEM (BEGIN PRIVATE KEY)");
		}
		return key;
	}

	private static Optional<PublicKey> publicKey(Map<String, String> errors, Map<String, String> fields, String name) {
		String pem = fields.get(name);
		if (pem == null) {
			return Optional.empty();
		}
		Optional<PublicKey> key = Pem.publicKey(pem);
		if (key.isEmpty()) {
			errors.put(name, "must be an RSA public key of at least 2048 bits, PEM (BEGIN PUBLIC KEY)");
		}
		return key;
	}

}
