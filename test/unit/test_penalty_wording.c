/*
 * test_penalty_wording.c - penalty rules written the way the contracts
 * write them: every penalty, late-fee and liability sentence of the seeds
 * (/work/shared/seeds, traditional as in the seed, with its converter
 * glosses, and simplified), other real clause forms, and what is refused.
 *
 * Each expected rule is worked out by hand from the sentence beside it:
 * rates are fractions x 1e9 (1% = 10,000,000; 1‰ = 1,000,000; 万分之一 =
 * 100,000), amounts are fen (1 yuan = 100), a sentence without a period is
 * a one-off share (PR_ONCE), one without a basis is on the overdue amount.
 * Offsets are bytes: a CJK character or a full-width sign is 3 bytes in
 * UTF-8, ASCII 1, a tone-marked vowel 2.
 */
#include "tap.h"
#include "penalty_rule.h"
#include "penalty_rule_words.h"

#include <stdlib.h>

#define PCT INT64_C(10000000)	/* 1% */
#define PERMILLE INT64_C(1000000)	/* 1‰ */
#define WAN INT64_C(100000)		/* 万分之一 */
#define YUAN INT64_C(100)

/* What a sentence must parse to; fields left out are 0. */
typedef struct Want
{
	int64_t		rate;
	int32_t		mult;
	int			basis;
	int			period;
	int			flags;
	int			cap_kind;
	int64_t		cap;
	int32_t		grace;
	int64_t		minimum;
} Want;

#define TOTAL .basis = PR_BASIS_TOTAL
#define OVERDUE .basis = PR_BASIS_OVERDUE
#define UNDELIVERED .basis = PR_BASIS_UNDELIVERED
#define ONCE .period = PR_ONCE
#define DAILY .period = PR_PER_DAY

static const char *
status_name(PrStatus st)
{
	static const char *const names[] = {
		"OK", "EMPTY", "NO_RATE", "BAD_NUMBER", "RATE_RANGE", "PRECISION", "UNKNOWN_WORD",
		"DUPLICATE", "BAD_OPTION", "CONFLICT", "OVERFLOW", "BLANK", "EMPTY_PART", "DANGLING"
	};

	return (int) st >= 0 && (int) st <= PR_STATUS_LAST ? names[st] : "?";
}

/* Parse exactly len bytes from a heap copy without a terminator (ASan sees over-reads). */
static PrStatus
parse_exact(const char *s, PenaltyRule *r, size_t *where, size_t *end)
{
	size_t		len = strlen(s);
	char	   *copy = malloc(len ? len : 1);
	PrStatus	st;

	memcpy(copy, s, len);
	st = penalty_rule_parse_span(copy, len, r, where, end);
	free(copy);
	return st;
}

/* s parses to w, prints as canonical, and the canonical text parses back to the same rule. */
static void
wording(const char *s, Want w, const char *canonical)
{
	PenaltyRule r,
				again;
	char		buf[PR_TEXT_MAX];
	size_t		where = 999,
				end = 999;
	PrStatus	st = parse_exact(s, &r, &where, &end);

	if (!is_str(status_name(st), "OK", "\"%s\" is accepted", s))
	{
		diag("where %zu, end %zu: \"%.*s\"", where, end, (int) (end - where), s + where);
		return;
	}
	ok(r.rate == w.rate && r.lpr_mult == w.mult && r.basis == w.basis && r.period == w.period &&
	   r.flags == w.flags && r.cap_kind == w.cap_kind && r.cap == w.cap && r.grace == w.grace &&
	   r.minimum == w.minimum && r.reserved == 0, "\"%s\": the rule", s);
	penalty_rule_format(&r, buf, sizeof(buf));
	if (!is_str(buf, canonical, "\"%s\": canonical text", s))
		diag("rate %lld basis %d period %d cap %d/%lld", (long long) r.rate, r.basis, r.period,
			 r.cap_kind, (long long) r.cap);
	ok(penalty_rule_parse(buf, strlen(buf), &again, NULL) == PR_OK &&
	   memcmp(&r, &again, sizeof(r)) == 0, "\"%s\" reads back as the same rule", buf);
}

