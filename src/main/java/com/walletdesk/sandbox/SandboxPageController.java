package com.walletdesk.sandbox;

import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.web.Outcomes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's sandbox page: how the simulated wallet answers, for every store and per store, and
 * a form to change it (the same checks as {@code PUT /api/v1/admin/sandbox}). Operators only (the
 * security rules on {@code /admin/**}, and the service-side check here).
 */
@Controller
@ConditionalOnSandboxWallet
class SandboxPageController {

	static final String VIEW = "admin/sandbox";

	private static final Logger log = LoggerFactory.getLogger(SandboxPageController.class);

	private final SandboxWallet wallet;

	private final Outcomes outcomes;

	SandboxPageController(SandboxWallet wallet, Outcomes outcomes) {
		this.wallet = wallet;
		this.outcomes = outcomes;
	}

	@GetMapping("/admin/sandbox")
	String settings(CurrentUser operator, Model model) {
		operator.requireOperator();
		return page(Map.of("mode", "APPROVE"), Map.of(), model);
	}

	@PostMapping("/admin/sandbox")
	String set(CurrentUser operator, @RequestParam(required = false) String mode,
			@RequestParam(required = false) String message, @RequestParam(required = false) String delayMs,
			@RequestParam(required = false) String storeId, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		operator.requireOperator();
		SandboxSetting setting = SandboxSetting.parse(mode, message, delayMs, storeId);
		if (!setting.isValid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			Map<String, String> typed = new java.util.HashMap<>();
			typed.put("mode", mode == null ? "" : mode);
			typed.put("message", message == null ? "" : message);
			typed.put("delayMs", delayMs == null ? "" : delayMs);
			typed.put("storeId", storeId == null ? "" : storeId);
			return page(typed, setting.errors(), model);
		}
		setting.applyTo(this.wallet);
		log.info("Sandbox wallet set by {} to {} for {}", operator.username(), setting.behaviour(),
				setting.storeId() == null ? "every store" : "store " + setting.storeId());
		if (setting.storeId() == null) {
			this.outcomes.done(redirect, "sandbox.saved.global", modeText(setting));
		}
		else {
			this.outcomes.done(redirect, "sandbox.saved.store", setting.storeId(), modeText(setting));
		}
		return "redirect:/admin/sandbox";
	}

	@PostMapping("/admin/sandbox/stores/{storeId}/clear")
	String clearStore(CurrentUser operator, @PathVariable String storeId, RedirectAttributes redirect) {
		operator.requireOperator();
		Long store = SandboxSetting.parseStore(storeId);
		if (store == null) {
			throw com.walletdesk.web.ProblemException.notFound("Store setting");
		}
		this.wallet.clearStore(store);
		this.outcomes.done(redirect, "sandbox.cleared", store);
		return "redirect:/admin/sandbox";
	}

	@PostMapping("/admin/sandbox/reset")
	String reset(CurrentUser operator, RedirectAttributes redirect) {
		operator.requireOperator();
		this.wallet.approveAll();
		this.outcomes.done(redirect, "sandbox.reset.done");
		return "redirect:/admin/sandbox";
	}

	private String modeText(SandboxSetting setting) {
		return this.outcomes.text("sandbox.mode." + setting.behaviour().mode().name());
	}

	private String page(Map<String, String> typed, Map<String, String> errors, Model model) {
		model.addAttribute("global", this.wallet.global());
		model.addAttribute("stores", this.wallet.storeSettings());
		model.addAttribute("modes", Arrays.asList(SandboxBehaviour.Mode.values()));
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		return VIEW;
	}

}
