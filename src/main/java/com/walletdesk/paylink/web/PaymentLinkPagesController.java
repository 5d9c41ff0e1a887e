package com.walletdesk.paylink.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.paylink.NewPaymentLink;
import com.walletdesk.paylink.PaymentLink;
import com.walletdesk.paylink.PaymentLinkService;
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
 * A store's payment links as pages: the list (by status), the "New payment link" form, one
 * link with its URL, copy button and QR code, and cancelling with a confirmation. Plain forms
 * and links: no script needed. Scope is the service's: a foreign store or link is 404.
 */
@Controller
class PaymentLinkPagesController {

	private final PaymentLinkService links;

	private final MerchantService merchants;

	private final Outcomes outcomes;

	PaymentLinkPagesController(PaymentLinkService links, MerchantService merchants, Outcomes outcomes) {
		this.links = links;
		this.merchants = merchants;
		this.outcomes = outcomes;
	}

	@GetMapping("/stores/{storeId}/payment-links")
	String list(CurrentUser user, @PathVariable String storeId, @RequestParam(required = false) String status,
			@RequestParam(required = false) String cursor, Model model) {
		MerchantNode store = store(user, storeId, model);
		String wanted = status == null || status.isBlank() || !PaymentLink.STATUSES.contains(status) ? null : status;
		PaymentLinkService.LinkPage page = this.links.list(user, store.id(), wanted, null,
				cursor != null && cursor.matches("\\d{1,18}") ? cursor : null);
		model.addAttribute("page", page);
		model.addAttribute("status", wanted);
		model.addAttribute("statuses", PaymentLink.STATUSES);
		return "paylink/links";
	}

	@GetMapping("/stores/{storeId}/payment-links/new")
	String form(CurrentUser user, @PathVariable String storeId, Model model) {
		MerchantNode store = store(user, storeId, model);
		LocalDate inAWeek = LocalDate.now(store.zone()).plusDays(7);
		return form(store, new LinkForm("", "", "", inAWeek.toString()), Map.of(), null, model);
	}

	@PostMapping("/stores/{storeId}/payment-links")
	String create(CurrentUser user, @PathVariable String storeId, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String reference, @RequestParam(required = false) String description,
			@RequestParam(required = false) String expiresOn, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		MerchantNode store = store(user, storeId, model);
		LinkForm form = new LinkForm(nullToEmpty(amount), nullToEmpty(reference), nullToEmpty(description),
				nullToEmpty(expiresOn));
		String expiresAt;
		try {
			expiresAt = expiresOn == null || expiresOn.isBlank() ? null
					: LocalDate.parse(expiresOn.strip()).plusDays(1).atStartOfDay(store.zone()).toInstant().toString();
		}
		catch (DateTimeParseException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(store, form, Map.of("expiresOn", "must be a date such as 2026-12-31"), null, model);
		}
		PaymentLinkService.LinkView created;
		try {
			created = this.links.create(user, store.id(),
					new NewPaymentLink(decimalPoint(amount), null, reference, description, expiresAt, List.of()));
		}
		catch (ProblemException ex) {
			if (ex.fields().isEmpty()) {
				throw ex;
			}
			response.setStatus(ex.status().value());
			Map<String, String> errors = new LinkedHashMap<>(ex.fields());
			if (errors.containsKey("expiresAt")) {
				errors.put("expiresOn", errors.remove("expiresAt"));
			}
			return form(store, form, errors, this.outcomes.refusalText(ex), model);
		}
		this.outcomes.done(redirect, "paylink.created", created.link().reference());
		return "redirect:/stores/" + store.id() + "/payment-links/" + created.link().id();
	}

	@GetMapping("/stores/{storeId}/payment-links/{id}")
	String link(CurrentUser user, @PathVariable String storeId, @PathVariable String id, Model model) {
		MerchantNode store = store(user, storeId, model);
		model.addAttribute("view", this.links.get(user, store.id(), RequestParams.pathId(id, "Payment link")));
		return "paylink/link";
	}

	@GetMapping("/stores/{storeId}/payment-links/{id}/cancel")
	String confirmCancel(CurrentUser user, @PathVariable String storeId, @PathVariable String id, Model model) {
		MerchantNode store = store(user, storeId, model);
		model.addAttribute("view", this.links.get(user, store.id(), RequestParams.pathId(id, "Payment link")));
		return "paylink/cancel";
	}

	@PostMapping("/stores/{storeId}/payment-links/{id}/cancel")
	String cancel(CurrentUser user, @PathVariable String storeId, @PathVariable String id, RedirectAttributes redirect) {
		MerchantNode store = store(user, storeId);
		try {
			PaymentLinkService.LinkView cancelled = this.links.cancel(user, store.id(),
					RequestParams.pathId(id, "Payment link"));
			this.outcomes.done(redirect, "paylink.cancelled", cancelled.link().reference());
		}
		catch (ProblemException ex) {
			if (ex.status() != HttpStatus.CONFLICT) {
				throw ex;
			}
			this.outcomes.failed(redirect, ex);
		}
		return "redirect:/stores/" + store.id() + "/payment-links";
	}

	private MerchantNode store(CurrentUser user, String storeId) {
		return this.merchants.requireVisibleStore(user.scope(), RequestParams.pathId(storeId, "Store"));
	}

	/** The store, checked against the scope, and the page's breadcrumb: the visible nodes above it. */
	private MerchantNode store(CurrentUser user, String storeId, Model model) {
		MerchantNode store = store(user, storeId);
		List<Long> above = java.util.Arrays.stream(store.path().split("/"))
			.filter(part -> !part.isEmpty())
			.map(Long::valueOf)
			.filter(id -> id != store.id())
			.toList();
		Map<Long, MerchantNode> nodes = this.merchants.nodesById(above);
		model.addAttribute("trail",
				above.stream().map(nodes::get).filter(n -> n != null && user.scope().contains(n)).toList());
		model.addAttribute("store", store);
		return store;
	}

	private static String form(MerchantNode store, LinkForm form, Map<String, String> errors, String refusal,
			Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("refusal", refusal);
		return "paylink/new";
	}

	/** "25,00" as people write it in Portuguese or French is 25.00: a decimal comma becomes the point. */
	static String decimalPoint(String amount) {
		return amount != null && amount.strip().matches("\\d+,\\d{1,3}") ? amount.strip().replace(',', '.') : amount;
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	/** The form as typed, shown again with the messages when refused. */
	record LinkForm(String amount, String reference, String description, String expiresOn) {
	}

}
