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

PG_CPPFLAGS = -I$(srcdir)/src
PG_CFLAGS   = -Wall -Wextra -Werror -Wno-unused-parameter  # fmgr functions receive fcinfo whether they use it or not

REGRESS      = term_type calendar_tables calendar_days calendar_time due contract_schedule contract_errors penalty penalty_statement sla_trigger sla_clock sla_security sla_bookkeeping sla_partitions sla_identity sla_update_metric
REGRESS_OPTS = --inputdir=test --outputdir=build/regress --load-extension=crm_contract
ISOLATION      = calendar_invalidation lpr_invalidation sla_ticket_updates sla_sweep_race sla_calendar_race sla_forged_insert contract_concurrency
ISOLATION_OPTS = --inputdir=test/isolation --outputdir=build/isolation --load-extension=crm_contract

EXTRA_CLEAN = build $(DATA_built)

# Targets that set the machine up themselves (they install PostgreSQL's
# packages before they build), or need no PostgreSQL at all.
SELF_SETUP  = test demo unit fuzz fuzz-long bench soak sanitize valgrind print-%

PG_CONFIG ?= $(firstword $(wildcard /usr/lib/postgresql/15/bin/pg_config) $(shell command -v pg_config 2>/dev/null))

ifneq ($(PG_CONFIG),)
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)
else ifneq ($(filter-out $(SELF_SETUP),$(or $(MAKECMDGOALS),all)),)
$(error pg_config not found: install postgresql-server-dev-15 (apt-get install postgresql-server-dev-15), or run make test / make demo, which install what is missing)
endif

sql/crm_contract--$(EXTVERSION).sql: $(INSTALL_PARTS)
	cat $^ > $@

define update_script
$(1): $$(sort $$(wildcard $(patsubst sql/%.sql,sql/updates/%,$(1))/*.sql))
	cat $$^ > $$@
endef
$(foreach u,$(UPDATE_SCRIPTS),$(eval $(call update_script,$(u))))

.PHONY: test demo fuzz fuzz-long bench unit soak sanitize valgrind

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

print-%:
	@echo $($*)
