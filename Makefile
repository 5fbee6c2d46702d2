# crm_contract: PGXS build, plus the two commands of the README:
#   make demo   installs what is missing, builds, installs, runs the demo on a throwaway cluster
#   make test   the same set-up, then every test suite; ends with "N passed, N failed"

EXTENSION   = crm_contract
EXTVERSION  = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" crm_contract.control)

MODULE_big  = crm_contract
CORE_OBJS   = src/core/term.o src/core/numtext.o src/core/civil.o src/core/zone.o src/core/workcal.o src/core/penalty.o src/core/slaclock.o
OBJS        = src/crm_contract.o src/term_type.o src/calendar_cache.o src/calendar_funcs.o src/tenant.o src/money.o src/penalty_rule_type.o src/lpr_cache.o src/penalty_funcs.o src/sla_mapping.o src/sla_trigger.o src/sla_funcs.o $(CORE_OBJS)

# The install script is assembled: hand-written definitions, shipped data,
# then what must come after the data (protecting triggers, pg_dump registration).
INSTALL_PARTS = sql/crm_contract.sql $(sort $(wildcard sql/data/*.sql)) sql/crm_contract_finish.sql
DATA_built  = sql/crm_contract--$(EXTVERSION).sql
# earlier versions' install scripts (frozen as released) and the upgrade scripts
DATA        = $(filter-out $(DATA_built),$(wildcard sql/crm_contract--*.sql))

PG_CPPFLAGS = -I$(srcdir)/src
PG_CFLAGS   = -Wall -Wextra -Werror -Wno-unused-parameter  # fmgr functions receive fcinfo whether they use it or not

REGRESS      = term_type calendar_tables calendar_days calendar_time due contract_schedule contract_errors penalty penalty_statement sla_trigger sla_clock
REGRESS_OPTS = --inputdir=test --outputdir=build/regress --load-extension=crm_contract
ISOLATION      = calendar_invalidation lpr_invalidation sla_ticket_updates sla_sweep_race sla_calendar_race contract_concurrency
ISOLATION_OPTS = --inputdir=test/isolation --outputdir=build/isolation --load-extension=crm_contract

EXTRA_CLEAN = build sql/crm_contract--$(EXTVERSION).sql

PG_CONFIG ?= $(firstword $(wildcard /usr/lib/postgresql/15/bin/pg_config) $(shell command -v pg_config 2>/dev/null))

ifneq ($(PG_CONFIG),)
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)
endif

sql/crm_contract--$(EXTVERSION).sql: $(INSTALL_PARTS)
	cat $^ > $@

.PHONY: test demo fuzz fuzz-long bench unit soak sanitize valgrind

# The two commands: each script installs missing packages first, so they
# work before pg_config exists.
test:
	@bash tools/test.sh

demo:
	@bash tools/demo.sh

unit:
	@bash tools/test.sh --only unit

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
	@bash tools/sanitize.sh

valgrind:
	@bash tools/valgrind.sh

print-%:
	@echo $($*)
