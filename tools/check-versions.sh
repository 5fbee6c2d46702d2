#!/usr/bin/env bash
# One version everywhere (make test): the control file's default_version is the
# version of the install script sql/crm_contract--<v>.sql, of the Debian package
# (debian/changelog; the package is native, so no Debian revision), of the top
# entry of CHANGELOG.md, and, in SemVer with a patch number (0.3 -> 0.3.0), of
# META.json and the extension it provides.  An unreleased version is unreleased
# everywhere.  Prints TAP lines.
set -uo pipefail
cd "$(dirname "$0")/.."

n=0
check() {  # label command...: the command's output follows its line
  local label=$1 out rc; shift
  n=$((n + 1))
  out=$("$@" 2>&1); rc=$?
  if [ $rc -eq 0 ]; then echo "ok $n - $label"; else echo "not ok $n - $label"; fi
  [ -n "$out" ] && echo "$out"
  return 0
}
same() {  # what expected got
  [ "$2" = "$3" ] && return 0
  echo "#   $1: expected \"$2\", got \"$3\""; return 1
}

v=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" crm_contract.control)
case $v in
  *.*.*) semver=$v ;;
  *.*) semver=$v.0 ;;
  *) semver=$v ;;
esac
meta() { perl -MJSON::PP -e 'local $/; my $m = decode_json(<STDIN>); my $x = $m; $x = $x->{$_} for @ARGV; print $x // ""' "$@" <META.json; }
name=$(meta name)

check "crm_contract.control: default_version '$v'" test -n "$v"
check "META.json: version $semver (SemVer of $v)" same "META.json version" "$semver" "$(meta version)"
check "META.json: provides $name $semver" same "META.json provides.$name.version" "$semver" "$(meta provides "$name" version)"
check "debian/changelog: crm-contract $v" same "debian/changelog version" "$v" "$(dpkg-parsechangelog -S Version)"
built=$(make -s --no-print-directory print-DATA_built)
check "the install script is sql/crm_contract--$v.sql (Makefile DATA_built: $(echo $built))" \
  bash -c "grep -qw 'sql/crm_contract--$v.sql' <<<'$built'"
released=$(ls sql/released | sed -n 's/^crm_contract--\(.*\)\.sql$/\1/p' | sort -V)
newest=$(tail -1 <<<"$released")
if grep -qx "$v" <<<"$released"; then is_released=yes; else is_released=no; fi
if [ $is_released = no ]; then
  check "an update script leads from $newest, the newest release, to $v" \
    bash -c "ls -d sql/updates/crm_contract--$newest--$v sql/updates/crm_contract--$newest--$v.sql 2>/dev/null | grep -q ."
fi
top=$(sed -n 's/^## \([^ ]*\).*/\1/p' CHANGELOG.md | head -1)
check "CHANGELOG.md: the top entry is $v" same "CHANGELOG.md top entry" "$v" "$top"
missing=
for r in $released; do grep -q "^## $r " CHANGELOG.md || missing="$missing $r"; done
check "CHANGELOG.md has an entry for every released version ($(echo $released))" same "missing entries" "" "${missing# }"

# released (sql/released/crm_contract--<v>.sql frozen) or not, everywhere alike
cl_unreleased=$(sed -n "s/^## $v (\(unreleased\)).*/yes/p" CHANGELOG.md | head -1)
deb_unreleased=$([ "$(dpkg-parsechangelog -S Distribution)" = UNRELEASED ] && echo yes)
meta_unstable=$([ "$(meta release_status)" != stable ] && echo yes)
want=$([ $is_released = no ] && echo yes)
state="sql/released: $is_released release; CHANGELOG.md unreleased: ${cl_unreleased:-no}; debian/changelog UNRELEASED: ${deb_unreleased:-no}; META.json not stable: ${meta_unstable:-no}"
check "$v is $([ $is_released = no ] && echo unreleased || echo released) everywhere ($state)" \
  same "release state" "$want $want $want" "$cl_unreleased $deb_unreleased $meta_unstable"
