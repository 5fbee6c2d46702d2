#!/usr/bin/env bash
# The Debian package as a user gets it (make test): build it (make deb),
# lintian, install it with dpkg -i into the machine's PostgreSQL 15, run
# CREATE EXTENSION, the update chain and the regression and isolation suites
# (the package's autopkgtest, debian/tests/installcheck) against the installed
# files in throwaway pg_virtualenv clusters, remove it with dpkg -r, and put
# back the crm_contract files that `make install` had left in the system
# installation (make test installs there too).  Prints TAP lines.
#
# Another checkout's `make install` into the system installation while this
# runs would replace the package's files: the dpkg --verify line says so.
set -uo pipefail
cd "$(dirname "$0")/.."
. tools/lib.sh

pkg=postgresql-$PG_MAJOR-crm-contract
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
nok() { n=$((n + 1)); echo "not ok $n - $*"; }
check() {  # label command...: ok when the command succeeds
  local label=$1; shift
  if "$@"; then ok "$label"; else nok "$label"; fi
}
diag() { sed 's/^/#   /'; }

work=$(mktemp -d /tmp/crm-deb-test.XXXXXX)
chmod 755 "$work"
installed=
# make install's files, kept in a tar of files only (no directory entries: putting
# them back never changes a directory of the system installation)
saved=$work/make-install-files.tar
put_back() { [ -f "$saved" ] && as_root tar -C / --no-overwrite-dir -xpf "$saved"; }
cleanup() {
  if [ -n "$installed" ]; then as_root dpkg -r "$pkg" >/dev/null 2>&1; installed=; put_back; fi
  rm -rf "$work"
}
trap cleanup EXIT

# dpkg waits for no lock: while another apt or dpkg runs it fails at once, so retry
dpkg_retry() {
  local i out
  for i in $(seq 1 60); do
    out=$(as_root dpkg "$@" 2>&1) && { echo "$out"; return 0; }
    grep -q 'lock' <<<"$out" || { echo "$out"; return 1; }
    sleep 2
  done
  echo "$out"; return 1
}

version=$(dpkg-parsechangelog -S Version)
deb=build/deb/${pkg}_${version}_amd64.deb
changes=build/deb/crm-contract_${version}_amd64.changes
tree=build/deb/crm-contract-$version

check "debian/control is generated from debian/control.in (pg_buildext checkcontrol)" \
  bash -c 'pg_buildext checkcontrol >/dev/null'

# The suites run on the installed package below, so the build skips its own run of them.
if DEB_BUILD_OPTIONS=nocheck bash tools/deb.sh >"$work/deb.log" 2>&1 && [ -f "$deb" ]; then
  ok "make deb builds $(basename "$deb")"
else
  nok "make deb builds $(basename "$deb")"; diag <"$work/deb.log"
  exit 0
fi

# lintian: errors, warnings, information and pedantic tags; overrides are explained in
# debian/*.lintian-overrides
lintian -I --pedantic "$changes" >"$work/lintian.log" 2>&1
grep -v '^running with root privileges' "$work/lintian.log" >"$work/tags" || true
if [ ! -s "$work/tags" ]; then ok "lintian -I --pedantic: no tags ($(basename "$changes"): source and binary)"
else nok "lintian -I --pedantic reports $(grep -c '' "$work/tags") tags"; diag <"$work/tags"; fi

# The package holds what make install installs, besides its documentation.
mkdir -p "$work/make-install"
if private_install "$work/make-install" >"$work/make-install.log" 2>&1; then
  (cd "$work/make-install" && find . ! -type d | sed 's|^\.||' | sort) >"$work/files.make-install"
  dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\.||' | grep -v '/$' | sort >"$work/files.deb.all"
  grep -vE "^/usr/share/(doc|lintian)/" "$work/files.deb.all" >"$work/files.deb"
  if cmp -s "$work/files.make-install" "$work/files.deb"; then
    ok "the package installs exactly the $(grep -c '' "$work/files.deb") files of make install (and its documentation, lintian overrides)"
  else
    nok "the package's files differ from make install's"; diff "$work/files.make-install" "$work/files.deb" | head -20 | diag
  fi
else
  nok "make install into a scratch directory"; tail -20 "$work/make-install.log" | diag
fi
ships() {
  local f
  for f in "$@"; do grep -qxF "$f" "$work/files.deb.all" || { echo "#   missing: $f"; return 1; }; done
}
extdir=$("$PG_CONFIG" --sharedir)/extension
libdir=$("$PG_CONFIG" --pkglibdir)
check "the package ships the module, the extension $version, every released version and update, and the documentation" \
  ships "$libdir/crm_contract.so" "$extdir/crm_contract.control" "$extdir/crm_contract--$version.sql" \
    $(cd sql/released && ls | sed "s|^|$extdir/|") $(ls -d sql/updates/crm_contract--*--* | sed "s|.*/\(.*\)|$extdir/\1|; s|\.sql\$||; s|\$|.sql|") \
    /usr/share/doc/$pkg/copyright /usr/share/doc/$pkg/CHANGELOG.md.gz /usr/share/doc/$pkg/README.md.gz

# Keep what make install put into the system installation, to put it back afterwards.
find "$libdir/crm_contract.so" "$libdir/bitcode/crm_contract.index.bc" "$libdir/bitcode/crm_contract" \
     "$extdir"/crm_contract.control "$extdir"/crm_contract--*.sql ! -type d 2>/dev/null | sed 's|^/||' >"$work/saved.list"
