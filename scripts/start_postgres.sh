#!/usr/bin/env bash
# Start a throwaway PostgreSQL for the store tests and benchmarks, idempotently:
#   install the server if missing (Debian), initdb a cluster under /tmp, start it on
#   127.0.0.1 only with trust auth, create the database, and print the URL to export.
# stdout is exactly one line, the URL (logs go to stderr), so CI can do:
#   export EVENTFUSE_TEST_POSTGRES="$(bash scripts/start_postgres.sh)"
# Settings: EVENTFUSE_PG_DATA (/tmp/eventfuse-pg), EVENTFUSE_PG_PORT (5432),
#           EVENTFUSE_PG_DB (eventfuse_test). Stop: pg_ctl -D "$EVENTFUSE_PG_DATA" stop
set -euo pipefail

DATA="${EVENTFUSE_PG_DATA:-/tmp/eventfuse-pg}"
PORT="${EVENTFUSE_PG_PORT:-5432}"
DB="${EVENTFUSE_PG_DB:-eventfuse_test}"
log() { echo "start_postgres: $*" >&2; }

find_bindir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

BIN="$(find_bindir)"
if [[ -z "$BIN" || ! -x "$BIN/postgres" ]]; then
  log "installing the PostgreSQL server (apt-get)"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
  BIN="$(find_bindir)"
fi
[[ -x "$BIN/postgres" ]] || { log "no PostgreSQL server binaries found"; exit 1; }

# PostgreSQL refuses to run as root: as root, run it as the 'postgres' user.
if [[ $(id -u) -eq 0 ]]; then
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

if [[ ! -f "$DATA/PG_VERSION" ]]; then
  log "initdb $DATA"
  mkdir -p "$DATA"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$DATA"
  chmod 700 "$DATA"
  as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C >&2
fi

if as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  log "already running ($DATA)"
elif "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  log "another server already listens on 127.0.0.1:$PORT; using it"
else
  log "starting on 127.0.0.1:$PORT"
  # A disposable test cluster: durability off for speed, loopback only.
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2
fi

PSQL=("$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
if [[ "$("${PSQL[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]]; then
  log "creating database $DB"
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE \"$DB\"" >&2
fi
echo "postgresql://postgres@127.0.0.1:$PORT/$DB"
