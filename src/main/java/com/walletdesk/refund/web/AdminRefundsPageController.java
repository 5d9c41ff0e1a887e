package com.walletdesk.refund.web;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.refund.RefundAttention;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's page of refunds waiting for an operator: the API's list as a table (operators only). */
@Controller
class AdminRefundsPageController {

	static final String VIEW = "admin/refunds";

	private final RefundAttention attention;

	AdminRefundsPageController(RefundAttention attention) {
		this.attention = attention;
	}

	@GetMapping("/admin/refunds")
	String attention(CurrentUser operator, Model model) {
		model.addAttribute("refunds", this.attention.list(operator));
		return VIEW;
	}

}
