/*
 * fuzz_notice.c - libFuzzer harness for notice_parse (the State Council's
 * holiday notices).
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
 *       -Isrc/core test/fuzz/fuzz_notice.c src/core/[a-z]*.c -o /tmp/fuzz_notice
 *   /tmp/fuzz_notice test/fuzz/corpus/notice -max_len=4096 -runs=200000
 *
 * fuzz.sh max_len: 4096 (a notice is 1-2 kB)
 *
 * An input is a notice text (the corpus holds the committed notices and the
 * noisy pastes), or, when it starts with byte 0x01, edits to one of four
 * notices built in here (byte 1 picks it, then 3-byte edits: delete a
 * character, insert a token such as 至, （周一）, 放假, 二、, a line break,
 * change a digit, or repeat a stretch), so that mutations reach deep into
 * real structure even from short inputs.
 *
 * Properties (abort on violation):
 *  - notice_parse never reads outside the input (ASan), returns a known
 *    status, and on failure quotes a fragment inside the input with a reason;
 *  - every allocation is released, except out->days on success;
 *  - an accepted text gives days sorted and unique, of a known kind, with a
 *    name, each within December before .. December of its notice's year;
 *  - re-parsing it with noise inserted in safe places gives the same days:
 *    half-width punctuation, spaces and CRLF line breaks after each 。,
 *    white space around the text, traditional characters (節 國 調 勞),
 *    pinyin glosses after 日 (日(ri));
 *  - a yearly notice read again over its own result gives the same days.
 */
