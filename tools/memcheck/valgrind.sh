#!/usr/bin/env bash
# make valgrind: the pg_regress, isolation, pgTAP and pg_cron suites against a
# server of a private copy of the Debian installation running under valgrind
# memcheck, with crm_contract built as shipped (PGXS flags: -O2 -g, frame
# pointers).  Then every report is counted: those with a frame in crm_contract.so
# are ours (expected: none), the others are PostgreSQL's; known PostgreSQL noise
# is suppressed by tools/memcheck/valgrind.supp and counted apart.  Not part of make test.
# See doc/memory-checks.md.
set -uo pipefail
cd "$(dirname "$0")/../.."
. tools/lib.sh
. tools/memcheck/lib.sh

t0=$SECONDS
mc_init valgrind
trap mc_cleanup EXIT
ensure_packages valgrind || { echo "could not install the required packages"; exit 1; }

echo "== private installation and build (build/valgrind)"
mc_private_tree && mc_snapshot && mc_build || exit 1

# A process is 20-50 times slower under memcheck: no step of the suites may
# time out (isolationtester gives up on a step after 300 s by default, pg_ctl
# after 60 s).
export PGISOLATIONTIMEOUT=3600 PGCTLTIMEOUT=900 MC_START_WAIT=600
mc_cluster_init || exit 1

# Every process forked by postmaster inherits valgrind and writes vg.<pid>.log.
# --error-markers delimit each report for tools/memcheck/scan.pl; -s lists the
# suppressions used; --fullpath-after= prints our frames with their full source
# path (the snapshot in build/valgrind/src), which is how they are recognized.
# No --error-exitcode: a backend exiting with it makes postmaster restart every
# session (crash recovery), turning one report into failures of unrelated
# tests; the reports are counted from the logs instead.  Options of your own
# (--track-origins=no to go faster, ...) can be given in VALGRIND_OPTS.
echo "== starting the server under valgrind (port $MC_PORT, socket directory $MC_RUN)"
mc_start valgrind --tool=memcheck --trace-children=yes --leak-check=no --track-origins=yes \
  --num-callers=40 --error-limit=no --vgdb=no --fullpath-after= -s --gen-suppressions=all \
  --error-markers=VGERR-BEGIN,VGERR-END --suppressions="$PWD/tools/memcheck/valgrind.supp" \
  --log-file="$MC_RUN/logs/vg.%p.log" || exit 1

mc_suites
mc_report valgrind $((SECONDS - t0))
