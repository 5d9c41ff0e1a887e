package com.walletdesk.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.walletdesk.support.WebSession;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Small helpers the security tests share. */
public final class SecurityTestSupport {

	private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	private SecurityTestSupport() {
	}

	/**
	 * A source address of its own (RFC 5737 documentation ranges), sent as X-Forwarded-For and
	 * trusted from the loopback proxy: a test's failed attempts never throttle another test.
	 */
	public static String newAddress() {
		int n = ADDRESSES.getAndIncrement();
		return "198.51." + (100 + (n / 250) % 100) + "." + (1 + n % 250);
	}

	public static WebSession anonymousFrom(int port, String address) {
		return WebSession.anonymous(port).header("X-Forwarded-For", address);
	}

	/** The session ID in the store, from the SESSION cookie (Spring Session base64-encodes it). */
	public static String sessionId(WebSession session) {
		String cookie = session.cookie("SESSION");
		return cookie == null ? null : new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	/** A session in another "browser" carrying only the given SESSION cookie value. */
	public static WebSession withSessionCookie(int port, String cookieValue) {
		return WebSession.anonymous(port).header("Cookie", "SESSION=" + cookieValue);
	}

	/** The outcomes of an account's audit events of one type, oldest first. */
	public static List<String> auditOutcomes(JdbcClient jdbc, String account, String type) {
		return jdbc.sql("SELECT outcome FROM audit_event WHERE account = :a AND type = :t ORDER BY id")
			.param("a", account)
			.param("t", type)
			.query(String.class)
			.list();
	}

}
