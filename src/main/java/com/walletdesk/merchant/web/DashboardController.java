package com.walletdesk.merchant.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

	@GetMapping("/")
	String home() {
		return "merchant/home";
	}

}
