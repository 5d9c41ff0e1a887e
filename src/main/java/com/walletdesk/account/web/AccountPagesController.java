package com.walletdesk.account.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.walletdesk.account.password.PasswordChanges;
import com.walletdesk.account.CurrentUser;
import com.walletdesk.account.signin.MfaService;
import com.walletdesk.account.signin.SignInProgress;
import com.walletdesk.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of the sign-in steps: change the password, enrol an authenticator (QR code, then
 * the recovery codes, shown once), prove the second factor. Each POST redirects to the next
 * pending step, or to the dashboard.
 */
@Controller
class AccountPagesController {

	static final String PASSWORD_VIEW = "account/password";

	static final String MFA_VIEW = "account/mfa";

	static final String RECOVERY_CODES_VIEW = "account/recovery-codes";

	static final String NEW_RECOVERY_CODES_VIEW = "account/new-recovery-codes";

	private final PasswordChanges passwordChanges;

	private final MfaService mfa;

	private final SignInProgress progress;

	AccountPagesController(PasswordChanges passwordChanges, MfaService mfa, SignInProgress progress) {
		this.passwordChanges = passwordChanges;
		this.mfa = mfa;
		this.progress = progress;
	}

	@GetMapping("/account/password")
	String passwordForm() {
		return PASSWORD_VIEW;
	}

	@PostMapping("/account/password")
	String changePassword(CurrentUser user, @RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
			HttpServletRequest request, Model model) {
		if (newPassword == null || !newPassword.equals(confirmPassword)) {
			model.addAttribute("error", "PASSWORD_MISMATCH");
			return PASSWORD_VIEW;
		}
		try {
			this.passwordChanges.changeOwn(user.accountId(), currentPassword, newPassword,
					SignInProgress.sessionId(request));
		}
		catch (ProblemException ex) {
			if (ex.status() != HttpStatus.BAD_REQUEST) {
				throw ex;
			}
			model.addAttribute("error", ex.code());
			model.addAttribute("reason", ex.fields().get("password"));
			return PASSWORD_VIEW;
		}
		this.progress.passwordChanged(request);
		return "redirect:" + this.progress.nextPage(request, user);
	}

	@GetMapping("/account/mfa")
	String mfaStep(CurrentUser user, Model model) {
		boolean enrolled = this.mfa.enrolled(user.accountId());
		model.addAttribute("enrolled", enrolled);
		if (!enrolled) {
			this.mfa.pendingEnrolment(user.accountId()).ifPresent(enrolment -> model.addAttribute("enrolment", enrolment));
		}
		return MFA_VIEW;
	}

	@PostMapping("/account/mfa/enrolment")
	String startEnrolment(CurrentUser user) {
		this.mfa.startEnrolment(user.accountId());
		return "redirect:/account/mfa";
	}

	@PostMapping("/account/mfa/confirm")
	String confirm(CurrentUser user, @RequestParam(required = false) String code, HttpServletRequest request,
			Model model) {
		List<String> codes;
		try {
			codes = this.mfa.confirmEnrolment(user.accountId(), code);
		}
		catch (ProblemException ex) {
			return "redirect:/account/mfa?error";
		}
		this.progress.mfaProved(request, user);
		model.addAttribute("recoveryCodes", codes);
		model.addAttribute("next", this.progress.nextPage(request, user));
		return RECOVERY_CODES_VIEW;
	}

	@PostMapping("/account/mfa/verify")
	String verify(CurrentUser user, @RequestParam(required = false) String code, HttpServletRequest request) {
		try {
			this.mfa.verify(user.accountId(), code);
		}
		catch (ProblemException ex) {
			return "redirect:/account/mfa?error";
		}
		this.progress.mfaProved(request, user);
		return "redirect:" + this.progress.nextPage(request, user);
	}

	/** New recovery codes, from the user menu: the form asks for a fresh code from the authenticator. */
	@GetMapping("/account/recovery-codes")
	String recoveryCodesForm(CurrentUser user, Model model) {
		model.addAttribute("enrolled", this.mfa.enrolled(user.accountId()));
		return NEW_RECOVERY_CODES_VIEW;
	}

	/** The old codes stop working; the new ones are shown once, as after enrolment. */
	@PostMapping("/account/recovery-codes")
	String regenerateRecoveryCodes(CurrentUser user, @RequestParam(required = false) String code, Model model) {
		List<String> codes;
		try {
			codes = this.mfa.regenerateRecoveryCodes(user.accountId(), code);
		}
		catch (ProblemException ex) {
			return "redirect:/account/recovery-codes?error";
		}
		model.addAttribute("recoveryCodes", codes);
		model.addAttribute("next", "/");
		return RECOVERY_CODES_VIEW;
	}

	/** Where the sign-in throttle sends a browser: the error page with a 429 and the message in words. */
	@RequestMapping("/account/too-many-attempts")
	String tooManyAttempts() {
		throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS",
				"Too many attempts from this address; try again later");
	}

}
