package com.walletdesk.savedview.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.savedview.SavedView;
import com.walletdesk.savedview.SavedViewService;
import com.walletdesk.web.Outcomes;
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
 * Saved views as pages: the list (open, delete), the save form reached from a listing's "Save
 * view" link, and opening a view, which redirects to its listing with the view's filter. Only the
 * caller's own views exist here; any other ID is "not found". Bad input is told next to its
 * field, with the form kept as typed (400).
 */
@Controller
class SavedViewPagesController {

	static final String LIST = "savedview/list";

	static final String FORM = "savedview/new";

	private final SavedViewService views;

	private final Outcomes outcomes;

	SavedViewPagesController(SavedViewService views, Outcomes outcomes) {
		this.views = views;
		this.outcomes = outcomes;
	}

	@GetMapping("/views")
	String list(CurrentUser user, Model model) {
		var views = this.views.list(user);
		model.addAttribute("views", views);
		model.addAttribute("storeNames", this.views.storeNames(user, views));
		return LIST;
	}

	@GetMapping("/views/new")
	String form(CurrentUser user, @RequestParam(required = false) String store,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String q, Model model) {
		Long storeId = store == null || store.isBlank() ? null : RequestParams.pathId(store, "Store");
		boolean fixed = from != null && !from.isBlank() || to != null && !to.isBlank();
		return form(user, new Form(null, storeId, fixed ? "FIXED" : "WEEK", from, to, q), Map.of(), model);
	}

	@PostMapping("/views")
	String save(CurrentUser user, @RequestParam(required = false) String name,
			@RequestParam(required = false) String store, @RequestParam(required = false) String rule,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String q, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Long storeId = store == null || store.isBlank() ? null : RequestParams.pathId(store, "Store");
		SavedView.PeriodRule periodRule = "FIXED".equals(rule) ? SavedView.PeriodRule.FIXED : SavedView.PeriodRule.WEEK;
		Form form = new Form(name, storeId, periodRule.name(), from, to, q);
		try {
			SavedView saved = this.views.save(user, new SavedViewService.NewView(name, storeId, periodRule, from, to, q));
			this.outcomes.done(redirect, "views.saved", saved.name());
			return "redirect:/views";
		}
		catch (SavedViewService.Refused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(user, form, ex.fields(), model);
		}
	}

	/** Opens a view: its listing, with the period worked out now (the latest week) or its dates. */
	@GetMapping("/views/{id}")
	String open(CurrentUser user, @PathVariable String id) {
		return "redirect:" + this.views.find(user, RequestParams.pathId(id, "Saved view")).url();
	}

	@PostMapping("/views/{id}/delete")
	String delete(CurrentUser user, @PathVariable String id, RedirectAttributes redirect) {
		SavedView deleted = this.views.delete(user, RequestParams.pathId(id, "Saved view"));
		this.outcomes.done(redirect, "views.deleted", deleted.name());
		return "redirect:/views";
	}

	private String form(CurrentUser user, Form form, Map<String, String> errors, Model model) {
		// the store first: a foreign one is "not found" whatever else the form says
		MerchantNode store = this.views.store(user, form.store()).orElse(null);
		model.addAttribute("form", form);
		model.addAttribute("store", store);
		model.addAttribute("errors", errors);
		return FORM;
	}

	/** The save form as shown or as typed. */
	record Form(String name, Long store, String rule, String from, String to, String q) {
	}

}
