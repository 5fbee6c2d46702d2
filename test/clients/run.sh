#!/usr/bin/env bash
# The client suites (tools/cluster-suites.sh, inside the private cluster: PGHOST,
# PGPORT and PGUSER point at it): the database crm_clients with role crm_app
# (setup.sql), then psycopg 3 over libpq (psycopg_client.py, Debian's
# python3-psycopg and python3) and pgjdbc over TCP (JdbcClient.java, compiled
# here with the JDK against Debian's libpostgresql-jdbc-java).  Prints the TAP
# lines of both, numbered anew.
set -uo pipefail
cd "$(dirname "$0")/../.."

jar=/usr/share/java/postgresql.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

{
  if psql -X -q -v ON_ERROR_STOP=1 -c "CREATE ROLE crm_app LOGIN" -c "CREATE DATABASE crm_clients OWNER crm_app" >"$work/setup.log" 2>&1 &&
     psql -X -q -v ON_ERROR_STOP=1 -d crm_clients -f test/clients/setup.sql >>"$work/setup.log" 2>&1; then
    echo "ok 1 - database crm_clients and role crm_app (test/clients/setup.sql)"
  else
    echo "not ok 1 - database crm_clients and role crm_app (test/clients/setup.sql)"; sed 's/^/#   /' "$work/setup.log"
  fi

  echo "# psycopg $(/usr/bin/python3 -c 'import psycopg; print(psycopg.__version__)' 2>&1) (test/clients/psycopg_client.py)"
  PGDATABASE=crm_clients /usr/bin/python3 test/clients/psycopg_client.py 2>&1 ||
    echo "not ok - psycopg_client.py exits 0 (exit $?)"

  echo "# pgjdbc $(dpkg-query -W -f='${Version}' libpostgresql-jdbc-java 2>&1) (test/clients/JdbcClient.java)"
  if javac -d "$work" -cp "$jar" test/clients/JdbcClient.java >"$work/javac.log" 2>&1; then
    java -cp "$work:$jar" JdbcClient "$PGHOST/.s.PGSQL.$PGPORT" crm_clients crm_app 2>&1 ||
      echo "not ok - JdbcClient exits 0 (exit $?)"
  else
    echo "not ok - javac JdbcClient.java"; sed 's/^/#   /' "$work/javac.log"
  fi
} | awk '/^(not )?ok( [0-9]+)?( |$)/ { sub(/^(not )?ok( [0-9]+)?/, ($1 == "not" ? "not ok " : "ok ") ++n) } { print }'
