#!/usr/bin/env bash
# make sanitize: crm_contract built with AddressSanitizer and UndefinedBehaviorSanitizer,
# loaded into the Debian server of a private copy of the installation with the
# sanitizer runtimes preloaded; the pg_regress, isolation, pgTAP and pg_cron suites
# run against it, then the sanitizer logs are scanned: reports with a frame in
# crm_contract.so are ours (expected: none), the others are PostgreSQL's and are
# listed apart.  Not part of make test.  See doc/memory-checks.md.
set -uo pipefail
cd "$(dirname "$0")/.."
. tools/lib.sh
. tools/memcheck-lib.sh

t0=$SECONDS
mc_init sanitize
trap mc_cleanup EXIT
ensure_packages gcc libasan8 libubsan1 || { echo "could not install the required packages"; exit 1; }

# The runtimes of the compiler PGXS builds with: postgres itself is not
# instrumented, so the ASan runtime must be preloaded ahead of everything else.
cc=$("$PG_CONFIG" --cc); cc=${cc%% *}
asan=$(readlink -f "$("$cc" -print-file-name=libasan.so)")
ubsan=$(readlink -f "$("$cc" -print-file-name=libubsan.so)")
[ -f "$asan" ] && [ -f "$ubsan" ] || { echo "no sanitizer runtimes found for $cc"; exit 1; }

# -O1 keeps the stacks close to the source; gcc leaves float-cast-overflow out of
# -fsanitize=undefined.  UBSan recovers, so one run lists every finding; an ASan
# report always ends its process.
copt="-fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer -O1 -g"
echo "== private installation and sanitized build (build/sanitize, $cc, $(basename "$asan"))"
mc_private_tree && mc_snapshot && mc_build "$copt" || exit 1
readelf -d "$MC_ROOT${PG_BIN%/bin}/lib/crm_contract.so" | grep -q libasan ||
  { echo "crm_contract.so is not instrumented"; exit 1; }

mc_cluster_init || exit 1
# detect_leaks=0: PostgreSQL leaves memory to process exit on purpose.  Every
# frame names its object, so that a report can be pinned on crm_contract.so.
fmt="stack_trace_format='    #%n %p in %f %S (%m+%o)'"
mc_start env LD_PRELOAD="$asan $ubsan" \
  ASAN_OPTIONS="detect_leaks=0:detect_stack_use_after_return=1:log_path=$MC_RUN/logs/sanitizer:$fmt" \
  UBSAN_OPTIONS="print_stacktrace=1:report_error_type=1:halt_on_error=0:log_path=$MC_RUN/logs/sanitizer:$fmt" ||
  exit 1
grep -q libasan "/proc/$(head -1 "$MC_RUN/data/postmaster.pid")/maps" ||
  { echo "the server runs without the ASan runtime"; exit 1; }
echo "== server on port $MC_PORT, socket directory $MC_RUN, runtime preloaded"

mc_suites
mc_report sanitizer $((SECONDS - t0))
