#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and CI.
#
#   scripts/pg-cluster.sh start DIR PORT   initdb in DIR, start on 127.0.0.1:PORT (socket in DIR), create the
#                                          `counterpart` role and database, print the DATABASE_URL on stdout
#   scripts/pg-cluster.sh stop DIR         stop the cluster and remove DIR
#
# Run as root, the server runs as the `postgres` user (PostgreSQL refuses to run as root); run as anyone
# else, it runs as that user. Tuned for speed, not safety: fsync and synchronous commit are off, auth is
# `trust` on the socket and 127.0.0.1 only. PG_BIN overrides where initdb/pg_ctl are found.
set -euo pipefail

usage() {
  echo "usage: $0 start DIR PORT | stop DIR" >&2
  exit 2
}

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then
    echo "$PG_BIN"
    return
  fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "pg-cluster: no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql, or set PG_BIN)" >&2
    exit 1
  fi
  echo "$dir"
}

# Runs a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

owner_name() {
  if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi
}

start() {
  local dir=$1 port=$2 bin user
  [[ $port =~ ^[0-9]+$ ]] || usage
  bin=$(pg_bin)
  user=$(owner_name)
  if [ -e "$dir/data/PG_VERSION" ]; then
    echo "pg-cluster: $dir already holds a cluster; stop it first ($0 stop $dir)" >&2
    exit 1
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "pg-cluster: port $port on 127.0.0.1 is already in use" >&2
    exit 1
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  chmod 700 "$dir"

  local locale=(--no-locale)
  if locale -a 2>/dev/null | grep -qix 'c.utf-\?8'; then locale=(--locale=C.UTF-8); fi
  as_owner "$bin/initdb" -D "$dir/data" -U "$user" -E UTF8 "${locale[@]}" --auth=trust >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  # `trust` only for the socket and loopback: nothing else can reach the server (it listens on 127.0.0.1).
  as_owner tee "$dir/data/pg_hba.conf" >/dev/null <<EOF
local all all trust
host  all all 127.0.0.1/32 trust
EOF
  local opts="-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
  opts+=" -c full_page_writes=off -c max_connections=200"
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "$opts" -w -t 60 start >/dev/null; then
    echo "pg-cluster: the server did not start; its log:" >&2
    cat "$dir/server.log" >&2 || true
    exit 1
  fi
  local i
  for i in $(seq 1 60); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then break; fi
    if [ "$i" = 60 ]; then
      echo "pg-cluster: the server is not ready after 30 s; its log:" >&2
      cat "$dir/server.log" >&2 || true
      exit 1
    fi
    sleep 0.5
  done
  local psql=("$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$user" -d postgres)
  as_owner "${psql[@]}" -c "create role counterpart login createdb" >/dev/null
  as_owner "${psql[@]}" -c "create database counterpart owner counterpart" >/dev/null
  # Tests create and drop a database per file, so they connect as the superuser.
  echo "postgresql://$user@127.0.0.1:$port/counterpart"
}

stop() {
  local dir=$1 bin
  if [ -e "$dir/data/PG_VERSION" ]; then
    bin=$(pg_bin)
    # A throwaway cluster: no need for a clean shutdown.
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

[ $# -ge 1 ] || usage
case $1 in
  start) [ $# -eq 3 ] || usage; start "$2" "$3" ;;
  stop) [ $# -eq 2 ] || usage; stop "$2" ;;
  *) usage ;;
esac
