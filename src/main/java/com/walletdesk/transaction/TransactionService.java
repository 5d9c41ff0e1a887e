package com.walletdesk.transaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write side of transactions, for the modules allowed to write them (ingestion, refunds,
 * demo data). Callers check the caller's rights; this class keeps the table's own rules: a
 * refund always names a charge of the same store and never takes it beyond its amount.
 */
@Service
public class TransactionService {

	private final Transactions transactions;

	private final StoreDayTotals dayTotals;

	TransactionService(Transactions transactions, StoreDayTotals dayTotals) {
		this.transactions = transactions;
		this.dayTotals = dayTotals;
	}

	/**
	 * Fresh 12-digit gateway IDs, unique across instances. IDs a channel already sent in
	 * (ingestion accepts any 12 digits) are skipped, so an issued ID never collides with one.
	 */
	public List<String> issueIds(int count) {
		List<String> issued = new ArrayList<>(count);
		while (issued.size() < count) {
			List<String> candidates = this.transactions.nextIds(count - issued.size());
			Set<String> taken = this.transactions.existingIds(candidates);
			candidates.stream().filter(id -> !taken.contains(id)).forEach(issued::add);
		}
		return issued;
	}

	/** Any transaction by id, unscoped: for trusted writers that check rights themselves. */
	public Optional<TransactionRow> findById(String id) {
		return this.transactions.findById(id);
	}

	/** Stored transactions among these ids, unscoped, by id (ids not stored are absent). */
	public Map<String, TransactionRow> findAllById(Collection<String> ids) {
		return ids.isEmpty() ? Map.of() : this.transactions.findAllById(ids);
	}

	/** The row, locked until the surrounding database transaction ends. */
	@Transactional
	public Optional<TransactionRow> lock(String id) {
		return this.transactions.findByIdForUpdate(id);
	}

	/**
	 * Stores a transaction. A refund made in the app is added to its charge's refunded amount in
	 * the same database transaction; false (and nothing stored) when it exceeds what remains or
	 * names no charge of its store.
	 */
	@Transactional
	public boolean record(TransactionRow row) {
		if (!row.isCharge() && !this.transactions.addRefunded(row.parentId(), row.storeId(), row.amount())) {
			return false;
		}
		this.transactions.insert(row);
		this.dayTotals.add(List.of(row));
		return true;
	}

	/**
	 * Stores new charges and app refunds together, all or none, in JDBC batches: the charges
	 * first (a refund may name a charge of the same batch), then each charge's refunded amount
	 * grows by the sum of its new refunds, then the refunds.
	 * @throws RefundNotRecordedException (and nothing is stored) when a refund names no charge of
	 * its store or takes its charge beyond its amount, e.g. because another refund got there first
	 */
	@Transactional
	public void recordAll(List<TransactionRow> rows) {
		List<TransactionRow> charges = new ArrayList<>();
		List<TransactionRow> refunds = new ArrayList<>();
		Map<String, Transactions.RefundTotal> totals = new LinkedHashMap<>();
		for (TransactionRow row : rows) {
			if (row.refunded() != 0 || row.refundPending() != 0) {
				// a new charge's refunded amount is the sum of its refund rows, which grow it below
				throw new IllegalArgumentException("a new transaction starts with nothing refunded: " + row.id());
			}
			if (row.isCharge()) {
				charges.add(row);
			}
			else if (TransactionRow.REFUND.equals(row.type()) && row.parentId() != null) {
				refunds.add(row);
				totals.merge(row.parentId(), new Transactions.RefundTotal(row.parentId(), row.storeId(), row.amount()),
						(a, b) -> new Transactions.RefundTotal(a.chargeId(),
								a.storeId() == b.storeId() ? a.storeId() : -1, Math.addExact(a.amount(), b.amount())));
			}
			else {
				throw new IllegalArgumentException("recordAll stores charges and app refunds, not " + row.type());
			}
		}
		this.transactions.insertAll(charges);
		if (!totals.isEmpty()) {
			List<String> refused = this.transactions.addRefundedAll(List.copyOf(totals.values()));
			if (!refused.isEmpty()) {
				throw new RefundNotRecordedException(refused.get(0));
			}
			this.transactions.insertAll(refunds);
		}
		// last: after every charge row this locks (see StoreDayTotals)
		this.dayTotals.add(rows);
	}

