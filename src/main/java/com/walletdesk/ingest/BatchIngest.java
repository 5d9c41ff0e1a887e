package com.walletdesk.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.transaction.TransactionService;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One batch of an import, checked item by item exactly as ingestion checks a request
 * ({@link ItemChecks}, the duplicate-ID rule, {@link RefundChecks}), inside the import's own
 * database transaction. Unlike a request, a batch is not refused whole: the items that pass are
 * stored, so that later batches may refund the charges of earlier ones, and the import decides
 * at its end whether to commit (see {@link TransactionImport}).
 */
@Component
class BatchIngest {

	private final IngestService ingest;

	private final TransactionService transactions;

	private final Clock clock;

	BatchIngest(IngestService ingest, TransactionService transactions, Clock clock) {
		this.ingest = ingest;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What became of a batch: rows stored new, rows already stored with the same content, problems by index. */
	record Outcome(int stored, int repeated, List<IngestProblems.Problem> problems) {
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Outcome ingest(List<IngestItem> items) {
		IngestProblems problems = new IngestProblems(true);
		ItemChecks checks = new ItemChecks(this.ingest.stores(items), this.clock, problems);
		List<TransactionRow> rows = new ArrayList<>(items.size());
		int dashboardRefunds = 0;
		for (int i = 0; i < items.size(); i++) {
			IngestItem item = items.get(i);
			if (TransactionRow.REFUND_DASHBOARD.equals(ItemChecks.text(item.type()))) {
				rows.add(null); // looked at below: only the dashboard's own rows come back in
				dashboardRefunds++;
				continue;
			}
			rows.add(checks.check(i, item));
		}

		Map<String, TransactionRow> stored = this.transactions.findAllById(items.stream()
			.map(item -> ItemChecks.text(item.id()))
			.filter(Objects::nonNull)
			.collect(Collectors.toSet()));
		int repeated = dashboardRefunds == 0 ? 0 : dashboardRefunds(items, stored, problems);

		// an ID seen before, in this batch or stored: the same content is a repeat, else a conflict
		boolean[] repeat = new boolean[rows.size()];
		Map<String, TransactionRow> seen = new HashMap<>(stored);
		for (int i = 0; i < rows.size(); i++) {
			TransactionRow row = rows.get(i);
			if (row == null || row.id() == null) {
				continue;
			}
			TransactionRow earlier = seen.putIfAbsent(row.id(), row);
			if (earlier != null) {
				if (IngestService.sameContent(earlier, row)) {
					repeat[i] = true;
				}
				else {
					problems.add(i, HttpStatus.CONFLICT, "DUPLICATE_TRANSACTION_ID", "id",
							"was received before with different content");
					rows.set(i, null);
				}
			}
		}

		// the refund checks see only the rows still good; their problems are mapped back to the batch's index
		List<Integer> index = new ArrayList<>();
		List<TransactionRow> good = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i) != null && !problems.has(i)) {
				index.add(i);
				good.add(rows.get(i));
			}
		}
		boolean[] goodRepeat = new boolean[good.size()];
		for (int k = 0; k < good.size(); k++) {
			goodRepeat[k] = repeat[index.get(k)];
		}
		IngestProblems refundProblems = new IngestProblems(true);
		new RefundChecks(this.transactions, refundProblems).check(good, goodRepeat);
		boolean[] refused = new boolean[good.size()];
		for (IngestProblems.Problem problem : refundProblems.list()) {
			refused[problem.index()] = true;
			problems.add(index.get(problem.index()), problem.status(), problem.code(), problem.field(), problem.message());
		}

		List<TransactionRow> toStore = new ArrayList<>(good.size());
		List<Boolean> storeRepeat = new ArrayList<>(good.size());
		for (int k = 0; k < good.size(); k++) {
			if (!refused[k]) {
				toStore.add(good.get(k));
				storeRepeat.add(goodRepeat[k]);
			}
		}
		boolean[] flags = new boolean[toStore.size()];
		for (int k = 0; k < flags.length; k++) {
			flags[k] = storeRepeat.get(k);
			repeated += flags[k] ? 1 : 0;
		}
		int fresh = toStore.isEmpty() ? 0 : this.ingest.store(toStore, flags).stored();
		List<IngestProblems.Problem> ordered = new ArrayList<>(problems.list());
		ordered.sort(java.util.Comparator.comparingInt(IngestProblems.Problem::index));
		return new Outcome(fresh, repeated, ordered);
	}

	/**
	 * Dashboard refunds are made here, never fed in: an exported file holds them, so one that is
	 * stored already (same ID, store, amount, currency and time) counts as a repeat, and any other
	 * is refused. Returns how many were repeats.
	 */
	private static int dashboardRefunds(List<IngestItem> items, Map<String, TransactionRow> stored,
			IngestProblems problems) {
		int repeated = 0;
		for (int i = 0; i < items.size(); i++) {
			IngestItem item = items.get(i);
			if (!TransactionRow.REFUND_DASHBOARD.equals(ItemChecks.text(item.type()))) {
				continue;
			}
			TransactionRow row = stored.get(ItemChecks.text(item.id()));
			if (row != null && TransactionRow.REFUND_DASHBOARD.equals(row.type())
					&& String.valueOf(row.storeId()).equals(ItemChecks.text(item.storeId()))
					&& row.amountMoney().toDecimalString().equals(ItemChecks.text(item.amount()))
					&& row.createdAt().toString().equals(instantText(item.createdAt()))) {
				repeated++;
			}
			else {
				problems.refused(i, "UNSUPPORTED_TYPE", "type",
						"refund_dashboard is a refund made on this dashboard; only its own, already stored, can be imported");
			}
		}
		return repeated;
	}

	private static String instantText(String text) {
		try {
			return java.time.Instant.parse(ItemChecks.text(text)).truncatedTo(java.time.temporal.ChronoUnit.MICROS)
				.toString();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
