package com.walletdesk.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import com.walletdesk.account.AccountService;
import com.walletdesk.account.AccountService.AccountChange;
import com.walletdesk.account.AccountService.AccountSummary;
import com.walletdesk.account.AccountService.NewAccount;
import com.walletdesk.account.CurrentUser;
import com.walletdesk.account.UserDirectory;
import com.walletdesk.audit.AuditService;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.merchant.MerchantService.MerchantChange;
import com.walletdesk.merchant.MerchantService.NewMerchant;
import com.walletdesk.merchant.MerchantSummary;
import com.walletdesk.wallet.config.WalletConfig;
import com.walletdesk.wallet.config.WalletConfigException;
import com.walletdesk.wallet.config.WalletConfigService;
import com.walletdesk.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The operator's changes to merchants and users. Each goes through the owning module's
 * service (which checks it) and lands in the audit trail as {@code ADMIN_CHANGE}, refused
 * attempts included, with what was asked for and never a password.
 */
@Service
public class Administration {

	private final MerchantService merchants;

	private final AccountService accounts;

	private final UserDirectory users;

	private final AuditService audit;

	private final WalletConfigService wallets;

	Administration(MerchantService merchants, AccountService accounts, UserDirectory users, AuditService audit,
			WalletConfigService wallets) {
		this.merchants = merchants;
		this.accounts = accounts;
		this.users = users;
		this.audit = audit;
		this.wallets = wallets;
	}

