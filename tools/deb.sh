#!/usr/bin/env bash
# make deb: the Debian packages of crm_contract (debian/, pg_buildext), built
# from a copy of the checkout's files in build/deb/ so that the package build's
# `make clean` never touches the checkout.  Uncommitted changes are included;
# build/ and ignored files are not.  Leaves in build/deb/:
#   postgresql-15-crm-contract_<version>_amd64.deb  the package
#   crm-contract_<version>.dsc, .tar.xz              the (native) source package
#   crm-contract_<version>_amd64.changes, .buildinfo
#   build.log
# DEB_BUILD_OPTIONS=nocheck skips the regression suite that the build runs
# against the files it is about to package (dh_pgxs_test, in a pg_virtualenv
# cluster).
set -uo pipefail
cd "$(dirname "$0")/.."
. tools/lib.sh

ensure_packages debhelper postgresql-server-dev-all || { echo "could not install debhelper and postgresql-server-dev-all"; exit 1; }

version=$(dpkg-parsechangelog -S Version) || exit 1
out=build/deb
src=$out/crm-contract-$version
rm -rf "$out"
mkdir -p "$src"

# the files of the checkout: tracked ones (as they are now) and new ones not ignored
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
    tar --null -T - -cf - | tar -xf - -C "$src" || exit 1
else   # an unpacked release archive: everything but the build output
  tar --exclude=./build -cf - . | tar -xf - -C "$src" || exit 1
fi

echo "== building the Debian packages of crm_contract $version (log: $out/build.log)"
opts="${DEB_BUILD_OPTIONS:-}"
case " $opts " in *" parallel="*) ;; *) opts="$opts parallel=$(nproc)" ;; esac
(cd "$src" && DEB_BUILD_OPTIONS="${opts# }" dpkg-buildpackage -us -uc) >"$out/build.log" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
  tail -40 "$out/build.log"
  echo "dpkg-buildpackage failed ($rc)"
  exit 1
fi
ls "$out"/*.deb "$out"/*.dsc "$out"/*.changes | sed 's/^/   /'
