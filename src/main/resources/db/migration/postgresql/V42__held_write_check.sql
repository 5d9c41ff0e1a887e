-- A write held until its transaction commits (com.walletdesk.jdbc.WritesAtCommit) travels with
-- the COMMIT in one round trip, so its row count can no longer be checked by the application
-- between the write and the commit: the database checks it. The write is sent as
--   WITH changed AS (<write> RETURNING 1) SELECT held_write_check(<n>, count(*), <expected>) FROM changed
-- and a wrong count raises SQLSTATE WD001 naming the write, which aborts the transaction, so the
-- COMMIT after it rolls back instead and the application throws the write's own exception.
CREATE FUNCTION held_write_check(write_no INTEGER, changed BIGINT, expected INTEGER) RETURNS INTEGER
LANGUAGE plpgsql AS $$
BEGIN
  IF changed <> expected THEN
    RAISE EXCEPTION USING ERRCODE = 'WD001',
      MESSAGE = format('held write %s changed %s rows, not %s', write_no, changed, expected);
  END IF;
  RETURN changed;
END
$$;