/* s is refused with st; the text at fault is s[where, end) (end < 0: the end of s). */
static void
refused(const char *s, PrStatus expected, long where_expected, long end_expected)
{
	PenaltyRule r;
	size_t		where = 999,
				end = 999;
	PrStatus	st;

	memset(&r, 0xA5, sizeof(r));
	st = parse_exact(s, &r, &where, &end);
	is_str(status_name(st), status_name(expected), "\"%s\" is refused: %s", s, status_name(expected));
	is_int((int64_t) where, where_expected, "\"%s\": at %ld", s, where_expected);
	is_int((int64_t) end, end_expected < 0 ? (int64_t) strlen(s) : end_expected,
		   "\"%s\": to %ld", s, end_expected < 0 ? (long) strlen(s) : end_expected);
	ok((uint64_t) r.rate == UINT64_C(0xA5A5A5A5A5A5A5A5), "\"%s\": the rule is left alone", s);
}

/* A sentence with no rate: refused at 0 to its end. */
static void
no_rate(const char *s)
{
	refused(s, PR_ERR_NO_RATE, 0, -1);
}

static void
seed_sentences(void)
{
	/* ---------- 001 (traditional, with the converter's glosses) ---------- */

	/* 001 §9.3 as in the seed: per day (每延遲一日), total (合同總金額), 1% */
	wording("每延遲一日,應(yīng)向甲方支付合同總金額1%的違約金。",
			(Want) {.rate = PCT, TOTAL, DAILY}, "1% of total per day");
	/* the brief's traditional copy, without the gloss or the full stop */
	wording("每延遲一日,應向甲方支付合同總金額1%的違約金",
			(Want) {.rate = PCT, TOTAL, DAILY}, "1% of total per day");
	wording("每延迟一日，应向甲方支付合同总金额1%的违约金",
			(Want) {.rate = PCT, TOTAL, DAILY}, "1% of total per day");
	/* the whole clause: the breach (未能按約定時間完成系統實施) only says what is late */
	wording("如果乙方未能按約定時間完成系統(tǒng)實施,每延遲一日,應(yīng)向甲方支付合同總金額1%的違約金。",
			(Want) {.rate = PCT, TOTAL, DAILY}, "1% of total per day");
	wording("如果乙方未能按约定时间完成系统实施，每延迟一日，应向甲方支付合同总金额1%的违约金。",
			(Want) {.rate = PCT, TOTAL, DAILY}, "1% of total per day");

	/* 001 §9.4: per day, the amount due (應付金額, glossed inside the word), 1% */
	wording("每延遲一日,應(yīng)向乙方支付應(yīng)付金額1%的滯納金。",
			(Want) {.rate = PCT, OVERDUE, DAILY}, "1% of overdue per day");
	wording("如果甲方未能按時支付費用,每延遲一日,應(yīng)向乙方支付應(yīng)付金額1%的滯納金。",
			(Want) {.rate = PCT, OVERDUE, DAILY}, "1% of overdue per day");
	wording("每延迟一日，应向乙方支付应付金额1%的滞纳金",
			(Want) {.rate = PCT, OVERDUE, DAILY}, "1% of overdue per day");
	/* the brief's fragment of §9.4 names no period (每延迟一日 comes before it): a one-off 1% */
	wording("应向乙方支付应付金额1%的滞纳金", (Want) {.rate = PCT, OVERDUE, ONCE}, "1% of overdue");

	/* 001 §9.1, §9.2 (liability without a figure), §4.3 (suspension, no charge) */
	no_rate("任何一方未能履行本合同的義務(wù),均視為違約。");
	no_rate("違約方應(yīng)承擔(dān)因其違約而給對方造成的損失賠償責(zé)任。");
	no_rate("若甲方延遲支付費用,乙方有權(quán)暫停提供服務(wù),直至甲方支付全部費用。");

	/* ---------- 004 (traditional) ---------- */

	/*
	 * 004 §9.1 as in the seed: a template.  若乙方未按約定時間完成系統 13
	 * characters = 39, (tǒng) 7 = 46, 開發 6 = 52, (fā) 5 = 57, "," 58,
	 * 甲方有權 12 = 70, (quán) 7 = 77, 要求乙方支付違約金 27 = 104, "," 105,
	 * 違約金為合同總額的 27 = 132; "___%" to 136.
	 */
	refused("若乙方未按約定時間完成系統(tǒng)開發(fā),甲方有權(quán)要求乙方支付違約金,違約金為合同總額的___%。",
			PR_ERR_BLANK, 132, 136);
	/* its rule alone: 違約金為合同總額的 = 27; filled in (5%, as the brief): 5% of total, once */
	refused("違約金為合同總額的___%。", PR_ERR_BLANK, 27, 31);
	wording("违约金为合同总额的5%", (Want) {.rate = 5 * PCT, TOTAL, ONCE}, "5% of total");
	wording("違約金為合同總額的5%。", (Want) {.rate = 5 * PCT, TOTAL, ONCE}, "5% of total");
	wording("若乙方未按约定时间完成系统开发，甲方有权要求乙方支付违约金，违约金为合同总额的5%",
			(Want) {.rate = 5 * PCT, TOTAL, ONCE}, "5% of total");
	/*
	 * 004 §9.2: 若乙方開發 15, (fā) 5 = 20, 的系統 9 = 29, (tǒng) 7 = 36,
	 * 存在嚴重質 15 = 51, (zhì) 6 = 57, 量問題 9 = 66, "," 67, 甲方有權 12 = 79,
	 * (quán) 7 = 86, 要求乙方免費修復 24 = 110, "," 111, 并支付違約金 18 = 129,
	 * "," 130, 違約金為合同總額的 27 = 157; to 161.
	 */
	refused("若乙方開發(fā)的系統(tǒng)存在嚴重質(zhì)量問題,甲方有權(quán)要求乙方免費修復,并支付違約金,違約金為合同總額的___%。",
			PR_ERR_BLANK, 157, 161);
	/* filled in, its condition (a quality defect) is no breach the parser knows: refused at 開發 (若乙方 = 9) */
	refused("若乙方開發的系統存在嚴重質量問題,甲方有權要求乙方免費修復,并支付違約金,違約金為合同總額的10%。",
			PR_ERR_UNKNOWN_WORD, 9, -1);
	wording("违约金为合同总额的10%", (Want) {.rate = 10 * PCT, TOTAL, ONCE}, "10% of total");
	/*
	 * 004 §9.3: 若甲方未按約定時間支付開發 39, (fā) 5 = 44, 費用 6 = 50, "," 51,
	 * 乙方有權 12 = 63, (quán) 7 = 70, 暫停項目開發 18 = 88, (fā) 5 = 93, "," 94,
	 * 并要求甲方支付滯納金 30 = 124, "," 125, 滯納金為應付款項的 27 = 152; to 156.
	 */
	refused("若甲方未按約定時間支付開發(fā)費用,乙方有權(quán)暫停項目開發(fā),并要求甲方支付滯納金,滯納金為應付款項的___%。",
			PR_ERR_BLANK, 152, 156);
	refused("滯納金為應付款項的___%。", PR_ERR_BLANK, 27, 31);
	/* filled in (0.5%, the brief): 0.5% = 5,000,000 of the amount due, once */
	wording("滞纳金为应付款项的0.5%", (Want) {.rate = 5 * PCT / 10, OVERDUE, ONCE}, "0.5% of overdue");
	wording("滯納金為應付款項的0.5%。", (Want) {.rate = 5 * PCT / 10, OVERDUE, ONCE}, "0.5% of overdue");
	/* 004 §13.1, §13.3 (the latter with the seed's mojibake): liability without a figure */
	no_rate("若因一方違約導致合同無法履行,違約方應承擔相應的違約責任。");
	no_rate("雙方應友好協(xié)商確定違約賠償?shù)木唧w金額,協(xié)商不成的,可依法向人民法院提起訴訟。");

	/* ---------- 003 (traditional) ---------- */

	/*
	 * 003 §4.5 as in the seed: 若甲方逾期付款 7 characters = 21, "," 22,
	 * 應向乙方支付逾期付款金額的 13 = 39 -> 61; "X%" to 63.
	 */
	refused("若甲方逾期付款,應向乙方支付逾期付款金額的X%作為違約金。", PR_ERR_BLANK, 61, 63);
	/* 說明二 2.1: 甲方未按合同約定支付費用 12 = 36, "," 37, + 39 = 76; to 78 */
	refused("甲方未按合同約定支付費用,應向乙方支付逾期付款金額的X%作為違約金", PR_ERR_BLANK, 76, 78);
	/* 示例說明: "逾期X天" is a blank too, and comes first: 37 + 逾期 6 = 43; "X" to 44 */
	refused("甲方未按合同約定支付費用,逾期X天,應向乙方支付逾期付款金額的2%作為違約金", PR_ERR_BLANK, 43, 44);
	/* 示例說明's rule: 2% of the overdue amount, once (§4.5 filled in as in the example) */
	wording("應向乙方支付逾期付款金額的2%作為違約金", (Want) {.rate = 2 * PCT, OVERDUE, ONCE}, "2% of overdue");
	wording("应向乙方支付逾期付款金额的2%作为违约金", (Want) {.rate = 2 * PCT, OVERDUE, ONCE}, "2% of overdue");
	wording("若甲方逾期付款,應向乙方支付逾期付款金額的2%作為違約金。",
			(Want) {.rate = 2 * PCT, OVERDUE, ONCE}, "2% of overdue");
	/* §8.2.2: 違約金的計算方式為合同總金額的 15 characters = 45; "_____%" to 51 */
	refused("違約金的計算方式為合同總金額的_____%。", PR_ERR_BLANK, 45, 51);
	wording("违约金的计算方式为合同总金额的10%", (Want) {.rate = 10 * PCT, TOTAL, ONCE}, "10% of total");
	wording("違約金的計算方式為合同總金額的10%。", (Want) {.rate = 10 * PCT, TOTAL, ONCE}, "10% of total");
	/*
	 * §16.1.1, a third party's cap: 第三方對甲乙雙方的賠償責任 13 = 39, "," 40,
	 * 不得超過合同約定金額的 11 = 33 -> 73; to 79.  Filled in it is a cap
	 * without a rate: no penalty_rule (a liability_cap clause holds it).
	 */
	refused("第三方對甲乙雙方的賠償責任,不得超過合同約定金額的_____%。", PR_ERR_BLANK, 73, 79);
	no_rate("不得超过合同约定金额的30%");
	/* the liability sentences without a figure: §8.3, §10.2, §10.3, §2.3, §8.2.1, §18.1, §14.2.1, 說明二 */
	no_rate("任何一方違反保密義務,導致保密內容泄露的,應承擔相應的法律責任,并賠償對方因此遭受的損失。");
	no_rate("違約方應承擔相應的違約責任,包括但不限于:(1)支付違約金;(2)賠償損失;(3)采取補救措施;(4)解除合同。");
	no_rate("違約金的具體數額由雙方協(xié)商確定,賠償損失應包括直接損失和間接損失。");
	no_rate("因自然災害、戰(zhàn)爭、政府行為等不可抗力因素導致本合同無法履行時,雙方互不承擔責任。");
	no_rate("違約方應承擔相應的違約責任,包括但不限于支付違約金、賠償損失等。");
	/* 最高 with no figure after it is the word "highest", not a cap */
	no_rate("第三方在本合同項下的責任限額是指第三方因違約行為造成的損失,甲乙雙方同意的最高賠償金額。");
	no_rate("第三方在履行本合同過程中產生的責任,其責任限額由乙方在合同簽訂前與第三方協(xié)商確定,并在合同附件中明確列出。");
	no_rate("乙方應向甲方支付相應的賠償金");
	no_rate("乙方未按合同約定支付費用,甲方有權暫停履行合同,并要求乙方支付滯納金");

	/* ---------- 002, 000 (simplified guides) ---------- */
	no_rate("明确一旦发生数据泄露事件,供应商应承担的责任,包括通知义务(多久之内通知甲方)、赔偿责任(如何计算赔偿金额等)。");
	no_rate("查看违约条款:明确双方违约后的责任承担方式是否公平合理。");
	no_rate("违约责任和解决争议的条款等");
}

