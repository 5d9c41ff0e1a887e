-- H2's part of the baseline (see common/V1): what H2 writes differently from PostgreSQL.

-- The audit trail is append-only: a trigger refuses UPDATE and DELETE on audit_event, except
-- the DELETE of audit_purge(cutoff), the retention job's function (see com.walletdesk.audit).
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    CALL 'com.walletdesk.audit.AuditAppendOnlyTrigger';
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    CALL 'com.walletdesk.audit.AuditAppendOnlyTrigger';
CREATE ALIAS audit_purge FOR 'com.walletdesk.audit.H2AuditPurge.purge';

-- H2 has neither expression indexes nor operator classes; the embedded database is for demos.
CREATE INDEX wallet_transaction_reference ON wallet_transaction (reference);

-- The reconciler: pending refunds due for a check (H2 has no partial indexes).
CREATE INDEX refund_state_due ON refund (state, next_check_at);
