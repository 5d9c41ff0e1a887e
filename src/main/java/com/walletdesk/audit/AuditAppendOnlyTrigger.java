package com.walletdesk.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's counterpart of the PostgreSQL trigger (postgresql/V2): refuses UPDATE and DELETE on
 * {@code audit_event}, except the DELETE run by {@link H2AuditPurge} on the same thread.
 * (H2 is embedded, so the purge and the trigger run on the caller's thread.)
 */
public class AuditAppendOnlyTrigger implements Trigger {

	static final ThreadLocal<Boolean> PURGING = ThreadLocal.withInitial(() -> Boolean.FALSE);

	private boolean delete;

	@Override
	public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
			int type) {
		this.delete = type == DELETE;
	}

	@Override
	public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
		if (this.delete && PURGING.get()) {
			return;
		}
		throw new SQLException("audit_event is append-only: " + (this.delete ? "DELETE" : "UPDATE") + " refused",
				"42501");
	}

}
