package com.walletdesk.account;

import org.junit.jupiter.api.Test;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class BootstrapOperatorTest {

	@Test
	void aConfiguredPasswordNeedsNoChangeAtFirstSignIn() throws Exception {
		AccountService accounts = mock(AccountService.class);
		new BootstrapOperator(accounts, "admin", "Configured-Passw0rd-1").run(null);
		verify(accounts).createOperatorIfNone("admin", "Configured-Passw0rd-1", false);
	}

	@Test
	void aGeneratedPasswordMustBeChangedAtFirstSignIn() throws Exception {
		AccountService accounts = mock(AccountService.class);
		new BootstrapOperator(accounts, "admin", "").run(null);
		verify(accounts).createOperatorIfNone(eq("admin"), anyString(), eq(true));
	}

}
