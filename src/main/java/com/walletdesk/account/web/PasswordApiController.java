package com.walletdesk.account.web;

import jakarta.servlet.http.HttpServletRequest;

import com.walletdesk.account.AccountService;
import com.walletdesk.account.CurrentUser;
import com.walletdesk.account.signin.SignInProgress;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/me/password}: the signed-in account changes its own password (also the sign-in step). */
@RestController
class PasswordApiController {

	private final AccountService accounts;

	private final SignInProgress progress;

	PasswordApiController(AccountService accounts, SignInProgress progress) {
		this.accounts = accounts;
		this.progress = progress;
	}

	@PostMapping("/api/v1/me/password")
	ResponseEntity<Void> change(CurrentUser user, @RequestBody PasswordChange change, HttpServletRequest request) {
		this.accounts.changeOwnPassword(user.accountId(), change.currentPassword(), change.newPassword(),
				SignInProgress.sessionId(request));
		this.progress.passwordChanged(request);
		return ResponseEntity.noContent().build();
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

}
