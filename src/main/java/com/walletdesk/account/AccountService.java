package com.walletdesk.account;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.walletdesk.merchant.MerchantService;
import com.walletdesk.web.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
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

	AccountService(Accounts accounts, MerchantService merchants, PasswordEncoder passwordEncoder,
			PasswordPolicy passwordPolicy, Clock clock) {
		this.accounts = accounts;
		this.merchants = merchants;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.clock = clock;
	}

	/** The account as it is now, or empty when it no longer exists. */
	public Optional<CurrentUser> currentUser(long accountId) {
		return this.accounts.findById(accountId).map(this::toCurrentUser);
	}

	/** Whether the account may keep using its session: enabled, and (for merchants) licensed. */
	public AccountStanding standing(long accountId) {
		Optional<Account> account = this.accounts.findById(accountId);
		if (account.isEmpty() || !account.get().enabled()) {
			return AccountStanding.GONE;
		}
		if (!account.get().isOperator() && !this.merchants.licenseActive(account.get().scopeId())) {
			return AccountStanding.LICENSE_INACTIVE;
		}
		return AccountStanding.ACTIVE;
	}

	public enum AccountStanding {

		ACTIVE, LICENSE_INACTIVE, GONE

	}

	@Transactional
	public AccountSummary create(NewAccount request) {
		String username = normaliseUsername(request.username());
		Role role = parseRole(request.role());
		Long scopeId = null;
		if (role == Role.OPERATOR && request.scopeId() != null) {
			throw invalid("scopeId", "must be empty for an OPERATOR, who sees every merchant");
		}
		if (role == Role.MERCHANT) {
			if (request.scopeId() == null) {
				throw invalid("scopeId", "is required for a MERCHANT user");
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
					Boolean.TRUE.equals(request.canRefund()), true, this.clock.instant());
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
			this.passwordPolicy.check(change.password(), account.username());
		}
		this.accounts.updateFlags(id, canRefund, enabled);
		if (change.password() != null) {
			// a password an operator set must be changed by its owner at the next sign-in
			this.accounts.updatePassword(id, this.passwordEncoder.encode(change.password()), true);
		}
		return summary(this.accounts.findById(id).orElseThrow());
	}

	public Optional<AccountSummary> find(long id) {
		return this.accounts.findById(id).map(AccountService::summary);
	}

	/** Creates the first operator when there is none; false when one already exists. */
	@Transactional
	public boolean createOperatorIfNone(String username, String password) {
		if (this.accounts.anyOperator()) {
			return false;
		}
		this.accounts.insert(normaliseUsername(username), this.passwordEncoder.encode(password), Role.OPERATOR, null,
				false, false, this.clock.instant());
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
			throw invalid("username", "must be 3 to 100 characters: letters, digits, '.', '_', '@' or '-'");
		}
		return value;
	}

	private static Role parseRole(String role) {
		try {
			return Role.valueOf(role == null ? "" : role);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("role", "must be OPERATOR or MERCHANT");
		}
	}

	private static ProblemException usernameTaken() {
		return ProblemException.conflict("USERNAME_TAKEN", "An account with this username exists");
	}

	private static ProblemException invalid(String field, String message) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Some fields are not valid",
				Map.of(field, message));
	}

	private CurrentUser toCurrentUser(Account account) {
		return new CurrentUser(account.id(), account.username(), account.role(),
				this.merchants.scopeOf(account.isOperator() ? null : account.scopeId()),
				account.canRefund());
	}

	private static AccountSummary summary(Account account) {
		return new AccountSummary(String.valueOf(account.id()), account.username(), account.role(),
				account.scopeId() == null ? null : String.valueOf(account.scopeId()), account.canRefund(),
				account.enabled());
	}

}
