package com.walletdesk.account.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.account.signin.MfaService;
import com.walletdesk.account.signin.SignInProgress;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The MFA calls of API.md: enrolment, its confirmation, verification at sign-in. */
@RestController
class MfaApiController {

	private final MfaService mfa;

	private final SignInProgress progress;

	MfaApiController(MfaService mfa, SignInProgress progress) {
		this.mfa = mfa;
		this.progress = progress;
	}

	@PostMapping("/api/v1/mfa/enrolment")
	@ApiResponse(responseCode = "200", description = "The secret to enrol")
	@ApiResponse(responseCode = "409", description = "Already enrolled (MFA_ALREADY_ENROLLED)")
	Enrolment enrol(CurrentUser user) {
		MfaService.Enrolment enrolment = this.mfa.startEnrolment(user.accountId());
		return new Enrolment(enrolment.secret(), enrolment.otpauthUri());
	}

	@PostMapping("/api/v1/mfa/enrolment/confirm")
	RecoveryCodes confirm(CurrentUser user, @RequestBody(required = false) Code code, HttpServletRequest request) {
		List<String> codes = this.mfa.confirmEnrolment(user.accountId(), code == null ? null : code.code());
		this.progress.mfaProved(request, user);
		return new RecoveryCodes(codes);
	}

	@PostMapping("/api/v1/mfa/verify")
	@ApiResponse(responseCode = "204", description = "Proved")
	ResponseEntity<Void> verify(CurrentUser user, @RequestBody(required = false) Code code,
			HttpServletRequest request) {
		this.mfa.verify(user.accountId(), code == null ? null : code.code());
		this.progress.mfaProved(request, user);
		return ResponseEntity.noContent().build();
	}

	/** New recovery codes (the old ones stop working), against a current code; only past every sign-in step. */
	@PostMapping("/api/v1/mfa/recovery-codes")
	RecoveryCodes regenerate(CurrentUser user, @RequestBody(required = false) Code code) {
		return new RecoveryCodes(this.mfa.regenerateRecoveryCodes(user.accountId(), code == null ? null : code.code()));
	}

	record Code(String code) {
	}

	record Enrolment(String secret, String otpauthUri) {
	}

	record RecoveryCodes(List<String> recoveryCodes) {
	}

}
