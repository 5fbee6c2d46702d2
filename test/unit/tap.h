/*
 * tap.h - a tiny TAP producer for the pure C unit tests.
 *
 *   ok(cond, "desc %d", x);            plain assertion
 *   is_int(got, expected, "desc");     int64 comparison, prints both on failure
 *   is_str(got, expected, "desc");     string comparison
 *   return tap_done();                 prints "1..N"; 1 if anything failed
 *
 * Everything is static inline so that a test not using a helper still builds
 * with -Wall -Wextra -Werror.
 */
#ifndef CRM_TAP_H
#define CRM_TAP_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int	tap_count;
static int	tap_failed;

static inline void
tap_vreport(bool pass, const char *fmt, va_list ap)
{
	tap_count++;
	if (!pass)
		tap_failed++;
	printf("%sok %d - ", pass ? "" : "not ", tap_count);
	vprintf(fmt, ap);
	putchar('\n');
}

__attribute__((format(printf, 2, 3)))
static inline bool
ok(bool pass, const char *fmt, ...)
{
	va_list		ap;

	va_start(ap, fmt);
	tap_vreport(pass, fmt, ap);
	va_end(ap);
	return pass;
}

__attribute__((format(printf, 3, 4)))
static inline bool
is_int(int64_t got, int64_t expected, const char *fmt, ...)
{
	va_list		ap;
	bool		pass = got == expected;

	va_start(ap, fmt);
	tap_vreport(pass, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("# got: %" PRId64 " expected: %" PRId64 "\n", got, expected);
	return pass;
}

__attribute__((format(printf, 3, 4)))
static inline bool
is_str(const char *got, const char *expected, const char *fmt, ...)
{
	va_list		ap;
	bool		pass = got != NULL && expected != NULL ? strcmp(got, expected) == 0
		: got == expected;

	va_start(ap, fmt);
	tap_vreport(pass, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("# got: \"%s\" expected: \"%s\"\n", got ? got : "(null)",
			   expected ? expected : "(null)");
	return pass;
}

/* A comment line in the output. */
__attribute__((format(printf, 1, 2)))
static inline void
diag(const char *fmt, ...)
{
	va_list		ap;

	va_start(ap, fmt);
	fputs("# ", stdout);
	vprintf(fmt, ap);
	putchar('\n');
	va_end(ap);
}

static inline int
tap_done(void)
{
	printf("1..%d\n", tap_count);
	if (tap_failed)
		printf("# %d of %d failed\n", tap_failed, tap_count);
	return tap_failed ? 1 : 0;
}

/* s with control bytes escaped, for one-line test descriptions. */
static inline const char *
esc(const char *s)
{
	static char bufs[4][256];
	static int	which;
	char	   *b = bufs[which++ % 4];
	size_t		o = 0;

	for (; *s && o + 5 < sizeof(bufs[0]); s++)
	{
		unsigned char c = (unsigned char) *s;

		if (c < 0x20)
			o += (size_t) snprintf(b + o, sizeof(bufs[0]) - o, "\\x%02x", c);
		else
			b[o++] = (char) c;
	}
	b[o] = '\0';
	return b;
}

#endif
