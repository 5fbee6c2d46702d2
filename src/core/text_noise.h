/*
 * text_noise.h - surface variation in contract text that does not change its
 * words, for the parsers of the core: UTF-8 characters, traditional forms of
 * the characters the parsers' vocabularies use, full-width ASCII, and the
 * pinyin glosses a converter leaves behind (關(guān)系, 約(yuē)).  Pure C.
 */
#ifndef CRM_TEXT_NOISE_H
#define CRM_TEXT_NOISE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/*
 * One UTF-8 character at s: its byte length (1-4) and *cp, or 0 when the
 * bytes are not a complete, shortest-form character (stray continuation
 * bytes, overlong forms, surrogates, above U+10FFFF, cut off by len).
 */
extern size_t tn_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* A Han ideograph (CJK unified ideographs, extensions, compatibility ideographs). */
extern bool tn_is_han(uint32_t cp);

/*
 * The form a vocabulary is written in: full-width ASCII (U+FF01-U+FF5E)
 * becomes ASCII, a traditional character with a simplified form the
 * vocabularies use becomes that form (總 -> 总, 違 -> 违); anything else is
 * returned as it is.
 */
extern uint32_t tn_fold(uint32_t cp);

/* The traditional -> simplified table behind tn_fold, ascending by trad (for tests). */
typedef struct TnFold
{
	uint32_t	trad;
	uint32_t	simp;
} TnFold;

extern const TnFold *tn_fold_table(size_t *n);

/*
 * Length of a pinyin gloss at pos, 0 if there is none: "(" or "（", one to
 * seven lowercase pinyin letters (a-z, ü, the tone-marked vowels, or a letter
 * followed by a combining tone mark) with at least one vowel, then ")" or
 * "）", right after a Han character (the character ending at pos, within
 * s[0..pos)).  "關(guān)" has a gloss at 3; "LPR(abc)", "合同(LPR)" and "(zé)"
 * at the start of the text have none.
 */
extern size_t tn_gloss_len(const char *s, size_t len, size_t pos);

#endif
