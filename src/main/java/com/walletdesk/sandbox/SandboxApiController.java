package com.walletdesk.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators set the sandbox wallet's behaviour (only under {@code /api/v1/admin/}, which is for
 * operators alone). {@code PUT /api/v1/admin/sandbox}
 * {@code {"mode":"DECLINE","message":"...","delayMs":0,"storeId":"12"}}; without {@code storeId}
 * the setting is global. {@code DELETE /api/v1/admin/sandbox/stores/{storeId}} drops a store's
 * own setting; {@code DELETE /api/v1/admin/sandbox} approves everything again.
 */
@RestController
@ConditionalOnSandboxWallet
class SandboxApiController {

	private static final Logger log = LoggerFactory.getLogger(SandboxApiController.class);

	private final SandboxWallet wallet;

	SandboxApiController(SandboxWallet wallet) {
		this.wallet = wallet;
	}

	@GetMapping("/api/v1/admin/sandbox")
	SandboxSettings settings() {
		return current();
	}

	@PutMapping("/api/v1/admin/sandbox")
	ResponseEntity<?> set(@RequestBody SettingRequest request) {
		SandboxSetting setting = SandboxSetting.parse(request.mode(), request.message(),
				request.delayMs() == null ? null : String.valueOf(request.delayMs()), request.storeId());
		if (!setting.isValid()) {
			Map.Entry<String, String> first = setting.errors().entrySet().iterator().next();
			return invalid(first.getKey(), first.getValue());
		}
		setting.applyTo(this.wallet);
		log.info("Sandbox wallet set to {} for {}", setting.behaviour(),
				setting.storeId() == null ? "every store" : "store " + setting.storeId());
		return ResponseEntity.ok(current());
	}

	@DeleteMapping("/api/v1/admin/sandbox")
	SandboxSettings reset() {
		this.wallet.approveAll();
		return current();
	}

	@DeleteMapping("/api/v1/admin/sandbox/stores/{storeId}")
	ResponseEntity<?> clearStore(@PathVariable String storeId) {
		Long store = SandboxSetting.parseStore(storeId);
		if (store == null) {
			return invalid("storeId", "must be a store id");
		}
		this.wallet.clearStore(store);
		return ResponseEntity.ok(current());
	}

	record SettingRequest(String mode, String message, Long delayMs, String storeId) {
	}

	record Setting(String mode, String message, long delayMs) {

		static Setting of(SandboxBehaviour behaviour) {
			return new Setting(behaviour.mode().name(), behaviour.message(), behaviour.delay().toMillis());
		}

	}

	record StoreSetting(String storeId, String mode, String message, long delayMs) {
	}

	record SandboxSettings(Setting global, List<StoreSetting> stores) {
	}

	SandboxSettings current() {
		return new SandboxSettings(Setting.of(this.wallet.global()),
				this.wallet.storeSettings()
					.stream()
					.map(s -> new StoreSetting(String.valueOf(s.storeId()), s.behaviour().mode().name(),
							s.behaviour().message(), s.behaviour().delay().toMillis()))
					.toList());
	}

	/** Problem JSON as the rest of the API answers it (the wallet module does not use ours). */
	private static ResponseEntity<ProblemDetail> invalid(String field, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are not valid");
		problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
		problem.setProperty("code", "VALIDATION_FAILED");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(field, message);
		problem.setProperty("fields", fields);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
