#!/usr/bin/env bash
# Sets Tessera up on this machine and runs it: pnpm and the dependencies, PostgreSQL and Redis,
# a development .env, the database, the build, migrations and demo users; then the mail catcher,
# API, worker and SPA in the background (logs in var/log/) until Ctrl-C. Safe to re-run.
#
# Ports (environment): WEB_PORT (4173), MAILCATCHER_HTTP_PORT (1080), MAILCATCHER_SMTP_PORT (1025).
# WEB_HOST (127.0.0.1) is where the SPA listens: set 0.0.0.0 to open it to other machines. Everything else is in .env (written on the first run).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[31m%s\033[0m\n' "$*" >&2; exit 1; }

command -v node >/dev/null || die "Node.js >= 20.19 is needed: https://nodejs.org"

step "pnpm"
PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  npm install -g "pnpm@$PNPM_VERSION"
fi
pnpm install --frozen-lockfile

step "Configuration (.env)"
if [ ! -f .env ]; then
  cat >.env <<EOF
# Development settings written by scripts/up.sh; edit freely (delete the file to get new defaults).
# scripts/up.sh loads it (\${VAR:-default} takes a port from the shell when it is set there).
NODE_ENV=development
DATABASE_URL=postgres://postgres@127.0.0.1:5432/tessera
REDIS_URL=redis://127.0.0.1:6379
SMTP_URL=smtp://127.0.0.1:\${MAILCATCHER_SMTP_PORT:-1025}
MAIL_FROM="Tessera <no-reply@tessera.local>"
# Base of the links in e-mails: the SPA.
PUBLIC_URL=http://localhost:\${WEB_PORT:-4173}
# The API's port. The SPA's /api proxy (apps/web/vite.config.ts) expects 3000.
PORT=3000
JWT_SECRET=$(node -p "require('crypto').randomBytes(32).toString('hex')")
STORAGE_DIR=./var/storage
ADMIN_EMAIL=admin@tessera.local
ADMIN_PASSWORD=Tessera-demo-2026
EOF
  echo "Wrote .env"
else
  echo "Using the existing .env"
fi
set -a
. ./.env
set +a
WEB_PORT=${WEB_PORT:-4173}
WEB_HOST=${WEB_HOST:-127.0.0.1}
# The API, the worker's peers and the mail catcher stay on this machine.
export HOST=127.0.0.1 MAILCATCHER_HOST=127.0.0.1
export MAILCATCHER_SMTP_PORT=${MAILCATCHER_SMTP_PORT:-1025} MAILCATCHER_HTTP_PORT=${MAILCATCHER_HTTP_PORT:-1080}
[ "$PORT" = 3000 ] || die "PORT=$PORT: the SPA's /api proxy (apps/web/vite.config.ts) only reaches an API on 3000."
in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$MAILCATCHER_SMTP_PORT" "$MAILCATCHER_HTTP_PORT" "$PORT" "$WEB_PORT"; do
  in_use "$port" && die "Port $port is taken (is Tessera already running?). Stop that, or choose other ports (see the top of $0)."
done

step "PostgreSQL and Redis"
bash scripts/services.sh
database=${DATABASE_URL##*/}
database=${database%%\?*}
if [ "$(psql "${DATABASE_URL%/*}/postgres" -Atc "SELECT 1 FROM pg_database WHERE datname = '$database'")" != 1 ]; then
  psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE \"$database\"" && echo "Created the database $database"
fi

step "Build, migrate, seed"
pnpm build
pnpm migrate
pnpm seed

step "Start"
mkdir -p var/log "$STORAGE_DIR"
names=()
pids=()
# Each child gets its own session, so Ctrl-C reaches only this script, which stops them in order.
start() {
  local name=$1
  shift
  setsid "$@" >"var/log/$name.log" 2>&1 &
  names+=("$name")
  pids+=($!)
  echo "$name: pid $!, log var/log/$name.log"
}
stop() {
  trap - INT TERM EXIT
  [ ${#pids[@]} -gt 0 ] || return 0
  step "Stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 100); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 1 ] || break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  echo "Stopped."
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

start mail node apps/mailcatcher/dist/main.js
start api node apps/api/dist/main.js
start worker node apps/worker/dist/main.js
start web apps/web/node_modules/.bin/vite preview apps/web --host "$WEB_HOST" --port "$WEB_PORT" --strictPort

# Waits until every child is alive and $1 answers with a body containing $2.
wait_for() {
  for _ in $(seq 1 60); do
    for i in "${!pids[@]}"; do
      kill -0 "${pids[$i]}" 2>/dev/null && continue
      tail -n 20 "var/log/${names[$i]}.log" >&2
      die "${names[$i]} stopped while starting; its log is above (var/log/${names[$i]}.log)."
    done
    [[ $(curl -fsS --max-time 2 "$1" 2>/dev/null) == *"$2"* ]] && return 0
    sleep 1
  done
  die "$1 did not answer within a minute; see var/log/."
}
wait_for "http://127.0.0.1:$PORT/api/health" '"status":"ok"'
wait_for "http://127.0.0.1:$WEB_PORT/sign-in" '<div id="app">'
wait_for "http://127.0.0.1:$MAILCATCHER_HTTP_PORT/api/summary" 'count'

web="http://localhost:$WEB_PORT"
line() { printf '│ %-74s │\n' "$1"; }
rule=$(printf '─%.0s' $(seq 1 76))
echo
echo "┌$rule┐"
line "Tessera is running."
line ""
line "App (sign in)     $web/sign-in"
line "Back office       $web/office"
line "Member portal     $web/portal"
line "Apply online      $web/apply"
line "API (Swagger UI)  $web/api/docs"
line "Mail inbox        http://127.0.0.1:$MAILCATCHER_HTTP_PORT"
line ""
account() { line "$(printf '%-18s%-24s%s' "$1" "$2" "$3")"; }
account "Sign in as" "$ADMIN_EMAIL" "$ADMIN_PASSWORD  (admin)"
account "" officer@tessera.local "Tessera-demo-2026"
account "" approver@tessera.local "Tessera-demo-2026"
account "" finance@tessera.local "Tessera-demo-2026"
account "" member@tessera.local "Tessera-demo-2026  (member: portal)"
account "" student@tessera.local "Tessera-demo-2026  (member: portal)"
line ""
line "Logs in var/log/. Ctrl-C stops everything."
echo "└$rule┘"

# In the foreground until Ctrl-C or until a child stops on its own.
set +e
wait -n "${pids[@]}"
for i in "${!pids[@]}"; do
  kill -0 "${pids[$i]}" 2>/dev/null || echo "${names[$i]} stopped on its own; see var/log/${names[$i]}.log." >&2
done
exit 1
