package com.walletdesk.admin.web;

import java.util.Set;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.admin.Administration;
import com.walletdesk.merchant.MerchantService.MerchantChange;
import com.walletdesk.merchant.MerchantService.NewMerchant;
import com.walletdesk.merchant.MerchantSummary;
import com.walletdesk.web.RequestParams;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators create merchants and change them (license switch included). Operators only (SecurityConfig). */
@RestController
class AdminMerchantApiController {

	private static final Set<String> NEW_FIELDS = Set.of("kind", "name", "parentId", "location", "timezone", "currency",
			"locale");

	private static final Set<String> CHANGE_FIELDS = Set.of("name", "location", "timezone", "currency", "locale",
			"licenseActive");

	private final Administration administration;

	AdminMerchantApiController(Administration administration) {
		this.administration = administration;
	}

	@PostMapping("/api/v1/admin/merchants")
	@ResponseStatus(HttpStatus.CREATED)
	MerchantSummary create(CurrentUser operator, @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = NewMerchantBody.class))) @RequestBody JsonNode body) {
		JsonBody json = JsonBody.of(body, NEW_FIELDS);
		NewMerchant request = new NewMerchant(json.string("kind"), json.string("name"), json.id("parentId"),
				json.string("location"), json.string("timezone"), json.string("currency"), json.string("locale"));
		json.check();
		return this.administration.createMerchant(operator, request);
	}

	@PatchMapping("/api/v1/admin/merchants/{id}")
	MerchantSummary update(CurrentUser operator, @PathVariable String id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = MerchantChangeBody.class))) @RequestBody JsonNode body) {
		long merchantId = RequestParams.pathId(id, "Merchant");
		JsonBody json = JsonBody.of(body, CHANGE_FIELDS);
		MerchantChange change = new MerchantChange(json.string("name"), json.string("location"), json.string("timezone"),
				json.string("currency"), json.string("locale"), json.bool("licenseActive"));
		json.requireAny();
		return this.administration.updateMerchant(operator, merchantId, change);
	}

	/** The documented shape of a new merchant (the body is read field by field). */
	@Schema(name = "NewMerchant")
	record NewMerchantBody(@Schema(allowableValues = { "GROUP", "STORE" }, requiredMode = Schema.RequiredMode.REQUIRED) String kind,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
			@Schema(description = "the group above; required for a store") String parentId, String location,
			@Schema(example = "Europe/Paris", description = "required for a store") String timezone,
			@Schema(example = "EUR", description = "required for a store") String currency,
			@Schema(example = "pt-PT", description = "required for a store") String locale) {
	}

	/** The documented shape of a change: every field optional, at least one. */
	@Schema(name = "MerchantChange")
	record MerchantChangeBody(String name, String location, String timezone, String currency, String locale,
			@Schema(description = "false: no user at or below this node may sign in or call the API") Boolean licenseActive) {
	}

}
