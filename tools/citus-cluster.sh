# tools/citus-cluster.sh - a Citus cluster for the scale-out suite (sourced after
# tools/lib.sh, not run): a coordinator and two workers on 127.0.0.1, all three
# servers of one private installation (a copy of the system one, with this build
# and Citus in it), removed when the command exits.
#
#   in_citus_cluster COMMAND...   runs COMMAND with CRM_ROOT, CITUS_DB and the
#                                 ports CITUS_COORD, CITUS_W1, CITUS_W2 exported;
#                                 PGHOST/PGPORT point at the coordinator.
#
# Citus is a test dependency only (../shared/citus/build.sh builds and installs
# it into the system PostgreSQL once per machine); crm_contract never links to it.
# Without it, in_citus_cluster returns 2 after saying why.

# ../shared/citus/build.sh beside the checkout (or beside the directory of a worktree)
citus_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CITUS_BUILD=${CITUS_BUILD:-$(for d in "$citus_repo/../shared" "$citus_repo/../../shared"; do
  [ -f "$d/citus/build.sh" ] && { echo "$(cd "$d" && pwd)/citus/build.sh"; break; }; done)}
CITUS_BUILD=${CITUS_BUILD:-$citus_repo/../shared/citus/build.sh}
CITUS_DB=crm_citus

# citus_available: Citus 13.2 installed in the system PostgreSQL, built now if not
citus_available() {
  local control
  control="$("$PG_CONFIG" --sharedir)/extension/citus.control"
  if ! [ -f "$control" ] || ! [ -f "$("$PG_CONFIG" --pkglibdir)/citus.so" ]; then
    [ -f "$CITUS_BUILD" ] || { echo "citus is not installed and $CITUS_BUILD is missing"; return 1; }
    echo "== building Citus ($CITUS_BUILD, about 3 minutes)"
    as_root bash "$CITUS_BUILD" || { echo "citus could not be built"; return 1; }
  fi
  [ -f "$("$PG_CONFIG" --pkglibdir)/citus.so" ]
}

# citus_node_init ROOT DIR PORT PRELOAD: a server of ROOT in DIR on 127.0.0.1:PORT
citus_node_init() {
  local root=$1 dir=$2 port=$3 preload=$4 l
  mkdir -p "$dir/logs" && chmod 755 "$dir" || return 1
  [ "$(id -u)" = 0 ] && chown -R postgres: "$dir"
  as_pg "$root$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$dir/logs/initdb.log" 2>&1 || { cat "$dir/logs/initdb.log"; return 1; }
  {
    echo "port = $port"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '$dir'"
    echo "fsync = off"
    echo "log_line_prefix = '%m [%p] '"
    echo "lc_messages = 'C'"
    echo "max_prepared_transactions = 100"   # Citus commits multi-node writes in two phases
    echo "max_worker_processes = 32"
    echo "shared_preload_libraries = '$preload'"
    echo "cron.database_name = '$CITUS_DB'"
    echo "cron.use_background_workers = on"
    echo "citus.shard_count = 8"             # small shards: a test, not a load
    echo "citus.shard_replication_factor = 1"
  } >>"$dir/data/postgresql.conf"
}

citus_node_start() {
  local root=$1 dir=$2 i
  as_pg "$root$PG_BIN/pg_ctl" start -D "$dir/data" -l "$dir/logs/server.log" -w -t 120 >/dev/null 2>&1 ||
    { echo "the server in $dir did not start:"; tail -20 "$dir/logs/server.log"; return 1; }
}

citus_node_stop() {
  local root=$1 dir=$2
  [ -f "$dir/data/postmaster.pid" ] &&
    as_pg "$root$PG_BIN/pg_ctl" stop -D "$dir/data" -m immediate -w -t 120 >/dev/null 2>&1
  return 0
}

in_citus_cluster() (
  local base root n port ports=()
  citus_available || return 2
  base=$(mktemp -d /tmp/crm-citus.XXXXXX) && chmod 755 "$base" || return 1
  root=$base/root
  # shellcheck disable=SC2064
  trap "for n in coord w1 w2; do citus_node_stop '$root' '$base/\$n'; done; rm -rf '$base'" EXIT
  echo "== Citus cluster: a coordinator and two workers on 127.0.0.1 ($base)"
  private_tree "$root" || { echo "could not copy the installation"; return 1; }
  [ -f "$root${PG_BIN%/bin}/lib/citus.so" ] || { echo "citus is missing from the private installation"; return 1; }
  private_install "$root" || { echo "build or install failed"; return 1; }
  for n in coord w1 w2; do
    port=$(free_port) || { echo "no free port"; return 1; }
    ports+=("$port")
    if [ "$n" = coord ]; then
      citus_node_init "$root" "$base/$n" "$port" 'citus,pg_cron' || return 1
    else
      citus_node_init "$root" "$base/$n" "$port" 'citus' || return 1
    fi
    citus_node_start "$root" "$base/$n" || return 1
  done
  export CRM_ROOT=$root CITUS_COORD=${ports[0]} CITUS_W1=${ports[1]} CITUS_W2=${ports[2]} CITUS_DB
  export PGHOST=127.0.0.1 PGUSER=postgres PGPORT=$CITUS_COORD PGDATABASE=$CITUS_DB
  export PATH=$root$PG_BIN:$PATH
  for port in "${ports[@]}"; do
    psql -X -q -p "$port" -d postgres -c "CREATE DATABASE $CITUS_DB" &&
      psql -X -q -p "$port" -d "$CITUS_DB" -c "CREATE EXTENSION citus" || return 1
  done
  psql -X -q -At -v ON_ERROR_STOP=1 -c "SELECT citus_set_coordinator_host('127.0.0.1', $CITUS_COORD)" \
    -c "SELECT citus_add_node('127.0.0.1', $CITUS_W1)" -c "SELECT citus_add_node('127.0.0.1', $CITUS_W2)" \
    >/dev/null || return 1
  "$@"
)
