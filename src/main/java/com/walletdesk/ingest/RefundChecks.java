package com.walletdesk.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.walletdesk.money.Money;
import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.transaction.TransactionService;

/**
 * A refund made in the app must name a charge (stored, or new in the same request) of the
 * same store and payment method, and all refunds of a charge together must fit in what
 * remains of it. The database checks the amount again when it writes (another request may
 * refund the same charge meanwhile); this check names the item that does not fit.
 */
final class RefundChecks {

	private final TransactionService transactions;

	private final IngestProblems problems;

	RefundChecks(TransactionService transactions, IngestProblems problems) {
		this.transactions = transactions;
		this.problems = problems;
	}

	void check(List<TransactionRow> rows, boolean[] repeat) {
		Map<String, TransactionRow> newCharges = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			TransactionRow row = rows.get(i);
			if (!repeat[i] && row.id() != null && row.isCharge()) {
				newCharges.put(row.id(), row);
			}
		}
		Set<String> storedParents = rows.stream()
			.filter(row -> !row.isCharge())
			.map(TransactionRow::parentId)
			.filter(id -> !newCharges.containsKey(id))
			.collect(Collectors.toSet());
		Map<String, TransactionRow> stored = this.transactions.findAllById(storedParents);

		Map<String, Long> remaining = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			TransactionRow refund = rows.get(i);
			if (repeat[i] || refund.isCharge()) {
				continue;
			}
			TransactionRow parent = newCharges.containsKey(refund.parentId()) ? newCharges.get(refund.parentId())
					: stored.get(refund.parentId());
			String wrong = whatIsWrong(refund, parent);
			if (wrong != null) {
				this.problems.refused(i, "INVALID_PARENT", "parentId", wrong);
				continue;
			}
			long left = remaining.computeIfAbsent(parent.id(), id -> parent.remaining());
			if (refund.amount() > left) {
				this.problems.refused(i, "REFUND_EXCEEDS_REMAINING", "amount",
						"is more than the " + Money.ofMinor(left, parent.currency()) + " that remain of charge " + parent.id());
				continue;
			}
			remaining.put(parent.id(), left - refund.amount());
		}
	}

	private static String whatIsWrong(TransactionRow refund, TransactionRow parent) {
		if (parent == null) {
			return "names no known transaction";
		}
		if (!parent.isCharge()) {
			return "names a refund; a refund's parent is a charge";
		}
		if (parent.storeId() != refund.storeId()) {
			return "names a charge of another store";
		}
		if (!parent.method().equals(refund.method())) {
			return "names a charge paid with another method; a refund goes back the way it was paid";
		}
		return null;
	}

}
