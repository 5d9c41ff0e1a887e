package com.walletdesk.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Help page: public, so a merchant who cannot sign in still finds the support contact. */
@Controller
@EnableConfigurationProperties(SupportContact.class)
class HelpPageController {

	static final String VIEW = "help/help";

	private final SupportContact support;

	HelpPageController(SupportContact support) {
		this.support = support;
	}

	@GetMapping("/help")
	String help(Model model) {
		model.addAttribute("support", this.support);
		return VIEW;
	}

}
