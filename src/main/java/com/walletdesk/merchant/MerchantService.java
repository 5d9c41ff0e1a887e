package com.walletdesk.merchant;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.walletdesk.money.InvalidAmountException;
import com.walletdesk.money.Money;
import com.walletdesk.web.ProblemException;


import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant tree and the scope rules over it. Every read takes the caller's {@link Scope}
 * and answers "not found" for anything outside it, so no page or endpoint can forget.
 */
@Service
public class MerchantService {

	private final MerchantNodes nodes;

	private final Clock clock;

	MerchantService(MerchantNodes nodes, Clock clock) {
		this.nodes = nodes;
		this.clock = clock;
	}

	/** The scope of an account hanging from {@code nodeId}; null means everything (operators). */
	public Scope scopeOf(Long nodeId) {
		if (nodeId == null) {
			return Scope.all();
		}
		MerchantNode root = this.nodes.findById(nodeId)
			.orElseThrow(() -> new IllegalStateException("scope node " + nodeId + " does not exist"));
		return Scope.under(root);
	}

	/** Whether no merchant exists yet (a new database). */
	public boolean isEmpty() {
		return !this.nodes.any();
	}

	/** The scope's node and everything below it, parents before children. */
	public List<MerchantNode> visibleNodes(Scope scope) {
		return scope.isAll() ? this.nodes.findAll() : this.nodes.findSubtree(scope.rootPath());
	}

	public List<MerchantNode> visibleStores(Scope scope) {
		return this.nodes.findStores(scope.isAll() ? "/" : scope.rootPath());
	}

	/** The stores under a visible node (the node itself when it is a store). */
	public List<MerchantNode> storesUnder(Scope scope, long nodeId) {
		MerchantNode node = requireVisible(scope, nodeId);
		return this.nodes.findStores(node.path());
	}

	public MerchantNode requireVisible(Scope scope, long id) {
		return this.nodes.findById(id).filter(scope::contains).orElseThrow(() -> ProblemException.notFound("Merchant"));
	}

	/**
	 * The one answer to "may this account see this store": the store, or 404 unless the node is
	 * a store inside the scope. Reads the node every time, so a node moved or re-licensed is
	 * judged as it is now.
	 */
	public MerchantNode requireVisibleStore(Scope scope, long id) {
		MerchantNode node = requireVisible(scope, id);
		if (!node.isStore()) {
			throw ProblemException.notFound("Store");
		}
		return node;
	}

	/** Nodes by id, for decorating rows the caller is already allowed to see. */
	public Map<Long, MerchantNode> nodesById(Collection<Long> ids) {
		return this.nodes.findAllById(ids).stream().collect(Collectors.toMap(MerchantNode::id, Function.identity()));
	}

	/** A node by id regardless of scope: for operators' administration, which sees everything. */
	public Optional<MerchantNode> findNode(long id) {
		return this.nodes.findById(id);
	}

	/** The name of each store's parent group: the {@code location} column of a transaction. */
	public Map<Long, String> parentNames(Collection<MerchantNode> stores) {
		Map<Long, MerchantNode> parents = nodesById(
				stores.stream().map(MerchantNode::parentId).filter(java.util.Objects::nonNull).distinct().toList());
		Map<Long, String> names = new LinkedHashMap<>();
		for (MerchantNode store : stores) {
			MerchantNode parent = store.parentId() == null ? null : parents.get(store.parentId());
			names.put(store.id(), parent == null ? null : parent.name());
		}
		return names;
	}

	/** The effective license: on only when this node and every node above it are on. */
	public boolean licenseActive(long nodeId) {
		return this.nodes.findWithLicense(nodeId).map(MerchantNodes.LicensedNode::licenseActive).orElse(false);
	}

	/**
	 * The scope under a node and whether its license (and every license above it) is on, in one
	 * read: what each signed-in request of a merchant account needs. Empty when the node is gone.
	 */
	public Optional<LicensedScope> licensedScopeOf(long nodeId) {
		return this.nodes.findWithLicense(nodeId)
			.map(found -> new LicensedScope(Scope.under(found.node()), found.licenseActive()));
	}

	/** A merchant account's scope, and whether its dashboard license is on. */
	public record LicensedScope(Scope scope, boolean licenseActive) {
	}

