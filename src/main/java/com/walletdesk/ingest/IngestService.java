package com.walletdesk.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.walletdesk.audit.AuditService;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.transaction.RefundNotRecordedException;
import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.transaction.TransactionService;
import com.walletdesk.web.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in transactions from the payment channels (API.md "Ingestion"). A request is checked
 * whole before anything is written and then stored in one database transaction: all of it or
 * none. Idempotent by transaction ID: an ID sent again with the same content is accepted and
 * stores nothing; with other content it is a conflict.
 */
@Service
public class IngestService {

	public static final int MAX_ITEMS = 1000;

	/** The largest amount of one transaction, in minor units (see ItemChecks): for callers that check before they ingest. */
	public static final long MAX_AMOUNT_MINOR = ItemChecks.MAX_MINOR;

	private final MerchantService merchants;

	private final TransactionService transactions;

	private final AuditService audit;

	private final TransactionTemplate transaction;

	private final Clock clock;

	IngestService(MerchantService merchants, TransactionService transactions, AuditService audit,
			TransactionTemplate transaction, Clock clock) {
		this.merchants = merchants;
		this.transactions = transactions;
		this.audit = audit;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** What was accepted: every item's ID in request order, and how many rows were new. */
	public record Result(List<String> ids, int stored) {
	}

	/**
	 * @param actor who sends (an operator's username, later an API key's name), for the audit trail
	 * @param batch whether the items came as {@code {"items":[...]}} (problems then name the item)
	 */
	public Result ingest(String actor, List<IngestItem> items, boolean batch) {
		try {
			Result result = this.transaction.execute(status -> checkAndStore(items, batch));
			this.audit.record(AuditService.INGEST, "SUCCESS", actor, "transactions",
					"accepted " + items.size() + ", stored " + result.stored() + summary(result.ids()));
			return result;
		}
		catch (ProblemException ex) {
			this.audit.record(AuditService.INGEST, "REFUSED", actor, "transactions",
					items.size() + " item(s) refused: " + ex.code() + ": " + ex.getMessage());
			throw ex;
		}
	}

	private Result checkAndStore(List<IngestItem> items, boolean batch) {
		IngestProblems problems = new IngestProblems(batch);
		if (items.isEmpty() || items.size() > MAX_ITEMS) {
			throw ProblemException.badRequest(items.isEmpty() ? "VALIDATION_FAILED" : "BATCH_TOO_LARGE",
					"A request holds 1 to " + MAX_ITEMS + " transactions");
		}
		ItemChecks checks = new ItemChecks(stores(items), this.clock, problems);
		List<TransactionRow> rows = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			rows.add(checks.check(i, items.get(i)));
		}
		problems.throwIfAny();

		// an ID seen before, in this request or stored: the same content is a repeat, else a conflict
		boolean[] repeat = new boolean[rows.size()];
		Map<String, TransactionRow> stored = this.transactions.findAllById(
				rows.stream().map(TransactionRow::id).filter(Objects::nonNull).collect(Collectors.toSet()));
		Map<String, TransactionRow> seen = new HashMap<>(stored);
		for (int i = 0; i < rows.size(); i++) {
			TransactionRow row = rows.get(i);
			if (row.id() == null) {
				continue;
			}
			TransactionRow earlier = seen.putIfAbsent(row.id(), row);
			if (earlier != null) {
				if (sameContent(earlier, row)) {
					repeat[i] = true;
				}
				else {
					problems.add(i, HttpStatus.CONFLICT, "DUPLICATE_TRANSACTION_ID", "id",
							"was received before with different content");
				}
			}
		}
		problems.throwIfAny();

		new RefundChecks(this.transactions, problems).check(rows, repeat);
		problems.throwIfAny();

		return store(rows, repeat);
	}

	/** Stores the rows that are not repeats, issuing IDs where missing (also the import's batches). */
	Result store(List<TransactionRow> rows, boolean[] repeat) {
		long missing = rows.stream().filter(row -> row.id() == null).count();
		var issued = this.transactions.issueIds((int) missing).iterator();
		List<String> ids = new ArrayList<>(rows.size());
		List<TransactionRow> fresh = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			TransactionRow row = rows.get(i);
			if (row.id() == null) {
				row = withId(row, issued.next());
			}
			ids.add(row.id());
			if (!repeat[i]) {
				fresh.add(row);
			}
		}
		try {
			this.transactions.recordAll(fresh);
		}
		catch (RefundNotRecordedException ex) {
			// another request refunded the same charge between our check and our write
			throw ProblemException.unprocessable("REFUND_EXCEEDS_REMAINING",
					"The refund of " + ex.chargeId() + " is more than its charge's remaining amount; nothing was stored");
		}
		catch (DuplicateKeyException ex) {
			// another request stored one of these IDs between our check and our write: retrying tells
			throw ProblemException.conflict("DUPLICATE_TRANSACTION_ID",
					"A transaction ID of this request was stored meanwhile by another request; nothing was stored");
		}
		catch (ArithmeticException | NonTransientDataAccessException ex) {
			if (ex instanceof NonTransientDataAccessException data && !outOfRange(data)) {
				throw data;
			}
			// a store's day totals would pass what a BIGINT holds: refused, never a 500
			throw ProblemException.unprocessable("INVALID_AMOUNT",
					"These amounts would take a store's day total beyond what it can hold; nothing was stored");
		}
		return new Result(ids, fresh.size());
	}

	/** SQLSTATE 22003, numeric value out of range (PostgreSQL and H2 alike). */
	private static boolean outOfRange(NonTransientDataAccessException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLException sql && "22003".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	Map<Long, MerchantNode> stores(List<IngestItem> items) {
		Set<Long> ids = new LinkedHashSet<>();
		for (IngestItem item : items) {
			String storeId = ItemChecks.text(item.storeId());
			if (storeId != null && storeId.matches("\\d{1,18}")) {
				ids.add(Long.valueOf(storeId));
			}
		}
		return this.merchants.nodesById(ids);
	}

	/** Everything a channel sends, compared as stored (so the bookkeeping columns are not). */
	static boolean sameContent(TransactionRow a, TransactionRow b) {
		return a.storeId() == b.storeId() && a.type().equals(b.type()) && a.method().equals(b.method())
				&& a.channel().equals(b.channel()) && a.amount() == b.amount() && a.tip() == b.tip()
				&& a.currency().equals(b.currency()) && a.createdAt().equals(b.createdAt())
				&& Objects.equals(a.reference(), b.reference()) && Objects.equals(a.vendorReference(), b.vendorReference())
				&& Objects.equals(a.parentId(), b.parentId()) && Objects.equals(a.terminalId(), b.terminalId())
				&& Objects.equals(a.loginCode(), b.loginCode()) && Objects.equals(a.cardNumber(), b.cardNumber())
				&& Objects.equals(a.disputeTag(), b.disputeTag())
				&& Objects.equals(a.transactionTag(), b.transactionTag());
	}

	private static TransactionRow withId(TransactionRow row, String id) {
		return new TransactionRow(id, row.storeId(), row.type(), row.method(), row.channel(), row.amount(), row.tip(),
				row.currency(), row.createdAt(), row.reference(), row.vendorReference(), row.parentId(),
				row.terminalId(), row.loginCode(), row.cardNumber(), row.disputeTag(), row.transactionTag(), 0, 0);
	}

	private static String summary(List<String> ids) {
		return ids.size() <= 5 ? ": " + String.join(", ", ids)
				: ": " + String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more";
	}

}
