package com.walletdesk.savedview;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.transaction.Period;
import com.walletdesk.transaction.SearchTerm;
import com.walletdesk.web.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved views: a merchant's named filters of Transaction Lookup and All Transactions Search.
 * Every method takes the caller and works on its own views only: another account's view is
 * "not found", never told apart from one that does not exist. A store view names a store in
 * the caller's scope (checked here when saved; the listing checks it again when opened).
 */
@Service
public class SavedViewService {

	/** An account keeps at most this many views (the user menu lists them all). */
	public static final int MAX_VIEWS = 50;

	public static final int MAX_NAME = 80;

	private final SavedViews views;

	private final MerchantService merchants;

	private final Clock clock;

	SavedViewService(SavedViews views, MerchantService merchants, Clock clock) {
		this.views = views;
		this.merchants = merchants;
		this.clock = clock;
	}

	/** The caller's views, by name. */
	@Transactional(readOnly = true)
	public List<SavedView> list(CurrentUser user) {
		return this.views.ofAccount(user.accountId());
	}

	/** The names of the stores the caller's views name, as far as they are still in its scope. */
	@Transactional(readOnly = true)
	public Map<Long, String> storeNames(CurrentUser user, List<SavedView> views) {
		java.util.Set<Long> named = new java.util.HashSet<>();
		views.forEach(view -> {
			if (view.storeId() != null) {
				named.add(view.storeId());
			}
		});
		Map<Long, String> names = new java.util.HashMap<>();
		if (!named.isEmpty()) {
			this.merchants.visibleStores(user.scope())
				.stream()
				.filter(store -> named.contains(store.id()))
				.forEach(store -> names.put(store.id(), store.name()));
		}
		return names;
	}

	/** One of the caller's views; 404 when it is unknown or another account's. */
	@Transactional(readOnly = true)
	public SavedView find(CurrentUser user, long id) {
		return this.views.find(user.accountId(), id).orElseThrow(() -> ProblemException.notFound("Saved view"));
	}

	/** The store a new view would name: 404 outside the caller's scope; empty for All Transactions Search. */
	public Optional<MerchantNode> store(CurrentUser user, Long storeId) {
		return storeId == null ? Optional.empty() : Optional.of(this.merchants.requireVisibleStore(user.scope(), storeId));
	}

	/**
	 * Saves the filter under a name.
	 * @throws Refused with a message key per field for a missing, long or taken name, bad dates,
	 * a long search or too many views
	 */
	@Transactional
	public SavedView save(CurrentUser user, NewView view) {
		store(user, view.storeId());
		Map<String, String> refused = new LinkedHashMap<>();
		String name = view.name() == null ? "" : view.name().strip();
		if (name.isEmpty()) {
			refused.put("name", "views.error.nameRequired");
		}
		else if (name.length() > MAX_NAME) {
			refused.put("name", "views.error.nameTooLong");
		}
		Period period = null;
		if (view.rule() == SavedView.PeriodRule.FIXED) {
			try {
				period = Period.parse(view.from(), view.to()).orElse(null);
				if (period == null) {
					refused.put("from", "error.INVALID_DATE");
				}
			}
			catch (ProblemException ex) {
				refused.put(ex.code().equals("PERIOD_TOO_LONG") ? "to" : "from", "error." + ex.code());
			}
		}
		String search = view.search() == null || view.search().isBlank() ? null : view.search().strip();
		if (search != null && search.length() > SearchTerm.MAX_LENGTH) {
			refused.put("q", "error.INVALID_QUERY");
		}
		if (refused.isEmpty() && this.views.count(user.accountId()) >= MAX_VIEWS) {
			refused.put("name", "views.error.tooMany");
		}
		if (!refused.isEmpty()) {
			throw new Refused(refused);
		}
		try {
			long id = this.views.insert(user.accountId(), name, view.storeId(), view.rule(),
					period == null ? null : period.from(), period == null ? null : period.to(), search, this.clock.instant());
			return find(user, id);
		}
		catch (DuplicateKeyException ex) {
			throw new Refused(Map.of("name", "views.error.nameTaken"));
		}
	}

	/** Deletes one of the caller's views; 404 when it is unknown or another account's. */
	@Transactional
	public SavedView delete(CurrentUser user, long id) {
		SavedView view = find(user, id);
		this.views.delete(user.accountId(), id);
		return view;
	}

	/** What the save form sends: {@code from}/{@code to} count only with the FIXED rule. */
	public record NewView(String name, Long storeId, SavedView.PeriodRule rule, String from, String to, String search) {
	}

	/** A view not saved: per field, the message key of the reason. */
	public static final class Refused extends RuntimeException {

		private final Map<String, String> fields;

		Refused(Map<String, String> fields) {
			super("saved view refused: " + fields);
			this.fields = Map.copyOf(fields);
		}

		public Map<String, String> fields() {
			return this.fields;
		}

	}

}
