package com.walletdesk.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.walletdesk.web.ProblemException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import static com.walletdesk.jdbc.Columns.truncate;

/**
 * Reads a transaction CSV file ({@link ImportColumns}) record by record, never holding more
 * than the batch asked for: RFC 4180 through commons-csv, the header first. Each record becomes
 * an {@link IngestItem} with its line; what only the file can get wrong (a record with the wrong
 * number of cells, a store name that names no store, or two) is reported here, the rest is
 * ingestion's to check.
 */
final class CsvTransactions implements Closeable {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
		.get();

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	private final Map<String, List<Long>> storesByName;

	private final boolean byStoreId;

	private final List<String> header;

	private boolean broken;

	/** One record: the line it starts on and the item it carries (null when it carries none). */
	record Row(long line, IngestItem item) {
	}

	/** Up to a batch of rows, and the problems of the records that gave none. */
	record Batch(List<Row> rows, List<ImportError> errors, boolean last) {
	}

	/**
	 * @param storesByName the stores by {@link #nameKey}: a file without {@code Store ID} names its
	 * stores by their group's name ({@code Location}) and their own
	 */
	CsvTransactions(Reader reader, Map<String, List<Long>> storesByName) {
		try {
			this.parser = CSVParser.builder().setReader(withoutByteOrderMark(reader)).setFormat(FORMAT).get();
		}
		catch (IllegalArgumentException | IOException | UncheckedIOException ex) {
			throw header("The first line must be the export's header, each column named once: " + ex.getMessage());
		}
		this.header = this.parser.getHeaderNames();
		this.storesByName = storesByName;
		this.byStoreId = this.header.contains(ImportColumns.STORE_ID);
		checkHeader();
		this.records = this.parser.iterator();
	}

	boolean byStoreId() {
		return this.byStoreId;
	}

	static String nameKey(String location, String storeName) {
		return (location == null ? "" : location.strip()) + '\u0000' + (storeName == null ? "" : storeName.strip());
	}

	private void checkHeader() {
		Map<String, String> wrong = new LinkedHashMap<>();
		for (String column : this.header) {
			if (!ImportColumns.FIELD_OF.containsKey(column) && !ImportColumns.DERIVED.contains(column)
					&& !column.equals(ImportColumns.LOCATION) && !column.equals(ImportColumns.STORE_NAME)) {
				// a header cell is the caller's text of any length: the answer quotes at most 64 characters of it
				wrong.put(truncate(column, 64), "is not a column of the export");
			}
		}
		for (String column : ImportColumns.REQUIRED) {
			if (!this.header.contains(column)) {
				wrong.put(column, "is missing");
			}
		}
		if (!this.byStoreId && !this.header.contains(ImportColumns.STORE_NAME)) {
			wrong.put(ImportColumns.STORE_NAME, "is missing (or give " + ImportColumns.STORE_ID + ")");
		}
		if (!wrong.isEmpty()) {
			Map.Entry<String, String> first = wrong.entrySet().iterator().next();
			throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "INVALID_CSV_HEADER",
					"Line 1: column '" + first.getKey() + "' " + first.getValue()
							+ (wrong.size() > 1 ? " (" + wrong.size() + " problems in all)" : ""),
					wrong);
		}
	}

	/** The next rows, at most {@code size}; after a record that cannot be read, nothing more. */
	Batch next(int size) {
		List<Row> rows = new ArrayList<>(size);
		List<ImportError> errors = new ArrayList<>();
		while (rows.size() + errors.size() < size && !this.broken) {
			long line = this.parser.getCurrentLineNumber() + 1;
			CSVRecord record;
			try {
				if (!this.records.hasNext()) {
					return new Batch(rows, errors, true);
				}
				record = this.records.next();
			}
			catch (UncheckedIOException | IllegalStateException ex) {
				// an unclosed quote and the like: where the file goes on cannot be told
				this.broken = true;
				errors.add(new ImportError(line, null, "MALFORMED_CSV",
						"The file cannot be read past here (an unclosed quote?); nothing after it was read"));
				break;
			}
			if (!record.isConsistent()) {
				errors.add(new ImportError(line, null, "MALFORMED_ROW",
						"has " + record.size() + " cells; the header has " + this.header.size()));
				continue;
			}
			Map<String, String> values = new HashMap<>();
			for (Map.Entry<String, String> column : ImportColumns.FIELD_OF.entrySet()) {
				if (record.isMapped(column.getKey())) {
					values.put(column.getValue(), ImportColumns.unquoted(record.get(column.getKey())));
				}
			}
			if (!this.byStoreId) {
				String location = cell(record, ImportColumns.LOCATION);
				String name = cell(record, ImportColumns.STORE_NAME);
				List<Long> stores = this.storesByName.getOrDefault(nameKey(location, name), List.of());
				if (stores.size() != 1) {
					errors.add(new ImportError(line, ImportColumns.STORE_NAME,
							stores.isEmpty() ? "UNKNOWN_STORE" : "AMBIGUOUS_STORE", stores.isEmpty()
									? "names no store (with its Location, the name of its group)"
									: "names " + stores.size() + " stores in the same group; give Store ID instead"));
					continue;
				}
				values.put("storeId", String.valueOf(stores.get(0)));
			}
			rows.add(new Row(line, IngestItem.of(values)));
		}
		return new Batch(rows, errors, this.broken);
	}

	private static String cell(CSVRecord record, String column) {
		return record.isMapped(column) ? ImportColumns.unquoted(record.get(column)) : null;
	}

	/** A file saved by a spreadsheet may start with a byte order mark, which is no part of the first column's name. */
	private static Reader withoutByteOrderMark(Reader reader) throws IOException {
		java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
		int first = pushback.read();
		if (first != -1 && first != '\uFEFF') {
			pushback.unread(first);
		}
		return pushback;
	}

	private static ProblemException header(String message) {
		return ProblemException.badRequest("INVALID_CSV_HEADER", message);
	}

	@Override
	public void close() throws IOException {
		this.parser.close();
	}

}
