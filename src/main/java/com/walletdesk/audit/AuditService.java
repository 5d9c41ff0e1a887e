package com.walletdesk.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit trail: who did what, when, from where, with what outcome. Never a
 * password, token or key in {@code details}. Written in its own database transaction, so a
 * refused (rolled back) action is still recorded.
 */
@Service
public class AuditService {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditService(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String type, String outcome, String account, String resource, String details) {
		this.jdbc.sql("""
				INSERT INTO audit_event (at, account, type, outcome, source_ip, resource, details)
				VALUES (:at, :account, :type, :outcome, :sourceIp, :resource, :details)""")
			.param("at", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.param("account", truncate(account, 100))
			.param("type", type)
			.param("outcome", truncate(outcome, 32))
			.param("sourceIp", currentSourceIp())
			.param("resource", truncate(resource, 200))
			.param("details", truncate(details, 2000))
			.update();
	}

	/** The address of the request being served, if any (behind a proxy: as forwarded headers say). */
	static String currentSourceIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
