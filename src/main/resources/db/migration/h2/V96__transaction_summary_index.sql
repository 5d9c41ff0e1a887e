-- The totals of a lookup or search (TransactionSql.summary), as on PostgreSQL (see its V96); H2
-- has no INCLUDE, so the carried columns are trailing key columns.
CREATE INDEX wallet_transaction_store_time_totals ON wallet_transaction (store_id, created_at, type, method, channel, currency, amount);