	// --- dashboard refunds: called by the refund module inside its own database transactions ---

	/**
	 * Reserves {@code amount} for a pending dashboard refund of a charge, made at {@code at}: on
	 * the charge (never beyond what remains of it), then on its store's day (never beyond the
	 * China day's sales less its refunds, stored and reserved). Each is a guarded UPDATE that
	 * locks its row, in the order every writer takes them; the tables' CHECKs back them.
	 *
	 * @throws RefundNotReservedException when either does not fit; the caller's transaction is
	 * then rolled back (a reservation on the charge alone is never kept)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void reserveRefund(TransactionRow charge, long amount, Instant at) {
		if (!this.transactions.addPending(charge.id(), amount)) {
			throw new RefundNotReservedException(RefundNotReservedException.Reason.EXCEEDS_REMAINING);
		}
		if (!this.dayTotals.reserve(charge.storeId(), charge.currency(), ChinaDay.of(at), amount)) {
			throw new RefundNotReservedException(RefundNotReservedException.Reason.EXCEEDS_DAILY_BALANCE);
		}
	}

	/**
	 * Gives back the reservation of a refund that failed (reserved at {@code reservedAt}).
	 * Returns the charge as it is now.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public TransactionRow releaseRefund(String chargeId, long amount, Instant reservedAt) {
		TransactionRow charge = this.transactions.releasePending(chargeId, amount)
			.orElseThrow(() -> notReserved("charge " + chargeId, amount));
		if (!this.dayTotals.release(charge.storeId(), charge.currency(), ChinaDay.of(reservedAt), amount)) {
			throw notReserved("the day of charge " + chargeId, amount);
		}
		return charge;
	}

	/**
	 * Settles a reserved refund as succeeded: moves the reservation to the refunded amount, on
	 * the charge and on the day, and stores its {@code refund_dashboard} transaction (parent: the
	 * charge; created at the refund's own time, the time it was reserved at, so the day it counts
	 * on never changes) under a new ID, in the caller's transaction. Returns the charge as it is
	 * now and the new transaction's ID.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public SettledRefund settleRefund(String chargeId, long amount, Instant createdAt, String vendorReference) {
		TransactionRow charge = this.transactions.movePendingToRefunded(chargeId, amount)
			.orElseThrow(() -> notReserved("charge " + chargeId, amount));
		TransactionRow refund = new TransactionRow(null, charge.storeId(), TransactionRow.REFUND_DASHBOARD,
				charge.method(), charge.channel(), amount, 0, charge.currency(), createdAt, charge.reference(),
				vendorReference, chargeId, null, null, null, null, null, 0, 0);
		// the INSERT draws its ID from the sequence and returns it; empty when a channel already
		// sent a transaction in under that ID (ingestion accepts any 12 digits): draw the next
		String transactionId;
		do {
			transactionId = this.transactions.insertUnderNewId(refund).orElse(null);
		}
		while (transactionId == null);
		if (!this.dayTotals.settle(charge.storeId(), charge.currency(), ChinaDay.of(createdAt), amount)) {
			throw notReserved("the day of charge " + chargeId, amount);
		}
		return new SettledRefund(charge, transactionId);
	}

	private static IllegalStateException notReserved(String what, long amount) {
		return new IllegalStateException(what + " has less than " + amount + " reserved");
	}

	/** A settled refund: its charge as it is now, and its refund_dashboard transaction's ID. */
	public record SettledRefund(TransactionRow charge, String transactionId) {
	}

}
