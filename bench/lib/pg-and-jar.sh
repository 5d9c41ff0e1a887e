# Sourced by the benchmarks that drive PostgreSQL with psql and the application's jar:
#   . bench/lib/pg-and-jar.sh <default JDBC URL>
# Sets url, user, password, host, port, db (WALLETDESK_BENCH_PG_URL / _USER / _PASSWORD
# override), creates the default database when missing (as root, through the postgres user),
# defines psql_ (unaligned, tuples only, stops at the first error) and sets jar to the
# application's jar, building it when a source is newer.
url="${WALLETDESK_BENCH_PG_URL:-$1}"
user="${WALLETDESK_BENCH_PG_USER:-walletdesk}"
password="${WALLETDESK_BENCH_PG_PASSWORD:-walletdesk}"
hostport="${url#jdbc:postgresql://}"; hostport="${hostport%%/*}"
db="${url##*/}"; db="${db%%\?*}"
host="${hostport%%:*}"; port="${hostport##*:}"; [ "$port" = "$hostport" ] && port=5432
if [ -z "${WALLETDESK_BENCH_PG_URL:-}" ] && command -v runuser >/dev/null && [ "$(id -u)" = 0 ]; then
  runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
    || runuser -u postgres -- createdb -O walletdesk "$db"
fi
psql_() { PGPASSWORD="$password" psql -h "$host" -p "$port" -U "$user" -d "$db" -qtAX -v ON_ERROR_STOP=1 "$@"; }

jar=$(ls target/walletdesk-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f -print -quit)" ]; then
  mvn -q -B -ntp -DskipTests package
  jar=$(ls target/walletdesk-*.jar | head -n 1)
fi
