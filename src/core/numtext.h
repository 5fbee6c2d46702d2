/*
 * numtext.h - numbers and spacing in contract text (ASCII, full-width,
 * Chinese numerals), shared by the term and penalty-rule parsers.  Pure C.
 */
#ifndef CRM_NUMTEXT_H
#define CRM_NUMTEXT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* ASCII case folding and letters; bytes of UTF-8 sequences pass through. */
static inline int
nt_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static inline bool
nt_is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Length of white space at s (ASCII, U+3000, U+00A0), 0 if none. */
extern size_t nt_space_len(const char *s, size_t len);

/* pos after any white space. */
extern size_t nt_skip_space(const char *s, size_t len, size_t pos);

/* Value of an ASCII or full-width digit at s, or -1; *n gets its byte length. */
extern int	nt_digit_at(const char *s, size_t len, size_t *n);

/*
 * A Chinese numeral (十五, 二十四, 一百零五, 两, 三万): bytes consumed, 0 if
 * none.  *value saturates above INT32_MAX; *malformed is set for sequences
 * such as 十十 or 一二, which the caller reports rather than guess.
 */
extern size_t nt_chinese_number(const char *s, size_t len, int64_t *value, bool *malformed);

#endif
