#!/usr/bin/env bash
# Layout checks (make test): the pure core includes no PostgreSQL header, and
# the table "Where each SQL function is implemented" of doc/architecture.md
# names, for every function of the install script, the file that implements
# it.  Prints TAP lines.  --table prints the table as the code has it.
set -uo pipefail
cd "$(dirname "$0")/.."

table() {
  python3 - <<'PY'
import glob, re
cfile = {}
for f in sorted(glob.glob('src/**/*.c', recursive=True)):
    for m in re.finditer(r'PG_FUNCTION_INFO_V1\((\w+)\)', open(f).read()):
        cfile[m.group(1)] = f
rows = {}
for p in sorted(glob.glob('sql/parts/*.sql')):
    s = open(p).read()
    for m in re.finditer(r'CREATE FUNCTION crm_contract\.(\w+)\(', s):
        rest = s[m.end():].split('CREATE ', 1)[0]
        c = re.search(r"AS 'MODULE_PATHNAME', '(\w+)'", rest)
        where = cfile.get(c.group(1), 'missing C function ' + c.group(1)) if c else p
        rows.setdefault(m.group(1), set()).add(where)
print('| SQL function | implemented in |')
print('|---|---|')
for name in sorted(rows):
    print('| `%s` | %s |' % (name, ', '.join('`%s`' % w for w in sorted(rows[name]))))
PY
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
