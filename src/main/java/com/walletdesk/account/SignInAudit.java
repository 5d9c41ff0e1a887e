package com.walletdesk.account;

import com.walletdesk.audit.AuditService;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Records every sign-in, failed ones too, in the audit trail (never the password). */
@Component
class SignInAudit {

	private final AuditService audit;

	SignInAudit(AuditService audit) {
		this.audit = audit;
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.audit.record("SIGN_IN", "SUCCESS", event.getAuthentication().getName(), "account", null);
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		String reason = event.getException() instanceof LicenseInactiveException ? "LICENSE_INACTIVE" : "FAILURE";
		this.audit.record("SIGN_IN_FAILED", reason, String.valueOf(event.getAuthentication().getName()), "account",
				null);
	}

}
