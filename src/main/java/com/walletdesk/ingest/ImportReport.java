package com.walletdesk.ingest;

import java.util.List;

/**
 * What became of an import (API.md "Operator console, import, Pay By Link"). {@code status}:
 * {@code imported} (stored; with {@code partial}, the bad rows left out and listed),
 * {@code checked} (a dry run that would import), {@code rejected} (nothing stored). Counts are of
 * data rows: {@code accepted} = {@code stored} new + already stored with the same content.
 * {@code errors} are the first {@value TransactionImport#MAX_ERRORS}, by line.
 */
public record ImportReport(String id, String status, boolean dryRun, boolean partial, long rows, long accepted,
		long stored, long rejected, List<ImportError> errors, long elapsedMillis) {

	public static final String IMPORTED = "imported";

	public static final String CHECKED = "checked";

	public static final String REJECTED = "rejected";

}
