#!/usr/bin/env bash
# Local dev/test OpenStack: a real Keystone + Glance (from PyPI) served by uwsgi on 127.0.0.1.
# Usage: scripts/stack.sh start|stop|status|restart|reset
# State lives only under $STACK_DIR. Demo data is seeded on first start (see scripts/seed.py).
# The Keystone and Glance config files are filled in from the templates in deploy/dev/.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
CORS_ORIGINS="${CORS_ORIGINS:-http://127.0.0.1:8080,http://localhost:8080,http://127.0.0.1:8081,http://localhost:8081,http://127.0.0.1:8082,http://localhost:8082}"

ADMIN_PASS="admin-pass"
GLANCE_SERVICE_PASS="glance-pass"
REGION="RegionOne"
START_TIMEOUT="${START_TIMEOUT:-60}"

# sqlite URLs and uwsgi need absolute paths.
case "$STACK_DIR" in /*) ;; *) STACK_DIR="$PWD/$STACK_DIR" ;; esac
case "$VENV" in /*) ;; *) VENV="$PWD/$VENV" ;; esac

KEYSTONE_URL="http://127.0.0.1:${KEYSTONE_PORT}"
GLANCE_URL="http://127.0.0.1:${GLANCE_PORT}"
PYVER_DIR=""   # set by need_venv
KS_CONF="$STACK_DIR/keystone/keystone.conf"
GL_DIR="$STACK_DIR/glance"

log() { printf '[stack] %s\n' "$*"; }
die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

need_venv() {
  local b
  for b in python keystone-manage glance-manage uwsgi; do
    [ -x "$VENV/bin/$b" ] || die "$VENV/bin/$b missing; create the venv: python3 -m venv $VENV && $VENV/bin/pip install glance==33.0.0 keystone==30.0.0 uwsgi python-openstackclient"
  done
  PYVER_DIR="$("$VENV/bin/python" -c 'import sys; print("python%d.%d" % sys.version_info[:2])')"
  command -v curl >/dev/null || die "curl is required"
}

# ---- process helpers -------------------------------------------------------

pid_of() { # name -> pid from pid file if that process is alive and is uwsgi, else empty
  local f="$STACK_DIR/$1.pid" pid
  [ -f "$f" ] || return 0
  pid="$(tr -dc '0-9' <"$f")"
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q uwsgi; then
    echo "$pid"
  fi
}

http_code() { # url -> HTTP status code ("000" when nothing answers)
  curl -s -o /dev/null -m 3 -w '%{http_code}' "$1" 2>/dev/null || true
}

answers() { # url -> success if an HTTP server answers with a non-5xx status
  local c; c="$(http_code "$1")"
  [ -n "$c" ] && [ "$c" != "000" ] && [ "${c:0:1}" != "5" ]
}

healthy() { # name url
  [ -n "$(pid_of "$1")" ] && answers "$2"
}

port_busy() { # port -> success if something listens on it
  [ "$(http_code "http://127.0.0.1:$1/")" != "000" ] && return 0
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

wait_ready() { # name url
  local name="$1" url="$2" i pid
  for ((i = 0; i < START_TIMEOUT * 10; i++)); do
    if answers "$url"; then return 0; fi
    pid="$(pid_of "$name")"
    if [ -z "$pid" ] && [ "$i" -gt 20 ]; then
      tail -n 40 "$STACK_DIR/$name.log" >&2 || true
      die "$name exited during start-up (log: $STACK_DIR/$name.log)"
    fi
    sleep 0.1
  done
  tail -n 40 "$STACK_DIR/$name.log" >&2 || true
  die "$name did not answer at $url within ${START_TIMEOUT}s (log: $STACK_DIR/$name.log)"
}

stop_one() { # name
  local name="$1" pid kids i
  pid="$(pid_of "$name")"
  if [ -z "$pid" ]; then
    rm -f "$STACK_DIR/$name.pid"
    log "$name: not running"
    return 0
  fi
  kids="$(pgrep -P "$pid" || true)"
  kill -TERM "$pid" 2>/dev/null || true   # uwsgi master runs with --die-on-term
  for ((i = 0; i < 150; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name: master $pid did not stop in 15s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  # Workers/http router of that master only (pids recorded before the stop).
  for i in $kids; do
    if kill -0 "$i" 2>/dev/null; then kill -KILL "$i" 2>/dev/null || true; fi
  done
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  rm -f "$STACK_DIR/$name.pid"
  log "$name: stopped (pid $pid)"
}

launch() { # name env-assignments... -- uwsgi args...
  local name="$1"; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  rm -f "$STACK_DIR/$name.pid"
  # setsid: own session, so a Ctrl-C or a job-group kill of the caller does not take it down.
  # One thread by default: both services use sqlite here, and concurrent requests were seen
  # to fail with "database is locked" (Glance 500s on parallel member adds) and to read stale
  # state (Keystone accepting a just-revoked token from another thread). Real clouds use a
  # real database; STACK_THREADS raises it for experiments.
  env "${envs[@]}" setsid nohup "$VENV/bin/uwsgi" \
    --master --processes 1 --threads "${STACK_THREADS:-1}" --enable-threads --lazy-apps --die-on-term \
    --need-app --home "$VENV" --pidfile "$STACK_DIR/$name.pid" "$@" \
    </dev/null >>"$STACK_DIR/$name.log" 2>&1 &
  local bgpid=$! i
  for ((i = 0; i < 50; i++)); do
    [ -s "$STACK_DIR/$name.pid" ] && break
    kill -0 "$bgpid" 2>/dev/null || break
    sleep 0.05
  done
  [ -s "$STACK_DIR/$name.pid" ] || echo "$bgpid" >"$STACK_DIR/$name.pid"
}

# ---- config files ----------------------------------------------------------

# The services' config files are templates in deploy/dev/ (documented, for users to copy),
# filled in like deploy/nginx's: every @NAME@ becomes the value given as NAME=value.
fill_template() { # template-name dest NAME=value...
  local tpl="$REPO/deploy/dev/$1" dest="$2" kv name value left subs=()
  shift 2
  [ -f "$tpl" ] || die "template $tpl not found"
  for kv in "$@"; do
    name="${kv%%=*}"
    value="$(printf '%s' "${kv#*=}" | sed 's/[\\|&]/\\&/g')"   # literal in sed's replacement
    grep -q "@$name@" "$tpl" || die "$tpl has no @$name@ (a misspelt placeholder?)"
    subs+=(-e "s|@$name@|$value|g")
  done
  sed "${subs[@]}" "$tpl" >"$dest.tmp"
  left="$(grep -no '@[A-Z][A-Z0-9_]*@' "$dest.tmp" | paste -sd " " || true)"
  if [ -n "$left" ]; then
    rm -f "$dest.tmp"
    die "$tpl: placeholders left unfilled (line:name): $left"
  fi
  mv "$dest.tmp" "$dest"
}

# ---- keystone --------------------------------------------------------------

write_keystone_conf() {
  mkdir -p "$STACK_DIR/keystone/fernet-keys" "$STACK_DIR/keystone/credential-keys"
  chmod 700 "$STACK_DIR/keystone/fernet-keys" "$STACK_DIR/keystone/credential-keys"
  fill_template keystone.conf.template "$KS_CONF" "STACK_DIR=$STACK_DIR"
}

init_keystone() {
  local user group mlog="$STACK_DIR/keystone-manage.log"
  user="$(id -un)"; group="$(id -gn)"
  log "keystone: first run, initialising database and keys (log: $mlog)"
  km() {
    "$VENV/bin/keystone-manage" --config-file "$KS_CONF" "$@" >>"$mlog" 2>&1 || {
      tail -n 30 "$mlog" >&2
      rm -f "$STACK_DIR/keystone.sqlite"   # so the next start retries the whole init
      die "keystone-manage $1 failed"
    }
  }
  km db_sync
  km fernet_setup --keystone-user "$user" --keystone-group "$group"
  km credential_setup --keystone-user "$user" --keystone-group "$group"
  km bootstrap \
    --bootstrap-password "$ADMIN_PASS" \
    --bootstrap-admin-url "$KEYSTONE_URL/v3" \
    --bootstrap-public-url "$KEYSTONE_URL/v3" \
    --bootstrap-internal-url "$KEYSTONE_URL/v3" \
    --bootstrap-region-id "$REGION"
}

launch_keystone() {
  launch keystone \
    "OS_KEYSTONE_CONFIG_FILES=$KS_CONF" \
    "OS_CORS__ALLOWED_ORIGIN=$CORS_ORIGINS" \
    "OS_CORS__EXPOSE_HEADERS=X-Subject-Token,X-Openstack-Request-Id" \
    "OS_CORS__ALLOW_HEADERS=X-Auth-Token,X-Subject-Token,Content-Type,X-Openstack-Request-Id" \
    -- --http "127.0.0.1:$KEYSTONE_PORT" --http-keepalive \
    --wsgi-file "$VENV/lib/$PYVER_DIR/site-packages/keystone/wsgi/api.py"
}

# ---- glance ----------------------------------------------------------------

write_glance_conf() {
  mkdir -p "$GL_DIR" "$STACK_DIR/images" "$STACK_DIR/staging" "$STACK_DIR/tasks"
  fill_template glance-api.conf.template "$GL_DIR/glance-api.conf" \
    "STACK_DIR=$STACK_DIR" "KEYSTONE_URL=$KEYSTONE_URL" "REGION=$REGION" \
    "GLANCE_SERVICE_PASS=$GLANCE_SERVICE_PASS" "CORS_ORIGINS=$CORS_ORIGINS" \
    "IMAGE_MEMBER_QUOTA=${IMAGE_MEMBER_QUOTA:-6}" "WEB_DOWNLOAD_PORT=${WEB_DOWNLOAD_PORT:-8093}"
  fill_template glance-api-paste.ini.template "$GL_DIR/glance-api-paste.ini" \
    "GLANCE_API_CONF=$GL_DIR/glance-api.conf"
}

glance_db_sync() {
  log "glance: first run, creating database"
  "$VENV/bin/glance-manage" --config-file "$GL_DIR/glance-api.conf" db_sync >>"$STACK_DIR/glance-manage.log" 2>&1 \
    || { tail -n 30 "$STACK_DIR/glance-manage.log" >&2; rm -f "$STACK_DIR/glance.sqlite"; die "glance-manage db_sync failed"; }
  # Write-ahead logging lets readers go on while one request writes: without it, a few
  # parallel writes (bulk member adds) made Glance answer 500 "database is locked".
  "$VENV/bin/python" -c 'import sqlite3,sys; sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode=WAL")' "$STACK_DIR/glance.sqlite"
}

launch_glance() {
  # No --http-raw-body: with it uwsgi's http router closes the connection after every
  # response (no keep-alive), and clients reusing a pooled connection get "connection reset /
  # remote end closed". --http-chunked-input alone handles both chunked and sized uploads.
  # --http-manage-expect answers "Expect: 100-continue" (curl -T sends it for big bodies;
  # without it curl waits 1 s before sending). --buffer-size as devstack sets it: with
  # uwsgi's 4 KB default a request line of about 2 KB (a name filter of 255 Chinese
  # characters is 2,295 bytes encoded) was dropped without an answer.
  launch glance "OS_GLANCE_CONFIG_DIR=$GL_DIR" \
    -- --http "127.0.0.1:$GLANCE_PORT" --http-keepalive --http-chunked-input --http-manage-expect \
    --buffer-size 65535 \
    --wsgi-file "$VENV/lib/$PYVER_DIR/site-packages/glance/wsgi/api.py"
}

# ---- commands --------------------------------------------------------------

seed() { # phase
  KEYSTONE_URL="$KEYSTONE_URL/v3" GLANCE_URL="$GLANCE_URL" STACK_DIR="$STACK_DIR" \
    ADMIN_PASSWORD="$ADMIN_PASS" GLANCE_SERVICE_PASSWORD="$GLANCE_SERVICE_PASS" REGION="$REGION" \
    "$VENV/bin/python" "$REPO/scripts/seed.py" "$1"
}

print_info() {
  cat <<INFO
Keystone: $KEYSTONE_URL/v3   (region $REGION, domain Default)
Glance:   $GLANCE_URL
CORS origins: $CORS_ORIGINS
Admin:    admin / $ADMIN_PASS (project admin)
Demo users (domain Default):
  alice / alice-pass  -> alpha
  bob   / bob-pass    -> beta
  carol / carol-pass  -> gamma
  dave  / dave-pass   -> alpha, beta
Seed data (ids): $STACK_DIR/seed.json
Logs: $STACK_DIR/keystone.log, $STACK_DIR/glance.log
INFO
}

cmd_start() {
  need_venv
  local ks_up=0 gl_up=0 seeded=0 gl_job="" gl_launched=0 t0=$SECONDS
  healthy keystone "$KEYSTONE_URL/v3" && ks_up=1
  healthy glance "$GLANCE_URL/" && gl_up=1
  [ -f "$STACK_DIR/seed.json" ] && seeded=1
  if [ "$ks_up$gl_up$seeded" = 111 ]; then
    log "already running and healthy"
    print_info
    return 0
  fi
  # Keystone's catalog and the seeded data name the ports they were made with: data made for
  # other ports (another PORT_OFFSET, or from before this check) is made anew, not half used.
  local ports_now="$KEYSTONE_PORT $GLANCE_PORT $WEB_DOWNLOAD_PORT"
  if [ "$ks_up$gl_up" = 00 ] && [ -f "$STACK_DIR/keystone.sqlite" ] \
    && [ "$(cat "$STACK_DIR/ports" 2>/dev/null)" != "$ports_now" ]; then
    log "data in $STACK_DIR was made for other ports: making it anew"
    # nginx (scripts/nginx.sh) keeps its pid file and certificates in nginx/: left alone.
    find "$STACK_DIR" -mindepth 1 -maxdepth 1 ! -name nginx -exec rm -rf {} +
    seeded=0
  fi
  mkdir -p "$STACK_DIR"
  echo "$ports_now" >"$STACK_DIR/ports"
  if [ "$ks_up" = 1 ]; then log "keystone: already running (pid $(pid_of keystone))"; else
    stop_one keystone >/dev/null   # clears a stale pid file
    port_busy "$KEYSTONE_PORT" && die "port $KEYSTONE_PORT is in use by another process"
  fi
  if [ "$gl_up" = 1 ]; then log "glance: already running (pid $(pid_of glance))"; else
    stop_one glance >/dev/null
    port_busy "$GLANCE_PORT" && die "port $GLANCE_PORT is in use by another process"
    write_glance_conf
    if [ ! -f "$STACK_DIR/glance.sqlite" ]; then glance_db_sync & gl_job=$!; fi  # overlaps keystone init
  fi
  if [ "$ks_up" = 0 ]; then
    write_keystone_conf
    [ -f "$STACK_DIR/keystone.sqlite" ] || init_keystone
    launch_keystone
  fi
  if [ -n "$gl_job" ]; then wait "$gl_job" || die "glance database setup failed"; fi
  # Seeded: glance may start alongside keystone (auth only happens per request).
  # First run: glance's service user and catalog entry are created first (seed identity).
  if [ "$gl_up" = 0 ] && [ "$seeded" = 1 ]; then launch_glance; gl_launched=1; fi
  if [ "$ks_up" = 0 ]; then
    wait_ready keystone "$KEYSTONE_URL/v3"
    log "keystone: up (pid $(pid_of keystone))"
  fi
  if [ "$seeded" = 0 ]; then seed identity; fi
  if [ "$gl_up" = 0 ]; then
    [ "$gl_launched" = 1 ] || launch_glance
    wait_ready glance "$GLANCE_URL/"
    log "glance: up (pid $(pid_of glance))"
  fi
  if [ "$seeded" = 0 ]; then seed images; fi
  log "ready in $((SECONDS - t0))s"
  print_info
}

cmd_stop() {
  # Both at once: each uwsgi takes 2-3 s to shut down.
  local j1 j2
  stop_one glance & j1=$!
  stop_one keystone & j2=$!
  wait "$j1"; wait "$j2"
}

cmd_status() {
  local ok=0 pid
  pid="$(pid_of keystone)"
  if [ -n "$pid" ] && answers "$KEYSTONE_URL/v3"; then
    echo "keystone: running (pid $pid) $KEYSTONE_URL/v3"
  else
    echo "keystone: not running"; ok=1
  fi
  pid="$(pid_of glance)"
  if [ -n "$pid" ] && answers "$GLANCE_URL/"; then
    echo "glance:   running (pid $pid) $GLANCE_URL"
  else
    echo "glance:   not running"; ok=1
  fi
  return "$ok"
}

cmd_reset() {
  cmd_stop
  if [ -d "$STACK_DIR" ]; then
    rm -rf "$STACK_DIR"
    log "removed $STACK_DIR"
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  restart) cmd_stop; cmd_start ;;
  reset) cmd_reset ;;
  *) echo "usage: $0 start|stop|status|restart|reset" >&2; exit 2 ;;
esac