#include "notice.h"
#include "civil.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(cond) do { \
		if (!(cond)) { \
			fprintf(stderr, "fuzz_notice: check failed at line %d: %s\n", __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

static long outstanding;

static void *
counted_alloc(void *ctx, size_t n)
{
	(void) ctx;
	outstanding++;
	return malloc(n ? n : 1);
}

static void
counted_release(void *ctx, void *p)
{
	(void) ctx;
	if (p)
		outstanding--;
	free(p);
}

static const NoticeAllocator mem = {counted_alloc, counted_release, NULL};

static const char *const builtin[] = {
	/* 2026: modern form, weekday annotations, lunar notes */
	"国务院办公厅关于2026年部分节假日安排的通知\n国办发明电〔2025〕7号\n"
	"各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
	"经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。\n"
	"一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。\n"
	"二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。\n"
	"三、清明节：4月4日（周六）至6日（周一）放假，共3天。\n"
	"七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。\n"
	"节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作。\n国务院办公厅\n2025年11月4日\n",
	/* 2004: moved rest days, bare days */
	"国务院办公厅关于2004年部分节假日安排的通知\n"
	"二、春节：1月22日———28日（即农历大年初一至初七）放假，共7天。其中，22日、23日、24日为法定假日，1月25日（星期日）照常公休，将1月17日（星期六）、18日（星期日）、24日（星期六）三个公休日调至1月26日（星期一）、27日（星期二）、28日（星期三），1月17日、18日上班。\n",
	/* 2019 New Year across the year, and the adjusted Labour Day */
	"国务院办公厅关于2019年部分节假日安排的通知\n一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。\n"
	"三、清明节：4月5日放假，与周末连休。\n四、劳动节：5月1日放假。\n"
	"国务院办公厅关于调整2019年劳动节假期安排的通知\n一、2019年5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期日）上班。\n二、各地区、各部门要抓紧做好落实工作。\n",
	/* 2015: a single day and its 补休, the victory-day notice without items */
	"国务院办公厅关于2015年部分节假日安排的通知\n五、端午节：6月20日放假，6月22日（星期一）补休。\n"
	"国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知\n各省、自治区、直辖市人民政府：\n"
	"2015年是胜利70周年。为方便公众安排假日期间生产生活，特作如下调休：9月3日至5日调休放假，共3天。其中9月3日（星期四）放假，9月4日（星期五）调休，9月6日（星期日）上班。\n"
	"调休放假期间，各地区、各部门要妥善安排好值班。\n国务院\n2015年5月13日\n",
};

static const char *const tokens[] = {
	"至", "日", "月", "年", "、", "，", "。", "\n", "（周一）", "（星期六）", "放假", "上班", "补休",
	"调休", "共3天", "二、", "其中，", "公休日调至", "12月", "0", "9", "(ri)", "（注：1月1日上班）",
	"延长春节假期至2月2日", "国务院办公厅", "节假日期间，", " ", "〔", "xq7\n",
};

/* Edits to a built-in notice: 0x01, which, then 3 bytes per edit. */
static char *
edited(const uint8_t *data, size_t size, size_t *outlen)
{
	const char *src = builtin[data[1] % 4];
	size_t		cap = strlen(src) + (size / 3 + 1) * 64 + 1,
				len = strlen(src),
				i;
	char	   *buf = malloc(cap);

	memcpy(buf, src, len);
	for (i = 2; i + 3 <= size; i += 3)
	{
		size_t		pos = len ? ((size_t) data[i + 1] << 8 | data[i + 2]) % len : 0,
					l = 1;

		while (pos > 0 && ((unsigned char) buf[pos] & 0xC0) == 0x80)
			pos--;				/* edit whole characters */
		while (pos + l < len && ((unsigned char) buf[pos + l] & 0xC0) == 0x80)
			l++;
		switch (data[i] % 4)
		{
			case 0:				/* delete a character */
				if (len)
				{
					memmove(buf + pos, buf + pos + l, len - pos - l);
					len -= l;
				}
				break;
			case 1:				/* insert a token */
				{
					const char *tok = tokens[(data[i] / 4) % (sizeof(tokens) / sizeof(tokens[0]))];
					size_t		tl = strlen(tok);

					memmove(buf + pos + tl, buf + pos, len - pos);
					memcpy(buf + pos, tok, tl);
					len += tl;
				}
				break;
			case 2:				/* change a digit */
				if (len && buf[pos] >= '0' && buf[pos] <= '9')
					buf[pos] = (char) ('0' + data[i] / 4 % 10);
				break;
			case 3:				/* repeat a stretch of up to 40 bytes */
				{
					size_t		n = (data[i] / 4) % 40;

					if (pos + n > len)
						n = len - pos;
					while (pos + n < len && ((unsigned char) buf[pos + n] & 0xC0) == 0x80)
						n++;
					memmove(buf + pos + n, buf + pos, len - pos);
					len += n;
				}
				break;
		}
	}
	*outlen = len;
	return buf;
}

static void
check_result(const NoticeResult *r)
{
	size_t		i;

	CHECK(r->year >= 1900 && r->year <= 2999);
	CHECK(r->notices >= 1);
	CHECK((r->ndays == 0) == (r->days == NULL));
	for (i = 0; i < r->ndays; i++)
	{
		const NoticeDay *d = &r->days[i];

		CHECK(i == 0 || d->day > r->days[i - 1].day);
		CHECK(d->kind == NOTICE_HOLIDAY || d->kind == NOTICE_WORKING);
		CHECK(notice_day_name(d->festival, d->kind) != NULL);
		CHECK(d->day >= civil_days_from_ymd(d->year - 1, 12, 1));
		CHECK(d->day <= civil_days_from_ymd(d->year, 12, 31));
	}
}

static bool
same_days(const NoticeResult *a, const NoticeResult *b)
{
	return a->ndays == b->ndays && a->year == b->year && a->supplementary == b->supplementary &&
		a->notices == b->notices &&
		(a->ndays == 0 || memcmp(a->days, b->days, a->ndays * sizeof(NoticeDay)) == 0);
}

/* Replace every occurrence of from by to. */
static char *
replace_all(const char *s, size_t len, const char *const *pairs, size_t *outlen)
{
	size_t		cap = len * 3 + 16,
				o = 0,
				i = 0,
				k;
	char	   *out = malloc(cap);

	while (i < len)
	{
		for (k = 0; pairs[k]; k += 2)
		{
			size_t		fl = strlen(pairs[k]),
						tl = strlen(pairs[k + 1]);

			if (fl <= len - i && memcmp(s + i, pairs[k], fl) == 0 && o + tl < cap)
			{
				memcpy(out + o, pairs[k + 1], tl);
				o += tl;
				i += fl;
				break;
			}
		}
		if (!pairs[k])
			out[o++] = s[i++];
		if (o + 8 >= cap)
		{
			cap *= 2;
			out = realloc(out, cap);
		}
	}
	*outlen = o;
	return out;
}

static void
check_noise(const char *text, size_t len, const NoticeResult *r)
{
	static const char *const half[] = {
		"，", ",", "：", ":", "（", "(", "）", ")", "；", ";", "。", "。 \r\n", "\n", "\r\n", NULL
	};
	static const char *const trad[] = {
		"节", "節", "国", "國", "调", "調", "劳", "勞", "动", "動", "补", "補", "庆", "慶",
		"日", "日(ri)", NULL
	};
	const char *const *variants[] = {half, trad};
	int			v;

	for (v = 0; v < 2; v++)
	{
		size_t		n;
		char	   *noisy = replace_all(text, len, variants[v], &n);
		char	   *padded = malloc(n + 4);
		NoticeResult r2;
		NoticeError e2;
		NoticeStatus st;

		memcpy(padded, " \n", 2);
		memcpy(padded + 2, noisy, n);
		memcpy(padded + 2 + n, "\n\t", 2);
		st = notice_parse(padded, n + 4, 0, NULL, &mem, &r2, &e2);
		if (st != NOTICE_OK)
			fprintf(stderr, "variant %d: %s at %zu: %.*s\n", v, notice_status_name(st), e2.offset,
					(int) e2.length, padded + e2.offset);
		CHECK(st == NOTICE_OK);
		CHECK(same_days(r, &r2));
		counted_release(NULL, r2.days);
		free(noisy);
		free(padded);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		len = size;
	char	   *text;
	NoticeResult r;
	NoticeError e;
	NoticeStatus st;

	if (size >= 2 && data[0] == 0x01)
		text = edited(data, size, &len);
	else
	{
		text = malloc(size ? size : 1);
		memcpy(text, data, size);
	}
	outstanding = 0;
	st = notice_parse(text, len, 0, NULL, &mem, &r, &e);
	CHECK((int) st >= NOTICE_OK && st <= NOTICE_STATUS_MAX);
	CHECK(st != NOTICE_ERR_NO_MEMORY);
	if (st != NOTICE_OK)
	{
		CHECK(outstanding == 0);
		CHECK(e.status == st && e.reason != NULL);
		CHECK(e.offset <= len && e.length <= len - e.offset);
		CHECK(e.aux_offset <= len && e.aux_length <= len - e.aux_offset);
		if (st == NOTICE_ERR_WEEKDAY)
			CHECK(e.written_weekday != e.actual_weekday && e.written_weekday >= 1 &&
				  e.written_weekday <= 7 && e.actual_weekday >= 1 && e.actual_weekday <= 7);
	}
	else
	{
		CHECK(outstanding == (r.ndays > 0 ? 1 : 0));
		check_result(&r);
		check_noise(text, len, &r);
		if (!r.supplementary)
		{
			NoticeResult again;
			NoticeError e3;

			CHECK(notice_parse(text, len, 0, &r, &mem, &again, &e3) == NOTICE_OK);
			CHECK(same_days(&r, &again));
			counted_release(NULL, again.days);
		}
		counted_release(NULL, r.days);
	}
	free(text);
	return 0;
}
