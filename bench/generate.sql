-- The data generator's SQL (bench/generate.sh runs it with psql): :rows transactions over the
-- last 13 months across 2,000 stores in 16 merchant groups (one of 500 stores), written into the
-- schema's own tables in a few set-based statements. Deterministic for a given :seed.
-- Rows are charges except every 33rd, which refunds the charge before it (about 3%), in full or
-- in half, half of them app refunds ('refund') and half dashboard refunds ('refund_dashboard'
-- with their succeeded `refund` row). The day totals are summed from the rows written.
\set ON_ERROR_STOP on
SET synchronous_commit TO off;  -- generated test data: a crash loses a run, not money

-- u(i, salt): a uniform number in [0, 1) from a row number, the same for the same arguments, so
-- a refund row computes its charge's store, amount and time without reading the charge back.
CREATE OR REPLACE FUNCTION pg_temp.u(i BIGINT, salt BIGINT) RETURNS DOUBLE PRECISION
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT ((hashint8extended(i, salt) >> 11) & 9007199254740991)::DOUBLE PRECISION / 9007199254740992 $$;

BEGIN;
-- 16 groups: "bench-big" holds 500 stores, the other 15 hold 100 each
CREATE TEMP TABLE bench_group AS
  SELECT g, CASE WHEN g = 1 THEN 500 ELSE 100 END AS stores,
         CASE WHEN g = 1 THEN 'bench-big' ELSE 'bench-group-' || g END || '-' || :'run' AS name
  FROM generate_series(1, 16) AS g;
WITH inserted AS (
  INSERT INTO merchant_node (kind, name, location, license_active, path, created_at)
  SELECT 'GROUP', name, 'Europe', TRUE, 'pending', now() FROM bench_group ORDER BY g
  RETURNING id, name)
UPDATE merchant_node n SET path = '/' || n.id || '/' FROM inserted WHERE n.id = inserted.id;

-- a store's settings by its city; its rank decides how busy it is (rank 0 the busiest)
CREATE TEMP TABLE bench_city (c INT PRIMARY KEY, city TEXT, tz TEXT, currency TEXT, locale TEXT);
INSERT INTO bench_city VALUES
  (0, 'Lisbon', 'Europe/Lisbon', 'EUR', 'pt-PT'), (1, 'Paris', 'Europe/Paris', 'EUR', 'fr-FR'),
  (2, 'Madrid', 'Europe/Madrid', 'EUR', 'es-ES'), (3, 'Berlin', 'Europe/Berlin', 'EUR', 'de-DE'),
  (4, 'London', 'Europe/London', 'GBP', 'en-GB'), (5, 'Zurich', 'Europe/Zurich', 'CHF', 'de-CH'),
  (6, 'Milan', 'Europe/Rome', 'EUR', 'it-IT'), (7, 'Amsterdam', 'Europe/Amsterdam', 'EUR', 'nl-NL');
CREATE TEMP TABLE bench_store (rank INT PRIMARY KEY, store_id BIGINT, currency TEXT);
WITH wanted AS (
  SELECT n.id AS group_id, n.path, s, row_number() OVER (ORDER BY n.id, s) AS k
  FROM bench_group g JOIN merchant_node n ON n.name = g.name AND n.kind = 'GROUP'
  CROSS JOIN LATERAL generate_series(1, g.stores) AS s),
inserted AS (
  INSERT INTO merchant_node (parent_id, kind, name, location, timezone, currency, locale, license_active, path, created_at)
  SELECT w.group_id, 'STORE', 'Store ' || w.k || ' ' || c.city || ' ' || :'run', c.city, c.tz, c.currency, c.locale,
         TRUE, w.path, now()
  FROM wanted w JOIN bench_city c ON c.c = (w.k * 7) % 8
  RETURNING id, path, currency)
INSERT INTO bench_store (rank, store_id, currency)
  SELECT row_number() OVER (ORDER BY hashint8extended(id, :seed)) - 1, id, currency FROM inserted;
UPDATE merchant_node n SET path = n.path || n.id || '/'
  FROM bench_store s WHERE n.id = s.store_id;

-- the account the dashboard refunds were made by (scope: the big group; never signs in)
INSERT INTO account (username, password_hash, role, scope_id, can_refund, enabled, created_at)
  SELECT 'bench-refunder-' || :'run', '{noop}not-a-password', 'MERCHANT', id, TRUE, FALSE, now()
  FROM merchant_node WHERE name = 'bench-big-' || :'run';
COMMIT;

