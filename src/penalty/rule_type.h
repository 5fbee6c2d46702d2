/*
 * rule_type.h - the SQL type crm_contract.penalty_rule: a
 * PenaltyRule passed by reference (fixed length).
 */
#ifndef CRM_PENALTY_RULE_TYPE_H
#define CRM_PENALTY_RULE_TYPE_H

#include "postgres.h"
#include "fmgr.h"

#include "core/penalty_rule.h"

#define DatumGetPenaltyRuleP(d) ((const PenaltyRule *) DatumGetPointer(d))
#define PG_GETARG_PENALTY_RULE_P(n) DatumGetPenaltyRuleP(PG_GETARG_DATUM(n))

extern char *penalty_rule_to_cstring(const PenaltyRule *r);
extern PenaltyRule *penalty_rule_from_cstring(const char *str);

#endif
