#!/usr/bin/env bash
# Prepares the services the test suite talks to on a Debian machine where it runs as root:
# PostgreSQL (started if down) with the pgvector extension (built from Debian's trixie source
# package when missing), Redis (started if down), and a test database.
# Idempotent: every step checks before it acts. Prints what it did.
set -euo pipefail

PG_DB="${TZUROT_TEST_DB:-tzurot_test}"
log() { printf '[prepare-services] %s\n' "$*"; }

pg_ready() { pg_isready -h 127.0.0.1 -p 5432 -q; }

start_postgres() {
  if pg_ready; then log "PostgreSQL is up"; return; fi
  log "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n1)" main start
  for _ in $(seq 1 30); do pg_ready && { log "PostgreSQL is up"; return; }; sleep 1; done
  log "PostgreSQL did not come up"; exit 1
}

pg_major() { ls /etc/postgresql | sort -V | tail -n1; }

vector_available() {
  psql -h 127.0.0.1 -U postgres -Atqc "select 1 from pg_available_extensions where name='vector'" postgres | grep -q 1
}

apt_updated=0
apt_update_once() { [ "$apt_updated" = 1 ] || { apt-get update -qq; apt_updated=1; }; }

install_pgvector() {
  if vector_available; then log "pgvector is installed"; return; fi
  local major; major=$(pg_major)
  log "pgvector missing: building it from Debian's trixie source package for PostgreSQL $major"
  # A deb-src entry for trixie, built from the mirror the system already uses.
  local mirror
  mirror=$( { grep -hE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null || true; } \
    | grep -v security | head -n1 | awk '{print $2}')
  [ -n "$mirror" ] || mirror="http://deb.debian.org/debian"
  cat > /etc/apt/sources.list.d/tzurot-trixie-src.sources <<SRC
Types: deb-src
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt_update_once
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-server-dev-$major" build-essential dpkg-dev >/dev/null
  local work; work=$(mktemp -d)
  (cd "$work" && apt-get source -qq pgvector >/dev/null 2>&1 || apt-get source --download-only -qq pgvector)
  local src; src=$(find "$work" -maxdepth 1 -type d -name 'pgvector-*' | head -n1)
  if [ -z "$src" ]; then (cd "$work" && dpkg-source -x ./*.dsc >/dev/null); src=$(find "$work" -maxdepth 1 -type d -name 'pgvector-*' | head -n1); fi
  make -s -C "$src" PG_CONFIG="/usr/lib/postgresql/$major/bin/pg_config" OPTFLAGS="" >/dev/null
  make -s -C "$src" PG_CONFIG="/usr/lib/postgresql/$major/bin/pg_config" install >/dev/null
  rm -rf "$work"
  vector_available && log "pgvector installed" || { log "pgvector install failed"; exit 1; }
}

start_redis() {
  if redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then log "Redis is up"; return; fi
  if ! command -v redis-server >/dev/null; then
    apt_update_once; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  log "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 20); do redis-cli ping 2>/dev/null | grep -q PONG && { log "Redis is up"; return; }; sleep 0.5; done
  log "Redis did not come up"; exit 1
}

create_test_database() {
  if psql -h 127.0.0.1 -U postgres -Atqc "select 1 from pg_database where datname='$PG_DB'" postgres | grep -q 1; then
    log "database $PG_DB exists"
  else
    psql -h 127.0.0.1 -U postgres -qc "create database $PG_DB" postgres
    log "database $PG_DB created"
  fi
  psql -h 127.0.0.1 -U postgres -qc "create extension if not exists vector" "$PG_DB"
}

start_postgres
install_pgvector
start_redis
create_test_database
log "ready: postgresql://postgres@127.0.0.1:5432/$PG_DB and redis://127.0.0.1:6379"
