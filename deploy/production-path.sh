#!/usr/bin/env bash
# The README's production path (section "Production"), walked on this machine
# as far as a machine without systemd, DNS or certbot allows, on throw-away
# PostgreSQL databases and a throw-away role, with no demo data:
#   settings from deploy/env.example, migrate (as a role that owns its database
#   and nothing else), check --deploy, collectstatic, setup_site, the first
#   curator, the workbook import, gunicorn with deploy/gunicorn.conf.py, the
#   shipped nginx site with a self-signed certificate (when nginx is
#   installed), then checks through it: the health check, the http -> https
#   redirect, a static file, a region page of the sample with its published
#   contact person, /zoek/ for a postcode in that region, the curator's login;
#   finally the restore drill: backup, restore into a second database, compare
#   row counts and files.
# Prints each step's time and the total. Any failed step or check stops it with
# a non-zero exit; whatever happens, it stops what it started and drops what it
# created (trap).
#   bash deploy/production-path.sh [WORKBOOK.xlsx]
# Needs PostgreSQL on 127.0.0.1:5432 with trust for user postgres (as CI has),
# curl, openssl; nginx optional. .ci/run runs it after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PY="$ROOT/.venv/bin/python"
WORKBOOK="${1:-fixtures/voorbeeld-werkboek.xlsx}"
HOST=regiokaart.example.org

suffix="$$_$(date +%s)"
role="rk_path_$suffix"
db="rk_path_$suffix"
db_restore="rk_path_${suffix}_restore"
work="$(mktemp -d /tmp/regiokaart-path.XXXXXX)"
chmod 755 "$work"  # nginx's workers (www-data) read the static files here

