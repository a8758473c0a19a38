#!/usr/bin/env bash
# Backups of RDV Numérique's database with MariaDB's own mariadb-dump, their rotation, and their restore.
#
#   rdv-backup.sh loop            a backup at start when there is none yet, then every night at BACKUP_TIME
#   rdv-backup.sh once            one consistent backup now, then the rotation
#   rdv-backup.sh list            the backups, newest first
#   rdv-backup.sh check           healthy when the newest backup is less than 26 hours old
#   rdv-backup.sh restore FILE    replaces the whole database with FILE (stop the application first)
#
# A backup is one gzipped SQL file: mariadb-dump --single-transaction reads every table in one snapshot while
# the application keeps running (bookings, mails), so the file is one consistent moment of the database.
# Rotation: the newest KEEP_DAILY backups stay in daily/; the first backup of each ISO week is also kept in
# weekly/, where the newest KEEP_WEEKLY stay. Older files are deleted, and with them the personal data they held.
#
# Settings (environment): MARIADB_HOST (mariadb), MARIADB_PORT (3306), MARIADB_DATABASE (rdv), MARIADB_USER,
# MARIADB_PASSWORD, BACKUP_DIR (/backups), BACKUP_TIME (02:30, the container's TZ), KEEP_DAILY (7),
# KEEP_WEEKLY (4).
set -euo pipefail

MARIADB_HOST="${MARIADB_HOST:-mariadb}"
MARIADB_PORT="${MARIADB_PORT:-3306}"
MARIADB_DATABASE="${MARIADB_DATABASE:-rdv}"
MARIADB_USER="${MARIADB_USER:?set MARIADB_USER}"
MARIADB_PASSWORD="${MARIADB_PASSWORD-}"
BACKUP_DIR="${BACKUP_DIR:-/backups}"
BACKUP_TIME="${BACKUP_TIME:-02:30}"
KEEP_DAILY="${KEEP_DAILY:-7}"
KEEP_WEEKLY="${KEEP_WEEKLY:-4}"

say() { printf '%s rdv-backup: %s\n' "$(date '+%Y-%m-%d %H:%M:%S')" "$*"; }
fail() { say "$*" >&2; exit 1; }

# The password goes in a client option file readable by this user only, never on a command line (ps shows those).
OPTIONS=""
client_options() {
  local escaped
  OPTIONS="$(mktemp)"
  trap 'rm -f "$OPTIONS"' EXIT
  chmod 600 "$OPTIONS"
  escaped="${MARIADB_PASSWORD//\\/\\\\}"
  escaped="${escaped//\"/\\\"}"
  printf '[client]\nhost=%s\nport=%s\nuser=%s\npassword="%s"\n' \
    "$MARIADB_HOST" "$MARIADB_PORT" "$MARIADB_USER" "$escaped" > "$OPTIONS"
}

# A complete dump ends with mariadb-dump's own last line; a dump cut short (disk full, server gone) does not.
complete() {
  gzip -t "$1" 2>/dev/null && gzip -dc "$1" | tail -n 1 | grep -q '^-- Dump completed'
}

# Keeps the newest $2 files of directory $1 (names sort by date).
keep_newest() {
  local dir="$1" keep="$2"
  find "$dir" -maxdepth 1 -name 'rdv-*.sql.gz' -printf '%f\n' | sort -r | tail -n "+$((keep + 1))" \
    | while read -r old; do rm -f -- "$dir/$old"; say "deleted $dir/$old (rotation)"; done
}

