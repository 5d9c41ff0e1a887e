package com.walletdesk.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The transaction_import table: one row per import, for the import page's history. */
@Repository
class Imports {

	private final JdbcClient jdbc;

	Imports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Plans each statement of the current transaction for the table as it is now. A file's
	 * transaction can grow wallet_transaction from empty to millions of rows; a plan PostgreSQL
	 * cached when it was empty (a sequential scan for the batch's ID lookup) would then read the
	 * whole table once a batch, and a million rows took over ten minutes instead of one.
	 * (PostgreSQL's plan_cache_mode, local to the transaction; H2 ignores set_config.)
	 */
	void planForTheTableAsItGrows() {
		this.jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)").query().singleValue();
	}

	long insert(Instant at, String actor, String source, ImportReport report) {
		var keys = new GeneratedKeyHolder();
		ImportError first = report.errors().isEmpty() ? null : report.errors().get(0);
		String firstError = first == null ? null
				: ("line " + first.line() + (first.column() == null ? "" : ", " + first.column()) + ": " + first.code()
						+ " " + first.message());
		this.jdbc.sql("""
				INSERT INTO transaction_import (created_at, created_by, source, dry_run, partial, status, row_count,
				  accepted, stored, rejected, first_error, elapsed_ms)
				VALUES (:at, :actor, :source, :dryRun, :partial, :status, :rows, :accepted, :stored, :rejected,
				  :firstError, :elapsed)""")
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("actor", actor)
			.param("source", source == null ? null : truncate(source, 200))
			.param("dryRun", report.dryRun())
			.param("partial", report.partial())
			.param("status", report.status())
			.param("rows", report.rows())
			.param("accepted", report.accepted())
			.param("stored", report.stored())
			.param("rejected", report.rejected())
			.param("firstError", firstError == null ? null : truncate(firstError, 500))
			.param("elapsed", report.elapsedMillis())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** The latest imports, newest first. */
	List<ImportSummary> latest(int count) {
		return this.jdbc.sql("""
				SELECT id, created_at, created_by, source, dry_run, partial, status, row_count, accepted, stored,
				  rejected, first_error FROM transaction_import ORDER BY created_at DESC, id DESC LIMIT :count""")
			.param("count", count)
			.query((rs, n) -> new ImportSummary(String.valueOf(rs.getLong("id")),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
					rs.getString("source"), rs.getBoolean("dry_run"), rs.getBoolean("partial"), rs.getString("status"),
					rs.getLong("row_count"), rs.getLong("accepted"), rs.getLong("stored"), rs.getLong("rejected"),
					rs.getString("first_error")))
			.list();
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

}
