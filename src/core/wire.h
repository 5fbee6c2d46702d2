/*
 * wire.h - what the binary wire forms of term and penalty_rule share: the
 * decoders' status and big-endian (network order) field access.  Pure C.
 *
 * The wire forms live in the core, not in the glue, so that the unit tests
 * and the fuzzers check the very bytes the server sends and receives.
 */
#ifndef CRM_WIRE_H
#define CRM_WIRE_H

#include <stddef.h>
#include <stdint.h>

typedef enum WireStatus
{
	WIRE_OK = 0,
	WIRE_SHORT,					/* the input ends inside a field */
	WIRE_BAD_VERSION,			/* the first byte is not a version we read */
	WIRE_TRAILING,				/* bytes after the last field */
	WIRE_INVALID				/* the fields read fail the type's check */
} WireStatus;

/*
 * What a rejection was about, for messages.  The checks are made in the
 * order the fields are read, so the glue raises what it raised when it read
 * them one by one: an empty input is short, a wrong version byte is reported
 * even when nothing follows it.
 */
typedef struct WireDetail
{
	size_t		missing;		/* WIRE_SHORT: size of the field that did not fit */
	int			version;		/* WIRE_BAD_VERSION: the version byte read */
	int			check;			/* WIRE_INVALID: the type's check status */
} WireDetail;

/* A cursor over an input, taking whole fields like the glue's pq_getmsg*. */
typedef struct WireReader
{
	const uint8_t *buf;
	size_t		len;
	size_t		pos;
	size_t		missing;		/* size of the first field that did not fit */
} WireReader;

/* The next n bytes, or NULL (and nothing consumed) when fewer are left. */
static inline const uint8_t *
wire_take(WireReader *r, size_t n)
{
	const uint8_t *p;

	if (r->len - r->pos < n)
	{
		if (r->missing == 0)
			r->missing = n;
		return NULL;
	}
	p = r->buf + r->pos;
	r->pos += n;
	return p;
}

static inline uint32_t
wire_get32(const uint8_t *p)
{
	return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | (uint32_t) p[3];
}

static inline uint64_t
wire_get64(const uint8_t *p)
{
	return (uint64_t) wire_get32(p) << 32 | wire_get32(p + 4);
}

static inline void
wire_put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t) (v >> 24);
	p[1] = (uint8_t) (v >> 16);
	p[2] = (uint8_t) (v >> 8);
	p[3] = (uint8_t) v;
}

static inline void
wire_put64(uint8_t *p, uint64_t v)
{
	wire_put32(p, (uint32_t) (v >> 32));
	wire_put32(p + 4, (uint32_t) v);
}

#endif