tar -C / --no-recursion -cpf "$saved" -T "$work/saved.list" || { nok "could not keep make install's files"; exit 0; }
nsaved=$(grep -c '' "$work/saved.list")

installed=1   # from here on, even a failed dpkg -i may have unpacked files: remove them on exit
if dpkg_retry -i "$deb" >"$work/dpkg-i.log" 2>&1; then
  ok "dpkg -i $(basename "$deb")"
else
  nok "dpkg -i $(basename "$deb")"; diag <"$work/dpkg-i.log"
  exit 0
fi
check "dpkg reports $pkg $version installed" \
  test "$(dpkg-query -W -f='${db:Status-Status} ${Version}' "$pkg" 2>/dev/null)" = "installed $version"

# A throwaway cluster of the system installation: CREATE EXTENSION from the installed
# files, and the update chain from the oldest released version.
oldest=$(ls sql/released | sed -n 's/^crm_contract--\(.*\)\.sql$/\1/p' | sort -V | head -1)
cat >"$work/create.sql" <<EOF
CREATE EXTENSION crm_contract;
SELECT extversion FROM pg_extension WHERE extname = 'crm_contract';
SELECT crm_contract.due(date '2025-09-26', '10個工作日');
SELECT setting FROM pg_settings WHERE name = 'dynamic_library_path';
CREATE DATABASE crm_deb_update;
\c crm_deb_update
CREATE EXTENSION crm_contract VERSION '$oldest';
ALTER EXTENSION crm_contract UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'crm_contract';
EOF
chmod 644 "$work/create.sql"
PGPORT=$(free_port) pg_virtualenv -t -v "$PG_MAJOR" \
  psql -X -At -q -v ON_ERROR_STOP=1 -f "$work/create.sql" -o "$work/create.out" >"$work/create.err" 2>&1
# the module from the system's $libdir (no extension_destdir as in the package build's test);
# 10 working days after 2025-09-26 on CN: 9/28 (a make-up Sunday), 9/29, 9/30, then
# National Day 10/1-10/8, 10/9, 10/10, 10/11 (make-up Saturday), 10/13-10/16: 2025-10-16
expect=$(printf '%s\n' "$version" 2025-10-16 '$libdir' "$version")
if [ "$(cat "$work/create.out" 2>/dev/null)" = "$expect" ]; then
  ok "CREATE EXTENSION crm_contract from the installed package: $version, due() computes; $oldest updates to $version"
else
  nok "CREATE EXTENSION and ALTER EXTENSION UPDATE on the installed package"; cat "$work/create.out" "$work/create.err" 2>&1 | diag
fi

# The package's autopkgtest in the unpacked source tree the package was built from:
# pg_buildext installcheck, a pg_virtualenv cluster per installed version; every
# pg_regress and pg_isolation_regress test counts.
(cd "$tree" && PGPORT=$(free_port) debian/tests/installcheck) >"$work/installcheck.log" 2>&1
rc=$?
t_ok=$(grep -cE '^(test| ) *[a-z_0-9]+ +\.\.\. ok' "$work/installcheck.log")
t_nok=$(grep -cE '^(test| ) *[a-z_0-9]+ +\.\.\. FAILED' "$work/installcheck.log")
grep -E '^(test| ) *[a-z_0-9]+ +\.\.\. ' "$work/installcheck.log" | while read -r _ name _ res _; do
  if [ "$res" = ok ]; then ok "installed package: $name"; else nok "installed package: $name"; fi
done
n=$((n + t_ok + t_nok))
if [ "$rc" -ne 0 ] || [ $((t_ok + t_nok)) -eq 0 ]; then
  nok "debian/tests/installcheck exits 0 (exit $rc)"; tail -60 "$work/installcheck.log" | diag
fi
expected=$(($(make -s --no-print-directory print-REGRESS | wc -w) + $(make -s --no-print-directory print-ISOLATION | wc -w)))
check "the autopkgtest ran every test of REGRESS and ISOLATION ($((t_ok + t_nok)) of $expected)" test $((t_ok + t_nok)) -eq "$expected"

# The suites ran on the package's files, unchanged (no other make install meanwhile).
if as_root dpkg --verify "$pkg" >"$work/verify.log" 2>&1 && [ ! -s "$work/verify.log" ]; then
  ok "dpkg --verify: the installed files are the package's"
else
  nok "dpkg --verify: installed files changed while testing (another checkout's make install?)"; diag <"$work/verify.log"
fi

if dpkg_retry -r "$pkg" >"$work/dpkg-r.log" 2>&1; then
  installed=
  ok "dpkg -r $pkg"
else
  nok "dpkg -r $pkg"; diag <"$work/dpkg-r.log"
fi
check "no crm_contract file is left after dpkg -r" \
  bash -c "! ls '$libdir/crm_contract.so' '$extdir'/crm_contract* >/dev/null 2>&1"

# Put back what make install had put there (make test's system install).
put_back
check "make install's $nsaved files are back in the system installation" \
  bash -c "tar -C / -df '$saved' >'$work/tar-d.log' 2>&1 || { sed 's/^/#   /' '$work/tar-d.log' | head; false; }"
