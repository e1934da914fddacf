#!/usr/bin/env bash
# Throughput and latency of the map layer, on loopback, in one run:
#   1. our endpoint (/data/regios.geojson: stored, precompressed, ETag),
#   2. a naive view that serializes every region's geometry per request,
#   3. nginx serving the same gzip bytes as a static file (the physical limit).
# Needs Debian's wrk and nginx (apt-get install wrk nginx). Prints its figures.
#   bash bench/throughput.sh [seconds per run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-10}"
CONNECTIONS=16
APP_PORT=8801
NGINX_PORT=8802
work="$(mktemp -d)"
chmod 755 "$work"
trap 'kill $(cat "$work/gunicorn.pid" 2>/dev/null) 2>/dev/null || true;
      nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT

export DJANGO_SETTINGS_MODULE=bench.settings
export DATABASE_URL="sqlite:///$work/bench.sqlite3"
export DJANGO_DEBUG=false DJANGO_SECRET_KEY=bench-only-secret-key-0123456789abcdefghijklmnop
.venv/bin/python manage.py migrate --verbosity 0
.venv/bin/python manage.py load_demo --verbosity 0

.venv/bin/gunicorn regiokaart.wsgi --bind "127.0.0.1:$APP_PORT" --workers 2 \
  --pid "$work/gunicorn.pid" --daemon --error-logfile "$work/gunicorn.log"

mkdir -p "$work/www/data"
for _ in $(seq 50); do
  curl -sf -H "Accept-Encoding: gzip" -o "$work/www/data/regios.geojson.gz" \
    "http://127.0.0.1:$APP_PORT/data/regios.geojson" && break
  sleep 0.2
done
gunzip -k "$work/www/data/regios.geojson.gz"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { application/geo+json geojson; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/www;
    gzip_static on;
    etag on;
  }
}
CONF
nginx -c "$work/nginx.conf"

run() {  # label url
  local out
  out="$(wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency \
    -H "Accept-Encoding: gzip" "$2")"
  local rps p50 p99 bytes
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  bytes="$(curl -sf -H "Accept-Encoding: gzip" -o /dev/null -w "%{size_download}" "$2")" || { echo "$1: $2 does not answer 200" >&2; exit 1; }
  printf '%-28s %10s req/s   p50 %8s   p99 %8s   %8s bytes/response\n' \
    "$1" "$rps" "$p50" "$p99" "$bytes"
  echo "$rps" >"$work/rps-$3"
}

echo "wrk: 1 thread, $CONNECTIONS connections, ${SECONDS_PER_RUN}s each; gunicorn: 2 sync workers; $(nproc) cores"
run "regiokaart layer" "http://127.0.0.1:$APP_PORT/data/regios.geojson" ours
run "naive per-request view" "http://127.0.0.1:$APP_PORT/bench/naive.geojson" naive
run "nginx static (gzip_static)" "http://127.0.0.1:$NGINX_PORT/data/regios.geojson" nginx
awk -v o="$(cat "$work/rps-ours")" -v n="$(cat "$work/rps-naive")" -v x="$(cat "$work/rps-nginx")" \
  'BEGIN { printf "ours / naive = %.1fx   ours / nginx = %.2f\n", o / n, o / x }'
