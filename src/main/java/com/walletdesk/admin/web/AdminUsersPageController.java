package com.walletdesk.admin.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.walletdesk.account.AccountService;
import com.walletdesk.account.UserDirectory;
import com.walletdesk.account.AccountService.AccountChange;
import com.walletdesk.account.AccountService.AccountSummary;
import com.walletdesk.account.CurrentUser;
import com.walletdesk.admin.Administration;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.web.Htmx;
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
 * The console's users: the list with its search and filters (the API's list), creation with a
 * password issued and shown once, and each account's switches (enabled, refund privilege),
 * password reset, unlock and second-factor reset. Every change goes through {@link Administration},
 * which checks and audits it as it does for the API.
 */
@Controller
class AdminUsersPageController {

	static final String LIST_VIEW = "admin/users";

	static final String RESULTS_FRAGMENT = "admin/users :: results";

	static final String NEW_VIEW = "admin/user-new";

	static final String USER_VIEW = "admin/user";

	private final Administration administration;

	private final AccountService accounts;

	private final UserDirectory users;

	private final MerchantService merchants;

	private final Outcomes outcomes;

	AdminUsersPageController(Administration administration, AccountService accounts, UserDirectory users, MerchantService merchants,
			Outcomes outcomes) {
		this.administration = administration;
		this.accounts = accounts;
		this.users = users;
		this.merchants = merchants;
		this.outcomes = outcomes;
	}

	@GetMapping("/admin/users")
	String list(CurrentUser operator, @RequestParam(required = false) String q,
			@RequestParam(required = false) String scopeId, @RequestParam(required = false) String role,
			@RequestParam(required = false) String locked, @RequestParam(required = false) String canRefund,
			@RequestParam(required = false) String cursor, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		UserDirectory.UserPage page = this.administration.listUsers(operator,
				UserFilters.parse(q, scopeId, role, locked, canRefund, null, cursor));
		List<MerchantNode> nodes = this.merchants.visibleNodes(operator.scope());
		model.addAttribute("users", page.items());
		model.addAttribute("nextCursor", page.nextCursor());
		model.addAttribute("scopeNames", names(nodes));
		model.addAttribute("nodes", nodes);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("scopeId", scopeId == null ? "" : scopeId);
		model.addAttribute("role", role == null ? "" : role);
		model.addAttribute("locked", locked == null ? "" : locked);
		model.addAttribute("canRefund", canRefund == null ? "" : canRefund);
		model.addAttribute("filtered", !(blank(q) && blank(scopeId) && blank(role) && blank(locked) && blank(canRefund)));
		return Htmx.pageOrFragment(request, response, RESULTS_FRAGMENT, () -> LIST_VIEW);
	}

	@GetMapping("/admin/users/new")
	String newForm(CurrentUser operator, Model model) {
		operator.requireOperator();
		return form(operator, new UserForm("", "MERCHANT", "", Boolean.FALSE), Map.of(), model);
	}

	@PostMapping("/admin/users")
	String create(CurrentUser operator, UserForm form, Model model, HttpServletResponse response) {
		Administration.IssuedUser issued;
		try {
			issued = this.administration.createUserWithIssuedPassword(operator, form.username(), form.role(),
					form.scope(), form.refunds());
		}
		catch (ProblemException ex) {
			if (ex.status() != HttpStatus.BAD_REQUEST && ex.status() != HttpStatus.CONFLICT) {
				throw ex;
			}
			response.setStatus(ex.status().value());
			Map<String, String> errors = ex.fields().isEmpty()
					? Map.of(ex.code().equals("USERNAME_TAKEN") ? "username" : "form", this.outcomes.refusalText(ex))
					: ex.fields();
			return form(operator, form, errors, model);
		}
		response.setStatus(HttpStatus.CREATED.value());
		model.addAttribute("done", this.outcomes.text("users.created", issued.user().username()));
		return issued(operator, issued, model, response);
	}

	@GetMapping("/admin/users/{id}")
	String user(CurrentUser operator, @PathVariable String id, Model model) {
		operator.requireOperator();
		return user(operator, find(id), model);
	}

