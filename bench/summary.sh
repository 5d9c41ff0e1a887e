#!/usr/bin/env bash
# Summary API benchmark (a command, not a test): the whole app on PostgreSQL, one store with
# 100,000 transactions in November 2026 (generated in SQL on the first run and kept), its
# month's summary (/api/v1/stores/{id}/transactions/summary) asked over HTTP one request after
# another. Prints the plan's scan lines and
#   rows=... requests=... p50_ms=... p95_ms=... max_ms=... target_p95_ms=50 OK|OVER
# (exit status 1 over the target). Target: p95 <= 50 ms.
#
#   bench/summary.sh                        # database walletdesk_bench_19a (created when missing)
#   WALLETDESK_BENCH_PG_URL=jdbc:postgresql://127.0.0.1:5432/other bench/summary.sh
#   BENCH_OPTS="-Dbench.requests=500 -Dbench.q=wechat" bench/summary.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${WALLETDESK_BENCH_PG_URL:-}" ] && command -v runuser >/dev/null && [ "$(id -u)" = 0 ]; then
  runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_database WHERE datname = 'walletdesk_bench_19a'" | grep -q 1 \
    || runuser -u postgres -- createdb -O walletdesk walletdesk_bench_19a
fi
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java ${JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseParallelGC} ${BENCH_OPTS:-} \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  com.walletdesk.bench.SummaryBenchmark
