-- The ID a dashboard refund's refund_dashboard transaction is to have, drawn from
-- transaction_id_seq with the refund itself (transaction A). Whoever settles the refund, the
-- request or the reconciler after a crash, stores the transaction under this ID, so the ID a
-- request answered with is the one that exists afterwards. Null for refunds stored before.
ALTER TABLE refund ADD COLUMN planned_transaction_id VARCHAR(12);
