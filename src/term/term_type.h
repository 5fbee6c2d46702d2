/*
 * term_type.h - the SQL type crm_contract.term: a Term packed into a
 * pass-by-value int64 Datum (quantity << 8 | unit).
 */
#ifndef CRM_TERM_TYPE_H
#define CRM_TERM_TYPE_H

#include "postgres.h"
#include "fmgr.h"

#include "core/term.h"

#if SIZEOF_DATUM < 8
#error "crm_contract.term is passed by value and needs 64-bit Datums"
#endif

static inline Datum
TermGetDatum(Term t)
{
	return Int64GetDatum(((int64) t.quantity << 8) | (int64) t.unit);
}

static inline Term
DatumGetTerm(Datum d)
{
	int64		v = DatumGetInt64(d);
	Term		t;

	t.quantity = (int32) (v >> 8);
	t.unit = (uint8) (v & 0xFF);
	return t;
}

#define PG_GETARG_TERM(n) DatumGetTerm(PG_GETARG_DATUM(n))
#define PG_RETURN_TERM(t) return TermGetDatum(t)

/* Canonical text of a term, palloc'd. */
extern char *term_to_cstring(Term t);

#endif
