# tools/lib.sh - shared set-up of `make test`, `make demo`, `make bench` and the
# memory checks: install what is missing, build, install the extension, and run
# throwaway clusters.  Sourced, not run.

PG_MAJOR=15
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
PG_CONFIG=$PG_BIN/pg_config
export PG_CONFIG

# Debian packages the suites need.  Installed only when missing.
REQUIRED_PACKAGES="postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR postgresql-$PG_MAJOR-pgtap
  libtap-parser-sourcehandler-pgtap-perl postgresql-common clang libclang-rt-14-dev postgresql-$PG_MAJOR-cron"
# make test's packaging checks and client suites besides (tools/package-test.sh, test/clients)
PACKAGING_PACKAGES="debhelper postgresql-server-dev-all lintian unzip python3-psycopg libpostgresql-jdbc-java default-jdk-headless"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "need root (or sudo) to run: $*" >&2; return 1
  fi
}

# The server refuses to run as root: as root, initdb and postgres run as the
# postgres user (created by the postgresql-15 package).
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_packages() {
  local missing=() p
  for p in $REQUIRED_PACKAGES "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  # node and npm run the check of the lunar dates (tools/lunar): Debian's, unless some are there
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "== installing: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build_and_install() {
  echo "== building crm_contract (-Wall -Wextra -Werror)"
  make -s -j2 PG_CONFIG="$PG_CONFIG" all >/dev/null || return 1
  as_root make -s PG_CONFIG="$PG_CONFIG" install >/dev/null
}

# Counts a `pg_prove -v` run: its log in $1, exit code in $2.  Sets PROVE_OK and
# PROVE_NOK (a failed run without a "not ok" line, e.g. a crash, counts as one
# failure) and shows the files, failures and diagnostics.
prove_counts() {
  local log=$1 rc=$2
  PROVE_OK=$(grep -cE '^\s*ok [0-9]+' "$log" || true)
  PROVE_NOK=$(grep -cE '^\s*not ok [0-9]+' "$log" || true)
  [ "$rc" -ne 0 ] && [ "$PROVE_NOK" -eq 0 ] && PROVE_NOK=1
  grep -E '^test/|^\s*not ok|^#' "$log" | head -60 | sed 's/^/   /'
}

# The settings of every test cluster.  pg_cron is preloaded so that scheduled
# sweeps can be tested and shown; it runs jobs in background workers (no TCP
# login needed) for the database crm_cron.
CLUSTER_SETTINGS=("lc_messages = 'C'" "max_prepared_transactions = 0"
  "shared_preload_libraries = 'pg_cron'" "cron.database_name = 'crm_cron'"
  "cron.use_background_workers = on" "max_worker_processes = 16")

