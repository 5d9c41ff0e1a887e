-- The audit trail is append-only: a trigger refuses UPDATE and DELETE on audit_event, except
-- the DELETE of audit_purge(cutoff), the retention job's function (see com.walletdesk.audit).
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    CALL 'com.walletdesk.audit.AuditAppendOnlyTrigger';
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    CALL 'com.walletdesk.audit.AuditAppendOnlyTrigger';
CREATE ALIAS audit_purge FOR 'com.walletdesk.audit.H2AuditPurge.purge';
