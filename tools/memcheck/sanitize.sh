#!/usr/bin/env bash
# make sanitize: crm_contract built with AddressSanitizer and UndefinedBehaviorSanitizer,
# loaded into the Debian server of a private copy of the installation with the
# sanitizer runtime preloaded; the pg_regress, isolation, pgTAP and pg_cron suites
# run against it, then the sanitizer logs are scanned: reports with a frame in
# crm_contract.so are ours (expected: none), the others are PostgreSQL's and are
# listed apart.  Not part of make test.  See doc/memory-checks.md.
set -uo pipefail
cd "$(dirname "$0")/../.."
. tools/lib.sh
. tools/memcheck/lib.sh

t0=$SECONDS
mc_init sanitize
trap mc_cleanup EXIT
ensure_packages || { echo "could not install the required packages"; exit 1; }   # clang, its runtimes

# clang, because its ASan runtime carries UBSan's handlers too: one runtime to
# preload, one set of options, one log.  (With gcc's two runtimes, libasan and
# libubsan, both preloaded, the server ignored UBSAN_OPTIONS and log_path:
# every report went to stderr, UBSan's without a stack.)
cc=clang
asan=$("$cc" -print-runtime-dir)/libclang_rt.asan-x86_64.so
[ -f "$asan" ] || { echo "no ASan runtime at $asan"; exit 1; }

# CFLAGS replaces PGXS's gcc flags; -fno-strict-aliasing is what PostgreSQL code
# needs.  -fwrapv is left out on purpose: under it signed overflow is defined
# and UBSan cannot report it in our arithmetic.  PostgreSQL's headers are written
# for gcc (gnu_printf, token pasting), hence the two -Wno.  -O1 keeps stacks
# close to the source.  UBSan recovers (one run lists every finding); an ASan
# report ends its process.
cflags="-O1 -g -fno-omit-frame-pointer -fno-strict-aliasing -fsanitize=address,undefined
  -Wno-ignored-attributes -Wno-compound-token-split-by-macro"
echo "== private installation and sanitized build (build/sanitize, $cc, $(basename "$asan"))"
mc_private_tree && mc_snapshot && mc_build CC="$cc" CFLAGS="$(echo $cflags)" || exit 1
[[ $(nm -D "$MC_ROOT${PG_BIN%/bin}/lib/crm_contract.so") == *" U __asan_"* ]] ||
  { echo "crm_contract.so is not instrumented"; exit 1; }
# without it the server hangs at start (tools/memcheck/asan-early-init.c says why)
early=$MC_DIR/asan-early-init.so
"$cc" -shared -fPIC -O2 -Wall -Wextra -Werror -o "$early" tools/memcheck/asan-early-init.c -ldl || exit 1

mc_cluster_init || exit 1
# detect_leaks=0: PostgreSQL leaves memory to process exit on purpose.  Every
# frame names its object, so that a report can be pinned on crm_contract.so.
fmt="stack_trace_format='    #%n %p in %f %S (%m+%o)'"
mc_start env LD_PRELOAD="$asan $early" \
  ASAN_OPTIONS="detect_leaks=0:detect_stack_use_after_return=1:log_path=$MC_RUN/logs/sanitizer:$fmt" \
  UBSAN_OPTIONS="print_stacktrace=1:report_error_type=1:halt_on_error=0" || exit 1
grep -q "$(basename "$asan")" "/proc/$(head -1 "$MC_RUN/data/postmaster.pid")/maps" ||
  { echo "the server runs without the ASan runtime"; exit 1; }
echo "== server on port $MC_PORT, socket directory $MC_RUN, runtime preloaded"

mc_suites
mc_report sanitizer $((SECONDS - t0))