psql_admin() { psql -X -q -h 127.0.0.1 -p 5432 -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

cleanup() {
  local status=$?
  set +e
  if [ -f "$work/gunicorn.pid" ]; then kill "$(cat "$work/gunicorn.pid")" 2>/dev/null; fi
  if [ -f "$work/nginx.pid" ]; then nginx -c "$work/nginx.conf" -s stop 2>/dev/null; fi
  sleep 0.5
  psql_admin -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" \
    -c "DROP DATABASE IF EXISTS $db_restore WITH (FORCE)" \
    -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1
  rm -rf "$work"
  if [ "$status" -ne 0 ]; then
    echo "!! production path FAILED (exit $status); databases, role and files removed" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() { echo "!! check failed: $*" >&2; exit 1; }

started_all="$(date +%s.%N)"
timings=()
step() {  # step "name" command... : runs it, records its time
  local name="$1" t0 t1
  shift
  echo "== $name"
  t0="$(date +%s.%N)"
  "$@"
  t1="$(date +%s.%N)"
  timings+=("$(awk -v a="$t0" -v b="$t1" -v n="$name" 'BEGIN {printf "%7.1f s  %s", b - a, n}')")
}

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# --- Settings: deploy/env.example as shipped, with what a server fills in ----
# appended (a later line wins, for systemd's EnvironmentFile= and for sh alike).
# manage.py runs through deploy/manage.sh, as the README has it.
password="$("$PY" -c 'import secrets; print(secrets.token_hex(16))')"
secret_key="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')"
cp deploy/env.example "$work/env"
cat >>"$work/env" <<ENV

# production-path.sh
DJANGO_SECRET_KEY=$secret_key
DJANGO_ALLOWED_HOSTS=$HOST,127.0.0.1
DATABASE_URL=postgres://$role:$password@127.0.0.1:5432/$db
REGIOKAART_SITE_URL=https://$HOST
DJANGO_MEDIA_ROOT=$work/media
DJANGO_STATIC_ROOT=$work/staticfiles
DJANGO_LOG_LEVEL=WARNING
ENV
set -a
. "$work/env"
set +a
[ "$DJANGO_DEBUG" = false ] || fail "deploy/env.example must set DJANGO_DEBUG=false"
export REGIOKAART_ENV="$work/env"
manage() { deploy/manage.sh "$@"; }

create_database() {  # like the README: a role of its own that owns its databases
  psql_admin -c "CREATE ROLE $role LOGIN PASSWORD '$password'" \
    -c "CREATE DATABASE $db OWNER $role" \
    -c "CREATE DATABASE $db_restore OWNER $role"
}

create_curator() {
  DJANGO_SUPERUSER_PASSWORD="$password" manage createsuperuser --noinput \
    --username beheerder --email beheer@example.org
}

start_gunicorn() {
  app_port="$(free_port)"
  GUNICORN_BIND="127.0.0.1:$app_port" GUNICORN_WORKERS=2 "$ROOT/.venv/bin/gunicorn" \
    regiokaart.wsgi -c deploy/gunicorn.conf.py --daemon --pid "$work/gunicorn.pid" \
    --error-logfile "$work/gunicorn.log" --access-logfile /dev/null
  for _ in $(seq 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$app_port/gezond" && return 0
    sleep 0.2
  done
  cat "$work/gunicorn.log" >&2
  fail "gunicorn did not answer /gezond"
}

start_nginx() {  # the shipped site; only addresses, ports and paths changed
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=$HOST" \
    -addext "subjectAltName=DNS:$HOST" -keyout "$work/privkey.pem" \
    -out "$work/fullchain.pem" 2>/dev/null
  http_port="$(free_port)"
  tls_port="$(free_port)"
  sed -e "s#/srv/regiokaart/staticfiles/#$work/staticfiles/#" \
    -e "s#/srv/regiokaart#$ROOT#g" \
    -e "s#/var/cache/nginx/regiokaart#$work/cache#" \
    -e "s#/etc/letsencrypt/live/$HOST#$work#" \
    -e "s#server 127.0.0.1:8000;#server 127.0.0.1:$app_port;#" \
    -e "s#listen 80;#listen 127.0.0.1:$http_port;#" \
    -e "s#listen 443 ssl http2;#listen 127.0.0.1:$tls_port ssl http2;#" \
    -e "/listen \[::\]:/d" \
    deploy/nginx/regiokaart.conf >"$work/site.conf"
  grep -q "listen 127.0.0.1:$tls_port ssl http2;" "$work/site.conf" ||
    fail "deploy/nginx/regiokaart.conf no longer has 'listen 443 ssl http2;'"
  mkdir -p "$work/tmp"
  cat >"$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $work/tmp/body;
  proxy_temp_path $work/tmp/proxy;
  fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi;
  scgi_temp_path $work/tmp/scgi;
  include $work/site.conf;
}
CONF
  nginx -t -q -c "$work/nginx.conf"
  nginx -c "$work/nginx.conf"
}

# What the sample holds, read from the database the workbook went into: a
# region whose regional organisation has a published contact person, and a
# postcode that lies wholly in that region. Tab-separated; names HTML-escaped
# as the page writes them.
sample_facts() {
  manage shell --no-imports -c '
from django.utils.html import escape
from geo.models import PostcodeArea
from organisations.models import ContactPerson
from regions.models import Region, RegionGemeente

for region in Region.objects.exclude(regional_organisation=None).order_by("slug"):
    person = ContactPerson.objects.public().filter(
        organisation=region.regional_organisation).order_by("name").first()
    gemeenten = set(RegionGemeente.objects.filter(region=region).values_list("gemeente", flat=True))
    postcodes = {}
    for area in PostcodeArea.objects.order_by("postcode4"):
        postcodes.setdefault(area.postcode4, set()).add(area.gemeente_id)
    postcode = next((pc for pc, gs in postcodes.items() if gs <= gemeenten), None)
    if person and postcode:
        print(region.slug, escape(person.name), escape(region.name), postcode, sep="\t")
        break
'
}

fetch() {  # fetch PATH [curl options]: through nginx over https when it runs, else gunicorn
  local path="$1"
  shift
  if [ -n "${tls_port:-}" ]; then
    curl -sS --fail --cacert "$work/fullchain.pem" --resolve "$HOST:$tls_port:127.0.0.1" \
      -b "$work/cookies" -c "$work/cookies" "$@" "https://$HOST:$tls_port$path"
  else
    curl -sS --fail -H "Host: $HOST" -H "X-Forwarded-Proto: https" \
      -b "$work/cookies" -c "$work/cookies" "$@" "http://127.0.0.1:$app_port$path"
  fi
}

check_site() {
  local facts slug person region postcode page answer status
  facts="$(sample_facts)"
  [ -n "$facts" ] || fail "the sample has no region with a published contact person and a postcode"
  IFS=$'\t' read -r slug person region postcode <<<"$facts"
  echo "   region /regio/$slug/ ($region), contact person $person, postcode $postcode"

  [ "$(fetch /gezond)" = '{"status": "ok"}' ] || fail "/gezond does not answer ok"
  page="$(fetch "/regio/$slug/")"
  grep -qF "$person" <<<"$page" || fail "/regio/$slug/ does not show $person"
  grep -qF "$region" <<<"$page" || fail "/regio/$slug/ does not show $region"
  answer="$(fetch "/zoek/?q=$postcode")"
  grep -qF "href=\"/regio/$slug/\"" <<<"$answer" || fail "/zoek/?q=$postcode does not find /regio/$slug/"

  if [ -n "${tls_port:-}" ]; then
    status="$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' \
      -H "Host: $HOST" "http://127.0.0.1:$http_port/regios/")"
    [ "$status" = "301 https://$HOST/regios/" ] || fail "http is not redirected to https: $status"
    local css
    css="$(grep -o '/static/css/[^"]*\.css' <<<"$page")"
    css="${css%%$'\n'*}"
    [ -n "$css" ] || fail "no stylesheet on the region page"
    fetch "$css" >/dev/null || fail "nginx does not serve $css"
    echo "   through nginx $(nginx -v 2>&1 | sed 's/.*\///') over https (http2), static files from disk"
  fi

  # The first curator logs in and reaches the admin.
  local form token admin
  form="$(fetch /account/login/)"
  token="$(sed -n 's/.*name="csrfmiddlewaretoken" value="\([^"]*\)".*/\1/p' <<<"$form")"
  token="${token%%$'\n'*}"
  [ -n "$token" ] || fail "no login form"
  fetch /account/login/ -H "Referer: https://$HOST/account/login/" \
    --data-urlencode "csrfmiddlewaretoken=$token" --data-urlencode "username=beheerder" \
    --data-urlencode "password=$password" -o /dev/null
  admin="$(fetch /beheer/)"
  grep -qF 'href="/beheer/regions/region/"' <<<"$admin" ||
    fail "the curator does not reach the admin"
}

backup_file="$work/backups/regiokaart-$(date +%F).tar.gz"
make_backup() {
  mkdir -p "$work/backups"
  manage backup --keep=14 "$backup_file"
}

restore_drill() {
  manage shell --no-imports <deploy/row_counts.py >"$work/counts-live.txt"
  local scratch=(DATABASE_URL="postgres://$role:$password@127.0.0.1:5432/$db_restore"
    DJANGO_MEDIA_ROOT="$work/restored-media")
  manage "${scratch[@]}" migrate --noinput --verbosity 0
  manage "${scratch[@]}" restore "$backup_file"
  manage "${scratch[@]}" shell --no-imports <deploy/row_counts.py >"$work/counts-restored.txt"
  # The restore moves the data generation on (a new state for the page cache).
  diff <(grep -v '^core.datageneration ' "$work/counts-live.txt") \
    <(grep -v '^core.datageneration ' "$work/counts-restored.txt") ||
    fail "row counts differ between the live and the restored database"
  diff <(cd "$work/media" 2>/dev/null && find . -type f -not -path './import-staging/*' | sort) \
    <(cd "$work/restored-media" 2>/dev/null && find . -type f | sort) ||
    fail "uploaded files differ after the restore"
  echo "   $(wc -l <"$work/counts-live.txt") tables, $(awk '{s += $2} END {print s}' "$work/counts-live.txt") rows: equal after the restore"
}

step "PostgreSQL: role and databases" create_database
step "migrate" manage migrate --noinput --verbosity 0
step "check --deploy" manage check --deploy --fail-level WARNING
step "collectstatic" manage collectstatic --noinput --verbosity 0
step "setup_site" manage setup_site
step "setup_site again (changes nothing)" manage setup_site
step "first curator" create_curator
step "import_werkboek --commit" manage import_werkboek "$WORKBOOK" --commit
step "gunicorn" start_gunicorn
if command -v nginx >/dev/null 2>&1; then
  step "nginx (shipped site, self-signed certificate)" start_nginx
else
  echo "== nginx not installed: checking gunicorn directly"
fi
step "checks: region page, search, curator" check_site
step "backup" make_backup
step "restore drill" restore_drill

echo
echo "Production path: every step and check passed."
printf '%s\n' "${timings[@]}"
awk -v a="$started_all" -v b="$(date +%s.%N)" 'BEGIN {printf "%7.1f s  total\n", b - a}'
