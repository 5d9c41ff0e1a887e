package com.walletdesk.account;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import com.walletdesk.account.password.PasswordChanges;
import com.walletdesk.account.password.PasswordPolicy;
import com.walletdesk.account.session.SessionTerminator;
import com.walletdesk.audit.AuditService;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.merchant.Scope;
import com.walletdesk.web.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: creation and changes by operators, and the per-request view of the signed-in account. */
@Service
public class AccountService {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,99}");

	private final Accounts accounts;

	private final MerchantService merchants;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final Clock clock;

	private final SessionTerminator sessions;

	private final AuditService audit;

	private final PasswordChanges passwordChanges;

	private final com.walletdesk.account.signin.MfaService mfa;

	AccountService(Accounts accounts, MerchantService merchants, PasswordEncoder passwordEncoder,
			PasswordPolicy passwordPolicy, Clock clock, SessionTerminator sessions,
			AuditService audit, PasswordChanges passwordChanges, com.walletdesk.account.signin.MfaService mfa) {
		this.mfa = mfa;
		this.accounts = accounts;
		this.merchants = merchants;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.clock = clock;
		this.sessions = sessions;
		this.audit = audit;
		this.passwordChanges = passwordChanges;
	}

	/** The account as it is now, or empty when it no longer exists. */
	public Optional<CurrentUser> currentUser(long accountId) {
		return this.accounts.findById(accountId).map(this::toCurrentUser);
	}

	/** The stored account, for the filters of this module. */
	public Optional<Account> account(long accountId) {
		return this.accounts.findById(accountId);
	}

	/**
	 * The per-request check of a signed-in account (given as just read): whether it may keep its
	 * session and, when it may, who it is now. One read of its scope answers both the license
	 * and the scope, since every request of every merchant asks.
	 */
	public AccountCheck check(Account account) {
		if (account == null || !account.enabled()) {
			return new AccountCheck(AccountStanding.GONE, null);
		}
		if (account.isOperator()) {
			return new AccountCheck(AccountStanding.ACTIVE, toCurrentUser(account, this.merchants.scopeOf(null)));
		}
		return this.merchants.licensedScopeOf(account.scopeId())
			.filter(MerchantService.LicensedScope::licenseActive)
			.map(licensed -> new AccountCheck(AccountStanding.ACTIVE, toCurrentUser(account, licensed.scope())))
			.orElseGet(() -> new AccountCheck(AccountStanding.LICENSE_INACTIVE, null));
	}

	/** The outcome of {@link #check}: the user is set only when the standing is ACTIVE. */
	public record AccountCheck(AccountStanding standing, CurrentUser user) {
	}

	CurrentUser toCurrentUser(Account account) {
		return toCurrentUser(account, this.merchants.scopeOf(account.isOperator() ? null : account.scopeId()));
	}

	private static CurrentUser toCurrentUser(Account account, Scope scope) {
		return new CurrentUser(account.id(), account.username(), account.role(), scope, account.canRefund());
	}

	public enum AccountStanding {

		ACTIVE, LICENSE_INACTIVE, GONE

	}

	/** An account created by an operator: its owner must change the issued password at the first sign-in. */
	@Transactional
	public AccountSummary create(NewAccount request) {
		return create(request, true);
	}

	/**
	 * An account whose password is published with it (the demo data set's documented sign-ins):
	 * no forced change. The second factor is still required where the rules require it.
	 */
	@Transactional
	public AccountSummary createWithPublishedPassword(NewAccount request) {
		return create(request, false);
	}

	private AccountSummary create(NewAccount request, boolean passwordChangeRequired) {
		String username = normaliseUsername(request.username());
		Role role = parseRole(request.role());
		Long scopeId = null;
		if (role == Role.OPERATOR && request.scopeId() != null) {
			throw ProblemException.validation("scopeId", "must be empty for an OPERATOR, who sees every merchant");
		}
		if (role == Role.MERCHANT) {
			if (request.scopeId() == null) {
				throw ProblemException.validation("scopeId", "is required for a MERCHANT user");
			}
			scopeId = this.merchants.findNode(request.scopeId())
				.orElseThrow(() -> ProblemException.invalidField("UNKNOWN_SCOPE", "scopeId", "no such merchant"))
				.id();
		}
		this.passwordPolicy.check(request.password(), username);
		if (this.accounts.findByUsername(username).isPresent()) {
			throw usernameTaken();
		}
		long id;
		try {
			id = this.accounts.insert(username, this.passwordEncoder.encode(request.password()), role, scopeId,
					Boolean.TRUE.equals(request.canRefund()), passwordChangeRequired, this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			// two operators creating the same username at once: the unique index decides
			throw usernameTaken();
		}
		return summary(this.accounts.findById(id).orElseThrow());
	}

	@Transactional
	public AccountSummary update(long id, AccountChange change) {
		Account account = this.accounts.findById(id).orElseThrow(() -> ProblemException.notFound("User"));
		boolean canRefund = change.canRefund() == null ? account.canRefund() : change.canRefund();
		boolean enabled = change.enabled() == null ? account.enabled() : change.enabled();
		if (change.password() != null) {
			this.passwordChanges.checkNew(account, change.password());
		}
		// every check above passed: now change, so a refused request changes nothing
		this.accounts.updateFlags(id, canRefund, enabled);
		if (change.password() != null) {
			// a password an operator set must be changed by its owner at the next sign-in
			this.accounts.updatePassword(id, this.passwordEncoder.encode(change.password()), true, this.clock.instant());
			this.audit.record(AuditService.PASSWORD_CHANGE, "RESET_BY_OPERATOR", account.username(), "account", null);
		}
		if (!enabled || change.password() != null) {
			// a disabled account, or one whose password was reset, keeps no session anywhere
			this.sessions.endSessionsOf(account.username(), null);
		}
		return summary(this.accounts.findById(id).orElseThrow());
	}

	/** An operator lifts a lock-out before its time (and clears the failure count). */
	@Transactional
	public void unlock(CurrentUser operator, long id) {
		unlock(id, operator.requireOperator().username());
	}

	private void unlock(long id, String operator) {
		Account account = this.accounts.findById(id).orElseThrow(() -> ProblemException.notFound("User"));
		this.accounts.clearFailures(id);
		this.audit.record(AuditService.ADMIN_CHANGE, "SUCCESS", operator, "user/" + id,
				"unlocked " + account.username());
	}

	/** An operator removes an account's authenticator (a lost phone); it enrols again at its next sign-in. */
	public void resetMfa(CurrentUser operator, long id) {
		this.mfa.reset(id, operator.requireOperator().username());
	}

	/** A password for an operator to hand over, which its owner must change at the first sign-in. */
	public String issuePassword(String username) {
		return this.passwordPolicy.issue(username);
	}

	public Optional<AccountSummary> find(long id) {
		return this.accounts.findById(id).map(AccountService::summary);
	}

	/**
	 * Creates the first operator when there is none; false when one already exists. A generated
	 * password must be changed at the first sign-in; a configured one is the deployer's choice.
	 */
	@Transactional
	public boolean createOperatorIfNone(String username, String password, boolean passwordChangeRequired) {
		if (this.accounts.anyOperator()) {
			return false;
		}
		this.accounts.insert(normaliseUsername(username), this.passwordEncoder.encode(password), Role.OPERATOR, null,
				false, passwordChangeRequired, this.clock.instant());
		return true;
	}

	/** The account's JSON shape in the administration API. */
	public record AccountSummary(String id, String username, Role role, String scopeId, boolean canRefund,
			boolean enabled) {
	}

	public record NewAccount(String username, String password, String role, Long scopeId, Boolean canRefund) {
	}

	public record AccountChange(Boolean canRefund, Boolean enabled, String password) {
	}

	static String normaliseUsername(String username) {
		String value = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
		if (!USERNAME.matcher(value).matches()) {
			throw ProblemException.validation("username", "must be 3 to 100 characters: letters, digits, '.', '_', '@' or '-'");
		}
		return value;
	}

	private static Role parseRole(String role) {
		try {
			return Role.valueOf(role == null ? "" : role);
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.validation("role", "must be OPERATOR or MERCHANT");
		}
	}

	private static ProblemException usernameTaken() {
		return ProblemException.conflict("USERNAME_TAKEN", "An account with this username exists");
	}

	private static AccountSummary summary(Account account) {
		return new AccountSummary(String.valueOf(account.id()), account.username(), account.role(),
				account.scopeId() == null ? null : String.valueOf(account.scopeId()), account.canRefund(),
				account.enabled());
	}

}
