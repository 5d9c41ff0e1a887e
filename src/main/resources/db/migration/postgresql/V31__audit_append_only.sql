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
