package com.walletdesk.account.web;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.account.Role;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

	@GetMapping("/api/v1/me")
	Me me(CurrentUser user) {
		return new Me(user.username(), user.role(), user.canRefund(),
				user.scope().rootId() == null ? null : String.valueOf(user.scope().rootId()));
	}

	record Me(String username, Role role, boolean canRefund, String scopeId) {
	}

}
