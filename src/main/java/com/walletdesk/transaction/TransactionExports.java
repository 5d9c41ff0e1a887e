package com.walletdesk.transaction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.web.ProblemException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every row of a lookup or search, for a file: the same stores, period, search and order as
 * the pages ({@link TransactionQuery}), read from the database in keyset chunks and handed on
 * row by row, so memory holds one chunk whatever the number of rows. Scope and size are
 * checked before the first row, so a refusal is still a clean answer and not a cut-off file.
 */
@Service
public class TransactionExports {

	/** API.md: at most this many rows in one export. */
	public static final int MAX_ROWS_DEFAULT = 1_000_000;

	/** Rows per statement: large enough that a million rows are a few hundred index range scans. */
	static final int CHUNK_DEFAULT = 5_000;

	private final JdbcClient jdbc;

	private final MerchantService merchants;

	private final TransactionQuery query;

	private final int maxRows;

	private final int chunk;

	@Autowired
	TransactionExports(JdbcClient jdbc, MerchantService merchants, TransactionQuery query,
			@Value("${walletdesk.export.max-rows:" + MAX_ROWS_DEFAULT + "}") int maxRows) {
		this(jdbc, merchants, query, maxRows, CHUNK_DEFAULT);
	}

	/** With a chunk size of its own: tests walk many chunks with few rows. */
	TransactionExports(JdbcClient jdbc, MerchantService merchants, TransactionQuery query, int maxRows, int chunk) {
		this.jdbc = jdbc;
		this.merchants = merchants;
		this.query = query;
		this.maxRows = maxRows;
		this.chunk = chunk;
	}

	/** Transaction Lookup's rows (one store); 404 outside the caller's scope. */
	public Export lookup(CurrentUser user, long storeId, TransactionFilter filter) {
		return over(List.of(this.merchants.requireVisibleStore(user.scope(), storeId)), filter);
	}

	/** All Transactions Search's rows (every store in the caller's scope). */
	public Export search(CurrentUser user, TransactionFilter filter) {
		return over(this.merchants.visibleStores(user.scope()), filter);
	}

	/** The export of these stores (already checked to be in the caller's scope). */
	Export over(List<MerchantNode> stores, TransactionFilter filter) {
		Period period = filter.period().orElseGet(() -> this.query.defaultPeriod(stores));
		Map<Long, MerchantNode> byId = new LinkedHashMap<>();
		stores.forEach(store -> byId.put(store.id(), store));
		if (!stores.isEmpty()) {
			TransactionSql.Statement count = TransactionSql.count(stores, period, filter.term(), this.maxRows + 1);
			long rows = this.jdbc.sql(count.sql()).params(count.params()).query(Long.class).single();
			if (rows > this.maxRows) {
				throw ProblemException.unprocessable("EXPORT_TOO_LARGE",
						"An export may hold at most " + this.maxRows + " transactions: narrow the period");
			}
		}
		return new Export(stores, period, filter.term(), byId, stores.isEmpty() ? Map.of() : this.merchants.parentNames(stores));
	}

	/** Receives the rows of an export one at a time, newest first. */
	@FunctionalInterface
	public interface RowSink {

		void accept(TransactionRow row) throws java.io.IOException;

	}

	/**
	 * An export whose scope and size are checked, ready to be written: its period, the stores of
	 * its rows with their parent groups' names (the Location column), and its rows on demand.
	 */
	public final class Export {

		private final List<MerchantNode> stores;

		private final Period period;

		private final SearchTerm term;

		private final Map<Long, MerchantNode> storesById;

		private final Map<Long, String> locations;

		private Export(List<MerchantNode> stores, Period period, SearchTerm term, Map<Long, MerchantNode> storesById,
				Map<Long, String> locations) {
			this.stores = stores;
			this.period = period;
			this.term = term;
			this.storesById = storesById;
			this.locations = locations;
		}

		public Period period() {
			return this.period;
		}

		public MerchantNode store(TransactionRow row) {
			return this.storesById.get(row.storeId());
		}

		public String location(TransactionRow row) {
			return this.locations.get(row.storeId());
		}

		/**
		 * Hands every row to {@code sink}, chunk after chunk, each chunk one statement that starts
		 * after the last row of the one before. Outside any database transaction: a chunk holds no
		 * lock or snapshot while the client reads the one before.
		 */
		public void forEach(RowSink sink) throws java.io.IOException {
			if (this.stores.isEmpty()) {
				return;
			}
			boolean selective = TransactionExports.this.query.selective(this.term);
			PageCursor after = null;
			while (true) {
				int size = TransactionExports.this.chunk;
				TransactionSql.Statement next = TransactionSql.chunk(this.stores, this.period, this.term, after, size,
						selective);
				Chunk read = new Chunk(sink);
				TransactionExports.this.jdbc.sql(next.sql()).params(next.params()).query(read::row);
				if (read.failure != null) {
					throw read.failure;
				}
				if (read.count < size) {
					return;
				}
				after = new PageCursor(read.last.createdAt(), read.last.id(), PageCursor.Direction.OLDER);
			}
		}

	}

	/** One chunk as it is read: each row goes to the sink straight from the result set. */
	private static final class Chunk {

		private final RowSink sink;

		private int count;

		private TransactionRow last;

		private java.io.IOException failure;

		Chunk(RowSink sink) {
			this.sink = sink;
		}

		void row(java.sql.ResultSet rs) throws java.sql.SQLException {
			if (this.failure != null) {
				return; // the client went away: read out the chunk, write nothing more
			}
			this.last = TransactionRows.map(rs, this.count++);
			try {
				this.sink.accept(this.last);
			}
			catch (java.io.IOException ex) {
				this.failure = ex;
			}
		}

	}

}
