-- A refund is pending for the moment of its wallet call and settled for ever after, and both
-- questions asked by state (today's pending refunds of a store, under the day's lock; the
-- reconciler's refunds due for a check) ask about pending ones only. Indexes that hold only
-- pending refunds stay small, and settling a refund no longer adds an entry to either.
-- (H2, the embedded database, has no partial indexes: it keeps V21's.)
DROP INDEX refund_state_store;
CREATE INDEX refund_pending_store ON refund (store_id, created_at) WHERE state = 'pending';
DROP INDEX refund_state_due;
CREATE INDEX refund_pending_due ON refund (next_check_at) WHERE state = 'pending';
