#!/usr/bin/env bash
# Serves dist/ with the production nginx config (deploy/nginx) for tests and local trials.
#   scripts/nginx.sh start   two sites:
#     :8081 same-origin proxy mode (config.json from the build: /identity/v3 + /image)
#     :8082 direct CORS mode (config.json pointing straight at Keystone; Glance from the catalog)
#   scripts/nginx.sh stop
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
KEYSTONE_URL="${KEYSTONE_URL:-http://127.0.0.1:5000}"
GLANCE_URL="${GLANCE_URL:-http://127.0.0.1:9292}"
PROXY_PORT="${PROXY_PORT:-8081}"
CORS_PORT="${CORS_PORT:-8082}"
DIR="$STACK_DIR/nginx"
PIDFILE="$DIR/nginx.pid"

render() { # listen root connect_src -> server block on stdout
  sed -e "s|@LISTEN@|$1|" -e "s|@ROOT@|$2|" -e "s|@CONNECT_SRC@|$3|" \
    -e "s|@SCRIPT_HASHES@|$(cat "$REPO/dist/csp-script-hashes.txt")|" \
    -e "s|@KEYSTONE@|$KEYSTONE_URL|" -e "s|@GLANCE@|$GLANCE_URL|" \
    "$REPO/deploy/nginx/glance-share.conf.template"
}

stop() {
  if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    kill -QUIT "$(cat "$PIDFILE")"
    for _ in $(seq 50); do kill -0 "$(cat "$PIDFILE" 2>/dev/null)" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$PIDFILE"
}

start() {
  [ -f "$REPO/dist/csp-script-hashes.txt" ] || { echo "run scripts/build-release.sh first" >&2; exit 1; }
  stop
  mkdir -p "$DIR/logs" "$DIR/tmp"
  # The CORS site is the same build with its own config.json.
  rm -rf "$DIR/www-cors" && cp -r "$REPO/dist" "$DIR/www-cors"
  rm -f "$DIR/www-cors/config.json."*
  cat >"$DIR/www-cors/config.json" <<JSON
{"auth_url": "$KEYSTONE_URL/v3", "region_name": "RegionOne", "cloud_name": "Local dev stack (direct CORS)"}
JSON
  {
    echo "$(render "127.0.0.1:$PROXY_PORT" "$REPO/dist" "")"
    echo "$(render "127.0.0.1:$CORS_PORT" "$DIR/www-cors" "$KEYSTONE_URL $GLANCE_URL")"
  } >"$DIR/sites.conf"
  cat >"$DIR/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
worker_processes 1;
pid $PIDFILE;
error_log $DIR/logs/error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log $DIR/logs/access.log;
  client_body_temp_path $DIR/tmp/body;
  proxy_temp_path $DIR/tmp/proxy;
  fastcgi_temp_path $DIR/tmp/fastcgi;
  uwsgi_temp_path $DIR/tmp/uwsgi;
  scgi_temp_path $DIR/tmp/scgi;
  include $REPO/deploy/nginx/cache-map.conf;
  include $DIR/sites.conf;
}
CONF
  nginx -t -q -c "$DIR/nginx.conf" -p "$DIR"
  nginx -c "$DIR/nginx.conf" -p "$DIR"
  echo "[nginx] proxy mode http://127.0.0.1:$PROXY_PORT  direct CORS mode http://127.0.0.1:$CORS_PORT"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
