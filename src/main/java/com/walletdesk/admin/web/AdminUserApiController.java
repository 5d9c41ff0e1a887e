package com.walletdesk.admin.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Set;

import com.walletdesk.account.AccountService;
import com.walletdesk.account.UserDirectory;
import com.walletdesk.account.AccountService.AccountChange;
import com.walletdesk.account.AccountService.AccountSummary;
import com.walletdesk.account.AccountService.NewAccount;
import com.walletdesk.account.CurrentUser;
import com.walletdesk.admin.Administration;
import com.walletdesk.web.RequestParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators create users, grant or take the refund privilege, disable them, reset passwords. */
@RestController
class AdminUserApiController {

	private static final Set<String> NEW_FIELDS = Set.of("username", "password", "role", "scopeId", "canRefund");

	private static final Set<String> CHANGE_FIELDS = Set.of("canRefund", "enabled", "password");

	private final Administration administration;

	AdminUserApiController(Administration administration) {
		this.administration = administration;
	}

	@GetMapping("/api/v1/admin/users")
	@Operation(summary = "The users, by username, with their security state (operators only)",
			description = "Filters: q (part of the username), scopeId (users at or below that merchant), role, "
					+ "locked, canRefund. Refusals: 400 VALIDATION_FAILED, INVALID_LIMIT, INVALID_CURSOR, UNKNOWN_SCOPE, "
					+ "INVALID_QUERY; 403 for anyone but an operator.",
			responses = {
					@ApiResponse(responseCode = "200", description = "One page of users",
							content = @Content(schema = @Schema(implementation = UserDirectory.UserPage.class))),
					@ApiResponse(responseCode = "400", description = "A filter, limit or cursor that is not valid",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "403", description = "Not an operator",
							content = @Content(mediaType = "application/problem+json")) })
	UserDirectory.UserPage list(CurrentUser operator, @RequestParam(required = false) String q,
			@RequestParam(required = false) String scopeId, @RequestParam(required = false) String role,
			@RequestParam(required = false) String locked, @RequestParam(required = false) String canRefund,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		return this.administration.listUsers(operator,
				UserFilters.parse(q, scopeId, role, locked, canRefund, limit, cursor));
	}

	@PostMapping("/api/v1/admin/users")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "409", description = "The username is taken (USERNAME_TAKEN)")
	@ResponseStatus(HttpStatus.CREATED)
	AccountSummary create(CurrentUser operator, @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = NewUserBody.class))) @RequestBody JsonNode body) {
		JsonBody json = JsonBody.of(body, NEW_FIELDS);
		NewAccount request = new NewAccount(json.string("username"), json.string("password"), json.string("role"),
				json.id("scopeId"), json.bool("canRefund"));
		json.check();
		return this.administration.createUser(operator, request);
	}

	@PatchMapping("/api/v1/admin/users/{id}")
	AccountSummary update(CurrentUser operator, @PathVariable String id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = UserChangeBody.class))) @RequestBody JsonNode body) {
		long accountId = RequestParams.pathId(id, "User");
		JsonBody json = JsonBody.of(body, CHANGE_FIELDS);
		AccountChange change = new AccountChange(json.bool("canRefund"), json.bool("enabled"), json.string("password"));
		json.requireAny();
		return this.administration.updateUser(operator, accountId, change);
	}

	@Schema(name = "NewUser")
	record NewUserBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String username,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "12 to 128 characters, letters and digits") String password,
			@Schema(allowableValues = { "OPERATOR", "MERCHANT" }, requiredMode = Schema.RequiredMode.REQUIRED) String role,
			@Schema(description = "the merchant node the user sees; required for MERCHANT") String scopeId,
			Boolean canRefund) {
	}

	@Schema(name = "UserChange")
	record UserChangeBody(Boolean canRefund, Boolean enabled,
			@Schema(description = "a new password, which its owner must change at the next sign-in") String password) {
	}

}
