/*
 * wire_error.c - errors of the binary receive functions of term and
 * penalty_rule that are not about the type's values; see wire_error.h.
 */
#include "postgres.h"

#include "shared/wire_error.h"

/*
 * A decode failure that is not about the type's values: short data raises what
 * pq_getmsgbyte and pq_getmsgint raise (as when the fields were read with
 * them), an unknown version says which one we read.  Returns for the rest,
 * which the caller reports in its type's words. 
 */
void
report_wire_failure(WireStatus st, const WireDetail *detail, const char *type, int version)
{
	if (st == WIRE_SHORT)
		ereport(ERROR,
				(errcode(ERRCODE_PROTOCOL_VIOLATION),
				 errmsg(detail->missing == 1 ? "no data left in message" : "insufficient data left in message")));
	if (st == WIRE_BAD_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported binary format version %d for type %s", detail->version, type),
				 errdetail("This version of crm_contract reads version %d.", version)));
}

