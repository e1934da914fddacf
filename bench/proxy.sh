#!/usr/bin/env bash
# The shipped deployment, measured on loopback in one run, against nginx serving
# the very same bytes as static files (the physical limit on this machine):
#   nginx (deploy/nginx/regiokaart.conf, micro-cache) -> gunicorn
#   (deploy/gunicorn.conf.py, 2 workers) -> Django with its page cache,
# for /, /regios/, a region page and the map layer, at 16 and 64 connections;
# then Django alone (gunicorn, page cache) and how long an edit takes to show
# through the proxy. Needs Debian's nginx and wrk. Prints its figures.
#   bash bench/proxy.sh [seconds per run, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-5}"
APP_PORT=8811
PROXY_PORT=8812
STATIC_PORT=8813
work="$(mktemp -d)"
chmod 755 "$work"
trap 'kill $(cat "$work/gunicorn.pid" 2>/dev/null) 2>/dev/null || true;
      nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT

export DJANGO_SETTINGS_MODULE=regiokaart.settings
export DATABASE_URL="${BENCH_DATABASE_URL:-sqlite:///$work/bench.sqlite3}"
export DJANGO_DEBUG=false DJANGO_SECURE_SSL_REDIRECT=false
export DJANGO_SECRET_KEY=bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost DJANGO_MEDIA_ROOT="$work/media"
export DJANGO_LOG_LEVEL=WARNING DJANGO_STATIC_ROOT="$work/staticfiles"
.venv/bin/python manage.py migrate --verbosity 0
.venv/bin/python manage.py load_demo --verbosity 0
.venv/bin/python manage.py collectstatic --noinput --verbosity 0
slug="$(.venv/bin/python manage.py shell --no-imports -c \
  'from regions.models import Region; print(Region.objects.order_by("slug").first().slug)')"

GUNICORN_BIND="127.0.0.1:$APP_PORT" GUNICORN_WORKERS=2 .venv/bin/gunicorn \
  regiokaart.wsgi -c deploy/gunicorn.conf.py --daemon --pid "$work/gunicorn.pid" \
  --error-logfile "$work/gunicorn.log" --access-logfile /dev/null

# The shipped site config, pointed at this checkout and these ports.
sed -e "s#/srv/regiokaart/staticfiles/#$work/staticfiles/#" \
    -e "s#/srv/regiokaart#$PWD#g" \
    -e "s#/var/cache/nginx/regiokaart#$work/cache#" \
    -e "s#server 127.0.0.1:8000;#server 127.0.0.1:$APP_PORT;#" \
    -e "/# http -> https (begin)/,/# http -> https (end)/d" \
    -e "s#listen 443 ssl http2;#listen 127.0.0.1:$PROXY_PORT;#" \
    -e "/listen \[::\]:443 ssl http2;/d" -e "/ssl_certificate/d" \
    deploy/nginx/regiokaart.conf >"$work/site.conf"
mkdir -p "$work/www/regios" "$work/www/regio/$slug" "$work/www/data" "$work/cache"
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 2048; }
http {
  include /etc/nginx/mime.types;
  types { application/geo+json geojson; }
  access_log off;
  include $work/site.conf;
  server {  # the same bytes as static files
    listen 127.0.0.1:$STATIC_PORT;
    root $work/www;
    gzip_static on;
    etag on;
    location / { try_files \$uri \$uri/index.html =404; }
  }
}
CONF

for _ in $(seq 50); do
  curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/gezond" && break
  sleep 0.2
done
nginx -c "$work/nginx.conf"

PAGES=("/" "/regios/" "/regio/$slug/" "/data/regios.geojson")
FILES=("index.html" "regios/index.html" "regio/$slug/index.html" "data/regios.geojson")
for i in "${!PAGES[@]}"; do
  curl -sf -H "Accept-Encoding: gzip" -o "$work/www/${FILES[$i]}.gz" \
    "http://127.0.0.1:$PROXY_PORT${PAGES[$i]}"
  gunzip -kf "$work/www/${FILES[$i]}.gz"
done
cache_status="$(curl -s -o /dev/null -D - "http://127.0.0.1:$PROXY_PORT/regios/" |
  awk 'tolower($1)=="x-cache:" {print $2}' | tr -d '\r')"

measure() {  # url connections -> "req/s p99"
  local out
  out="$(wrk -t2 -c"$2" -d"${SECONDS_PER_RUN}s" --latency -H "Accept-Encoding: gzip" "$1")"
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1=="99%" {print $2}' <<<"$out")"
}

echo "wrk: 2 threads, ${SECONDS_PER_RUN}s per run; gunicorn: 2 sync workers; $(nproc) cores"
echo "database: ${DATABASE_URL%%:*}; proxy cache status of a repeat request: ${cache_status:-none}"
printf '%-22s %5s  %12s %10s  %12s %10s  %7s\n' page conns "proxy req/s" "p99" \
  "static req/s" "p99" ratio
for conns in 16 64; do
  for page in "${PAGES[@]}"; do
    read -r p_rps p_p99 <<<"$(measure "http://127.0.0.1:$PROXY_PORT$page" "$conns")"
    read -r s_rps s_p99 <<<"$(measure "http://127.0.0.1:$STATIC_PORT$page" "$conns")"
    printf '%-22s %5s  %12s %10s  %12s %10s  %7s\n' "$page" "$conns" "$p_rps" \
      "$p_p99" "$s_rps" "$s_p99" "$(awk -v a="$p_rps" -v b="$s_rps" 'BEGIN {printf "%.2f", a / b}')"
  done
done

echo
echo "Django alone (gunicorn, page cache per data generation), 16 connections:"
for page in "${PAGES[@]}"; do
  read -r rps p99 <<<"$(measure "http://127.0.0.1:$APP_PORT$page" 16)"
  printf '%-22s %12s req/s  p99 %10s\n' "$page" "$rps" "$p99"
done

echo
marker="Bench-$(date +%s)"
.venv/bin/python manage.py shell --no-imports -c "
from regions import services
from regions.models import Region
region = Region.objects.get(slug='$slug')
region.name = '$marker'
region.save()
services.data_changed()
"
started="$(date +%s.%N)"
until curl -sf "http://127.0.0.1:$PROXY_PORT/regios/" | grep -q "$marker"; do
  sleep 0.1
done
ended="$(date +%s.%N)"
awk -v a="$started" -v b="$ended" 'BEGIN {printf "an edit shows through the proxy after %.1f s\n", b - a}'
