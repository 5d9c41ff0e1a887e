package com.walletdesk.audit.web;

import java.security.Principal;

import com.walletdesk.audit.AuditFilter;
import com.walletdesk.audit.AuditService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The operators' audit page: the same search as the API, as a table with a "next page" link. */
@Controller
class AuditPageController {

	static final String VIEW = "admin/audit";

	private final AuditService audit;

	AuditPageController(AuditService audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String search(Principal reader, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String type,
			@RequestParam(required = false) String account, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String cursor, Model model) {
		AuditService.AuditPage page = this.audit.search(reader.getName(),
				AuditFilter.parse(from, to, type, account, limit, cursor));
		model.addAttribute("events", page.items());
		model.addAttribute("nextCursor", page.nextCursor());
		model.addAttribute("types", AuditService.TYPES);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("type", type);
		model.addAttribute("account", account);
		model.addAttribute("limit", limit);
		return VIEW;
	}

}
