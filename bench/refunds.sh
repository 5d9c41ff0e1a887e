#!/usr/bin/env bash
# Refund benchmark (a command, not a test): the whole app on PostgreSQL, the sandbox wallet with
# no added latency, 16 HTTP clients refunding many charges. Prints
#   refunds_per_s=... p50_ms=... p95_ms=...
# and sums_agree=true|false (exit status 1 when the sums disagree or a refund failed).
#
#   bench/refunds.sh                       # database walletdesk_bench (created when missing)
#   WALLETDESK_BENCH_PG_URL=jdbc:postgresql://127.0.0.1:5432/walletdesk_bench bench/refunds.sh
#   BENCH_OPTS="-Dbench.clients=16 -Dbench.refunds=8000 -Dbench.warmup=40000 -Dbench.stores=64" bench/refunds.sh
#
# The JVM runs as docs/operations.md describes for a small server (JAVA_OPTS overrides): C2 alone, without tiered
# compilation, which on 2 cores gave a third more refunds/s once warm (docs/refunds.md). Its
# compiler threads are kept for the whole run, so their CPU can be read from /proc: the warm-up
# goes on until they are nearly idle.
#
# It adds its own uniquely named merchants and charges and removes nothing, so any database
# with the Walletdesk schema (or an empty one: Flyway migrates it) will do.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${WALLETDESK_BENCH_PG_URL:-}" ] && command -v runuser >/dev/null && [ "$(id -u)" = 0 ]; then
  runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_database WHERE datname = 'walletdesk_bench'" | grep -q 1 \
    || runuser -u postgres -- createdb -O walletdesk walletdesk_bench
fi
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java ${JAVA_OPTS:--Xms512m -Xmx1g -XX:+UseParallelGC -XX:-TieredCompilation -XX:-UseDynamicNumberOfCompilerThreads} ${BENCH_OPTS:-} \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  com.walletdesk.bench.RefundBenchmark
