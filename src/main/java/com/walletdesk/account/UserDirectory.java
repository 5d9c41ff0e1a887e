package com.walletdesk.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.walletdesk.account.session.SessionTerminator;
import com.walletdesk.account.signin.LockOut;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.web.ProblemException;

import org.springframework.stereotype.Service;

/**
 * The operators' read side of the accounts: the user list, an account's security state and what
 * a license switch would end.
 */
@Service
public class UserDirectory {

	private final Accounts accounts;

	private final AccountListing listing;

	private final MerchantService merchants;

	private final SessionTerminator sessions;

	private final LockOut lockOut;

	private final Clock clock;

	UserDirectory(Accounts accounts, AccountListing listing, MerchantService merchants, SessionTerminator sessions, LockOut lockOut,
			Clock clock) {
		this.lockOut = lockOut;
		this.accounts = accounts;
		this.listing = listing;
		this.merchants = merchants;
		this.sessions = sessions;
		this.clock = clock;
	}

	/**
	 * The operators' user list (API.md "Operator console"): by username, {@code limit} a page,
	 * continuing after the cursor's username. {@code scopeId}: accounts at or below that node.
	 */
	public UserPage list(UserQuery query) {
		List<Long> scopeIds = null;
		if (query.scopeId() != null) {
			MerchantNode node = this.merchants.findNode(query.scopeId())
				.orElseThrow(() -> ProblemException.invalidField("UNKNOWN_SCOPE", "scopeId", "no such merchant"));
			scopeIds = this.merchants.visibleNodes(this.merchants.scopeOf(node.id())).stream().map(MerchantNode::id).toList();
		}
		String q = query.q() == null || query.q().isBlank() ? null : query.q().strip().toLowerCase(Locale.ROOT);
		if (q != null && q.length() > 100) {
			throw ProblemException.invalidField("INVALID_QUERY", "q", "must be at most 100 characters");
		}
		List<AccountListing.ListedAccount> rows = this.listing.search(q, scopeIds, query.role(), query.locked(),
				query.canRefund(), this.clock.instant(), UserCursor.decode(query.cursor()), query.limit() + 1);
		boolean more = rows.size() > query.limit();
		List<ListedUser> items = rows.stream().limit(query.limit()).map(ListedUser::of).toList();
		return new UserPage(items, more ? UserCursor.encode(items.get(items.size() - 1).username()) : null);
	}

	/** Filters of the user list; null means any. */
	public record UserQuery(String q, Long scopeId, Role role, Boolean locked, Boolean canRefund, int limit,
			String cursor) {
	}

	public record UserPage(List<ListedUser> items, String nextCursor) {
	}

	/** A user in the list: the administration API's user and its security state. */
	public record ListedUser(String id, String username, Role role, String scopeId, boolean canRefund,
			boolean enabled, boolean locked, boolean mfaEnrolled, String lastSignInAt) {

		static ListedUser of(AccountListing.ListedAccount a) {
			return new ListedUser(String.valueOf(a.id()), a.username(), a.role(),
					a.scopeId() == null ? null : String.valueOf(a.scopeId()), a.canRefund(), a.enabled(), a.locked(),
					a.mfaEnrolled(), a.lastSignInAt() == null ? null : a.lastSignInAt().toString());
		}

	}

	/**
	 * What switching off the license of a node would end: the enabled merchant users at or below
	 * it, and the sessions they hold now.
	 */
	public LicenseImpact licenseImpact(long nodeId) {
		MerchantNode node = this.merchants.findNode(nodeId).orElseThrow(() -> ProblemException.notFound("Merchant"));
		List<Long> ids = this.merchants.visibleNodes(this.merchants.scopeOf(node.id())).stream().map(MerchantNode::id).toList();
		List<String> usernames = this.listing.enabledMerchantUsernames(ids);
		int sessions = usernames.stream().mapToInt(this.sessions::countSessionsOf).sum();
		return new LicenseImpact(usernames.size(), sessions);
	}

	public record LicenseImpact(int users, int sessions) {
	}

	/** Lock-out and MFA state of an account, for operators. */
	public Optional<SecurityStatus> securityStatus(long id) {
		return this.accounts.findById(id)
			.map(a -> new SecurityStatus(String.valueOf(a.id()), this.lockOut.isLocked(a),
					a.lockedAt(this.clock.instant()) ? a.lockedUntil().toString() : null, a.failedAttempts(),
					a.mfaEnrolled(), a.passwordChangeRequired()));
	}

	public record SecurityStatus(String id, boolean locked, String lockedUntil, int failedAttempts,
			boolean mfaEnrolled, boolean passwordChangeRequired) {
	}

}
