/*
 * wire_error.h - what a receive function raises when the core's decoder
 * refuses its bytes for a reason that is not the type's own.
 */
#ifndef CRM_SHARED_WIRE_ERROR_H
#define CRM_SHARED_WIRE_ERROR_H

#include "postgres.h"

#include "core/wire.h"

/*
 * Short data raises what pq_getmsgbyte and pq_getmsgint raise (08P01), an
 * unknown version says which one was read (22P03).  Returns for the other
 * statuses, which the caller reports in its type's words.
 */
extern void report_wire_failure(WireStatus st, const WireDetail *detail, const char *type, int version);

#endif
