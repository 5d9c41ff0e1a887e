package com.walletdesk.account.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.account.apikey.ApiKeyService;
import com.walletdesk.web.Outcomes;
import com.walletdesk.web.ProblemException;
import com.walletdesk.web.RequestParams;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's API keys: the list (name, purpose, created, last used), a new key shown once
 * with a copy button, revocation. The same {@link ApiKeyService} as the API, which checks and
 * audits each change.
 */
@Controller
class AdminApiKeysPageController {

	static final String VIEW = "admin/api-keys";

	private final ApiKeyService apiKeys;

	private final Outcomes outcomes;

	AdminApiKeysPageController(ApiKeyService apiKeys, Outcomes outcomes) {
		this.apiKeys = apiKeys;
		this.outcomes = outcomes;
	}

	@GetMapping("/admin/api-keys")
	String keys(CurrentUser operator, Model model) {
		return page(operator, "", "INGEST", Map.of(), model);
	}

	@PostMapping("/admin/api-keys")
	String create(CurrentUser operator, @RequestParam(required = false) String name,
			@RequestParam(required = false) String purpose, Model model, HttpServletResponse response) {
		ApiKeyService.NewKey key;
		try {
			key = this.apiKeys.create(operator, name, purpose);
		}
		catch (ProblemException ex) {
			if (ex.status() != HttpStatus.BAD_REQUEST) {
				throw ex;
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(operator, name == null ? "" : name, purpose, ex.fields(), model);
		}
		// the key is in this answer only: never kept by a cache or the back button
		response.setHeader("Cache-Control", "no-store");
		response.setStatus(HttpStatus.CREATED.value());
		model.addAttribute("newKey", key);
		return page(operator, "", "INGEST", Map.of(), model);
	}

	@PostMapping("/admin/api-keys/{id}/revoke")
	String revoke(CurrentUser operator, @PathVariable String id, RedirectAttributes redirect) {
		long keyId = RequestParams.pathId(id, "API key");
		String name = this.apiKeys.list(operator)
			.stream()
			.filter(k -> k.id().equals(String.valueOf(keyId)))
			.map(ApiKeyService.KeySummary::name)
			.findFirst()
			.orElseThrow(() -> ProblemException.notFound("API key"));
		this.apiKeys.revoke(operator, keyId);
		this.outcomes.done(redirect, "apiKeys.revoked", name);
		return "redirect:/admin/api-keys";
	}

	private String page(CurrentUser operator, String name, String purpose, Map<String, String> errors, Model model) {
		model.addAttribute("keys", this.apiKeys.list(operator));
		model.addAttribute("purposes", ApiKeyService.Purpose.values());
		model.addAttribute("name", name);
		model.addAttribute("purpose", purpose);
		model.addAttribute("errors", errors);
		return VIEW;
	}

}
