#!/bin/sh
# Start a local PostgreSQL for the database tests and print the URL to put in LIVSVAL_TEST_PG_URL.
# Idempotent; run as root. Installs PostgreSQL with apt-get when it is absent.
#   export LIVSVAL_TEST_PG_URL="$(sh .ci/start-postgres.sh | tail -n 1)"
set -eu

ROLE="${LIVSVAL_PG_ROLE:-livsval}"
PASSWORD="${LIVSVAL_PG_PASSWORD:-livsval}"
DBNAME="${LIVSVAL_PG_DB:-livsval_test}"

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
fi

cluster="$(pg_lsclusters --no-header | head -n 1)"
if [ -z "$cluster" ]; then
  version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
  pg_createcluster "$version" main >&2
  cluster="$(pg_lsclusters --no-header | head -n 1)"
fi
version="$(echo "$cluster" | awk '{print $1}')"
name="$(echo "$cluster" | awk '{print $2}')"
port="$(echo "$cluster" | awk '{print $3}')"
status="$(echo "$cluster" | awk '{print $4}')"
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$name" start >&2
fi

psql_postgres() {
  su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qtA -c \"$1\""
}
if [ "$(psql_postgres "select 1 from pg_roles where rolname = '$ROLE'")" != "1" ]; then
  psql_postgres "create role $ROLE login password '$PASSWORD'" >&2
fi
# CREATEDB: the page-cache test on PostgreSQL starts the server on a database of its own
psql_postgres "alter role $ROLE createdb" >&2
if [ "$(psql_postgres "select 1 from pg_database where datname = '$DBNAME'")" != "1" ]; then
  psql_postgres "create database $DBNAME owner $ROLE" >&2
fi

echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$port/$DBNAME"