once() {
  local started file part week weekly
  mkdir -p "$BACKUP_DIR/daily" "$BACKUP_DIR/weekly"
  rm -f "$BACKUP_DIR"/daily/*.part
  client_options
  started="$(date +%s%N)"
  file="$BACKUP_DIR/daily/rdv-$(date +%Y-%m-%d_%H%M%S).sql.gz"
  part="$file.part"
  # No --databases: the file restores into any database name (a check copy, a new server).
  if ! mariadb-dump --defaults-extra-file="$OPTIONS" --single-transaction --quick --hex-blob --no-tablespaces \
      --default-character-set=utf8mb4 "$MARIADB_DATABASE" | gzip -6 > "$part" || ! complete "$part"; then
    rm -f "$part"
    fail "backup of $MARIADB_DATABASE failed or incomplete: nothing kept"
  fi
  mv "$part" "$file"
  week="$(date +%G-W%V)"
  weekly="$BACKUP_DIR/weekly/rdv-$week.sql.gz"
  if [ ! -e "$weekly" ]; then
    ln "$file" "$weekly" 2>/dev/null || cp "$file" "$weekly"
  fi
  keep_newest "$BACKUP_DIR/daily" "$KEEP_DAILY"
  keep_newest "$BACKUP_DIR/weekly" "$KEEP_WEEKLY"
  say "backup $file ($(du -h "$file" | cut -f1), $(( ($(date +%s%N) - started) / 1000000 )) ms)"
}

restore() {
  local file="${1:?usage: rdv-backup.sh restore FILE}"
  [ -f "$file" ] || fail "no such file: $file (see: rdv-backup.sh list)"
  complete "$file" || fail "$file is damaged or incomplete: choose another one (see: rdv-backup.sh list)"
  client_options
  say "restoring $file into database $MARIADB_DATABASE on $MARIADB_HOST"
  # The whole database is replaced: tables that a later release added would otherwise stay beside older data.
  mariadb --defaults-extra-file="$OPTIONS" -e "DROP DATABASE IF EXISTS \`$MARIADB_DATABASE\`;
    CREATE DATABASE \`$MARIADB_DATABASE\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  # Triggers (the audit trail's append-only guard) take the restoring user as their definer: the dump names the user
  # who created them, who may not exist on this server.
  gzip -dc "$file" | sed -E 's/DEFINER=`[^`]*`(@`[^`]*`)?//' | mariadb --defaults-extra-file="$OPTIONS" "$MARIADB_DATABASE"
  say "restored $file into $MARIADB_DATABASE: start the application"
}

list() {
  local dir
  for dir in daily weekly; do
    echo "$BACKUP_DIR/$dir:"
    find "$BACKUP_DIR/$dir" -maxdepth 1 -name 'rdv-*.sql.gz' -printf '  %f  %s bytes\n' 2>/dev/null | sort -r
  done
}

check() {
  [ -n "$(find "$BACKUP_DIR/daily" -maxdepth 1 -name 'rdv-*.sql.gz' -mmin -$((26 * 60)) 2>/dev/null)" ] \
    || fail "no backup in $BACKUP_DIR/daily for 26 hours"
}

# Each backup runs as a process of its own: within a function called from an "if" or "||", bash ignores set -e.
loop() {
  local now next attempt
  if [ -z "$(find "$BACKUP_DIR/daily" -maxdepth 1 -name 'rdv-*.sql.gz' 2>/dev/null)" ]; then
    bash "$0" once || say "first backup failed; next try at $BACKUP_TIME"
  fi
  while true; do
    now="$(date +%s)"
    next="$(date -d "today $BACKUP_TIME" +%s)"
    [ "$next" -gt "$now" ] || next="$(date -d "tomorrow $BACKUP_TIME" +%s)"
    say "next backup at $(date -d "@$next" '+%Y-%m-%d %H:%M')"
    sleep "$((next - now))"
    # The database may be restarting at that hour: three more tries, a quarter of an hour apart.
    for attempt in 1 2 3 4; do
      if bash "$0" once; then break; fi
      [ "$attempt" -lt 4 ] && sleep 900
    done
  done
}

case "${1:-loop}" in
  loop) loop ;;
  once) once ;;
  list) list ;;
  check) check ;;
  restore) shift; restore "$@" ;;
  *) fail "unknown command ${1}: loop, once, list, check or restore FILE" ;;
esac
