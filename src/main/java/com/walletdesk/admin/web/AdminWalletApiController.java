package com.walletdesk.admin.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.admin.Administration;
import com.walletdesk.wallet.config.WalletConfig;
import com.walletdesk.web.ProblemException;
import com.walletdesk.web.RequestParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators connect a store's method to a wallet (API.md "Wallet providers"). Operators only (SecurityConfig). */
@RestController
class AdminWalletApiController {

	private final Administration administration;

	AdminWalletApiController(Administration administration) {
		this.administration = administration;
	}

	@PutMapping("/api/v1/admin/stores/{storeId}/wallets/{method}")
	@Operation(summary = "Connect a store's payment method (WXP or ALP) to a wallet",
			description = "Keys are stored encrypted and never returned. Refusals: 404 unknown store, "
					+ "422 INVALID_WALLET_CONFIG (with fields), SECRETS_KEY_MISSING.",
			responses = {
					@ApiResponse(responseCode = "200", description = "The configuration, without any key",
							content = @Content(schema = @Schema(implementation = WalletConfigJson.class))),
					@ApiResponse(responseCode = "400", description = "Not a JSON object",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "403", description = "Not an operator",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "404", description = "Unknown store",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "422", description = "Invalid configuration, or no secrets key",
							content = @Content(mediaType = "application/problem+json")) })
	WalletConfigJson configure(CurrentUser operator, @PathVariable String storeId, @PathVariable String method,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = WalletConfigBody.class))) @RequestBody JsonNode body) {
		long store = RequestParams.pathId(storeId, "Store");
		if (body == null || !body.isObject()) {
			throw ProblemException.badRequest("MALFORMED_REQUEST", "The request body must be a JSON object");
		}
		Map<String, String> fields = new LinkedHashMap<>();
		Set<String> notText = new LinkedHashSet<>();
		for (String name : body.propertyNames()) {
			JsonNode value = body.get(name);
			if (value.isString()) {
				fields.put(name, value.stringValue());
			}
			else if (!value.isNull()) {
				notText.add(name);
			}
		}
		return WalletConfigJson.of(this.administration.configureWallet(operator, store, method, fields, notText));
	}

	@GetMapping("/api/v1/admin/stores/{storeId}/wallets")
	@Operation(summary = "A store's wallet configurations, without keys",
			responses = {
					@ApiResponse(responseCode = "200", description = "The configurations"),
					@ApiResponse(responseCode = "403", description = "Not an operator",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "404", description = "Unknown store",
							content = @Content(mediaType = "application/problem+json")) })
	WalletConfigList list(@PathVariable String storeId) {
		long store = RequestParams.pathId(storeId, "Store");
		return new WalletConfigList(this.administration.walletsOf(store).stream().map(WalletConfigJson::of).toList());
	}

	record WalletConfigList(List<WalletConfigJson> items) {
	}

	/** A configuration as the API shows it: the identifiers flattened beside storeId, method, provider. */
	@Schema(name = "WalletConfig")
	record WalletConfigJson(String storeId, String method, String provider, String mchId, String subMchId,
			String appId, String subAppId, String merchantSerialNo, String wechatPayPublicKeyId, String clientId,
			String keyVersion, Instant configuredAt) {

		static WalletConfigJson of(WalletConfig config) {
			Map<String, String> ids = config.identifiers();
			return new WalletConfigJson(String.valueOf(config.storeId()), config.method(), config.provider().name(),
					ids.get("mchId"), ids.get("subMchId"), ids.get("appId"), ids.get("subAppId"),
					ids.get("merchantSerialNo"), ids.get("wechatPayPublicKeyId"), ids.get("clientId"),
					ids.get("keyVersion"), config.configuredAt());
		}

	}

	/** The documented shape of a configuration (the body is read field by field, per provider). */
	@Schema(name = "WalletConfigRequest")
	record WalletConfigBody(
			@Schema(allowableValues = { "SANDBOX", "WECHATPAY_GLOBAL", "ANTOM" },
					requiredMode = Schema.RequiredMode.REQUIRED) String provider,
			@Schema(description = "WECHATPAY_GLOBAL") String mchId,
			@Schema(description = "WECHATPAY_GLOBAL, institutional mode") String subMchId,
			@Schema(description = "WECHATPAY_GLOBAL") String appId,
			@Schema(description = "WECHATPAY_GLOBAL, institutional mode") String subAppId,
			@Schema(description = "WECHATPAY_GLOBAL: the merchant API certificate's serial number") String merchantSerialNo,
			@Schema(description = "WECHATPAY_GLOBAL and ANTOM: PKCS#8 PEM") String merchantPrivateKey,
			@Schema(description = "WECHATPAY_GLOBAL: 32 characters") String apiV3Key,
			@Schema(description = "WECHATPAY_GLOBAL: PEM") String wechatPayPublicKey,
			@Schema(description = "WECHATPAY_GLOBAL") String wechatPayPublicKeyId,
			@Schema(description = "ANTOM") String clientId,
			@Schema(description = "ANTOM: PEM") String antomPublicKey,
			@Schema(description = "ANTOM, default 1") String keyVersion) {
	}

}