	/**
	 * Connects a store's method to a wallet (API.md "Wallet providers"). 404 for an unknown store or
	 * a group; 422 {@code INVALID_WALLET_CONFIG} / {@code SECRETS_KEY_MISSING}. The audit record
	 * names the provider and the identifiers that were sent valid, never a key.
	 *
	 * @param fields the body's string members (keys among them: never written anywhere but sealed)
	 */
	public WalletConfig configureWallet(CurrentUser operator, long storeId, String method, Map<String, String> fields,
			Set<String> notText) {
		String resource = "store/" + storeId + "/wallets/" + method;
		// only the provider and, once checked, the identifiers: a key never reaches the trail
		String details = "configure wallet " + describe("provider", fields.get("provider"));
		WalletConfig saved;
		try {
			requireStore(storeId);
			saved = this.wallets.configure(storeId, method, fields, notText, operator.username());
		}
		catch (WalletConfigException ex) {
			this.audit.record(AuditService.ADMIN_CHANGE, "REFUSED", operator.username(), resource,
					details + " -> " + ex.code() + " " + ex.fields().keySet());
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ex.code(), ex.getMessage(), ex.fields());
		}
		catch (ProblemException ex) {
			this.audit.record(AuditService.ADMIN_CHANGE, "REFUSED", operator.username(), resource,
					details + " -> " + ex.code());
			throw ex;
		}
		this.audit.record(AuditService.ADMIN_CHANGE, "SUCCESS", operator.username(), resource,
				details + " " + saved.identifiers());
		return saved;
	}

	/** A store's wallet configurations, without keys (404 for an unknown store). */
	public List<WalletConfig> walletsOf(long storeId) {
		requireStore(storeId);
		return this.wallets.ofStore(storeId);
	}

	private void requireStore(long storeId) {
		if (this.merchants.findNode(storeId).filter(node -> node.isStore()).isEmpty()) {
			throw ProblemException.notFound("Store");
		}
	}

	public MerchantSummary createMerchant(CurrentUser operator, NewMerchant request) {
		operator.requireOperator();
		String details = "create merchant " + describe("kind", request.kind(), "name", request.name(), "parentId",
				request.parentId(), "location", request.location(), "timezone", request.timezone(), "currency",
				request.currency(), "locale", request.locale());
		return audited(operator, "merchant", details, () -> MerchantSummary.of(this.merchants.create(request)),
				created -> "merchant/" + created.id());
	}

	public MerchantSummary updateMerchant(CurrentUser operator, long id, MerchantChange change) {
		operator.requireOperator();
		String details = "update merchant " + describe("name", change.name(), "location", change.location(), "timezone",
				change.timezone(), "currency", change.currency(), "locale", change.locale(), "licenseActive",
				change.licenseActive());
		return audited(operator, "merchant/" + id, details,
				() -> MerchantSummary.of(this.merchants.update(id, change)), updated -> "merchant/" + id);
	}

	public AccountSummary createUser(CurrentUser operator, NewAccount request) {
		operator.requireOperator();
		String details = "create user " + describe("username", request.username(), "role", request.role(), "scopeId",
				request.scopeId(), "canRefund", request.canRefund());
		return audited(operator, "user", details, () -> this.accounts.create(request), created -> "user/" + created.id());
	}

	public AccountSummary updateUser(CurrentUser operator, long id, AccountChange change) {
		operator.requireOperator();
		String details = "update user " + describe("canRefund", change.canRefund(), "enabled", change.enabled(),
				"passwordReset", change.password() == null ? null : Boolean.TRUE);
		return audited(operator, "user/" + id, details, () -> {
			if (id == operator.accountId() && Boolean.FALSE.equals(change.enabled())) {
				// nobody would be left to switch it back on if this was the last operator
				throw ProblemException.unprocessable("CANNOT_DISABLE_SELF", "An operator cannot disable its own account");
			}
			return this.accounts.update(id, change);
		}, updated -> "user/" + id);
	}

	/** Switches a node's license on or off (everything below it follows). */
	public MerchantSummary setLicense(CurrentUser operator, long id, boolean active) {
		return updateMerchant(operator, id, new MerchantChange(null, null, null, null, null, active));
	}

	/** What switching a node's license off would end, for the operator's confirmation. */
	public UserDirectory.LicenseImpact licenseImpact(CurrentUser operator, long id) {
		operator.requireOperator();
		return this.users.licenseImpact(id);
	}

	/**
	 * A user created with a password the system issues (the console): the password is returned
	 * once, to be shown once, and must be changed by its owner at the first sign-in.
	 */
	public IssuedUser createUserWithIssuedPassword(CurrentUser operator, String username, String role, Long scopeId,
			boolean canRefund) {
		operator.requireOperator();
		String password = this.accounts.issuePassword(username == null ? "" : username.strip());
		AccountSummary user = createUser(operator, new NewAccount(username, password, role, scopeId, canRefund));
		return new IssuedUser(user, password);
	}

	/** A new password for a user, issued by the system; its sessions end and it must change it at the next sign-in. */
	public IssuedUser resetPassword(CurrentUser operator, long id) {
		operator.requireOperator();
		AccountSummary user = this.accounts.find(id).orElseThrow(() -> ProblemException.notFound("User"));
		String password = this.accounts.issuePassword(user.username());
		return new IssuedUser(updateUser(operator, id, new AccountChange(null, null, password)), password);
	}

	/** A user and the password just issued to it (shown once, never stored in clear). */
	public record IssuedUser(AccountSummary user, String password) {
	}

	public UserDirectory.UserPage listUsers(CurrentUser operator, UserDirectory.UserQuery query) {
		operator.requireOperator();
		return this.users.list(query);
	}

	public void unlock(CurrentUser operator, long id) {
		this.accounts.unlock(operator, id);
	}

	public void resetMfa(CurrentUser operator, long id) {
		this.accounts.resetMfa(operator, id);
	}

	private <T> T audited(CurrentUser operator, String resource, String details, Supplier<T> change,
			Function<T, String> resourceOf) {
		T result;
		try {
			result = change.get();
		}
		catch (ProblemException ex) {
			this.audit.record(AuditService.ADMIN_CHANGE, "REFUSED", operator.username(), resource, details + " -> " + ex.code());
			throw ex;
		}
		this.audit.record(AuditService.ADMIN_CHANGE, "SUCCESS", operator.username(), resourceOf.apply(result), details);
		return result;
	}

	/** "name=value" pairs of the fields that were sent (null ones left out), quoted where text. */
	private static String describe(Object... pairs) {
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < pairs.length; i += 2) {
			Object value = pairs[i + 1];
			if (value != null) {
				parts.add(pairs[i] + "=" + (value instanceof String text ? '"' + text + '"' : value));
			}
		}
		return String.join(" ", parts);
	}

}