	@Transactional
	public MerchantNode create(NewMerchant request) {
		MerchantNode.Kind kind = parseKind(request.kind());
		String name = required("name", request.name(), 200);
		MerchantNode parent = null;
		if (request.parentId() != null) {
			parent = this.nodes.findById(request.parentId())
				.orElseThrow(() -> ProblemException.invalidField("UNKNOWN_PARENT", "parentId", "no such merchant"));
			if (parent.isStore()) {
				throw ProblemException.invalidField("INVALID_PARENT", "parentId", "a store cannot hold other merchants");
			}
		}
		else if (kind == MerchantNode.Kind.STORE) {
			throw ProblemException.invalidField("VALIDATION_FAILED", "parentId", "a store needs a parent group");
		}
		String timezone = null, currency = null, locale = null;
		if (kind == MerchantNode.Kind.STORE || request.timezone() != null || request.currency() != null
				|| request.locale() != null) {
			timezone = zone(request.timezone(), kind == MerchantNode.Kind.STORE);
			currency = currency(request.currency(), kind == MerchantNode.Kind.STORE);
			locale = locale(request.locale(), kind == MerchantNode.Kind.STORE);
		}
		String location = optional("location", request.location(), 200);
		long id = this.nodes.insert(parent == null ? null : parent.id(), kind, name, location, timezone, currency, locale,
				parent == null ? null : parent.path(), this.clock.instant());
		return this.nodes.findById(id).orElseThrow();
	}

	@Transactional
	public MerchantNode update(long id, MerchantChange change) {
		MerchantNode node = this.nodes.findById(id).orElseThrow(() -> ProblemException.notFound("Merchant"));
		boolean store = node.isStore();
		String name = change.name() == null ? node.name() : required("name", change.name(), 200);
		String location = change.location() == null ? node.location() : optional("location", change.location(), 200);
		String timezone = change.timezone() == null ? node.timezone() : zone(change.timezone(), store);
		String currency = change.currency() == null ? node.currency() : currency(change.currency(), store);
		if (store && !currency.equals(node.currency())) {
			// a store's transactions, refunds and daily balances are in its currency: it stays
			throw ProblemException.unprocessable("CURRENCY_CHANGE_NOT_ALLOWED",
					"A store's currency cannot change; open a new store for another currency");
		}
		String locale = change.locale() == null ? node.locale() : locale(change.locale(), store);
		this.nodes.updateDetails(id, name, location, timezone, currency, locale);
		if (change.licenseActive() != null) {
			this.nodes.updateLicense(id, change.licenseActive());
		}
		return this.nodes.findById(id).orElseThrow();
	}

	/** Fields of a new merchant as sent by an operator; checked here, not by the caller. */
	public record NewMerchant(String kind, String name, Long parentId, String location, String timezone,
			String currency, String locale) {
	}

	/** A partial change: null leaves a field as it is. */
	public record MerchantChange(String name, String location, String timezone, String currency, String locale,
			Boolean licenseActive) {
	}

	private static MerchantNode.Kind parseKind(String kind) {
		try {
			return MerchantNode.Kind.valueOf(kind == null ? "" : kind);
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalidField("VALIDATION_FAILED", "kind", "must be GROUP or STORE");
		}
	}

	private static String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw ProblemException.invalidField("VALIDATION_FAILED", field, "must not be blank");
		}
		return optional(field, value, max);
	}

	private static String optional(String field, String value, int max) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.length() > max) {
			throw ProblemException.invalidField("VALIDATION_FAILED", field, "must be at most " + max + " characters");
		}
		return trimmed.isEmpty() ? null : trimmed;
	}

	private static String zone(String value, boolean required) {
		if (value == null) {
			return missing("timezone", required);
		}
		try {
			return ZoneId.of(value).getId();
		}
		catch (DateTimeException ex) {
			throw ProblemException.invalidField("VALIDATION_FAILED", "timezone", "must be a time zone such as Europe/Paris");
		}
	}

	private static String currency(String value, boolean required) {
		if (value == null) {
			return missing("currency", required);
		}
		try {
			return Money.currency(value).getCurrencyCode();
		}
		catch (InvalidAmountException ex) {
			throw ProblemException.invalidField("VALIDATION_FAILED", "currency", "must be an ISO 4217 code such as EUR");
		}
	}

	private static String locale(String value, boolean required) {
		if (value == null) {
			return missing("locale", required);
		}
		try {
			Locale locale = new Locale.Builder().setLanguageTag(value).build();
			if (locale.getLanguage().isEmpty()) {
				throw new IllformedLocaleException("no language");
			}
			return locale.toLanguageTag();
		}
		catch (IllformedLocaleException ex) {
			throw ProblemException.invalidField("VALIDATION_FAILED", "locale", "must be a language tag such as pt-PT");
		}
	}

	private static String missing(String field, boolean required) {
		if (required) {
			throw ProblemException.validation(field, "is required for a store");
		}
		return null;
	}

}
