package com.walletdesk.account.signin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a session may reach while a sign-in step (second factor, forced password change) is pending. */
class SignInStepsTest {

	@Test
	void theStepsOwnPagesSignOutAndThePublicPagesAndFiles() {
		for (SignInSteps.Step step : SignInSteps.Step.values()) {
			assertThat(SignInSteps.allowedDuring(step, "/logout")).isTrue();
			for (String open : new String[] { "/login", "/help", "/error", "/favicon.ico", AttemptThrottle.TOO_MANY_PAGE,
					"/css/app.css", "/js/dialog.js", "/img/logo.svg", "/webjars/htmx.org/2.0.4/dist/htmx.min.js" }) {
				assertThat(SignInSteps.allowedDuring(step, open)).as(step + " " + open).isTrue();
			}
			for (String closed : new String[] { "/", "/transactions", "/api/v1/transactions", "/api/v1/me",
					"/cssx/app.css", "/admin/audit", "/login/other" }) {
				assertThat(SignInSteps.allowedDuring(step, closed)).as(step + " " + closed).isFalse();
			}
		}
		assertThat(SignInSteps.allowedDuring(SignInSteps.Step.MFA_REQUIRED, "/account/mfa/recovery-codes")).isTrue();
		assertThat(SignInSteps.allowedDuring(SignInSteps.Step.MFA_REQUIRED, "/api/v1/mfa/verify")).isTrue();
		assertThat(SignInSteps.allowedDuring(SignInSteps.Step.MFA_REQUIRED, "/api/v1/me/password"))
			.as("a stolen password alone cannot replace the owner's")
			.isFalse();
		assertThat(SignInSteps.allowedDuring(SignInSteps.Step.PASSWORD_CHANGE_REQUIRED, "/api/v1/me/password")).isTrue();
		assertThat(SignInSteps.allowedDuring(SignInSteps.Step.PASSWORD_CHANGE_REQUIRED, "/account/mfa")).isFalse();
	}

}
