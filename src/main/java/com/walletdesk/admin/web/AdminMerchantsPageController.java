package com.walletdesk.admin.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.admin.Administration;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.merchant.MerchantSummary;
import com.walletdesk.web.Outcomes;
import com.walletdesk.web.ProblemException;
import com.walletdesk.web.RequestParams;

import org.springframework.http.HttpStatus;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's merchants page: the whole tree with a search, a group or store created from
 * lists, edited, and its license switched after a confirmation that says what it ends. Every
 * change goes through {@link Administration}, as the API's do.
 */
@Controller
class AdminMerchantsPageController {

	static final String VIEW = "admin/merchants";

	static final String EDIT_VIEW = "admin/merchant-edit";

	static final String LICENSE_VIEW = "admin/license";

	private final Administration administration;

	private final MerchantService merchants;

	private final Outcomes outcomes;

	AdminMerchantsPageController(Administration administration, MerchantService merchants, Outcomes outcomes) {
		this.administration = administration;
		this.merchants = merchants;
		this.outcomes = outcomes;
	}

	@InitBinder
	void noIds(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/admin/merchants")
	String tree(CurrentUser operator, @RequestParam(required = false) String q, Model model) {
		operator.requireOperator();
		return page(operator, q, MerchantForm.empty(), Map.of(), model);
	}

	@PostMapping("/admin/merchants")
	String create(CurrentUser operator, MerchantForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		MerchantSummary created;
		try {
			created = this.administration.createMerchant(operator, form.toNew());
		}
		catch (ProblemException ex) {
			if (ex.status() != HttpStatus.BAD_REQUEST) {
				throw ex;
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(operator, null, form, errors(ex), model);
		}
		this.outcomes.done(redirect, "merchants.created", created.name());
		redirect.addAttribute("q", created.name());
		return "redirect:/admin/merchants";
	}

	@GetMapping("/admin/merchants/{id}/edit")
	String editForm(CurrentUser operator, @PathVariable String id, Model model) {
		operator.requireOperator();
		MerchantNode node = node(id);
		return edit(node, MerchantForm.of(node), Map.of(), model);
	}

	@PostMapping("/admin/merchants/{id}")
	String update(CurrentUser operator, @PathVariable String id, MerchantForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		MerchantNode node = node(id);
		MerchantSummary updated;
		try {
			updated = this.administration.updateMerchant(operator, node.id(), form.toChange());
		}
		catch (ProblemException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND || ex.status() == HttpStatus.FORBIDDEN) {
				throw ex;
			}
			response.setStatus(ex.status().value());
			Map<String, String> errors = ex.fields().isEmpty() ? Map.of("form", this.outcomes.refusalText(ex))
					: errors(ex);
			return edit(node, form, errors, model);
		}
		this.outcomes.done(redirect, "merchants.updated", updated.name());
		redirect.addAttribute("q", updated.name());
		return "redirect:/admin/merchants";
	}

	@GetMapping("/admin/merchants/{id}/license")
	String confirmLicense(CurrentUser operator, @PathVariable String id, Model model) {
		MerchantNode node = node(id);
		model.addAttribute("node", node);
		model.addAttribute("impact", this.administration.licenseImpact(operator, node.id()));
		model.addAttribute("switchOn", !node.licenseActive());
		return LICENSE_VIEW;
	}

	@PostMapping("/admin/merchants/{id}/license")
	String switchLicense(CurrentUser operator, @PathVariable String id, @RequestParam(required = false) String active,
			RedirectAttributes redirect) {
		MerchantNode node = node(id);
		if (!"true".equals(active) && !"false".equals(active)) {
			throw ProblemException.validation("active", "must be true or false");
		}
		boolean on = Boolean.parseBoolean(active);
		MerchantSummary updated = this.administration.setLicense(operator, node.id(), on);
		this.outcomes.done(redirect, on ? "merchants.licenseOn" : "merchants.licenseOff", updated.name());
		redirect.addAttribute("q", updated.name());
		return "redirect:/admin/merchants";
	}

	private MerchantNode node(String id) {
		return this.merchants.findNode(RequestParams.pathId(id, "Merchant"))
			.orElseThrow(() -> ProblemException.notFound("Merchant"));
	}

	private String page(CurrentUser operator, String q, MerchantForm form, Map<String, String> errors, Model model) {
		List<MerchantNode> all = this.merchants.visibleNodes(operator.scope());
		String term = q == null ? "" : q.strip();
		model.addAttribute("q", term);
		model.addAttribute("rows", rows(all, term.toLowerCase(Locale.ROOT)));
		model.addAttribute("empty", all.isEmpty());
		model.addAttribute("groups", all.stream().filter(n -> !n.isStore()).toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		options(model);
		return VIEW;
	}

	private String edit(MerchantNode node, MerchantForm form, Map<String, String> errors, Model model) {
		model.addAttribute("node", node);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		options(model);
		return EDIT_VIEW;
	}

	private static void options(Model model) {
		model.addAttribute("zones", ConsoleOptions.ZONES);
		model.addAttribute("currencies", ConsoleOptions.currencies(LocaleContextHolder.getLocale()));
		model.addAttribute("locales", ConsoleOptions.locales(LocaleContextHolder.getLocale()));
	}

	private static Map<String, String> errors(ProblemException ex) {
		return ex.fields().isEmpty() ? Map.of("form", ex.getMessage()) : ex.fields();
	}

	/**
	 * The tree in order, each row with its depth and effective license; with a search, the
	 * nodes whose name or location contains it, the groups above them and the nodes below them.
	 */
	static List<Row> rows(List<MerchantNode> nodes, String term) {
		Set<String> offPaths = new HashSet<>();
		nodes.stream().filter(n -> !n.licenseActive()).forEach(n -> offPaths.add(n.path()));
		Set<String> shown = new HashSet<>();
		Set<Long> matches = new HashSet<>();
		for (MerchantNode node : nodes) {
			if (term.isEmpty() || contains(node.name(), term) || contains(node.location(), term)) {
				matches.add(node.id());
				// the node and every node above it: the ids in its path
				StringBuilder prefix = new StringBuilder("/");
				for (String part : node.path().split("/")) {
					if (!part.isEmpty()) {
						prefix.append(part).append('/');
						shown.add(prefix.toString());
					}
				}
			}
		}
		Set<String> matchPaths = new HashSet<>();
		nodes.stream().filter(n -> matches.contains(n.id())).forEach(n -> matchPaths.add(n.path()));
		List<Row> rows = new ArrayList<>();
		for (MerchantNode node : nodes) {
			// a match, the groups above it, and everything below it
			if (shown.contains(node.path()) || matchPaths.stream().anyMatch(node.path()::startsWith)) {
				boolean effective = offPaths.stream().noneMatch(node.path()::startsWith);
				rows.add(new Row(node, Math.min(node.depth(), 6), effective, !term.isEmpty() && matches.contains(node.id())));
			}
		}
		return rows;
	}

	private static boolean contains(String text, String term) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(term);
	}

	/** A row of the tree table: {@code licenseEffective} is false when this node or one above is off. */
	record Row(MerchantNode node, int depth, boolean licenseEffective, boolean match) {
	}

}
