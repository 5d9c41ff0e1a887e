#!/usr/bin/env bash
# CSV export benchmark (a command, not a test): the whole app on PostgreSQL, one store with
# 1,000,000 transactions over a year (generated in SQL on the first run and kept), its export
# downloaded over HTTP. Prints per run
#   first_byte_ms=... total_s=... rows=... live_heap_before_mb=... live_heap_peak_mb=...
# (exit status 1 when a download is incomplete). Targets: first byte < 1 s, total < 30 s, live
# heap flat; the JVM gets a 256 MB heap, less than the file itself, so a buffered export fails.
#
#   bench/export.sh                        # database walletdesk_bench_19 (created when missing)
#   WALLETDESK_BENCH_PG_URL=jdbc:postgresql://127.0.0.1:5432/other bench/export.sh
#   BENCH_OPTS="-Dbench.rows=200000 -Dbench.runs=5" bench/export.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${WALLETDESK_BENCH_PG_URL:-}" ] && command -v runuser >/dev/null && [ "$(id -u)" = 0 ]; then
  runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_database WHERE datname = 'walletdesk_bench_19'" | grep -q 1 \
    || runuser -u postgres -- createdb -O walletdesk walletdesk_bench_19
fi
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java ${JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseParallelGC} ${BENCH_OPTS:-} \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  com.walletdesk.bench.ExportBenchmark
