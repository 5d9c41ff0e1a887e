-- The tables every refund writes get their autovacuum at PostgreSQL's pace before version 12:
-- a 20 ms pause after each 200 units of work instead of 2 ms. At the default, a vacuum of these
-- tables ran at a full core for a second or two, and on the 2-core benchmark machine that held
-- every refund meanwhile (stalls of 2-3 s while 300 refunds/s were offered, at the seconds
-- pg_stat_user_tables gave for the vacuums; docs/refunds.md). Paced, the same vacuums ran
-- within the measured window with no stall. A vacuum takes longer: at this pace it can still
-- clean several times more pages a second than 300 refunds a second leave dead rows in.
ALTER TABLE wallet_transaction SET (autovacuum_vacuum_cost_delay = 20);
ALTER TABLE refund SET (autovacuum_vacuum_cost_delay = 20);
ALTER TABLE audit_event SET (autovacuum_vacuum_cost_delay = 20);
ALTER TABLE sandbox_wallet_refund SET (autovacuum_vacuum_cost_delay = 20);
ALTER TABLE transaction_day_total SET (autovacuum_vacuum_cost_delay = 20);
ALTER TABLE spring_session SET (autovacuum_vacuum_cost_delay = 20);
