#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer at DATABASE_URL / REDIS_URL (defaults: the local ones).
# On this project's machines they are local services; start them if they are down.
set -euo pipefail
DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/tessera}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

pg_up() { psql "${DATABASE_URL%/*}/postgres" -Atc 'SELECT 1' >/dev/null 2>&1; }
redis_up() { redis-cli -u "$REDIS_URL" ping 2>/dev/null | grep -q PONG; }

if ! pg_up; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "Starting PostgreSQL…"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  fi
fi
if ! redis_up; then
  if command -v redis-server >/dev/null; then
    echo "Starting Redis…"
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
    for _ in $(seq 1 30); do redis_up && break; sleep 1; done
  fi
fi

ok=1
pg_up || { echo "PostgreSQL is not reachable at $DATABASE_URL. Start it (e.g. 'pg_ctlcluster 15 main start' or 'docker compose up -d postgres')." >&2; ok=0; }
redis_up || { echo "Redis is not reachable at $REDIS_URL. Start it (e.g. 'redis-server --daemonize yes' or 'docker compose up -d redis')." >&2; ok=0; }
[ "$ok" = 1 ] || exit 1
echo "PostgreSQL and Redis are up."
