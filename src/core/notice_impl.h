/*
 * notice_impl.h - what the files of the notice parser share (not an API).
 *
 *   notice_text.c    UTF-8 to normalised units: punctuation folded, traditional
 *                    characters simplified, pinyin glosses and white space
 *                    dropped, literal matching
 *   notice_date.c    dates, their weekday annotations, counts and festival names
 *   notice_clause.c  the clauses of an item, into days
 *   notice_doc.c     the document: titles, items, the prose around them
 *   notice.c         amendments, the API, row names
 */
#ifndef CRM_NOTICE_IMPL_H
#define CRM_NOTICE_IMPL_H

#include "notice.h"

/*
 * One character of the normalised text.  Punctuation is folded to ASCII
 * , ; : ( ) ~ (every range dash) and to 。 、; white space is gone and
 * line_start says a line break came before.  off/len locate the character
 * (with any separators merged into it) in the caller's text for quoting.
 */
typedef struct NUnit
{
	uint32_t	cp;
	uint32_t	off;
	uint16_t	len;
	uint8_t		line_start;
	uint8_t		pad;
} NUnit;

typedef struct NText
{
	const char *src;
	size_t		srclen;
	NUnit	   *u;
	size_t		n;
} NText;

#define CP_FULL_STOP 0x3002		/* 。 */
#define CP_ENUM_COMMA 0x3001	/* 、 */
#define NTX_NONE ((size_t) -1)

/* notice_text.c */
extern size_t ntx_normalize(const char *src, size_t len, NUnit *u);
extern bool ntx_is_cjk(uint32_t cp);
extern size_t ntx_lit(const NText *t, size_t pos, size_t end, const char *lit);
extern size_t ntx_find(const NText *t, size_t from, size_t end, const char *lit);
extern size_t ntx_digits(const NText *t, size_t pos, size_t end, int64_t *value);
extern size_t ntx_paren_end(const NText *t, size_t open, size_t end);
extern bool ntx_is_clause_sep(uint32_t cp);

/* A parse in progress: the text, the notice being read, the error. */
typedef struct NoticeCtx
{
	NText		t;
	NoticeError *err;
	int			year;			/* of the notice being read */
	int64_t		window_lo;		/* first day of the window: 1 December before */
	int64_t		window_hi;		/* last: 31 December of the year */
} NoticeCtx;

/* Set *err (offset and length from units [a, b)) and return st. */
extern NoticeStatus notice_fail(NoticeCtx *c, NoticeStatus st, size_t a, size_t b,
								const char *reason);

/* notice_date.c */
typedef struct NDate
{
	int64_t		year;			/* 0 if not written */
	int			month;			/* 0 if not written */
	int			day;
	size_t		start;			/* units of the date */
	size_t		end;			/* after the date and its annotation */
	size_t		annot;			/* '(' of the annotation, or NTX_NONE */
	int			weekday;		/* written in the annotation, 0 if none */
	int64_t		resolved;		/* day number, once resolved */
} NDate;

/*
 * A date at pos ([YYYY年][M月]D日, then an optional annotation).  Returns
 * the units used, 0 if there is no date at pos; a date that cannot be read
 * sets *st (and the error).
 */
extern size_t notice_read_date(NoticeCtx *c, size_t pos, size_t end, NDate *d,
							   NoticeStatus *st);
/* Resolve (y, m, d) to a day: checks the date exists, the window, the weekday. */
extern NoticeStatus notice_check_date(NoticeCtx *c, NDate *d, int64_t y, int m);
/* A weekday word (星期五, 周五, 礼拜五, 週五): ISO weekday, *used units. */
extern int	notice_weekday_at(const NText *t, size_t pos, size_t end, size_t *used);
/* A count: ASCII digits or a Chinese numeral; units used, 0 if none. */
extern size_t notice_number_at(const NText *t, size_t pos, size_t end, int64_t *value);
/* A festival name at pos (元旦, “五一”, 国庆节、中秋节 …): NF_*, *used units. */
extern int	notice_festival_at(const NText *t, size_t pos, size_t end, size_t *used);
/* Validate every date written in [a, b) (prose that is read but gives no days). */
extern NoticeStatus notice_check_dates_in(NoticeCtx *c, size_t a, size_t b, int festival);

/* notice_clause.c: the days of one notice, indexed from window_lo */
#define NOTICE_WINDOW_DAYS 400

typedef struct NCell
{
	uint8_t		kind;			/* 0 none, NOTICE_HOLIDAY, NOTICE_WORKING */
	uint8_t		festival;
	int16_t		item;			/* the item that set it */
	uint32_t	src_a;			/* units of the clause that set it */
	uint32_t	src_b;
} NCell;

typedef struct NDays
{
	NCell		cell[NOTICE_WINDOW_DAYS];
	/* 延长…假期至D: applied to the days read before (notice.c) */
	bool		extends;
	uint8_t		ext_festival;
	int64_t		ext_to;
	uint32_t	ext_a;			/* units of the clause, for errors */
	uint32_t	ext_b;
} NDays;

/* Read the item in units [a, b): every sentence, clause by clause. */
extern NoticeStatus notice_read_item(NoticeCtx *c, NDays *days, int item, int festival,
									 size_t a, size_t b, int *ndays);

/* notice_doc.c: notices in the text, and what each one does */
#define MAX_NOTICES 16

enum
{
	NOTICE_YEARLY,				/* 关于2026年部分节假日安排的通知 */
	NOTICE_REPLACES,			/* 关于调整2019年劳动节假期安排的通知 */
	NOTICE_ADDS,				/* 关于…胜利70周年纪念日调休放假的通知 */
	NOTICE_EXTENDS				/* 关于延长2020年春节假期的通知 */
};

typedef struct NTitle
{
	size_t		a;				/* units of the title, a = b when none */
	size_t		b;
	int			year;			/* 0 if the title has none */
	size_t		year_at;
	int			kind;			/* NOTICE_YEARLY … */
	int			festival;		/* named by a supplementary title */
} NTitle;

typedef struct NSegment
{
	size_t		a;				/* units of one notice */
	size_t		b;
	NTitle		title;
} NSegment;

/* Drop editors' notes and forum junk lines; returns the units kept. */
extern size_t notice_strip_noise(NText *t);
/* Cut the text into notices at their titles. */
extern NoticeStatus notice_find_notices(NoticeCtx *c, NSegment *seg, int *nseg);
/* With no title, what the approval sentence says the notice is (现将调整2019年劳动节…). */
extern void notice_title_from_text(const NText *t, NSegment *s);
/* Set c->year and the window for notice s. */
extern NoticeStatus notice_year(NoticeCtx *c, const NSegment *s, int hint);
/* Read the items (or the body) of notice s. */
extern NoticeStatus notice_read_notice(NoticeCtx *c, const NSegment *s, NDays *days);

#endif
