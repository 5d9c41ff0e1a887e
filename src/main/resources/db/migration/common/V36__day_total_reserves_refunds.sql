-- A dashboard refund reserves its amount on the store's day row as well as on its charge: the
-- daily balance (today's charges minus today's refunds, succeeded and pending) is then one
-- guarded UPDATE of that row (see TransactionService.reserveRefund), and refund_daily_balance,
-- where the refund module kept a copy of the figures under a lock of its own, goes.
ALTER TABLE transaction_day_total ADD COLUMN refund_pending BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE transaction_day_total ADD CONSTRAINT day_refund_pending_not_negative CHECK (refund_pending >= 0);
DROP TABLE refund_daily_balance;
-- Nothing asks for a store's pending refunds any more (V21's index on H2, V33's on PostgreSQL).
DROP INDEX IF EXISTS refund_state_store;
DROP INDEX IF EXISTS refund_pending_store;
