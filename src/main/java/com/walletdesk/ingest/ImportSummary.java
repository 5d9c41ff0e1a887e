package com.walletdesk.ingest;

import java.time.Instant;

/** An earlier import as the import page lists it. */
public record ImportSummary(String id, Instant at, String by, String source, boolean dryRun, boolean partial,
		String status, long rows, long accepted, long stored, long rejected, String firstError) {
}
