# tools/lib.sh - shared set-up of `make test`, `make demo`, `make bench`:
# install what is missing, build, install the extension.  Sourced, not run.

PG_MAJOR=15
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
PG_CONFIG=$PG_BIN/pg_config
export PG_CONFIG

# Debian packages the suites need.  Installed only when missing.
REQUIRED_PACKAGES="postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR postgresql-$PG_MAJOR-pgtap
  libtap-parser-sourcehandler-pgtap-perl postgresql-common clang libclang-rt-14-dev postgresql-$PG_MAJOR-cron"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "need root (or sudo) to run: $*" >&2; return 1
  fi
}

ensure_packages() {
  local missing=() p
  for p in $REQUIRED_PACKAGES "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
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

# Run a command inside a throwaway cluster (removed when it exits, also on failure).
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

# pg_cron is preloaded so that scheduled sweeps can be tested and shown; it runs
# jobs in background workers (no TCP login needed) for the database crm_cron.
in_throwaway_cluster() {
  pg_virtualenv -t -v "$PG_MAJOR" -o "lc_messages=C" -o "max_prepared_transactions=0" \
    -o "shared_preload_libraries=pg_cron" -o "cron.database_name=crm_cron" \
    -o "cron.use_background_workers=on" -o "max_worker_processes=16" "$@"
}
