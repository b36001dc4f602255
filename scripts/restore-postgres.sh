#!/usr/bin/env bash
# Restores a PostgreSQL backup made by `permits backup --to FILE` (pg_dump's custom format)
# into a NEW database, then runs the service's start-up checks on it and prints the
# consistency report (`permits check`: migrations, the quota ledger, the national
# distribution, the audit chain, rows per table). Exit status 0 only when all is sound.
#
#   scripts/restore-postgres.sh BACKUP_FILE postgres://USER@HOST:5432/NEW_DATABASE [OWNER]
#
# OWNER: the role the service connects as (e.g. permits), which then owns the database
# and everything restored into it; without it USER owns them, and a service connecting
# as another role is refused ("permission denied for schema public"). The database must
# not exist: a restore never overwrites one. The `permits` binary is taken from
# $PERMITS_BIN, else from PATH, else target/{release,debug}/permits. Run it from the
# repository (or the deployment directory holding config/).
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
backup=$1
url=$2
owner=${3:-}
case "$url" in
  postgres://*/* | postgresql://*/*) ;;
  *) echo "the target must be a postgres:// URL naming the new database" >&2; exit 2 ;;
esac
[ -f "$backup" ] || { echo "no backup file $backup" >&2; exit 2; }

name=${url##*/}
name=${name%%\?*}
admin_url="${url%/*}/postgres"

bin=${PERMITS_BIN:-}
if [ -z "$bin" ]; then
  for candidate in "$(command -v permits || true)" target/release/permits target/debug/permits; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then bin=$candidate; break; fi
  done
fi
[ -n "$bin" ] || { echo "no permits binary: set PERMITS_BIN or run cargo build" >&2; exit 2; }

echo "== creating the database $name${owner:+ owned by $owner}"
if [ -n "$owner" ]; then
  psql "$admin_url" -v ON_ERROR_STOP=1 -q -c "CREATE DATABASE \"$name\" OWNER \"$owner\""
  echo "== restoring $backup as $owner"
  pg_restore --no-owner --role="$owner" --exit-on-error --dbname "$url" "$backup"
else
  psql "$admin_url" -v ON_ERROR_STOP=1 -q -c "CREATE DATABASE \"$name\""
  echo "== restoring $backup"
  pg_restore --no-owner --exit-on-error --dbname "$url" "$backup"
fi

echo "== start-up checks and consistency report"
APP__DATABASE__URL="$url" "$bin" check
echo "== $name restored and sound"
