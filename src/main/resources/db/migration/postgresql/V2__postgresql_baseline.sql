-- PostgreSQL's part of the baseline (see common/V1): triggers, expression and partial indexes.

-- The audit trail is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE on
-- audit_event. The one exception is audit_purge(cutoff), the retention job's function, which
-- opens the gate for its own DELETE inside its own transaction only.
-- (In production, run the application as a role holding only INSERT and SELECT on the table.)
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('walletdesk.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

CREATE FUNCTION audit_purge(cutoff TIMESTAMP WITH TIME ZONE) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    removed BIGINT;
BEGIN
    PERFORM set_config('walletdesk.audit_purge', 'on', true);
    DELETE FROM audit_event WHERE at < cutoff;
    GET DIAGNOSTICS removed = ROW_COUNT;
    PERFORM set_config('walletdesk.audit_purge', 'off', true);
    RETURN removed;
END
$$;

-- Case-insensitive prefix search on the Pay By Link reference, whatever the database collation.
CREATE INDEX wallet_transaction_reference ON wallet_transaction (lower(reference) text_pattern_ops) WHERE reference IS NOT NULL;

-- Every signed-in request of a merchant asks whether a node above its scope has its license
-- switched off (MerchantNodes.findWithLicense). Few nodes are ever switched off: this index
-- holds only those, so the question costs the same with ten stores or a hundred thousand.
-- (H2, the embedded database, has no partial indexes and small trees; it scans.)
CREATE INDEX merchant_node_license_off ON merchant_node (path) WHERE license_active = FALSE;

-- The reconciler asks for pending refunds due for a check. A refund is pending for the moment
-- of its wallet call and settled for ever after: an index of pending refunds alone stays small,
-- and settling a refund removes its entry. (H2 has no partial indexes: see its V2.)
CREATE INDEX refund_pending_due ON refund (next_check_at) WHERE state = 'pending';
