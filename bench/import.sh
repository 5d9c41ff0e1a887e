#!/usr/bin/env bash
# Import benchmark (a command, not a test): generates a CSV file of transactions in the export's
# columns (9 charges to 1 app refund of the charge before it, one new EUR store, the last 90 days)
# and imports it with the application's own command, `java -jar target/walletdesk-*.jar import`,
# into PostgreSQL. Prints the command's report (rows/s, elapsed, peak heap) and the process's
# peak resident memory.
#
#   bench/import.sh                          # 1,000,000 rows into walletdesk_bench (created when missing)
#   BENCH_ROWS=100000 bench/import.sh        # a smaller file: the peak heap should be the same
#   WALLETDESK_BENCH_PG_URL=jdbc:postgresql://127.0.0.1:5432/walletdesk_bench_18 bench/import.sh
#
# The JVM gets a small, fixed heap (JAVA_OPTS overrides) so a heap that grew with the file would
# fail the run instead of hiding in a large one. Each run adds its own store and transaction IDs
# and removes nothing, so any database with the Walletdesk schema (or an empty one) will do.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${BENCH_ROWS:-1000000}"
. bench/lib/pg-and-jar.sh jdbc:postgresql://127.0.0.1:5432/walletdesk_bench
run() {
  java ${JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseParallelGC} -jar "$jar" import \
    --spring.datasource.url="$url" --spring.datasource.username="$user" --spring.datasource.password="$password" \
    --logging.level.root=WARN "$@"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
header='Store ID,Transaction ID,Parent Transaction ID,Reference,Transaction Type,Payment Method,Channel,Total,Tip,Currency,Created At'
echo "$header" > "$work/empty.csv"
run --file="$work/empty.csv" > /dev/null   # migrates an empty database

run_id=$(date +%s%N | tail -c 10)
group=$(psql_ -c "INSERT INTO merchant_node (kind, name, location, license_active, path, created_at)
  VALUES ('GROUP', 'bench-import-$run_id', 'Lisbon', TRUE, 'pending', now()) RETURNING id" | head -n 1)
psql_ -c "UPDATE merchant_node SET path = '/$group/' WHERE id = $group" > /dev/null
store=$(psql_ -c "INSERT INTO merchant_node (parent_id, kind, name, location, timezone, currency, locale, license_active, path, created_at)
  VALUES ($group, 'STORE', 'bench-import-store-$run_id', 'Rua Augusta 1', 'Europe/Lisbon', 'EUR', 'pt-PT', TRUE, 'pending', now()) RETURNING id" | head -n 1)
psql_ -c "UPDATE merchant_node SET path = '/$group/$store/' WHERE id = $store" > /dev/null

# IDs below 900000000000 (where the IDs this system issues begin), a fresh range per run
first_id=$(( 100000000000 + (10#$run_id % 790) * 1000000000 ))
now=$(date -u +%s)
start=$(date +%s.%N)
awk -v rows="$rows" -v store="$store" -v first="$first_id" -v now="$now" -v header="$header" 'BEGIN {
  srand(42); print header;
  span = 90 * 86400; charge = ""; amount = 0;
  for (i = 0; i < rows; i++) {
    id = sprintf("%012.0f", first + i);
    at = now - span + int(i * span / rows);
    when = strftime("%Y-%m-%dT%H:%M:%SZ", at, 1);
    method = (i % 2) ? "ALP" : "WXP";
    if (i % 10 == 9 && charge != "") {
      printf "%s,%s,%s,,refund,%s,APP,%d.%02d,0.00,EUR,%s\n", store, id, charge, cmethod, int(amount / 2) / 100, int(amount / 2) % 100, when;
      charge = "";
    } else {
      amount = 100 + int(rand() * 50000);
      ref = (i % 3 == 0) ? sprintf("PBL-%.0f", first + i) : "";
      channel = (ref == "") ? "APP" : "PAY_BY_LINK";
      printf "%s,%s,,%s,charge,%s,%s,%d.%02d,0.00,EUR,%s\n", store, id, ref, method, channel, int(amount / 100), amount % 100, when;
      charge = id; cmethod = method;
    }
  }
}' > "$work/transactions.csv"
echo "generated $rows rows ($(du -h "$work/transactions.csv" | cut -f1)) in $(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)") s; store $store"

if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "peak resident memory %M KB" bash -c "$(declare -f run); jar='$jar' url='$url' user='$user' password='$password' JAVA_OPTS='${JAVA_OPTS:-}'; run --file='$work/transactions.csv'"
else
  run --file="$work/transactions.csv"
fi
echo "stored rows of the store: $(psql_ -c "SELECT COUNT(*) FROM wallet_transaction WHERE store_id = $store")"
echo "day totals agree: $(psql_ -c "SELECT COALESCE(SUM(sales), 0) = (SELECT COALESCE(SUM(amount), 0) FROM wallet_transaction WHERE store_id = $store AND type = 'charge')
  AND COALESCE(SUM(refunds), 0) = (SELECT COALESCE(SUM(amount), 0) FROM wallet_transaction WHERE store_id = $store AND type <> 'charge')
  FROM transaction_day_total WHERE store_id = $store")"
