package com.walletdesk.account.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Map;

import com.walletdesk.account.AccountService;
import com.walletdesk.account.UserDirectory;
import com.walletdesk.account.apikey.ApiKeyService;
import com.walletdesk.account.CurrentUser;
import com.walletdesk.web.ProblemException;
import com.walletdesk.web.RequestParams;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' security administration (role OPERATOR, see SecurityConfig): API keys,
 * lifting a lock-out, resetting a lost authenticator, and an account's security state.
 */
@RestController
class AdminSecurityController {

	private final ApiKeyService apiKeys;

	private final AccountService accounts;

	private final UserDirectory users;

	AdminSecurityController(ApiKeyService apiKeys, AccountService accounts, UserDirectory users) {
		this.apiKeys = apiKeys;
		this.accounts = accounts;
		this.users = users;
	}

	@PostMapping("/api/v1/admin/api-keys")
	@ApiResponse(responseCode = "201", description = "Created; the key is in this answer only")
	ResponseEntity<ApiKeyService.NewKey> createKey(CurrentUser operator, @RequestBody(required = false) NewKeyRequest body) {
		ApiKeyService.NewKey key = this.apiKeys.create(operator, body == null ? null : body.name(),
				body == null ? null : body.purpose());
		return ResponseEntity.status(HttpStatus.CREATED).body(key);
	}

	@GetMapping("/api/v1/admin/api-keys")
	Map<String, List<ApiKeyService.KeySummary>> keys(CurrentUser operator) {
		return Map.of("items", this.apiKeys.list(operator));
	}

	@DeleteMapping("/api/v1/admin/api-keys/{id}")
	@ApiResponse(responseCode = "204", description = "Revoked")
	ResponseEntity<Void> revokeKey(CurrentUser operator, @PathVariable String id) {
		this.apiKeys.revoke(operator, RequestParams.numericId(id, "API key"));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/admin/users/{id}/unlock")
	@ApiResponse(responseCode = "204", description = "Unlocked")
	ResponseEntity<Void> unlock(CurrentUser operator, @PathVariable String id) {
		this.accounts.unlock(operator, RequestParams.numericId(id, "User"));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/v1/admin/users/{id}/mfa")
	@ApiResponse(responseCode = "204", description = "The second factor is reset; enrolment at the next sign-in")
	ResponseEntity<Void> resetMfa(CurrentUser operator, @PathVariable String id) {
		this.accounts.resetMfa(operator, RequestParams.numericId(id, "User"));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/admin/users/{id}/security")
	UserDirectory.SecurityStatus security(CurrentUser operator, @PathVariable String id) {
		operator.requireOperator();
		return this.users.securityStatus(RequestParams.numericId(id, "User")).orElseThrow(() -> ProblemException.notFound("User"));
	}

	record NewKeyRequest(String name, String purpose) {
	}

}
