/*
 * penalty_rule_words.h - the vocabulary of penalty_rule_parse.c: word
 * tables, phrases, separators, blanks, and the matching that reads
 * traditional characters, full-width ASCII and pinyin glosses as the
 * simplified text the tables are written in (text_noise.h).  Internal to
 * penalty_rule_parse.c and penalty_rule_words.c.
 */
#ifndef CRM_PENALTY_RULE_WORDS_H
#define CRM_PENALTY_RULE_WORDS_H

#include <stddef.h>
#include <stdbool.h>

#include "penalty_rule.h"

typedef struct PrWord
{
	const char *w;
	int			value;
} PrWord;

/* option values (prw_options) */
#define PRW_OPT_GRACE 1
#define PRW_OPT_CAP 2
#define PRW_OPT_MIN 3
#define PRW_OPT_COMPOUND 4
#define PRW_OPT_FLOATING 5

extern const PrWord prw_options[];		/* grace, cap, 上限, 不超过, min, 最低, compound ... */
extern const PrWord prw_fractions[];	/* 百分之, 千分之, 万分之: the decimals of their numerator */
extern const PrWord prw_cap_suffixes[];	/* 以…为上限, 以…为限, 以…封顶 */
extern const PrWord prw_grace_units[];	/* days (0) or working days (1) */

/* A unit of time after a count (日, 天, 个工作日, 个月, 年, 小时, days): its length. */
extern size_t prw_duration_len(const char *s, size_t len, size_t pos);

/*
 * Case-insensitive match of the word w at pos, 0 if none, else the bytes
 * consumed.  A space in w matches any run of white space; the text's
 * characters are folded (tn_fold) before they are compared, and a pinyin
 * gloss after a character of the text is consumed with it.  An ASCII word
 * must end at a word boundary: "totally" is not "total".
 */
extern size_t prw_match(const char *s, size_t len, size_t pos, const char *w);

/* The longest word of a list matching at pos; *value gets its value. */
extern size_t prw_match_any(const char *s, size_t len, size_t pos, const PrWord *words, int *value);

/*
 * Words that carry no part of the rule at pos, 0 if none: 应, 向, 甲方,
 * 支付, 违约金, 作为, 按, 以, 为基数, and the breach a clause is about
 * (逾期付款的, 若…迟延交付).
 */
extern size_t prw_filler_len(const char *s, size_t len, size_t pos);

/*
 * A decimal number at pos (ASCII or full-width digits, '.' or '．'; with
 * grouping, thousands groups: 100,000.50) or a Chinese numeral (五, 二十,
 * 零点五), scaled: value * 10^scale, exact.  Returns the bytes consumed (0
 * if none); *st is PR_ERR_PRECISION for more fractional digits than the
 * scale keeps (unless they are zeros), PR_ERR_RATE_RANGE above limit,
 * PR_ERR_BAD_NUMBER for a malformed numeral (十十).
 */
extern size_t prw_decimal(const char *s, size_t len, size_t pos, int scale, int64_t limit,
						  bool grouping, int64_t *value, PrStatus *st);

/*
 * Can a word of the bases, periods, options or fillers start at pos (an
 * ASCII letter or "/", or one of the Han characters they start with)?  The
 * scanner asks before it tries those tables on text it may not know.
 */
extern bool prw_may_start(const char *s, size_t len, size_t pos);

/* The tables prw_may_start stands for, one by one; NULL past the last (for tests). */
extern const PrWord *prw_start_tables(size_t i);

/* White space and pinyin glosses at pos: their length. */
extern size_t prw_noise_len(const char *s, size_t len, size_t pos);
extern size_t prw_skip_noise(const char *s, size_t len, size_t pos);

/* A basis (PrBasis): total, 合同总金额, 应付款项, 迟延交付部分价款 ... */
extern size_t prw_basis_len(const char *s, size_t len, size_t pos, int *basis);

/* A period (PrPeriod): per day, 每日, 按日, 每延迟一日, 每逾期一个工作日, 年利率 ... */
extern size_t prw_period_len(const char *s, size_t len, size_t pos, int *period);

/* A separator between parts: , ; : ， 、 ； ： and the full stops 。 . (*full_stop). */
extern size_t prw_separator_len(const char *s, size_t len, size_t pos, bool *full_stop);

/* A connector between parts: "of", 的. */
extern size_t prw_connector_len(const char *s, size_t len, size_t pos);

/*
 * A percent sign after optional white space: % ％ (*scale 7: decimals of
 * a percent kept in a rate x 1e9), ‰ (6), ‱ (5); 0 if none.
 */
extern size_t prw_percent_sign(const char *s, size_t len, size_t pos, int *scale);

/*
 * A template blank at pos, 0 if none: a run of _ or ＿ not inside an ASCII
 * word, a bracketed slot ([…], ［…］, 【…】), or a run of up to four X (x, Ｘ,
 * ｘ) standing alone and followed by a unit (%, ‰, 天, 日, 元, 倍 ...) or,
 * with bare_x, by anything.
 */
extern size_t prw_blank_len(const char *s, size_t len, size_t pos, bool bare_x);

#endif
