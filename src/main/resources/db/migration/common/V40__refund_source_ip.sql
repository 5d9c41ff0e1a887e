-- The address the refund was asked from, as the audit trail records it. The attempt's own
-- audit record commits with the settlement (transaction B), which does not wait for the disk;
-- should a crash of the database server lose it, the reconciler's record of the refund still
-- says from where it was asked. Null for refunds stored before, and for those asked outside a
-- web request.
ALTER TABLE refund ADD COLUMN source_ip VARCHAR(64);
