package com.walletdesk.account.signin;

import com.walletdesk.account.Account;
import com.walletdesk.account.Role;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MfaPolicyTest {

	private static Account account(Role role, boolean canRefund, String secret) {
		return new Account(1, "someone", "{noop}x", role, role == Role.MERCHANT ? 5L : null, canRefund, true, 0, null,
				false, secret, null, null);
	}

	private static MfaService mfa(boolean requiredForAll) {
		return new MfaService(null, null, null, Clock.systemUTC(), requiredForAll);
	}

	@Test
	void requiredForOperatorsRefundersAndEnrolledAccounts() {
		MfaService mfa = mfa(false);
		assertThat(mfa.required(account(Role.OPERATOR, false, null))).isTrue();
		assertThat(mfa.required(account(Role.MERCHANT, true, null))).isTrue();
		assertThat(mfa.required(account(Role.MERCHANT, false, "SECRET"))).isTrue();
		assertThat(mfa.required(account(Role.MERCHANT, false, null))).isFalse();
	}

	@Test
	void aSettingRequiresItForEveryAccount() {
		assertThat(mfa(true).required(account(Role.MERCHANT, false, null))).isTrue();
	}

}
