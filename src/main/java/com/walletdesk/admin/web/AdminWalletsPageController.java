package com.walletdesk.admin.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.admin.Administration;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.wallet.config.WalletConfig;
import com.walletdesk.web.Outcomes;
import com.walletdesk.web.ProblemException;
import com.walletdesk.web.RequestParams;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's page of a store's wallets: what each method is connected to (identifiers only,
 * never a key) and, per method, a form that connects it to the sandbox or its live wallet. The form
 * does what the API's PUT does, through {@link Administration} (checked, sealed, audited); keys are
 * typed again for every change and never put back into the page, not even after a refusal.
 */
@Controller
class AdminWalletsPageController {

	static final String VIEW = "admin/wallets";

	/** Per method: the live wallet it can use, and that wallet's fields (identifiers, then keys). */
	record MethodForm(String method, String liveProvider, List<String> identifiers, List<String> secrets) {

		List<String> fields() {
			return java.util.stream.Stream.concat(this.identifiers.stream(), this.secrets.stream()).toList();
		}

	}

	static final List<MethodForm> METHODS = List.of(
			new MethodForm("WXP", "WECHATPAY_GLOBAL",
					List.of("mchId", "subMchId", "appId", "subAppId", "merchantSerialNo", "wechatPayPublicKeyId"),
					List.of("merchantPrivateKey", "apiV3Key", "wechatPayPublicKey")),
			new MethodForm("ALP", "ANTOM", List.of("clientId", "keyVersion"),
					List.of("merchantPrivateKey", "antomPublicKey")));

	private final Administration administration;

	private final MerchantService merchants;

	private final Outcomes outcomes;

	/** The sandbox is the default wallet here: its settings page exists (sandbox package). */
	private final boolean sandboxActive;

	AdminWalletsPageController(Administration administration, MerchantService merchants, Outcomes outcomes,
			@Value("${walletdesk.wallet.provider:sandbox}") String defaultProvider) {
		this.sandboxActive = "sandbox".equalsIgnoreCase(defaultProvider.strip());
		this.administration = administration;
		this.merchants = merchants;
		this.outcomes = outcomes;
	}

	@GetMapping("/admin/stores/{storeId}/wallets")
	String wallets(CurrentUser operator, @PathVariable String storeId, Model model) {
		operator.requireOperator();
		return page(store(storeId), null, Map.of(), Map.of(), model);
	}

	@PostMapping("/admin/stores/{storeId}/wallets/{method}")
	String configure(CurrentUser operator, @PathVariable String storeId, @PathVariable String method,
			@RequestParam Map<String, String> params, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		MerchantNode store = store(storeId);
		MethodForm form = METHODS.stream()
			.filter(m -> m.method().equals(method))
			.findFirst()
			.orElseThrow(() -> ProblemException.notFound("Payment method"));
		String provider = params.getOrDefault("provider", "");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("provider", provider);
		if (provider.equals(form.liveProvider())) {
			// only the chosen wallet's fields, and only those typed in (an empty optional field is absent)
			for (String name : form.fields()) {
				String value = params.get(name);
				if (value != null && !value.isBlank()) {
					fields.put(name, value.strip());
				}
			}
		}
		try {
			WalletConfig saved = this.administration.configureWallet(operator, store.id(), method, fields, Set.of());
			this.outcomes.done(redirect, "wallets.saved", method,
					this.outcomes.text("wallets.provider." + saved.provider().name()));
			return "redirect:/admin/stores/" + store.id() + "/wallets";
		}
		catch (ProblemException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND || ex.status() == HttpStatus.FORBIDDEN) {
				throw ex;
			}
			response.setStatus(ex.status().value());
			Map<String, String> errors = new LinkedHashMap<>();
			ex.fields().forEach((field, message) -> errors.put(method + "-" + field, message));
			if (errors.isEmpty()) {
				errors.put(method + "-form", this.outcomes.refusalText(ex));
			}
			// what was typed comes back, keys excepted
			Map<String, String> typed = new LinkedHashMap<>();
			typed.put("provider", provider);
			form.identifiers().forEach(name -> typed.put(name, params.getOrDefault(name, "")));
			return page(store, method, typed, errors, model);
		}
	}

	private MerchantNode store(String storeId) {
		return this.merchants.findNode(RequestParams.pathId(storeId, "Store"))
			.filter(MerchantNode::isStore)
			.orElseThrow(() -> ProblemException.notFound("Store"));
	}

	private String page(MerchantNode store, String editedMethod, Map<String, String> typed, Map<String, String> errors,
			Model model) {
		Map<String, WalletConfig> configs = new LinkedHashMap<>();
		this.administration.walletsOf(store.id()).forEach(config -> configs.put(config.method(), config));
		model.addAttribute("store", store);
		model.addAttribute("methods", METHODS);
		model.addAttribute("configs", configs);
		model.addAttribute("editedMethod", editedMethod);
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		model.addAttribute("sandboxActive", this.sandboxActive);
		return VIEW;
	}

}