static void
other_clauses(void)
{
	/* 按日 per day, 万分之五 = 5 x 100,000 = 500,000; no basis: overdue */
	wording("按日万分之五支付滞纳金", (Want) {.rate = 5 * WAN, OVERDUE, DAILY}, "0.05% of overdue per day");
	/* 0.5‰ = 0.0005 = 500,000 */
	wording("每逾期一天按未付款项的0.5‰", (Want) {.rate = 5 * PERMILLE / 10, OVERDUE, DAILY},
			"0.05% of overdue per day");
	wording("每逾期一天按未付款項的0.5‰", (Want) {.rate = 5 * PERMILLE / 10, OVERDUE, DAILY},
			"0.05% of overdue per day");
	/* 千分之三 = 3,000,000 */
	wording("每日按逾期金额的千分之三", (Want) {.rate = 3 * PERMILLE, OVERDUE, DAILY}, "0.3% of overdue per day");
	wording("迟延交付部分价款的1%", (Want) {.rate = PCT, UNDELIVERED, ONCE}, "1% of undelivered");
	wording("遲延交付部分價款的1%", (Want) {.rate = PCT, UNDELIVERED, ONCE}, "1% of undelivered");
	/* 0.1% = 1,000,000 of the total, per day */
	wording("以合同总价款为基数，按每日0.1%计算", (Want) {.rate = PERMILLE, TOTAL, DAILY},
			"0.1% of total per day");
	/* a cap share of the same basis: 20% = 200,000,000 */
	wording("合同总金额的1%/日，违约金总额不超过合同总额的20%",
			(Want) {.rate = PCT, TOTAL, DAILY, .cap_kind = PR_CAP_SHARE, .cap = 20 * PCT},
			"1% of total per day, cap 20%");
	wording("合同總金額的1%/日,違約金總額不超過合同總額的20%",
			(Want) {.rate = PCT, TOTAL, DAILY, .cap_kind = PR_CAP_SHARE, .cap = 20 * PCT},
			"1% of total per day, cap 20%");
	/* the cap names the basis first, the rate names it again (another word for it) */
	wording("违约金总额不超过应付款项的30%，以应付未付金额为基数，按日万分之五计算",
			(Want) {.rate = 5 * WAN, OVERDUE, DAILY, .cap_kind = PR_CAP_SHARE, .cap = 30 * PCT},
			"0.05% of overdue per day, cap 30%");
	/*
	 * but not a third time: 违约金总额不超过合同总额的 13 characters = 39, "20%" 42,
	 * "，" 45, 按 48, 合同总额 60, 的 63, "1%" 65, "，" 68; 合同总额 to 80
	 */
	refused("违约金总额不超过合同总额的20%，按合同总额的1%，合同总额", PR_ERR_DUPLICATE, 68, 80);
	/* the rate names no basis, the cap does: the rule's basis is the contract amount */
	wording("按日万分之五支付滞纳金，最高不超过合同金额的30%",
			(Want) {.rate = 5 * WAN, TOTAL, DAILY, .cap_kind = PR_CAP_SHARE, .cap = 30 * PCT},
			"0.05% of total per day, cap 30%");
	wording("每逾期一日，按合同总价的0.5%支付违约金，违约金总额不超过合同总价的10%",
			(Want) {.rate = 5 * PCT / 10, TOTAL, DAILY, .cap_kind = PR_CAP_SHARE, .cap = 10 * PCT},
			"0.5% of total per day, cap 10%");
	/* 以…为上限, 以…为限, 以…封顶: the cap word after its value */
	wording("每日按合同总金额的0.1%计算，以合同总金额的20%为上限",
			(Want) {.rate = PERMILLE, TOTAL, DAILY, .cap_kind = PR_CAP_SHARE, .cap = 20 * PCT},
			"0.1% of total per day, cap 20%");
	/* 以合同总价款为限: the whole of the basis, 100% = 1,000,000,000 */
	wording("每日按合同总价款的0.1%，违约金总额以合同总价款为限",
			(Want) {.rate = PERMILLE, TOTAL, DAILY, .cap_kind = PR_CAP_SHARE, .cap = 100 * PCT},
			"0.1% of total per day, cap 100%");
	wording("按日萬分之五，以逾期金額的30%封頂",
			(Want) {.rate = 5 * WAN, OVERDUE, DAILY, .cap_kind = PR_CAP_SHARE, .cap = 30 * PCT},
			"0.05% of overdue per day, cap 30%");
	/* 10万元 = 100,000 yuan = 10,000,000 fen */
	wording("按日万分之五，以10万元为限",
			(Want) {.rate = 5 * WAN, OVERDUE, DAILY, .cap_kind = PR_CAP_AMOUNT, .cap = 100000 * YUAN},
			"0.05% of overdue per day, cap 100000");
	wording("按日万分之五，以逾期金额的30%封顶",
			(Want) {.rate = 5 * WAN, OVERDUE, DAILY, .cap_kind = PR_CAP_SHARE, .cap = 30 * PCT},
			"0.05% of overdue per day, cap 30%");
	/* full-width digits, point, percent sign and slash */
	wording("每日按合同总额的１％支付违约金", (Want) {.rate = PCT, TOTAL, DAILY}, "1% of total per day");
	wording("每日０．０５％", (Want) {.rate = 5 * WAN, OVERDUE, DAILY}, "0.05% of overdue per day");
	wording("１％／日", (Want) {.rate = PCT, OVERDUE, DAILY}, "1% of overdue per day");
	/* 万元 amounts: 5万元 = 5,000,000 fen, 人民币10万元 = 10,000,000, 1.5万 = 1,500,000 */
	wording("每日万分之五，上限5万元",
			(Want) {.rate = 5 * WAN, OVERDUE, DAILY, .cap_kind = PR_CAP_AMOUNT, .cap = 50000 * YUAN},
			"0.05% of overdue per day, cap 50000");
	wording("最高不超过人民币10万元，每日万分之五",
			(Want) {.rate = 5 * WAN, OVERDUE, DAILY, .cap_kind = PR_CAP_AMOUNT, .cap = 100000 * YUAN},
			"0.05% of overdue per day, cap 100000");
	wording("每日万分之五，最高1.5万元",
			(Want) {.rate = 5 * WAN, OVERDUE, DAILY, .cap_kind = PR_CAP_AMOUNT, .cap = 15000 * YUAN},
			"0.05% of overdue per day, cap 15000");
	/* 五万元: a Chinese numeral with its 万 = 50,000 yuan */
	wording("每日万分之五，上限五万元",
			(Want) {.rate = 5 * WAN, OVERDUE, DAILY, .cap_kind = PR_CAP_AMOUNT, .cap = 50000 * YUAN},
			"0.05% of overdue per day, cap 50000");
	/* Chinese decimals: 百分之零点五 = 0.5%, 千分之一点五 = 1.5‰ = 1,500,000 */
	wording("百分之零点五每日", (Want) {.rate = 5 * PCT / 10, OVERDUE, DAILY}, "0.5% of overdue per day");
	wording("千分之一点五每日", (Want) {.rate = 15 * PERMILLE / 10, OVERDUE, DAILY}, "0.15% of overdue per day");
	/* ‱ = 万分之一: 5‱ = 500,000 */
	wording("每日5‱", (Want) {.rate = 5 * WAN, OVERDUE, DAILY}, "0.05% of overdue per day");
	wording("按年利率24%计算逾期利息", (Want) {.rate = 24 * PCT, OVERDUE, .period = PR_PER_YEAR},
			"24% of overdue per year");
	/* 但 (but) leads to the cap; 千分之五 = 5,000,000, the cap 百分之十 = 10% = 100,000,000 */
	wording("每延迟一日，乙方应向甲方支付合同总价款的千分之五作为违约金，但违约金总额不超过合同总价款的百分之十。",
			(Want) {.rate = 5 * PERMILLE, TOTAL, DAILY, .cap_kind = PR_CAP_SHARE, .cap = 10 * PCT},
			"0.5% of total per day, cap 10%");
	wording("违约金数额为合同总额的5%", (Want) {.rate = 5 * PCT, TOTAL, ONCE}, "5% of total");
	/* 月息 = monthly interest, 日息 daily */
	wording("月息2%", (Want) {.rate = 2 * PCT, OVERDUE, .period = PR_PER_MONTH}, "2% of overdue per month");
	wording("日息万分之五", (Want) {.rate = 5 * WAN, OVERDUE, DAILY}, "0.05% of overdue per day");
	/* a breach before the rule (逾期付款的，) only says what is late */
	wording("买方逾期付款的，应按逾期付款金额每日万分之五向卖方支付违约金",
			(Want) {.rate = 5 * WAN, OVERDUE, DAILY}, "0.05% of overdue per day");
	wording("逾期交货的，每逾期一天，卖方应按逾期交货部分货款的0.1%向买方支付违约金",
			(Want) {.rate = PERMILLE, UNDELIVERED, DAILY}, "0.1% of undelivered per day");
	wording("滯納金按日萬分之五計收", (Want) {.rate = 5 * WAN, OVERDUE, DAILY}, "0.05% of overdue per day");
	/* options in Chinese: grace 3 days, cap 10% of the total, 5 working days */
	wording("宽限期为3天，上限为合同总额的10%，每日万分之五",
			(Want) {.rate = 5 * WAN, TOTAL, DAILY, .grace = 3, .cap_kind = PR_CAP_SHARE, .cap = 10 * PCT},
			"0.05% of total per day, grace 3 days, cap 10%");
	wording("每延迟一日按合同总金额的1%，宽限期5个工作日",
			(Want) {.rate = PCT, TOTAL, DAILY, .grace = 5, .flags = PR_FLAG_GRACE_WORKING},
			"1% of total per day, grace 5 working days");
	/* 最低不低于500元 = 50,000 fen */
	wording("最低不低于500元，每日1%", (Want) {.rate = PCT, OVERDUE, DAILY, .minimum = 500 * YUAN},
			"1% of overdue per day, min 500");
	/* periods of 每…: a working day, a week, a month (compounded) */
	wording("每逾期一个工作日0.1%", (Want) {.rate = PERMILLE, OVERDUE, .period = PR_PER_WORKING_DAY},
			"0.1% of overdue per working day");
	wording("每逾期一周1%", (Want) {.rate = PCT, OVERDUE, .period = PR_PER_WEEK}, "1% of overdue per week");
	wording("每延迟一个月2%，复利",
			(Want) {.rate = 2 * PCT, OVERDUE, .period = PR_PER_MONTH, .flags = PR_FLAG_COMPOUND},
			"2% of overdue per month, compound");
	/* LPR: 同期 and 一年期 only say which LPR; 四倍 = 4 = 4000 */
	wording("按同期LPR的四倍计算", (Want) {.mult = 4000, OVERDUE, ONCE}, "LPR×4 of overdue");
	wording("一年期LPR的1.5倍/年，浮动",
			(Want) {.mult = 1500, OVERDUE, .period = PR_PER_YEAR, .flags = PR_FLAG_FLOATING},
			"LPR×1.5 of overdue per year, floating");
	/* glosses in ASCII and full-width parentheses, inside a word */
	wording("合同總(zǒng)金額（é）的1%/日", (Want) {.rate = PCT, TOTAL, DAILY}, "1% of total per day");
	/* thousands separators in amounts: 100,000 = 10,000,000 fen; 100,000.50 = 10,000,050; 1,000,000 */
	wording("1% per day, cap 100,000",
			(Want) {.rate = PCT, OVERDUE, DAILY, .cap_kind = PR_CAP_AMOUNT, .cap = 100000 * YUAN},
			"1% of overdue per day, cap 100000");
	wording("1% per day, cap 100,000.50, min 1,000",
			(Want) {.rate = PCT, OVERDUE, DAILY, .cap_kind = PR_CAP_AMOUNT, .cap = 100000 * YUAN + 50,
				.minimum = 1000 * YUAN},
			"1% of overdue per day, cap 100000.50, min 1000");
	wording("cap 1,000,000, 1% per day",
			(Want) {.rate = PCT, OVERDUE, DAILY, .cap_kind = PR_CAP_AMOUNT, .cap = 1000000 * YUAN},
			"1% of overdue per day, cap 1000000");
	/* one full stop may end a sentence */
	wording("1% of total per day.", (Want) {.rate = PCT, TOTAL, DAILY}, "1% of total per day");
	wording("1% of total per day。 ", (Want) {.rate = PCT, TOTAL, DAILY}, "1% of total per day");
	/* 的 before a comma closes a clause */
	wording("合同总金额的，1%", (Want) {.rate = PCT, TOTAL, ONCE}, "1% of total");
}

