#!/usr/bin/env bash
# make dist: the PGXN release archive build/crm_contract-<version>.zip of the
# last commit (git archive; .gitattributes leaves out what is not for users),
# <version> being META.json's (SemVer).  Prints the archive's path.
#   tools/dist.sh --worktree   the same of the files as they are now, committed
#                              or not (make test; the repository's index and
#                              HEAD are left alone)
set -euo pipefail
cd "$(dirname "$0")/.."
name=$(perl -MJSON::PP -e 'local $/; my $m = decode_json(<STDIN>); print "$m->{name}-$m->{version}"' <META.json)
tree=HEAD
if [ "${1:-}" = --worktree ]; then
  index=$(mktemp)
  trap 'rm -f "$index"' EXIT
  cp "$(git rev-parse --git-path index)" "$index"
  GIT_INDEX_FILE=$index git add -A
  tree=$(GIT_INDEX_FILE=$index git write-tree)
elif [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "note: uncommitted changes are not in the archive (git archive HEAD)" >&2
fi
mkdir -p build
git archive --format=zip --prefix="$name/" -o "build/$name.zip" "$tree"
echo "build/$name.zip"
