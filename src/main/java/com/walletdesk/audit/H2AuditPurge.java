package com.walletdesk.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * {@code audit_purge(cutoff)} on H2 (an alias, h2/V2): deletes the events older than the cutoff,
 * the one DELETE the append-only trigger lets through.
 */
public final class H2AuditPurge {

	private H2AuditPurge() {
	}

	public static long purge(Connection connection, OffsetDateTime cutoff) throws SQLException {
		AuditAppendOnlyTrigger.PURGING.set(Boolean.TRUE);
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_event WHERE at < ?")) {
			delete.setObject(1, cutoff);
			return delete.executeUpdate();
		}
		finally {
			AuditAppendOnlyTrigger.PURGING.remove();
		}
	}

}
