#!/usr/bin/env bash
# Layout checks (make test): the pure core includes no PostgreSQL header, and
# the table "Where each SQL function is implemented" of doc/architecture.md
# names, for every function of the install script, the file that implements
# it.  Prints TAP lines.  --table prints the table as the code has it.
set -uo pipefail
cd "$(dirname "$0")/.."

table() {
  perl -e '
    my %cfile;
    for my $f (sort glob("src/*.c src/*/*.c")) {
      open(my $fh, "<", $f) or die; local $/; my $s = <$fh>;
      $cfile{$1} = $f while $s =~ /PG_FUNCTION_INFO_V1\((\w+)\)/g;
    }
    my %rows;
    for my $p (sort glob("sql/parts/*.sql")) {
      open(my $fh, "<", $p) or die; local $/; my $s = <$fh>;
      while ($s =~ /CREATE FUNCTION crm_contract\.(\w+)\(/g) {
        my $name = $1;
        my ($rest) = substr($s, pos($s)) =~ /^(.*?)(?:\nCREATE |\z)/s;
        my $where = $rest =~ /AS \x27MODULE_PATHNAME\x27, \x27(\w+)\x27/
          ? ($cfile{$1} // "missing C function $1") : $p;
        $rows{$name}{$where} = 1;
      }
    }
    print "| SQL function | implemented in |\n|---|---|\n";
    for my $n (sort keys %rows) {
      print "| `$n` | ", join(", ", map { "`$_`" } sort keys %{$rows{$n}}), " |\n";
    }'
}

if [ "${1:-}" = --table ]; then table; exit 0; fi

n=0
hits=$(grep -rlE '#include ["<](postgres|fmgr|utils/|catalog/|access/|executor/)' src/core || true)
n=$((n + 1))
if [ -z "$hits" ]; then echo "ok $n - src/core includes no PostgreSQL header"
else echo "not ok $n - src/core includes PostgreSQL headers: $hits"; fi

n=$((n + 1))
want=$(table)
have=$(sed -n '/^| SQL function | implemented in |$/,/^$/p' doc/architecture.md | sed '/^$/d')
if [ "$want" = "$have" ]; then echo "ok $n - doc/architecture.md names the file of every SQL function ($(grep -c '^| `' <<<"$want") functions)"
else echo "not ok $n - doc/architecture.md's function table differs from the code (tools/check-layout.sh --table prints it):"
  diff <(echo "$have") <(echo "$want") | head -20 | sed 's/^/#   /'
fi
