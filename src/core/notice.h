/*
 * notice.h - read the State Council's holiday notices (国务院办公厅关于XXXX年
 * 部分节假日安排的通知, and the notices that amend one) into a list of days.
 * Pure C: no postgres.h, no global state, no allocation but through the
 * caller's allocator; reentrant.
 *
 * Input is the text as published or pasted: title, document number,
 * salutation, approval sentence, numbered items, closing paragraph,
 * signature and date, with the noise copies carry (half-width punctuation,
 * traditional characters, pinyin glosses, line breaks anywhere, forum junk
 * lines, editors' notes).  Prose outside the items is recognised and passed
 * over; inside an item every clause is read or refused with its quote.
 *
 * A text may hold several notices one after the other (a yearly notice and
 * the one that extends it): each later notice amends what the earlier ones
 * gave, as the State Council issued them: a yearly notice replaces its year,
 * an adjusting one (调整…劳动节) the festivals it arranges, an extending one
 * (延长…春节假期至D) runs the holiday on from its last day to D; others add
 * days.  A base (the days of notices read before) can be passed for the same
 * purpose: the result is then the base as amended by the text.  An
 * extension with neither is refused (NOTICE_ERR_NEEDS_BASE): alone it does
 * not say where the holiday it extends ended.
 */
#ifndef CRM_NOTICE_H
#define CRM_NOTICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longest text read (a notice is about 2 kB). */
#define NOTICE_TEXT_MAX (1024 * 1024)

typedef enum NoticeStatus
{
	NOTICE_OK = 0,
	NOTICE_ERR_EMPTY,			/* nothing but white space */
	NOTICE_ERR_TOO_LONG,		/* over NOTICE_TEXT_MAX bytes */
	NOTICE_ERR_NO_YEAR,			/* no year in the title or text, and no hint */
	NOTICE_ERR_YEAR_CONFLICT,	/* the hint (or an earlier title) disagrees with a title */
	NOTICE_ERR_NO_SCHEDULE,		/* no item or body with dates found */
	NOTICE_ERR_UNREADABLE,		/* a clause or item that cannot be read */
	NOTICE_ERR_WEEKDAY,			/* （星期五） on a day that is not a Friday */
	NOTICE_ERR_DATE,			/* 2月30日, 13月1日, 0月1日 */
	NOTICE_ERR_RANGE_ORDER,		/* a range that ends before it starts */
	NOTICE_ERR_COUNT,			/* 共N天 that is not the length of its range */
	NOTICE_ERR_WINDOW,			/* a day outside December before .. end of the notice year */
	NOTICE_ERR_CONFLICT,		/* one day said to be off and worked, or claimed by two items */
	NOTICE_ERR_NEEDS_BASE,		/* 延长…假期 of a holiday neither the text nor the base gives */
	NOTICE_ERR_NO_MEMORY		/* the allocator returned NULL */
} NoticeStatus;

#define NOTICE_STATUS_MAX NOTICE_ERR_NO_MEMORY

typedef enum NoticeKind
{
	NOTICE_HOLIDAY = 1,
	NOTICE_WORKING = 2
} NoticeKind;

/* Festivals, as the rows of the shipped calendar name them. */
typedef enum NoticeFestival
{
	NF_NONE = 0,
	NF_NEW_YEAR,
	NF_SPRING,
	NF_QINGMING,
	NF_LABOUR,
	NF_DRAGON_BOAT,
	NF_MID_AUTUMN,
	NF_NATIONAL,
	NF_MID_AUTUMN_NATIONAL,		/* one item for both (中秋节、国庆节 / 国庆节、中秋节) */
	NF_VICTORY_70,				/* 2015-09-03, 抗战胜利70周年纪念日 */
	NF_VICTORY					/* another anniversary of the same day */
} NoticeFestival;

#define NF_MAX NF_VICTORY
/* or-ed into a festival: days added by 延长…假期 (春节（延长假期）) */
#define NF_EXTENDED 0x80

typedef struct NoticeDay
{
	int64_t		day;			/* days since 2000-01-01 (civil.h) */
	uint8_t		kind;			/* NoticeKind */
	uint8_t		festival;		/* NoticeFestival, maybe | NF_EXTENDED */
	int16_t		year;			/* the notice year the row belongs to */
} NoticeDay;

typedef struct NoticeResult
{
	NoticeDay  *days;			/* sorted by day, one per day */
	size_t		ndays;
	int			year;			/* the (first) notice's year */
	bool		supplementary;	/* every notice read amends a yearly one */
	int			notices;		/* notices read from the text */
} NoticeResult;

typedef struct NoticeError
{
	NoticeStatus status;
	size_t		offset;			/* byte offset of the offending fragment */
	size_t		length;			/* its byte length (0: none to quote) */
	size_t		aux_offset;		/* a related fragment (the range of a count) */
	size_t		aux_length;
	int			written_weekday;	/* NOTICE_ERR_WEEKDAY: ISO 1..7 as written */
	int			actual_weekday; /* and as the calendar has it */
	/*
	 * COUNT: days counted, and N as written; YEAR_CONFLICT: the year
	 * expected (0 if none), and the one written; WINDOW: the day read;
	 * CONFLICT: the day; RANGE_ORDER: the range's first day (found 0), or
	 * for an extension the holiday's last day and the extension's.
	 */
	int64_t		expected;
	int64_t		found;
	const char *reason;			/* one English sentence saying what was expected */
} NoticeError;

/* Memory: release may be NULL (a memory context frees everything at once). */
typedef struct NoticeAllocator
{
	void	   *(*alloc) (void *ctx, size_t size);
	void		(*release) (void *ctx, void *ptr);
	void	   *ctx;
} NoticeAllocator;

/*
 * Read text[0..len).  year_hint 0 = from the text; otherwise it is the year
 * unless a title names another (NOTICE_ERR_YEAR_CONFLICT).  base may be NULL;
 * it must be sorted by day with one row per day.  On success out->days is
 * allocated with mem (NULL when there are no days); on failure *err says
 * what and where, and nothing stays allocated.
 */
extern NoticeStatus notice_parse(const char *text, size_t len, int year_hint,
								 const NoticeResult *base, const NoticeAllocator *mem,
								 NoticeResult *out, NoticeError *err);

/*
 * The row name of a day: notice_day_name(NF_NEW_YEAR, NOTICE_HOLIDAY) is
 * "元旦 / New Year's Day", (NF_SPRING, NOTICE_WORKING) "春节调休上班 / Spring
 * Festival make-up working day", (NF_SPRING | NF_EXTENDED, NOTICE_HOLIDAY)
 * "春节（延长假期） / Spring Festival (extended)".  NULL for an unknown code.
 */
extern const char *notice_day_name(int festival, int kind);

/* The status as a short English phrase, for messages and tests. */
extern const char *notice_status_name(NoticeStatus st);

#endif