# A throwaway cluster of the system installation (pg_virtualenv), removed when
# the command exits, also on failure: make demo, make bench, make soak.
in_throwaway_cluster() {
  local opts=() s
  for s in "${CLUSTER_SETTINGS[@]}"; do s=${s//\'/}; opts+=(-o "${s/ = /=}"); done
  pg_virtualenv -t -v "$PG_MAJOR" "${opts[@]}" "$@"
}

# --- a private installation: a copy of Debian's, with this build installed ---
#
# make test and the memory checks never test the system installation: another
# checkout (or the Debian package) may be installed there at the same time.
# PostgreSQL finds its share and lib directories relative to its bin directory,
# so a copy of /usr/lib/postgresql/15 and /usr/share/postgresql/15 is
# self-contained.  It lives outside the checkout, so that the postgres user can
# read it wherever the checkout is.

# private_tree ROOT: a fresh copy of the installation in ROOT, without any
# crm_contract a `make install` left there, plus pg_prove.
private_tree() {
  local root=$1 lib=${PG_BIN%/bin} share
  share=$("$PG_CONFIG" --sharedir)
  rm -rf "$root"
  mkdir -p "$root${lib%/*}" "$root${share%/*}" &&
  cp -a "$lib" "$root${lib%/*}/" && cp -a "$share" "$root${share%/*}/" || return 1
  rm -rf "$root$lib/lib/crm_contract.so" "$root$lib/lib/bitcode/crm_contract" \
    "$root$lib/lib/bitcode/crm_contract.index.bc" "$root$share/extension/crm_contract"*
  cp "$(command -v pg_prove)" "$root$PG_BIN/"
  chmod -R a+rX "$root"
  [ -x "$root$PG_BIN/postgres" ] && [ -f "$root$share/extension/pgtap.control" ]
}

# private_install ROOT [make variables...]: build (in the checkout) and install into ROOT.
private_install() {
  local root=$1
  shift
  make -s -j2 PG_CONFIG="$PG_CONFIG" "$@" all >/dev/null &&
  make -s PG_CONFIG="$PG_CONFIG" "$@" DESTDIR="$root" install >/dev/null &&
  [ -f "$root${PG_BIN%/bin}/lib/crm_contract.so" ]
}

free_port() {
  local p i
  for i in $(seq 1 200); do
    p=$((20000 + RANDOM % 40000))
    [ "$p" = 5499 ] && continue   # the development cluster
    ls /tmp/.s.PGSQL."$p" /var/run/postgresql/.s.PGSQL."$p" >/dev/null 2>&1 && continue
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
    echo "$p"; return 0
  done
  return 1
}

# cluster_init ROOT RUNDIR [postgresql.conf lines...]: initdb in RUNDIR/data with
# the binaries of ROOT and the test settings; sets CLUSTER_* and exports
# PGHOST/PGPORT/PGUSER/PGDATABASE and PATH for every client after it.
cluster_init() {
  local root=$1 run=$2 l
  shift 2
  CLUSTER_BIN=$root$PG_BIN
  CLUSTER_RUN=$run
  CLUSTER_SERVER=
  mkdir -p "$run/logs" && chmod 755 "$run" || return 1
  [ "$(id -u)" = 0 ] && chown -R postgres: "$run"
  CLUSTER_PORT=$(free_port) || { echo "no free port"; return 1; }
  export PGHOST=$run PGPORT=$CLUSTER_PORT PGUSER=postgres PGDATABASE=postgres
  export PATH=$CLUSTER_BIN:$PATH
  as_pg "$CLUSTER_BIN/initdb" -D "$run/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$run/logs/initdb.log" 2>&1 || { cat "$run/logs/initdb.log"; return 1; }
  {
    echo "port = $CLUSTER_PORT"
    echo "listen_addresses = ''"
    echo "unix_socket_directories = '$run'"
    echo "fsync = off"   # a throwaway cluster
    echo "log_line_prefix = '%m [%p] '"
    for l in "${CLUSTER_SETTINGS[@]}" "$@"; do echo "$l"; done
  } >>"$run/data/postgresql.conf"
}

# cluster_start [prefix...]: start postgres behind a command prefix (env
# settings, valgrind ...); its stderr is RUNDIR/logs/server.log.
cluster_start() {
  as_pg "$@" "$CLUSTER_BIN/postgres" -D "$CLUSTER_RUN/data" >"$CLUSTER_RUN/logs/server.log" 2>&1 &
  CLUSTER_SERVER=$!
  local i
  for i in $(seq 1 "${CLUSTER_START_WAIT:-120}"); do
    "$CLUSTER_BIN/pg_isready" -q && return 0
    kill -0 "$CLUSTER_SERVER" 2>/dev/null || break
    sleep 1
  done
  echo "the server did not start:"; tail -30 "$CLUSTER_RUN/logs/server.log"; return 1
}

cluster_stop() {
  [ -n "${CLUSTER_RUN:-}" ] && [ -f "$CLUSTER_RUN/data/postmaster.pid" ] &&
    as_pg "$CLUSTER_BIN/pg_ctl" stop -D "$CLUSTER_RUN/data" -m fast -w -t 900 >/dev/null 2>&1
  [ -n "${CLUSTER_SERVER:-}" ] && wait "$CLUSTER_SERVER" 2>/dev/null
  CLUSTER_SERVER=
  return 0
}

# in_private_cluster COMMAND...: this build in a private installation and a
# throwaway cluster of it, both removed when COMMAND exits, also on failure
# (a subshell: its trap and exports stay inside).
in_private_cluster() (
  local base
  base=$(mktemp -d /tmp/crm-test.XXXXXX) && chmod 755 "$base" || return 1
  # shellcheck disable=SC2064
  trap "cluster_stop; rm -rf '$base'" EXIT
  echo "== private installation and cluster ($base)"
  private_tree "$base/root" || { echo "could not copy the installation"; return 1; }
  private_install "$base/root" || { echo "build or install failed"; return 1; }
  cluster_init "$base/root" "$base/run" && cluster_start || return 1
  CRM_ROOT=$base/root "$@"
)
