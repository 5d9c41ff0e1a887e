package com.walletdesk.ingest;

/**
 * A problem of one row of an imported file: the file's line the row starts on (the header is
 * line 1), the column it is about, the code ingestion would answer and a sentence.
 */
public record ImportError(long line, String column, String code, String message) {
}
