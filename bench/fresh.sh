#!/usr/bin/env bash
# Issue 21: what falls through the caches, measured behind the shipped
#   nginx (deploy/nginx/regiokaart.conf) -> gunicorn (deploy/gunicorn.conf.py)
# at 16 and 64 connections with a FRESH URL PER REQUEST (bench/fresh.lua):
# search (distinct postcodes), the directory filter (distinct name fragments),
# the map on a date (distinct dates); /voortgang/ with the page cache off
# (a second gunicorn with PAGE_CACHE_SECONDS=0, so every request renders);
# next to nginx serving a static file in the same run. Then the CPU time of
# every public page on a miss at 1x and 10x data (bench/pages.py).
#   bash bench/fresh.sh [seconds per run, default 8] [--no-cpu]
# GUNICORN_WORKERS / GUNICORN_WORKER_CLASS / GUNICORN_THREADS compare settings.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-8}"
APP_PORT=8831
NOCACHE_PORT=8834
PROXY_PORT=8832
STATIC_PORT=8833
work="$(mktemp -d)"
chmod 755 "$work"
trap 'kill $(cat "$work/gunicorn.pid" "$work/nocache.pid" 2>/dev/null) 2>/dev/null || true;
      nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true; sleep 1; rm -rf "$work"' EXIT

export DJANGO_SETTINGS_MODULE=regiokaart.settings
export DATABASE_URL="${BENCH_DATABASE_URL:-sqlite:///$work/bench.sqlite3}"
export DJANGO_DEBUG=false DJANGO_SECURE_SSL_REDIRECT=false
export DJANGO_SECRET_KEY=bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost DJANGO_MEDIA_ROOT="$work/media"
export DJANGO_LOG_LEVEL=ERROR DJANGO_STATIC_ROOT="$work/staticfiles"
.venv/bin/python manage.py migrate --verbosity 0
.venv/bin/python manage.py load_demo --verbosity 0
.venv/bin/python manage.py collectstatic --noinput --verbosity 0

GUNICORN_BIND="127.0.0.1:$APP_PORT" .venv/bin/gunicorn regiokaart.wsgi \
  -c deploy/gunicorn.conf.py --daemon --pid "$work/gunicorn.pid" \
  --error-logfile "$work/gunicorn.log" --access-logfile /dev/null
PAGE_CACHE_SECONDS=0 GUNICORN_BIND="127.0.0.1:$NOCACHE_PORT" .venv/bin/gunicorn \
  regiokaart.wsgi -c deploy/gunicorn.conf.py --daemon --pid "$work/nocache.pid" \
  --error-logfile "$work/nocache.log" --access-logfile /dev/null

sed -e "s#/srv/regiokaart/staticfiles/#$work/staticfiles/#" \
    -e "s#/srv/regiokaart#$PWD#g" \
    -e "s#/var/cache/nginx/regiokaart#$work/cache#" \
    -e "s#server 127.0.0.1:8000;#server 127.0.0.1:$APP_PORT;#" \
    -e "/# http -> https (begin)/,/# http -> https (end)/d" \
    -e "s#listen 443 ssl;#listen 127.0.0.1:$PROXY_PORT;#" \
    -e "/listen \[::\]:443 ssl;/d" -e "/http2 on;/d" -e "/ssl_certificate/d" \
    deploy/nginx/regiokaart.conf >"$work/site.conf"
mkdir -p "$work/www" "$work/cache"
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 2048; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  include $work/site.conf;
  server {
    listen 127.0.0.1:$STATIC_PORT;
    root $work/www;
    gzip_static on;
    location / { try_files \$uri \$uri/index.html =404; }
  }
}
CONF
for _ in $(seq 100); do
  curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/gezond" &&
    curl -sf -o /dev/null "http://127.0.0.1:$NOCACHE_PORT/gezond" && break
  sleep 0.2
done
nginx -c "$work/nginx.conf"
curl -sf -H "Accept-Encoding: gzip" -o "$work/www/index.html.gz" "http://127.0.0.1:$PROXY_PORT/zoek/?q=6511"
gunzip -kf "$work/www/index.html.gz"
# Warm each worker's per-process caches (map layer, search index, timeline).
for _ in 1 2 3 4 5 6; do
  curl -s -o /dev/null "http://127.0.0.1:$APP_PORT/zoek/?q=1011"
  curl -s -o /dev/null "http://127.0.0.1:$APP_PORT/?datum=2024-01-0$_"
  curl -s -o /dev/null "http://127.0.0.1:$APP_PORT/organisaties/?q=zz$_"
  curl -s -o /dev/null "http://127.0.0.1:$NOCACHE_PORT/voortgang/"
done

measure() {  # url connections [fresh kind] -> "req/s p99 non2xx"
  local out
  out="$(FRESH="${3:-}" wrk -t2 -c"$2" -d"${SECONDS_PER_RUN}s" --latency \
    -H "Accept-Encoding: gzip" ${3:+-s bench/fresh.lua} "$1")"
  local bad
  bad="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1=="99%" {print $2}' <<<"$out") ${bad:-0}"
}

echo "wrk 2 threads, ${SECONDS_PER_RUN}s a run; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "gunicorn: $(.venv/bin/python -c 'import runpy; c = runpy.run_path("deploy/gunicorn.conf.py"); print(c["workers"], c["worker_class"], "workers, threads", c.get("threads", 1))')"
printf '%-34s %5s  %10s %9s %7s\n' "what" conns "req/s" "p99" non2xx
for conns in 16 64; do
  for kind in search filter date; do
    read -r rps p99 bad <<<"$(measure "http://127.0.0.1:$PROXY_PORT" "$conns" "$kind")"
    printf '%-34s %5s  %10s %9s %7s\n' "fresh $kind (nginx->gunicorn)" "$conns" "$rps" "$p99" "$bad"
  done
  read -r rps p99 bad <<<"$(measure "http://127.0.0.1:$NOCACHE_PORT/voortgang/" "$conns")"
  printf '%-34s %5s  %10s %9s %7s\n' "/voortgang/ uncached (gunicorn)" "$conns" "$rps" "$p99" "$bad"
  read -r rps p99 bad <<<"$(measure "http://127.0.0.1:$STATIC_PORT/" "$conns")"
  printf '%-34s %5s  %10s %9s %7s\n' "nginx static (same bytes)" "$conns" "$rps" "$p99" "$bad"
done
load="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "load after: $load"
if [[ "${2:-}" != "--no-cpu" ]]; then
  echo
  .venv/bin/python bench/pages.py 9
fi
