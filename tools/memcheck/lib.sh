# tools/memcheck/lib.sh - shared by `make sanitize` (tools/memcheck/sanitize.sh) and
# `make valgrind` (tools/memcheck/valgrind.sh).  Sourced after tools/lib.sh, from the
# repository root.  See doc/memory-checks.md.
#
# Neither target touches the system installation: others test against
# /usr/lib/postgresql/15 at the same time, and an instrumented crm_contract.so
# loaded without its runtime breaks their runs.  Each target works in build/<name>/:
#   src/    a snapshot of the working tree, built there, so the repository's
#           src/*.o stay those of the normal build
#   root/   a private copy of the Debian installation, with that build installed
#           into it (PostgreSQL finds its share and lib directories relative to
#           its bin directory, so the copy is self-contained)
#   logs/   server log, checker reports and findings, copied out of the run directory
#   regress/, isolation/   pg_regress output
# and runs a cluster of its own (initdb and postgres of root/, a free port, a
# socket directory in /tmp), not pg_virtualenv: pg_ctlcluster may drop LD_PRELOAD.

mc_init() {  # name
  MC_NAME=$1
  MC_DIR=$PWD/build/$1
  MC_SRC=$MC_DIR/src
  MC_ROOT=$MC_DIR/root
  MC_BIN=$MC_ROOT$PG_BIN
  MC_LOGS=$MC_DIR/logs
  MC_RUN=
  rm -rf "$MC_LOGS" "$MC_DIR/summary.txt"   # a run's findings are its own
  MC_PASSED=0
  MC_FAILED=0
  MC_SUITES=
}

# A copy of the Debian installation (private_tree of tools/lib.sh).
mc_private_tree() {
  private_tree "$MC_ROOT"
}

# Snapshot of what the build and the suites read; objects are left out so that
# everything is compiled again with the checker's flags.
mc_snapshot() {
  rm -rf "$MC_SRC" && mkdir -p "$MC_SRC" || return 1
  tar -cf - --exclude='*.o' --exclude='*.bc' --exclude='*.so' \
    Makefile crm_contract.control src sql test | tar -xf - -C "$MC_SRC" || return 1
  rm -f "$MC_SRC"/sql/crm_contract--"$(make -s --no-print-directory print-EXTVERSION)".sql
}

# Build the snapshot with the make variables given (CC=, CFLAGS=, COPT=) and
# install it into the private tree.  No bitcode (with_llvm=no): the clusters
# run with jit = off.
mc_build() {  # make variable assignments...
  local log=$MC_LOGS/build.log
  mkdir -p "$MC_LOGS"
  { make -C "$MC_SRC" -s -j2 PG_CONFIG="$PG_CONFIG" with_llvm=no "$@" all &&
    make -C "$MC_SRC" -s PG_CONFIG="$PG_CONFIG" with_llvm=no "$@" DESTDIR="$MC_ROOT" install
  } >"$log" 2>&1 || { tail -40 "$log"; return 1; }
  [ -f "$MC_ROOT${PG_BIN%/bin}/lib/crm_contract.so" ]
}

# initdb in a fresh run directory with make test's settings (cluster_init of
# tools/lib.sh) plus the checkers' own and the lines given.
mc_cluster_init() {  # extra postgresql.conf lines...
  MC_RUN=$(mktemp -d "/tmp/crm-$MC_NAME.XXXXXX") || return 1
  cluster_init "$MC_ROOT" "$MC_RUN" "jit = off" "log_connections = on" "$@" || return 1
  MC_PORT=$CLUSTER_PORT
  # jit = off: JIT code is neither instrumented nor known to valgrind;
  # log_connections names the test of a process in the findings
}

# Start postgres of the private tree behind a command prefix (env settings,
# valgrind ...); its stderr is logs/server.log.
mc_start() {  # prefix...
  cluster_start "$@"
}

mc_stop() {
  cluster_stop
}

# EXIT trap: stop the server, keep its logs in build/<name>/logs, drop the run directory.
mc_cleanup() {
  [ -n "$MC_RUN" ] || return 0
  mc_stop
  mkdir -p "$MC_LOGS"
  cp -a "$MC_RUN/logs/." "$MC_LOGS/" 2>/dev/null
  [ "$(id -u)" = 0 ] && chown -R "$(id -u):$(id -g)" "$MC_LOGS"
  rm -rf "$MC_RUN"
  MC_RUN=
}

# --- the suites: the lists of the Makefile, the counting of tools/cluster-suites.sh ---

mc_count() {  # label passed failed seconds
  MC_PASSED=$((MC_PASSED + $2)); MC_FAILED=$((MC_FAILED + $3))
  MC_SUITES="$MC_SUITES$(printf '%-12s %4d passed %3d failed %6ds' "$1" "$2" "$3" "$4")
"
}