	@PostMapping("/admin/users/{id}/enabled")
	String enable(CurrentUser operator, @PathVariable String id, @RequestParam(required = false) String enabled,
			RedirectAttributes redirect) {
		boolean on = flag("enabled", enabled);
		return change(operator, id, redirect, on ? "users.enabled" : "users.disabled",
				user -> this.administration.updateUser(operator, user.id, new AccountChange(null, on, null)));
	}

	@PostMapping("/admin/users/{id}/refund")
	String refund(CurrentUser operator, @PathVariable String id, @RequestParam(required = false) String canRefund,
			RedirectAttributes redirect) {
		boolean on = flag("canRefund", canRefund);
		return change(operator, id, redirect, on ? "users.refundOn" : "users.refundOff",
				user -> this.administration.updateUser(operator, user.id, new AccountChange(on, null, null)));
	}

	@PostMapping("/admin/users/{id}/unlock")
	String unlock(CurrentUser operator, @PathVariable String id, RedirectAttributes redirect) {
		return change(operator, id, redirect, "users.unlocked", user -> this.administration.unlock(operator, user.id));
	}

	@PostMapping("/admin/users/{id}/mfa")
	String resetMfa(CurrentUser operator, @PathVariable String id, RedirectAttributes redirect) {
		return change(operator, id, redirect, "users.mfaReset", user -> this.administration.resetMfa(operator, user.id));
	}

	@PostMapping("/admin/users/{id}/password")
	String resetPassword(CurrentUser operator, @PathVariable String id, Model model, HttpServletResponse response) {
		Administration.IssuedUser issued = this.administration.resetPassword(operator, find(id).id);
		model.addAttribute("done", this.outcomes.text("users.passwordReset", issued.user().username()));
		return issued(operator, issued, model, response);
	}

	private String issued(CurrentUser operator, Administration.IssuedUser issued, Model model,
			HttpServletResponse response) {
		// the password is in this answer only: never kept by a cache or the back button
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("issuedPassword", issued.password());
		return user(operator, find(issued.user().id()), model);
	}

	private String change(CurrentUser operator, String id, RedirectAttributes redirect, String doneKey,
			java.util.function.Consumer<Target> action) {
		Target user = find(id);
		try {
			action.accept(user);
			this.outcomes.done(redirect, doneKey, user.summary.username());
		}
		catch (ProblemException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND || ex.status() == HttpStatus.FORBIDDEN) {
				throw ex;
			}
			this.outcomes.failed(redirect, ex);
		}
		return "redirect:/admin/users/" + user.id;
	}

	private String user(CurrentUser operator, Target user, Model model) {
		model.addAttribute("user", user.summary);
		model.addAttribute("security", this.users.securityStatus(user.id).orElseThrow());
		model.addAttribute("self", user.id == operator.accountId());
		model.addAttribute("scope", user.summary.scopeId() == null ? null
				: this.merchants.findNode(Long.parseLong(user.summary.scopeId())).orElse(null));
		return USER_VIEW;
	}

	private String form(CurrentUser operator, UserForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("nodes", this.merchants.visibleNodes(operator.scope()));
		return NEW_VIEW;
	}

	private Target find(String id) {
		long accountId = RequestParams.pathId(id, "User");
		AccountSummary summary = this.accounts.find(accountId).orElseThrow(() -> ProblemException.notFound("User"));
		return new Target(accountId, summary);
	}

	private static boolean flag(String name, String value) {
		if (!"true".equals(value) && !"false".equals(value)) {
			throw ProblemException.validation(name, "must be true or false");
		}
		return Boolean.parseBoolean(value);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static Map<String, String> names(List<MerchantNode> nodes) {
		Map<String, String> names = new java.util.HashMap<>();
		nodes.forEach(n -> names.put(String.valueOf(n.id()), n.name()));
		return names;
	}

	private record Target(long id, AccountSummary summary) {
	}

	/** The new-user form as posted: the password is never a field, it is issued. */
	record UserForm(String username, String role, String scopeId, Boolean canRefund) {

		Long scope() {
			if (this.scopeId == null || this.scopeId.isBlank()) {
				return null;
			}
			return this.scopeId.strip().matches("\\d{1,18}") ? Long.valueOf(this.scopeId.strip()) : -1L;
		}

		/** An unticked box sends nothing: no privilege. */
		public boolean refunds() {
			return Boolean.TRUE.equals(this.canRefund);
		}

		public boolean isRole(String value) {
			return Objects.equals(this.role, value);
		}

	}

}
