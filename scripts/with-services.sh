#!/usr/bin/env bash
# Runs a command against throwaway PostgreSQL 15 and Redis servers on loopback, with
# DATABASE_URL and REDIS_URL set, and removes both afterwards:
#   scripts/with-services.sh .venv/bin/python -m pytest
# Debian's postgresql-15 and redis-server must be installed (`make services` does that).
# As root, PostgreSQL runs as the postgres user (it refuses to run as root).
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-54329}
REDIS_PORT=${REDIS_PORT:-63799}
work=$(mktemp -d "${TMPDIR:-/tmp}/intranet-services.XXXXXX")

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
    as_postgres "$PG_BIN/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
    if [ -f "$work/redis.pid" ]; then kill "$(cat "$work/redis.pid")" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap stop EXIT

if [ "$(id -u)" = 0 ]; then chown postgres "$work"; fi
# A database for tests only: durability switched off for speed.
as_postgres "$PG_BIN/initdb" -D "$work/pg" -A trust -U postgres -E UTF8 --no-sync >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w start -o \
    "-p $PG_PORT -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
    --daemonize yes --pidfile "$work/redis.pid" --logfile "$work/redis.log" --dir "$work"

export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/intranet"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
"$@"
