#!/usr/bin/env bash
# Serves dist/ with the production nginx config (deploy/nginx) for tests and local trials.
# This is the script that renders deploy/nginx/glance-share.conf.template (see render()).
#   scripts/nginx.sh start   (ports shifted by PORT_OFFSET, see scripts/env.sh)
#     :8081 same-origin proxy mode over plain HTTP (config.json from the build: /identity/v3 + /image)
#     :8082 direct CORS mode (config.json pointing straight at Keystone; Glance from the catalog)
#     :8084 the same proxy mode over HTTPS, every line of the template: certificate from a
#           throwaway test CA, HSTS, :8085 redirecting to it, and Glance reached over https
#           through :8086 (a TLS front whose certificate the test CA signed, so nginx trusts it)
#     :8088 the same HTTPS site, but its Glance is :8087, a TLS front with a certificate from
#           another CA: nginx must refuse it (502)
#   scripts/nginx.sh stop
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
KEYSTONE_URL="${KEYSTONE_URL:-http://127.0.0.1:5000}"
GLANCE_URL="${GLANCE_URL:-http://127.0.0.1:9292}"
PROXY_PORT="${PROXY_PORT:-8081}"
CORS_PORT="${CORS_PORT:-8082}"
DIR="$STACK_DIR/nginx"
PIDFILE="$DIR/nginx.pid"

TLS_DIR="$DIR/tls"

# render listen root connect_src [glance] [http_listen] [drop]: server blocks on stdout.
# drop: a regex of line markers to leave out ("# tls" lines for plain-HTTP sites).
render() {
  local tls_port="${1%% *}"
  sed -E -e "/${6:-^@never@$}/d" \
    -e "s|@LISTEN@|$1|" -e "s|@ROOT@|$2|" -e "s|@CONNECT_SRC@|$3|" \
    -e "s|@SCRIPT_HASHES@|$(cat "$REPO/dist/csp-script-hashes.txt")|" \
    -e "s|@KEYSTONE@|$KEYSTONE_URL|" -e "s|@GLANCE@|${4:-$GLANCE_URL}|" \
    -e "s|@HTTP_LISTEN@|${5:-}|" -e "s|@HTTPS_PORT_SUFFIX@|:${tls_port##*:}|" \
    -e "s|@TLS_CERT@|$TLS_DIR/server.pem|" -e "s|@TLS_KEY@|$TLS_DIR/server.key|" \
    -e "s|@UPSTREAM_CA@|$TLS_DIR/test-ca.pem|" \
    "$REPO/deploy/nginx/glance-share.conf.template"
}

# cert name ca: a key and a certificate for localhost / 127.0.0.1 signed by CA `ca`
# (made first if missing). Kept between runs; made again only when missing or expiring.
cert() {
  local name="$1" ca="$2"
  if [ ! -f "$TLS_DIR/$ca.pem" ] || ! openssl x509 -checkend 86400 -noout -in "$TLS_DIR/$ca.pem" >/dev/null 2>&1; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=Glance Share $ca (test only)" \
      -keyout "$TLS_DIR/$ca.key" -out "$TLS_DIR/$ca.pem" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    rm -f "$TLS_DIR/$name.pem"
  fi
  if [ ! -f "$TLS_DIR/$name.pem" ] || ! openssl x509 -checkend 86400 -noout -in "$TLS_DIR/$name.pem" >/dev/null 2>&1; then
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$TLS_DIR/$name.key" \
      -out "$TLS_DIR/$name.csr" 2>/dev/null
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' >"$TLS_DIR/$name.ext"
    openssl x509 -req -in "$TLS_DIR/$name.csr" -CA "$TLS_DIR/$ca.pem" -CAkey "$TLS_DIR/$ca.key" \
      -CAcreateserial -days 300 -extfile "$TLS_DIR/$name.ext" -out "$TLS_DIR/$name.pem" 2>/dev/null
    rm -f "$TLS_DIR/$name.csr" "$TLS_DIR/$name.ext"
  fi
}

# A TLS front for Glance, standing in for a cloud whose Glance speaks https: port cert_name.
# Logs what the proxy sent on (upstream.log), so the tests can see the forwarded headers.
glance_front() {
  cat <<CONF
server {
  listen 127.0.0.1:$1 ssl;
  ssl_certificate $TLS_DIR/$2.pem;
  ssl_certificate_key $TLS_DIR/$2.key;
  access_log $DIR/logs/upstream.log upstream_seen;
  client_max_body_size 0;
  location / {
    proxy_pass $GLANCE_URL;
    proxy_http_version 1.1;
    proxy_request_buffering off;
    proxy_buffering off;
  }
}
CONF
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
  mkdir -p "$TLS_DIR"
  cert server test-ca
  cert rogue rogue-ca
  local plain='# tls( redirect)? *$'
  {
    render "127.0.0.1:$PROXY_PORT" "$REPO/dist" "" "" "" "$plain"
    render "127.0.0.1:$CORS_PORT" "$DIR/www-cors" "$KEYSTONE_URL $GLANCE_URL" "" "" "$plain"
    render "127.0.0.1:$TLS_PORT ssl" "$REPO/dist" "" "https://localhost:$TLS_UPSTREAM_PORT" \
      "127.0.0.1:$TLS_REDIRECT_PORT"
    render "127.0.0.1:$TLS_ROGUE_SITE_PORT ssl" "$REPO/dist" "" \
      "https://localhost:$TLS_ROGUE_UPSTREAM_PORT" "" '# tls redirect *$'
    echo "log_format upstream_seen 'proto=\"\$http_x_forwarded_proto\" for=\"\$http_x_forwarded_for\" host=\"\$http_x_forwarded_host\" sni=\"\$ssl_server_name\" \"\$request\"';"
    glance_front "$TLS_UPSTREAM_PORT" server
    glance_front "$TLS_ROGUE_UPSTREAM_PORT" rogue
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
  echo "[nginx] HTTPS https://127.0.0.1:$TLS_PORT (test CA $TLS_DIR/test-ca.pem)  untrusted Glance https://127.0.0.1:$TLS_ROGUE_SITE_PORT"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
