#!/bin/sh
# manage.py as the service runs it: as the user regiokaart (when it exists),
# from the checkout, with the settings of /etc/regiokaart/env (REGIOKAART_ENV
# names another file). VAR=value arguments before the command override the file
# for this one run, e.g. the restore drill's scratch database:
#   deploy/manage.sh migrate
#   deploy/manage.sh DATABASE_URL=postgres:///regiokaart_drill migrate
set -eu
cd "$(dirname "$0")/.."
if id regiokaart >/dev/null 2>&1 && [ "$(id -un)" != regiokaart ]; then
  exec sudo -u regiokaart "$PWD/deploy/manage.sh" "$@"
fi
set -a
. "${REGIOKAART_ENV:-/etc/regiokaart/env}"
while [ $# -gt 0 ]; do
  case "$1" in
    [A-Z]*=*) export "$1" && shift ;;
    *) break ;;
  esac
done
set +a
exec .venv/bin/python manage.py "$@"
