#!/usr/bin/env bash
# Packaging checks of make test, as TAP lines: one version everywhere
# (tools/check-versions.sh), META.json against the PGXN Meta Spec
# (tools/pgxn-meta-check.pl), the release archive of make dist, and the Debian
# package built, installed, tested and removed (tools/deb-test.sh).
set -uo pipefail
cd "$(dirname "$0")/.."
. tools/lib.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# make dist: the archive PGXN gets, unpacked: its META.json valid and naming files
# it holds, the licence and history in it, CI files not, and it builds.
dist() {
  local n=0 zip top
  t() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; return 1; fi; }
  # make dist archives HEAD; here the files as they are, so that a change is tested before its commit
  zip=$(bash tools/dist.sh --worktree 2>"$work/dist.err") && [ -f "$zip" ]
  t $? "make dist builds $zip (git archive, of the checkout's files as they are now)"
  [ -f "$zip" ] || { sed 's/^/#   /' "$work/dist.err"; return; }
  top=$(basename "$zip" .zip)
  unzip -q "$zip" -d "$work/dist"
  [ "$(ls "$work/dist")" = "$top" ]
  t $? "everything in the archive is under $top/"
  perl tools/pgxn-meta-check.pl --dist "$work/dist/$top" "$work/dist/$top/META.json" >"$work/meta.out" 2>&1
  t $? "the archive's META.json is valid and its provides name files of the archive" ||
    sed 's/^/#   /' "$work/meta.out"
  for f in LICENSE CHANGELOG.md README.md Makefile crm_contract.control debian/control; do
    [ -f "$work/dist/$top/$f" ]; t $? "the archive holds $f"
  done
  [ ! -e "$work/dist/$top/.ci" ]; t $? "the archive leaves out .ci/ (.gitattributes export-ignore)"
  make -s -C "$work/dist/$top" -j2 PG_CONFIG="$PG_CONFIG" all >"$work/dist-build.log" 2>&1 &&
    [ -f "$work/dist/$top/crm_contract.so" ] &&
    [ -f "$work/dist/$top/sql/crm_contract--$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" crm_contract.control).sql" ]
  t $? "the unpacked archive builds (make: the module and the install script)" ||
    tail -20 "$work/dist-build.log" | sed 's/^/#   /'
}

# one TAP stream: renumber the lines of every part
{
  echo "# versions (tools/check-versions.sh)"
  bash tools/check-versions.sh
  echo "# META.json (tools/pgxn-meta-check.pl)"
  perl tools/pgxn-meta-check.pl --self-test META.json
  echo "# make dist"
  dist
  echo "# the Debian package (tools/deb-test.sh)"
  bash tools/deb-test.sh
} 2>&1 | awk '/^(not )?ok [0-9]+/ { sub(/ok [0-9]+/, "ok " ++n) } { print }'
