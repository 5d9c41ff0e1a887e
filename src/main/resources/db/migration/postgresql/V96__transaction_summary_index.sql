-- The totals of a lookup or search (TransactionSql.summary): a store's period is a range of
-- (store_id, created_at), and every column the summary groups, filters or sums is carried in the
-- index, so PostgreSQL answers it with an index-only scan instead of fetching each row.
CREATE INDEX wallet_transaction_store_time_totals ON wallet_transaction (store_id, created_at)
    INCLUDE (type, method, channel, currency, amount);