static void
refusals(void)
{
	/* the brief's: no rate, two rates (where the second starts: 1% 2 + 或 3 = 5; "2%" to 7), blanks */
	no_rate("违约金由双方协商确定");
	no_rate("違約金由雙方協商確定。");
	refused("1%或2%", PR_ERR_DUPLICATE, 5, 7);
	refused("___%", PR_ERR_BLANK, 0, 4);
	refused("X%", PR_ERR_BLANK, 0, 2);
	refused("x ％ of total", PR_ERR_BLANK, 0, 5);
	/* 百分之 is 9 bytes; "X" to 10; LPR× 5; [比例] = 1 + 6 + 1 = 8, "%" 9; 【】 6, "%" 7 */
	refused("百分之X", PR_ERR_BLANK, 9, 10);
	refused("LPR×X倍", PR_ERR_BLANK, 5, 6);
	refused("[比例]%", PR_ERR_BLANK, 0, 9);
	refused("【】%的违约金", PR_ERR_BLANK, 0, 7);
	/* blanks in options: "1% per day, grace " is 18; "上限" 6 */
	refused("1% per day, grace ___ days", PR_ERR_BLANK, 18, 21);
	refused("上限___元，1%/日", PR_ERR_BLANK, 6, 9);
	/* an X that starts a word is no blank: "Xmas" is a word not recognised (at 3); nor is _ inside one */
	refused("1% Xmas", PR_ERR_UNKNOWN_WORD, 3, -1);
	refused("1% per_day", PR_ERR_UNKNOWN_WORD, 3, -1);
	refused("1% _day", PR_ERR_UNKNOWN_WORD, 3, -1);
	/* 合同总额的 = 15; "_" to 16, "%" 17 */
	refused("合同总额的_%", PR_ERR_BLANK, 15, 17);

	/* empty parts and dangling connectors: "1% of total per day" is 19 bytes */
	refused("1% of total per day,,", PR_ERR_EMPTY_PART, 19, 21);
	refused("1% of total per day, ,", PR_ERR_EMPTY_PART, 19, 22);
	refused("1% of total per day,", PR_ERR_EMPTY_PART, 19, 20);
	refused("1% of total per day,。", PR_ERR_EMPTY_PART, 19, 23);
	refused("1% of total per day。。", PR_ERR_EMPTY_PART, 19, 25);
	refused(", 1% of total", PR_ERR_EMPTY_PART, 0, 1);
	refused("。", PR_ERR_EMPTY_PART, 0, 3);
	/* "1% per day" is 10; " of" dangles: 11 to 13 */
	refused("1% per day of", PR_ERR_DANGLING, 11, 13);
	refused("1% of, total", PR_ERR_DANGLING, 3, 5);
	refused("1% of of total", PR_ERR_DANGLING, 3, 5);
	refused("1% OF. ", PR_ERR_DANGLING, 3, 5);
	refused("合同总金额1%的", PR_ERR_DANGLING, 17, 20);
	refused("合同总金额1%的。", PR_ERR_DANGLING, 17, 20);
	/* two rates split by a comma: "1%," is 3 */
	refused("1%,2%", PR_ERR_DUPLICATE, 3, 5);

	/*
	 * a cap share of another basis than the rate's: 每日按逾期金额的千分之三，
	 * = 6 + 3 + 12 + 3 + 12 + 3 = 39, 违约金总额不超过 24 = 63; 合同总额 to 75
	 */
	refused("每日按逾期金额的千分之三，违约金总额不超过合同总额的20%", PR_ERR_DUPLICATE, 63, 75);
	/* a cap alone has no rate */
	no_rate("违约金总额不超过合同总额的20%");
	no_rate("最高不超过合同金额的30%");
	no_rate("违约金以合同总金额的20%为限");
	/* a count other than one in 每逾期三日 is no period; a condition that restricts is not dropped */
	refused("每逾期三日1%", PR_ERR_UNKNOWN_WORD, 0, -1);
	refused("逾期超过30日的，按日万分之五", PR_ERR_UNKNOWN_WORD, 0, -1);
	refused("买方逾期付款超过三十日的，按日万分之五", PR_ERR_UNKNOWN_WORD, 18, -1);
	/* a fixed sum is no rate */
	no_rate("支付违约金人民币5万元");
	/*
	 * thousands groups are exactly three digits after one to three:
	 * "1% per day, cap 1" is 17, "," a separator, "0000" a number without a
	 * sign reported after it (22); "cap 1000" leaves ",000" (number after 24)
	 */
	refused("1% per day, cap 1,0000", PR_ERR_UNKNOWN_WORD, 22, -1);
	refused("1% per day, cap 1000,000", PR_ERR_UNKNOWN_WORD, 24, -1);
	/* more than two decimals with 万: 1.2345678万 keeps 6 decimals of 万 (2 of a yuan) */
	refused("1%, cap 1.2345678万", PR_ERR_PRECISION, 8, -1);
	/* a traditional character outside the vocabulary stays unknown: 價 in 價格 folds, 貳 does not */
	refused("1% 貳", PR_ERR_UNKNOWN_WORD, 3, -1);
}

/* The scanner only tries the word tables where one of their words can start: every word can. */
static void
start_characters(void)
{
	size_t		i;
	int			words = 0,
				missing = 0;
	const PrWord *t;

	for (i = 0; (t = prw_start_tables(i)) != NULL; i++)
		for (; t->w; t++, words++)
			if (!prw_may_start(t->w, strlen(t->w), 0))
			{
				diag("\"%s\" starts with a character prw_may_start does not know", t->w);
				missing++;
			}
	ok(words > 150 && missing == 0, "each of the %d words starts with a character of the set", words);
	/* traditional and full-width forms fold first; others are not starts */
	ok(prw_may_start("違約金", 9, 0) && prw_may_start("總", 3, 0) && prw_may_start("／日", 6, 0),
	   "違 總 ／ may start a word");
	ok(!prw_may_start("损失", 6, 0) && !prw_may_start("(", 1, 0) && !prw_may_start("1", 1, 0) &&
	   !prw_may_start("\x80", 1, 0) && !prw_may_start("每", 3, 3),
	   "损 ( 1, a stray byte and the end of the text may not");
}

int
main(void)
{
	start_characters();
	seed_sentences();
	other_clauses();
	refusals();
	return tap_done();
}
