# crm_contract: PGXS build, plus the two commands of the README:
#   make demo   installs what is missing, builds, installs, runs the demo on a throwaway cluster
#   make test   the same set-up, then every test suite; ends with "N passed, N failed"
# Layout: doc/architecture.md.

EXTENSION   = crm_contract
EXTVERSION  = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" crm_contract.control)

# One object per C file: the pure core (src/core), the shared glue helpers
# (src/common) and one folder per SQL concept.
MODULE_big  = crm_contract
OBJS        = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c src/*/*.c)))

# The install script is assembled from the parts and the shipped data, in the
# order of the numbers that start their names (sql/parts/NN_*.sql, sql/data/NN_*.sql).
INSTALL_PARTS = $(foreach n,$(sort $(notdir $(wildcard sql/parts/*.sql sql/data/*.sql))),$(wildcard sql/parts/$(n) sql/data/$(n)))
# An upgrade script still open in this release is assembled the same way, from
# sql/updates/crm_contract--A--B/NN_*.sql; released ones are frozen as
# sql/updates/crm_contract--A--B.sql.
UPDATE_SCRIPTS = $(patsubst sql/updates/%/,sql/%.sql,$(wildcard sql/updates/crm_contract--*--*/))
DATA_built  = sql/crm_contract--$(EXTVERSION).sql $(UPDATE_SCRIPTS)
# released versions' install scripts (frozen, for the upgrade tests) and the upgrade scripts
DATA        = $(wildcard sql/released/crm_contract--*.sql sql/updates/crm_contract--*--*.sql)

PG_CPPFLAGS = -I$(srcdir)/src -DCRM_EXTVERSION_MINOR=$(lastword $(subst ., ,$(EXTVERSION)))   # the SQL version the library is built for (0.3 -> 3)
PG_CFLAGS   = -Wall -Wextra -Werror -Wno-unused-parameter  # fmgr functions receive fcinfo whether they use it or not
# header dependencies: PGXS tracks none (Debian builds PostgreSQL without --enable-depend)
PG_CFLAGS  += -MMD -MP

REGRESS      = term_type calendar_tables calendar_days calendar_time calendar_forecast holiday_notice holiday_load due contract_schedule contract_errors contract_law penalty penalty_statement sla_trigger sla_clock sla_security sla_bookkeeping sla_partitions sla_identity sla_update_metric sla_year_boundary reporting_views
REGRESS_OPTS = --inputdir=test --outputdir=build/regress --load-extension=crm_contract
ISOLATION      = calendar_invalidation lpr_invalidation sla_ticket_updates sla_sweep_race sla_calendar_race sla_forged_insert contract_concurrency calendar_load_race
ISOLATION_OPTS = --inputdir=test/isolation --outputdir=build/isolation --load-extension=crm_contract

EXTRA_CLEAN = build $(DATA_built) $(OBJS:.o=.d)

# pg_regress creates its --outputdir, not the parents: make installcheck works
# on a fresh tree too (pgxn check, the Debian package's tests)
REGRESS_PREP = build/regress build/isolation

# Targets that set the machine up themselves (they install PostgreSQL's
# packages before they build), or need no PostgreSQL at all.
SELF_SETUP  = test demo unit fuzz fuzz-long bench soak sanitize valgrind calendar-data deb dist print-%

PG_CONFIG ?= $(firstword $(wildcard /usr/lib/postgresql/15/bin/pg_config) $(shell command -v pg_config 2>/dev/null))

ifneq ($(PG_CONFIG),)
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)
else ifneq ($(filter-out $(SELF_SETUP),$(or $(MAKECMDGOALS),all)),)
$(error pg_config not found: install postgresql-server-dev-15 (apt-get install postgresql-server-dev-15), or run make test / make demo, which install what is missing)
endif

-include $(OBJS:.o=.d)

sql/crm_contract--$(EXTVERSION).sql: $(INSTALL_PARTS) tools/sql-assemble.pl
	perl tools/sql-assemble.pl $(INSTALL_PARTS) > $@

# upgrade parts may include shipped data and the install parts' functions (tools/sql-assemble.pl)
define update_script
$(1): $$(sort $$(wildcard $(patsubst sql/%.sql,sql/updates/%,$(1))/*.sql)) $(INSTALL_PARTS) tools/sql-assemble.pl
	perl tools/sql-assemble.pl $$(sort $$(wildcard $(patsubst sql/%.sql,sql/updates/%,$(1))/*.sql)) > $$@
endef
$(foreach u,$(UPDATE_SCRIPTS),$(eval $(call update_script,$(u))))

.PHONY: test demo fuzz fuzz-long bench unit soak sanitize valgrind calendar-data

# The two commands: each script installs missing packages first, so they
# work before pg_config exists.
test:
	@bash tools/test.sh

demo:
	@bash tools/demo.sh

# The C unit tests of the pure core: plain programs, nothing to install.
unit:
	@bash tools/unit.sh

fuzz:
	@bash tools/fuzz.sh $(FUZZ_RUNS)

# 10,000,000 runs of every harness: before a release, or after touching a parser
fuzz-long:
	@bash tools/fuzz.sh long

# pgbench soak: ticket writes, sweeps and payments together, then invariants (SOAK_SECONDS, SOAK_CLIENTS)
soak:
	@bash tools/soak.sh

bench:
	@bash bench/run.sh

# The extension inside the real server under AddressSanitizer+UBSan, and under
# valgrind memcheck: a private copy of the installation in build/, never the
# system one (doc/memory-checks.md).  Not part of make test.
sanitize:
	@bash tools/memcheck/sanitize.sh

valgrind:
	@bash tools/memcheck/valgrind.sh

# The shipped China calendar, generated from the notice texts in
# sql/data/notices/ by the core's notice parser (no PostgreSQL needed);
# tools/notices/check_calendar_cn.sh checks the committed file is up to date.
calendar-data:
	@mkdir -p build
	cc -std=c11 -O1 -Wall -Wextra -Werror -Isrc/core tools/notices/gen_calendar_cn.c $(sort $(wildcard src/core/*.c)) -o build/gen_calendar_cn
	build/gen_calendar_cn sql/data/notices > build/25_calendar_cn.sql
	mv build/25_calendar_cn.sql sql/data/25_calendar_cn.sql

print-%:
	@echo $($*)

build/regress build/isolation:
	mkdir -p $@

# Packaging (tools/deb.sh, tools/dist.sh): the Debian packages in build/deb/,
# built with pg_buildext from a copy of the checkout; the PGXN release archive
# build/crm_contract-<version>.zip of the last commit (git archive).
.PHONY: deb dist
deb:
	@bash tools/deb.sh

dist:
	@bash tools/dist.sh