mc_regress() {  # label runner outdir inputdir dbname tests
  local label=$1 runner=$2 out=$3 in=$4 db=$5 tests=$6 t0=$SECONDS ok nok
  echo "== $label"
  rm -rf "$out"; mkdir -p "$out"
  # shellcheck disable=SC2086
  "$runner" --bindir="$MC_BIN" --host="$PGHOST" --port="$PGPORT" --user="$PGUSER" \
    --inputdir="$in" --outputdir="$out" --load-extension=crm_contract --dbname="$db" \
    $tests >"$out/run.log" 2>&1
  ok=$(grep -cE '\.\.\. ok' "$out/run.log")
  nok=$(grep -cE '\.\.\. FAILED|\.\.\. failed' "$out/run.log")
  grep -E '\.\.\. ' "$out/run.log" | sed 's/^/   /'
  if [ $((ok + nok)) -eq 0 ]; then tail -20 "$out/run.log"; nok=1; fi
  [ -s "$out/regression.diffs" ] && head -80 "$out/regression.diffs"
  mc_count "$label" "$ok" "$nok" $((SECONDS - t0))
}

mc_prove() {  # label dbname setup-sql files (relative to the snapshot)...
  local label=$1 db=$2 setup=$3 t0=$SECONDS log
  shift 3
  log=$MC_DIR/$label.log
  echo "== $label"
  "$MC_BIN/createdb" "$db" && { [ -z "$setup" ] || "$MC_BIN/psql" -X -q -d "$db" -c "$setup" >/dev/null; }
  (cd "$MC_SRC" && "$MC_BIN/pg_prove" --psql-bin "$MC_BIN/psql" -v -d "$db" "$@") >"$log" 2>&1
  prove_counts "$log" $?
  echo "   $label: $PROVE_OK passed, $PROVE_NOK failed"
  mc_count "$label" "$PROVE_OK" "$PROVE_NOK" $((SECONDS - t0))
}

# pg_regress, isolation and pgTAP suites, and pg_cron's unless MC_CRON=0,
# from the snapshot against the running cluster.
mc_suites() {
  local pgxs=$MC_ROOT${PG_BIN%/bin}/lib/pgxs/src/test
  mc_list() { make -s --no-print-directory -C "$MC_SRC" PG_CONFIG="$PG_CONFIG" "print-$1"; }
  mc_regress regress "$pgxs/regress/pg_regress" "$MC_DIR/regress" "$MC_SRC/test" \
    crm_regress "$(mc_list REGRESS)"
  mc_regress isolation "$pgxs/isolation/pg_isolation_regress" "$MC_DIR/isolation" \
    "$MC_SRC/test/isolation" crm_isolation "$(mc_list ISOLATION)"
  mc_prove pgtap crm_tap "CREATE EXTENSION pgtap; CREATE EXTENSION crm_contract;" \
    $(cd "$MC_SRC" && echo test/pgtap/*.sql)
  # the cron file runs outside a transaction in the database pg_cron serves
  [ "${MC_CRON:-1}" = 0 ] || mc_prove pg_cron crm_cron "" $(cd "$MC_SRC" && echo test/cron/*.sql)
}

# --- the end: scan the logs, print and keep the summary, exit status ---

# Fails on a failed test, a report in our code or a crashed server process;
# reports inside PostgreSQL are listed and counted but do not fail the run.
mc_report() {  # kind (sanitizer|valgrind) seconds
  local kind=$1 secs=$2 scan ours theirs crashes status=0
  mc_cleanup   # stops the server, so every process has written its report
  scan=$(perl tools/memcheck/scan.pl "$kind" "$MC_LOGS" "$MC_SRC") || { echo "$scan"; return 1; }
  read -r _ ours _ theirs <<<"$(tail -1 <<<"$scan")"
  # postmaster's words for a child that died (exit code 1 is a background
  # worker's normal restart; a regular backend never exits with it unannounced)
  crashes=$(grep -cE 'terminated by signal|server process \(PID [0-9]+\) exited with exit code|exited with exit code ([2-9]|[1-9][0-9]+)$' \
    "$MC_LOGS/server.log")
  {
    echo
    echo "== $MC_NAME: suites (build/$MC_NAME)"
    printf '%s' "$MC_SUITES"
    echo "== $kind reports (full text: build/$MC_NAME/logs/findings.txt)"
    sed '$d' <<<"$scan"
    echo "$ours in crm_contract, $theirs in PostgreSQL, $crashes server processes crashed"
    echo "$MC_PASSED passed, $MC_FAILED failed, $((secs / 60))m$((secs % 60))s"
  } | tee "$MC_DIR/summary.txt"
  [ "$MC_FAILED" -eq 0 ] && [ "$MC_PASSED" -gt 0 ] && [ "$ours" -eq 0 ] && [ "$crashes" -eq 0 ] || status=1
  return $status
}
