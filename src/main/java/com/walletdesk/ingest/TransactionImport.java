package com.walletdesk.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.walletdesk.audit.AuditService;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.web.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a transaction CSV file (API.md "Operator console, import, Pay By Link"): read as a
 * stream in batches of {@value #BATCH} rows, each checked as ingestion checks a request
 * ({@link BatchIngest}), all of it in one database transaction. The file's good rows are stored
 * as it goes (a refund may name a charge of an earlier batch); at the end the transaction
 * commits only when no row was bad, or partial import was asked for, and never on a dry run.
 * So a file with a bad row stores nothing, and memory holds one batch whatever the file's size.
 * Re-importing a file stores nothing new: its rows are repeats by transaction ID.
 */
@Service
public class TransactionImport {

	static final int BATCH = 1000;

	/** The errors a report lists; the count of rejected rows covers the rest. */
	public static final int MAX_ERRORS = 100;

	private final BatchIngest batches;

	private final MerchantService merchants;

	private final Imports imports;

	private final AuditService audit;

	private final TransactionTemplate transaction;

	private final Clock clock;

	TransactionImport(BatchIngest batches, MerchantService merchants, Imports imports, AuditService audit,
			TransactionTemplate transaction, Clock clock) {
		this.batches = batches;
		this.merchants = merchants;
		this.imports = imports;
		this.audit = audit;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** What to do with the file: check only, and/or store the good rows even when some are bad. */
	public record Options(boolean dryRun, boolean partial) {
	}

	/** The latest imports, newest first, for the import page. */
	public List<ImportSummary> latest(int count) {
		return this.imports.latest(count);
	}

	/**
	 * @param actor who imports (an operator's username, or the command line's user), for the audit trail
	 * @param source the file's name, as shown in the history
	 * @throws ProblemException 400 {@code INVALID_CSV_HEADER} when the first line is not the export's header
	 */
	public ImportReport importCsv(Reader csv, Options options, String actor, String source) {
		long started = System.nanoTime();
		Tally tally = new Tally();
		try (CsvTransactions file = new CsvTransactions(csv, storesByName())) {
			this.transaction.executeWithoutResult(status -> {
				this.imports.planForTheTableAsItGrows();
				tally.read(file, this.batches);
				if (options.dryRun() || tally.broken || (tally.rejected > 0 && !options.partial())) {
					status.setRollbackOnly();
				}
			});
		}
		catch (ProblemException ex) {
			this.audit.record(AuditService.INGEST, "REFUSED", actor, "import", describe(source, options) + ": "
					+ ex.code() + ": " + ex.getMessage());
			throw ex;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		boolean stored = !options.dryRun() && !tally.broken && (tally.rejected == 0 || options.partial());
		boolean passes = !tally.broken && (tally.rejected == 0 || options.partial());
		String status = !passes ? ImportReport.REJECTED : options.dryRun() ? ImportReport.CHECKED : ImportReport.IMPORTED;
		long elapsed = (System.nanoTime() - started) / 1_000_000;
		ImportReport report = new ImportReport(null, status, options.dryRun(), options.partial(), tally.rows,
				tally.accepted, stored ? tally.stored : 0, tally.rejected, List.copyOf(tally.errors), elapsed);
		long id = this.imports.insert(this.clock.instant(), actor, source, report);
		this.audit.record(AuditService.INGEST, status.equals(ImportReport.REJECTED) ? "REFUSED" : "SUCCESS", actor,
				"import/" + id, describe(source, options) + ": " + tally.rows + " rows, " + report.stored() + " stored, "
						+ tally.accepted + " accepted, " + tally.rejected + " rejected");
		return new ImportReport(String.valueOf(id), report.status(), report.dryRun(), report.partial(), report.rows(),
				report.accepted(), report.stored(), report.rejected(), report.errors(), report.elapsedMillis());
	}

	/** Every store by its group's name and its own, for files that name stores rather than give their IDs. */
	private Map<String, List<Long>> storesByName() {
		List<MerchantNode> stores = this.merchants.visibleStores(this.merchants.scopeOf(null));
		Map<Long, String> locations = this.merchants.parentNames(stores);
		Map<String, List<Long>> byName = new HashMap<>();
		for (MerchantNode store : stores) {
			byName.computeIfAbsent(CsvTransactions.nameKey(locations.get(store.id()), store.name()),
					key -> new ArrayList<>()).add(store.id());
		}
		return byName;
	}

	private static String describe(String source, Options options) {
		return "CSV import" + (source == null ? "" : " of " + source) + (options.dryRun() ? " (dry run)" : "")
				+ (options.partial() ? " (partial)" : "");
	}

	/** The counts of one import, and its first errors. */
	private static final class Tally {

		long rows;

		long accepted;

		long stored;

		long rejected;

		boolean broken;

		final List<ImportError> errors = new ArrayList<>();

		void read(CsvTransactions file, BatchIngest batches) {
			CsvTransactions.Batch batch;
			do {
				batch = file.next(BATCH);
				List<ImportError> found = new ArrayList<>(batch.errors());
				Set<Long> badLines = new HashSet<>();
				batch.errors().forEach(error -> badLines.add(error.line()));
				if (!batch.rows().isEmpty()) {
					BatchIngest.Outcome outcome = batches.ingest(batch.rows().stream().map(CsvTransactions.Row::item).toList());
					this.stored += outcome.stored();
					this.accepted += outcome.repeated();
					for (IngestProblems.Problem problem : outcome.problems()) {
						long line = batch.rows().get(problem.index()).line();
						badLines.add(line);
						found.add(new ImportError(line, ImportColumns.columnOf(problem.field(), file.byStoreId()),
								problem.code(), problem.message()));
					}
				}
				this.broken |= batch.errors().stream().anyMatch(error -> "MALFORMED_CSV".equals(error.code()));
				long malformed = this.broken ? 1 : 0; // the unreadable rest is no row of its own
				this.rows += batch.rows().size() + batch.errors().stream().map(ImportError::line).distinct().count()
						- malformed;
				this.rejected += badLines.size() - malformed;
				found.sort(Comparator.comparingLong(ImportError::line));
				for (ImportError error : found) {
					if (this.errors.size() < MAX_ERRORS) {
						this.errors.add(error);
					}
				}
			}
			while (!batch.last());
			this.accepted += this.stored;
		}

	}

}
