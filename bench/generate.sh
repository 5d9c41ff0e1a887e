#!/usr/bin/env bash
# Data generator (a command, not a test): fills a PostgreSQL database with a provider's worth of
# data through the schema's own tables, server-side (bench/generate.sql, generate_series):
# BENCH_ROWS transactions (default 10,000,000) over 13 months across 2,000 stores in 16 groups
# (one of 500 stores), a few busy stores and many quiet ones, both methods and channels, ~3%
# refunds of both kinds, day totals summed from the rows. Prints rows, seconds and rows/s, then
# checks that the day totals agree with the rows (exit status 1 when they do not).
#
#   bench/generate.sh                          # into walletdesk_scale (created when missing)
#   BENCH_ROWS=1000000 bench/generate.sh
#   WALLETDESK_BENCH_PG_URL=jdbc:postgresql://127.0.0.1:5432/other bench/generate.sh
#
# Each run adds its own groups, stores and a fresh range of transaction IDs and removes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${BENCH_ROWS:-10000000}"
seed="${BENCH_SEED:-42}"
. bench/lib/pg-and-jar.sh jdbc:postgresql://127.0.0.1:5432/walletdesk_scale

# the schema: the application's own migrations (an import of an empty file migrates and exits)
empty=$(mktemp --suffix=.csv)
trap 'rm -f "$empty"' EXIT
echo 'Store ID,Transaction ID,Parent Transaction ID,Reference,Transaction Type,Payment Method,Channel,Total,Tip,Currency,Created At' > "$empty"
java -jar "$jar" import --file="$empty" --spring.datasource.url="$url" --spring.datasource.username="$user" \
  --spring.datasource.password="$password" --logging.level.root=WARN > /dev/null

# a fresh range of IDs below 900000000000 (where the IDs this system issues begin)
last=$(psql_ -c "SELECT COALESCE(MAX(id), '100000000000') FROM wallet_transaction WHERE id < '900000000000'")
first=$(( 10#$last + 1 ))
if [ $(( first + rows )) -ge 900000000000 ]; then
  echo "generate: no room for $rows more IDs below 900000000000" >&2; exit 1
fi
run="$(date -u +%Y%m%d%H%M%S)"
start=$(date +%s.%N)
psql_ -v rows="$rows" -v first="$first" -v seed="$seed" -v run="$run" -f bench/generate.sql
end=$(date +%s.%N)
written=$(psql_ -c "SELECT COUNT(*) FROM wallet_transaction WHERE id > lpad('$first', 12, '0')")
awk -v r="$written" -v s="$start" -v e="$end" 'BEGIN { printf "rows=%d seconds=%.1f rows_per_s=%.0f\n", r, e - s, r / (e - s) }'

# the day totals of the stores just made agree with their rows
disagree=$(psql_ -c "
  WITH stores AS (SELECT id FROM merchant_node WHERE kind = 'STORE' AND name LIKE '% $run'),
  summed AS (
    SELECT store_id, currency, (created_at AT TIME ZONE 'Asia/Shanghai')::DATE AS day,
           SUM(amount) FILTER (WHERE type = 'charge') AS sales, SUM(amount) FILTER (WHERE type <> 'charge') AS refunds
    FROM wallet_transaction WHERE store_id IN (SELECT id FROM stores) GROUP BY 1, 2, 3),
  stored AS (SELECT store_id, currency, china_date AS day, sales, refunds FROM transaction_day_total
             WHERE store_id IN (SELECT id FROM stores))
  SELECT COUNT(*) FROM summed FULL JOIN stored USING (store_id, currency, day)
  WHERE COALESCE(summed.sales, 0) <> COALESCE(stored.sales, 0) OR COALESCE(summed.refunds, 0) <> COALESCE(stored.refunds, 0)")
psql_ -c "SELECT 'stores=' || COUNT(DISTINCT t.store_id) || ' refunds=' || COUNT(*) FILTER (WHERE t.type <> 'charge')
            || ' busiest_store_rows=' || (SELECT MAX(c) FROM (SELECT COUNT(*) c FROM wallet_transaction
                 WHERE id > lpad('$first', 12, '0') GROUP BY store_id) x)
          FROM wallet_transaction t WHERE t.id > lpad('$first', 12, '0')"
echo "day_totals_agree=$([ "$disagree" = 0 ] && echo true || echo false)"
[ "$disagree" = 0 ]
