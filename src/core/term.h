/*
 * term.h - contractual durations ("10 working days", "10个工作日"), pure C.
 *
 * No postgres.h here: this is parsed and formatted by the server glue, the
 * unit tests and the fuzzer alike.
 */
#ifndef CRM_TERM_H
#define CRM_TERM_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "wire.h"

typedef enum TermUnit
{
	TERM_UNIT_INVALID = 0,
	TERM_MINUTES = 1,
	TERM_HOURS = 2,
	TERM_DAYS = 3,
	TERM_WEEKS = 4,
	TERM_MONTHS = 5,
	TERM_YEARS = 6,
	TERM_WORKING_MINUTES = 7,
	TERM_WORKING_HOURS = 8,
	TERM_WORKING_DAYS = 9
} TermUnit;

#define TERM_UNIT_MAX TERM_WORKING_DAYS
#define TERM_QUANTITY_MAX INT32_MAX

typedef struct Term
{
	int32_t		quantity;		/* always >= 1 */
	uint8_t		unit;			/* a TermUnit */
} Term;

typedef enum TermStatus
{
	TERM_OK = 0,
	TERM_ERR_EMPTY,				/* nothing but white space */
	TERM_ERR_NO_NUMBER,			/* does not start with a quantity */
	TERM_ERR_NO_UNIT,			/* a quantity with no unit */
	TERM_ERR_UNKNOWN_UNIT,		/* a unit we do not know */
	TERM_ERR_TRAILING,			/* junk after a valid term */
	TERM_ERR_NEGATIVE,			/* "-5 days" */
	TERM_ERR_ZERO,				/* "0 days" */
	TERM_ERR_OVERFLOW,			/* quantity above TERM_QUANTITY_MAX */
	TERM_ERR_FRACTION,			/* "1.5 days": quantities are whole numbers */
	TERM_ERR_BAD_UNIT_CODE		/* binary form names no unit (recv only) */
} TermStatus;

/*
 * Parse a term.  On error, *where (if not NULL) receives the byte offset of
 * the offending part (the unit word, the trailing junk), for messages.
 */
extern TermStatus term_parse(const char *s, size_t len, Term *out, size_t *where);

/* Canonical English text, e.g. "10 working days"; returns bytes written. */
#define TERM_TEXT_MAX 48
extern size_t term_format(const Term *t, char *buf, size_t bufsize);

/* Validate a (quantity, unit) pair, e.g. from the binary form. */
extern TermStatus term_check(int64_t quantity, int unit);

/*
 * Binary wire form (term_send, term_recv, COPY ... (FORMAT binary)): the
 * version byte, the unit byte, the quantity as a big-endian int32.
 */
#define TERM_WIRE_VERSION 1
#define TERM_WIRE_LEN 6

/* Writes TERM_WIRE_LEN bytes; returns TERM_WIRE_LEN. */
extern size_t term_encode(const Term *t, uint8_t *buf);

/*
 * Decode exactly len bytes.  Checks in reading order: short, version, short,
 * the term_check of the fields (WIRE_INVALID, detail->check gets its status),
 * then trailing bytes after a valid value.  Once both fields are read (OK,
 * INVALID, TRAILING) *out holds them as read, for messages; use it only on
 * WIRE_OK.  detail may be NULL.
 */
extern WireStatus term_decode(const uint8_t *buf, size_t len, Term *out, WireDetail *detail);

/* Singular unit name without quantity ("working day"), NULL if invalid. */
extern const char *term_unit_name(int unit);
extern const char *term_unit_plural(int unit);

/* Whether the unit counts on a working calendar. */
static inline bool
term_unit_is_working(int unit)
{
	return unit == TERM_WORKING_MINUTES || unit == TERM_WORKING_HOURS ||
		unit == TERM_WORKING_DAYS;
}

/* Whether the unit is a whole number of days or longer. */
static inline bool
term_unit_is_dated(int unit)
{
	return unit == TERM_DAYS || unit == TERM_WEEKS || unit == TERM_MONTHS ||
		unit == TERM_YEARS || unit == TERM_WORKING_DAYS;
}

#endif
