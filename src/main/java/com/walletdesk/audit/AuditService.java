package com.walletdesk.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static com.walletdesk.jdbc.Columns.utc;
import static com.walletdesk.jdbc.Columns.truncate;

/**
 * The append-only audit trail: who did what, when, from where, with what outcome. Never a
 * password, token or key in {@code details}. Written in its own database transaction, so a
 * refused (rolled back) action is still recorded. The database refuses updates and deletes of
 * recorded events (V2 of each database); only {@link #purgeBefore} removes events past the retention period.
 */
@Service
public class AuditService {

	public static final String SIGN_IN = "SIGN_IN";

	public static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";

	public static final String LOCKED_OUT = "LOCKED_OUT";

	public static final String MFA_CHANGE = "MFA_CHANGE";

	public static final String PASSWORD_CHANGE = "PASSWORD_CHANGE";

	public static final String REFUND = "REFUND";

	public static final String ACCESS_DENIED = "ACCESS_DENIED";

	public static final String ADMIN_CHANGE = "ADMIN_CHANGE";

	public static final String AUDIT_READ = "AUDIT_READ";

	/** Transactions fed in (API.md "Ingestion"), accepted or refused. */
	public static final String INGEST = "INGEST";

	/** Pay By Link: a link created, cancelled or paid (and refusals of those). */
	public static final String PAYMENT_LINK = "PAYMENT_LINK";

	/** The event types of API.md ("at least" those; the names are fixed) and every other type recorded. */
	public static final List<String> TYPES = List.of(SIGN_IN, SIGN_IN_FAILED, LOCKED_OUT, MFA_CHANGE, PASSWORD_CHANGE,
			REFUND, ACCESS_DENIED, ADMIN_CHANGE, AUDIT_READ, INGEST, PAYMENT_LINK);

	private static final String INSERT = """
			INSERT INTO audit_event (at, account, type, outcome, source_ip, resource, details)
			VALUES (:at, :account, :type, :outcome, :sourceIp, :resource, :details)""";

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditService(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records an event in a transaction of its own: it stays recorded whatever becomes of the caller's. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String type, String outcome, String account, String resource, String details) {
		insert(type, outcome, account, resource, details);
	}

	/**
	 * Records an event in the caller's transaction, for a change and its record to commit (or
	 * roll back) together: a refund's settlement and the record of it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordWithChange(String type, String outcome, String account, String resource, String details) {
		insert(type, outcome, account, resource, details);
	}

	private void insert(String type, String outcome, String account, String resource, String details) {
		this.jdbc.sql(INSERT).params(row(type, outcome, account, resource, details)).update();
	}

	/** An event's columns, fitted to them, with the time and the request's source IP of now. */
	private Map<String, Object> row(String type, String outcome, String account, String resource, String details) {
		Map<String, Object> row = new HashMap<>();
		row.put("at", utc(this.clock.instant()));
		row.put("account", truncate(storable(account), 100));
		row.put("type", type);
		row.put("outcome", truncate(outcome, 32));
		row.put("sourceIp", truncate(currentSourceIp(), 64));
		row.put("resource", truncate(storable(resource), 200));
		row.put("details", truncate(storable(details), 2000));
		return row;
	}

	/**
	 * The text with control characters shown as U+FFFD: a record may quote what a caller sent
	 * (an import's header cell, say), and PostgreSQL refuses NUL in text, which would lose the
	 * record and turn the refusal into a 500.
	 */
	static String storable(String text) {
		return text == null ? null : text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "\uFFFD");
	}

	/**
	 * A page of events, newest first, for an operator; reading is itself recorded
	 * ({@code AUDIT_READ}) in the name of {@code reader}.
	 */
	public AuditPage search(String reader, AuditFilter filter) {
		record(AUDIT_READ, "SUCCESS", reader, "audit", filter.describe());
		StringBuilder sql = new StringBuilder("SELECT id, at, account, type, outcome, source_ip, resource, details "
				+ "FROM audit_event WHERE 1 = 1");
		var params = new LinkedHashMap<String, Object>();
		if (filter.from() != null) {
			sql.append(" AND at >= :from");
			params.put("from", utc(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" AND at < :to");
			params.put("to", utc(filter.to()));
		}
		if (filter.type() != null) {
			sql.append(" AND type = :type");
			params.put("type", filter.type());
		}
		if (filter.account() != null) {
			sql.append(" AND account = :account");
			params.put("account", filter.account());
		}
		if (filter.cursor() != null) {
			sql.append(" AND (at < :cursorAt OR (at = :cursorAt AND id < :cursorId))");
			params.put("cursorAt", utc(filter.cursor().at()));
			params.put("cursorId", filter.cursor().id());
		}
		sql.append(" ORDER BY at DESC, id DESC LIMIT ").append(filter.limit() + 1);
		List<AuditEvent> rows = this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> new AuditEvent(
				rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("account"),
				rs.getString("type"), rs.getString("outcome"), rs.getString("source_ip"), rs.getString("resource"),
				rs.getString("details")))
			.list();
		String next = null;
		if (rows.size() > filter.limit()) {
			rows = rows.subList(0, filter.limit());
			AuditEvent last = rows.get(rows.size() - 1);
			next = new AuditCursor(last.at(), last.id()).encode();
		}
		return new AuditPage(List.copyOf(rows), next);
	}

	/** Removes the events recorded before {@code cutoff} (the retention job); returns how many. */
	@Transactional
	public long purgeBefore(Instant cutoff) {
		Long removed = this.jdbc.sql("SELECT audit_purge(:cutoff)")
			.param("cutoff", utc(cutoff))
			.query(Long.class)
			.single();
		return removed == null ? 0 : removed;
	}

	/** One recorded event, as the API shows it. */
	public record AuditEvent(long id, Instant at, String account, String type, String outcome, String sourceIp,
			String resource, String details) {
	}

	/** A page of events and the cursor of the next (older) page, null on the last. */
	public record AuditPage(List<AuditEvent> items, String nextCursor) {
	}

	/**
	 * The address of the request being served, if any (behind a proxy: as forwarded headers say):
	 * what an event recorded now gets as its source IP.
	 */
	public static String currentSourceIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
