/*
 * test_text_noise.c - UTF-8 decoding, folding of traditional and full-width
 * characters, pinyin glosses (text_noise.h).
 *
 * The byte counts are worked out by hand: a CJK ideograph is 3 bytes in
 * UTF-8, a tone-marked vowel 2 (U+00E0-U+01DC) or 3 (ḿ U+1E3F), a full-width
 * parenthesis 3.  The glosses are the converter artefacts of the seeds
 * (001: 應(yīng), 責(zé); 003: 協(xié); 004: 統(tǒng)).
 */
#include "tap.h"
#include "text_noise.h"

/* Gloss length at the first byte of the first "(" or "（" in s (where the gloss would start). */
static void
gloss_is(const char *s, size_t expected, const char *label)
{
	const char *open = strstr(s, "(");
	const char *wide = strstr(s, "（");
	size_t		pos = (size_t) ((open && (!wide || open < wide) ? open : wide ? wide : s) - s);

	is_int((int64_t) tn_gloss_len(s, strlen(s), pos), (int64_t) expected, "gloss in \"%s\": %s", s, label);
}

int
main(void)
{
	uint32_t	cp = 0;

	/* ---------- UTF-8 ---------- */
	is_int((int64_t) tn_utf8_decode("a", 1, &cp), 1, "ASCII: 1 byte");
	is_int(cp, 'a', "ASCII: a");
	/* 违 U+8FDD = E8 BF 9D */
	is_int((int64_t) tn_utf8_decode("违约", 6, &cp), 3, "违: 3 bytes");
	is_int(cp, 0x8FDD, "违 = U+8FDD");
	/* ü U+00FC = C3 BC */
	is_int((int64_t) tn_utf8_decode("ü", 2, &cp), 2, "ü: 2 bytes");
	is_int(cp, 0xFC, "ü = U+00FC");
	/* 𠀀 U+20000 = F0 A0 80 80 */
	is_int((int64_t) tn_utf8_decode("\xF0\xA0\x80\x80", 4, &cp), 4, "U+20000: 4 bytes");
	is_int(cp, 0x20000, "U+20000");
	is_int((int64_t) tn_utf8_decode("违", 2, &cp), 0, "cut after 2 of 3 bytes");
	is_int((int64_t) tn_utf8_decode("", 0, &cp), 0, "nothing");
	is_int((int64_t) tn_utf8_decode("\x80", 1, &cp), 0, "a stray continuation byte");
	is_int((int64_t) tn_utf8_decode("\xC0\xAF", 2, &cp), 0, "overlong / (C0 AF)");
	is_int((int64_t) tn_utf8_decode("\xE0\x80\xAF", 3, &cp), 0, "overlong / (E0 80 AF)");
	is_int((int64_t) tn_utf8_decode("\xED\xA0\x80", 3, &cp), 0, "surrogate U+D800");
	is_int((int64_t) tn_utf8_decode("\xF4\x90\x80\x80", 4, &cp), 0, "above U+10FFFF");
	is_int((int64_t) tn_utf8_decode("\xE8\x41\x9D", 3, &cp), 0, "ASCII where a continuation belongs");

	ok(tn_is_han(0x8FDD) && tn_is_han(0x4E00) && tn_is_han(0x9FFF) && tn_is_han(0x3400) &&
	   tn_is_han(0xF900) && tn_is_han(0x20000), "Han: 违, 一, U+9FFF, U+3400, U+F900, U+20000");
	ok(!tn_is_han('a') && !tn_is_han(0x3002) && !tn_is_han(0xFF08) && !tn_is_han(0x4DC0),
	   "not Han: a, 。, （, U+4DC0 (a hexagram)");

	/* ---------- folding ---------- */
	{
		size_t		n,
					i;
		const TnFold *t = tn_fold_table(&n);
		bool		sorted = true,
					simplified = true;

		for (i = 1; i < n; i++)
			sorted = sorted && t[i - 1].trad < t[i].trad;
		for (i = 0; i < n; i++)
			simplified = simplified && tn_fold(t[i].trad) == t[i].simp && tn_fold(t[i].simp) == t[i].simp &&
				tn_is_han(t[i].trad) && tn_is_han(t[i].simp);
		ok(n > 50 && sorted, "the table ascends strictly by traditional code point (%zu entries)", n);
		ok(simplified, "every entry folds to its simplified form, which stays as it is");
	}
	/* the seeds' traditional wording (001 §9.3, §9.4; 004 §9.3): 違約金 總金額 應付 滯納金 遲延 週 個 萬 */
	is_int(tn_fold(0x9055), 0x8FDD, "違 -> 违");
	is_int(tn_fold(0x7D04), 0x7EA6, "約 -> 约");
	is_int(tn_fold(0x7E3D), 0x603B, "總 -> 总");
	is_int(tn_fold(0x984D), 0x989D, "額 -> 额");
	is_int(tn_fold(0x61C9), 0x5E94, "應 -> 应");
	is_int(tn_fold(0x6EEF), 0x6EDE, "滯 -> 滞");
	is_int(tn_fold(0x7D0D), 0x7EB3, "納 -> 纳");
	is_int(tn_fold(0x9072), 0x8FDF, "遲 -> 迟");
	is_int(tn_fold(0x9031), 0x5468, "週 -> 周");
	is_int(tn_fold(0x500B), 0x4E2A, "個 -> 个");
	is_int(tn_fold(0x842C), 0x4E07, "萬 -> 万");
	is_int(tn_fold(0x70BA), 0x4E3A, "為 -> 为");
	is_int(tn_fold(0x7232), 0x4E3A, "爲 -> 为");
	is_int(tn_fold(0x8907), 0x590D, "複 -> 复");
	is_int(tn_fold(0x5FA9), 0x590D, "復 -> 复");
	/* 001 §9.3's 約定時間 */
	is_int(tn_fold(0x9593), 0x95F4, "間 -> 间");
	/* the first and last entries, and their neighbours, which stay */
	is_int(tn_fold(0x4FC2), 0x7CFB, "係 -> 系 (the first entry)");
	is_int(tn_fold(0x9EDE), 0x70B9, "點 -> 点 (the last entry)");
	is_int(tn_fold(0x4FC1), 0x4FC1, "U+4FC1 stays");
	is_int(tn_fold(0x9EDF), 0x9EDF, "U+9EDF stays");
	is_int(tn_fold(0x8FDD), 0x8FDD, "违 stays");
	is_int(tn_fold(0x5408), 0x5408, "合 (the same in both) stays");
	/* full-width ASCII: ％ -> %, １ -> 1, ／ -> /, Ａ -> A; the ideographic space is not ASCII */
	is_int(tn_fold(0xFF05), '%', "％ -> %%");
	is_int(tn_fold(0xFF11), '1', "１ -> 1");
	is_int(tn_fold(0xFF0F), '/', "／ -> /");
	is_int(tn_fold(0xFF21), 'A', "Ａ -> A");
	is_int(tn_fold(0xFF5E), '~', "～ (U+FF5E, the last) -> ~");
	is_int(tn_fold(0xFF5F), 0xFF5F, "U+FF5F stays");
	is_int(tn_fold(0xFF00), 0xFF00, "U+FF00 stays");
	is_int(tn_fold(0x3000), 0x3000, "U+3000 stays");
	is_int(tn_fold('a'), 'a', "ASCII stays");

	/* ---------- glosses ---------- */
	/* (yīng) = ( y ī(2) n g ) = 7 bytes */
	gloss_is("應(yīng)付", 7, "應(yīng): 7 bytes");
	/* (zé) = 1 + 1 + 2 + 1 = 5 */
	gloss_is("違約責(zé)任", 5, "責(zé)");
	/* (xié) = 1 + x i + é(2) + 1 = 6 */
	gloss_is("協(xié)商", 6, "協(xié)");
	/* (tǒng) = 1 + 1 + 2 + 1 + 1 + 1 = 7 */
	gloss_is("統(tǒng)", 7, "統(tǒng)");
	/* (guān) = 1 + g u ā(2) n + 1 = 7 */
	gloss_is("關(guān)系", 7, "關(guān)");
	/* (yuē): y u ē(2) = 4 letters' bytes + 2 = 6 */
	gloss_is("約(yuē)", 6, "約(yuē)");
	/* no tone mark: (de) = 4 */
	gloss_is("的(de)", 4, "(de) without a tone mark");
	/* full-width parentheses: （ é ） = 3 + 2 + 3 = 8 */
	gloss_is("額（é）", 8, "full-width parentheses");
	/* ü in lü: ( l ü(2) ) = 5; lǚ with ǚ (U+01DA, 2 bytes) = 5 */
	gloss_is("律(lü)", 5, "ü");
	gloss_is("律(lǚ)", 5, "ǚ");
	/* combining macron after a (a U+0304 = 1 + 2): ( y a ̄ n ) = 1 + 1 + 3 + 1 + 1 = 7 */
	gloss_is("央(ya\xCC\x84n)", 7, "a combining tone mark");
	/* ḿ (U+1E3F, 3 bytes) counts as a vowel: (ḿ) = 5 */
	gloss_is("呣(ḿ)", 5, "ḿ");
	/* seven letters is the most: (zhuang) 6 = 8 bytes; (zhuangs) 7 = 9; eight letters: none */
	gloss_is("壮(zhuang)", 8, "six letters");
	gloss_is("壮(zhuangs)", 9, "seven letters");
	gloss_is("壮(zhuangss)", 0, "eight letters: not a gloss");
	/* not glosses */
	gloss_is("(zé)", 0, "at the start of the text: no character before");
	gloss_is("LPR(abc)", 0, "after an ASCII letter");
	gloss_is("1%(de)", 0, "after a percent sign");
	gloss_is("。(de)", 0, "after a full stop (not Han)");
	gloss_is("合同(LPR)", 0, "capital letters");
	gloss_is("合同(Zé)", 0, "a capital letter among them");
	gloss_is("合同(ng)", 0, "no vowel");
	gloss_is("合同()", 0, "no letters");
	gloss_is("合同(12)", 0, "digits");
	gloss_is("合同(de", 0, "not closed");
	gloss_is("合同(de]", 0, "closed by something else");
	gloss_is("合同(d e)", 0, "a space inside");
	/* （ opened, ) closed: 3 + 2 + 1 = 6 */
	gloss_is("合同（de)", 6, "（ then )");
	/* a Han character in the supplementary plane (U+20000, 4 bytes) before it */
	is_int((int64_t) tn_gloss_len("\xF0\xA0\x80\x80(a)", 7, 4), 3, "gloss after U+20000");
	/* only what lies before pos counts: 約 cut in half is not Han */
	is_int((int64_t) tn_gloss_len("\x84(yuē)", 7, 1), 0, "after a broken character");
	is_int((int64_t) tn_gloss_len("約(yuē)", 9, 9), 0, "at the end of the text");
	/* len cuts the gloss: (yuē) is 6 bytes from 3; 8 bytes leave it unclosed */
	is_int((int64_t) tn_gloss_len("約(yuē)", 8, 3), 0, "cut before its )");
	is_int((int64_t) tn_gloss_len("約(yuē)", 9, 3), 6, "whole");

	return tap_done();
}