-- the transactions: row i is a refund of row i - 1 when i % 33 = 0, else a charge; k is the
-- charge's row number, the one every attribute of the charge is computed from
BEGIN;
INSERT INTO wallet_transaction (id, store_id, type, method, channel, amount, tip, currency, created_at,
    reference, vendor_reference, parent_id, terminal_id, refunded)
SELECT lpad((:first + i)::TEXT, 12, '0'),
       s.store_id,
       CASE WHEN NOT refund THEN 'charge' WHEN pg_temp.u(k, 4) < 0.5 THEN 'refund' ELSE 'refund_dashboard' END,
       CASE WHEN pg_temp.u(k, 5) < 0.55 THEN 'ALP' ELSE 'WXP' END,
       CASE WHEN pg_temp.u(k, 6) < 0.8 THEN 'APP' ELSE 'PAY_BY_LINK' END,
       CASE WHEN refund THEN refund_amount ELSE amount END,
       0, s.currency,
       CASE WHEN refund THEN LEAST(now(), charged_at + pg_temp.u(k, 7) * INTERVAL '3 days') ELSE charged_at END,
       CASE WHEN pg_temp.u(k, 6) >= 0.8 THEN 'PBL-' || (:first + k)
            WHEN pg_temp.u(k, 8) < 0.3 THEN 'ORDER-' || (:first + k) END,
       CASE WHEN refund THEN 'R' ELSE '' END || CASE WHEN pg_temp.u(k, 5) < 0.55 THEN '2026' ELSE '4200' END || (:first + k),
       CASE WHEN refund THEN lpad((:first + k)::TEXT, 12, '0') END,
       CASE WHEN pg_temp.u(k, 6) < 0.8 THEN 'APP-' || (floor(pg_temp.u(k, 9) * 4)::INT + 1) END,
       CASE WHEN NOT refund AND refunded THEN refund_amount ELSE 0 END
FROM (
  SELECT i, k, refund, refunded, amount, charged_at,
         CASE WHEN pg_temp.u(k, 10) < 0.5 THEN amount ELSE GREATEST(1, amount / 2) END AS refund_amount,
         floor(2000 * power(pg_temp.u(k, 1), 3))::INT AS rank
  FROM (
    SELECT i, CASE WHEN i % 33 = 0 THEN i - 1 ELSE i END AS k, i % 33 = 0 AS refund, (i + 1) % 33 = 0 AS refunded,
           100 + floor(power(pg_temp.u(CASE WHEN i % 33 = 0 THEN i - 1 ELSE i END, 3), 2) * 30000)::BIGINT AS amount,
           now() - pg_temp.u(CASE WHEN i % 33 = 0 THEN i - 1 ELSE i END, 2) * INTERVAL '395 days' AS charged_at
    FROM generate_series(1, :rows::BIGINT) AS i) AS row_numbers) AS r
JOIN bench_store s ON s.rank = r.rank;

-- the dashboard refunds' own records, succeeded
INSERT INTO refund (account_id, created_by, idempotency_key, fingerprint, charge_id, store_id, amount, currency,
    reason, state, transaction_id, created_at, settled_at, next_check_at, answered_state, answered_remaining)
SELECT a.id, a.username, 'bench-' || t.id, md5(t.id), t.parent_id, t.store_id, t.amount, t.currency,
       'Customer returned the goods', 'succeeded', t.id, t.created_at, t.created_at, t.created_at, 'succeeded',
       c.amount - c.refunded
FROM wallet_transaction t
JOIN wallet_transaction c ON c.id = t.parent_id
JOIN account a ON a.username = 'bench-refunder-' || :'run'
WHERE t.type = 'refund_dashboard' AND t.id > lpad(:first::TEXT, 12, '0') AND t.id <= lpad((:first + :rows)::TEXT, 12, '0');

-- the day totals (China date), summed from the rows just written
INSERT INTO transaction_day_total AS d (store_id, currency, china_date, sales, refunds)
SELECT store_id, currency, (created_at AT TIME ZONE 'Asia/Shanghai')::DATE,
       COALESCE(SUM(amount) FILTER (WHERE type = 'charge'), 0), COALESCE(SUM(amount) FILTER (WHERE type <> 'charge'), 0)
FROM wallet_transaction
WHERE id > lpad(:first::TEXT, 12, '0') AND id <= lpad((:first + :rows)::TEXT, 12, '0')
GROUP BY 1, 2, 3
ON CONFLICT (store_id, currency, china_date)
  DO UPDATE SET sales = d.sales + EXCLUDED.sales, refunds = d.refunds + EXCLUDED.refunds;
COMMIT;

ANALYZE merchant_node;
ANALYZE wallet_transaction;
ANALYZE transaction_day_total;
ANALYZE refund;
