/*
 * text_noise.c - UTF-8, folding of traditional and full-width characters,
 * and pinyin glosses (text_noise.h).
 */
#include "text_noise.h"

size_t
tn_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		n,
				i;
	uint32_t	c;

	if (len == 0)
		return 0;
	if (u[0] < 0x80)
	{
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF)
		n = 2, c = u[0] & 0x1F;
	else if (u[0] >= 0xE0 && u[0] <= 0xEF)
		n = 3, c = u[0] & 0x0F;
	else if (u[0] >= 0xF0 && u[0] <= 0xF4)
		n = 4, c = u[0] & 0x07;
	else
		return 0;				/* a continuation byte, or C0, C1, F5-FF */
	if (len < n)
		return 0;
	for (i = 1; i < n; i++)
	{
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
		(c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

bool
tn_is_han(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
		(cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

/*
 * Traditional forms and their simplified ones, ascending by the traditional
 * code point (test_text_noise checks the order): the characters of the
 * penalty-rule vocabulary (违约金, 滞纳金, 合同总金额, 应付款项, 每延迟一日,
 * 宽限期, 复利, 浮动 ...), of the parties (对方, 买方, 委托方) and a few
 * neighbours of theirs in contract text.
 */
static const TnFold han_fold[] = {
	{0x4FC2, 0x7CFB},			/* 係 系 */
	{0x500B, 0x4E2A},			/* 個 个 */
	{0x50F9, 0x4EF7},			/* 價 价 */
	{0x511F, 0x507F},			/* 償 偿 */
	{0x5167, 0x5185},			/* 內 内 */
	{0x5169, 0x4E24},			/* 兩 两 */
	{0x52D5, 0x52A8},			/* 動 动 */
	{0x52D9, 0x52A1},			/* 務 务 */
	{0x5354, 0x534F},			/* 協 协 */
	{0x5BE6, 0x5B9E},			/* 實 实 */
	{0x5BEC, 0x5BBD},			/* 寬 宽 */
	{0x5C0D, 0x5BF9},			/* 對 对 */
	{0x5E33, 0x8D26},			/* 帳 账 */
	{0x5E63, 0x5E01},			/* 幣 币 */
	{0x5FA9, 0x590D},			/* 復 复 */
	{0x61C9, 0x5E94},			/* 應 应 */
	{0x640D, 0x635F},			/* 損 损 */
	{0x64D4, 0x62C5},			/* 擔 担 */
	{0x64DA, 0x636E},			/* 據 据 */
	{0x6578, 0x6570},			/* 數 数 */
	{0x65BC, 0x4E8E},			/* 於 于 */
	{0x6642, 0x65F6},			/* 時 时 */
	{0x689D, 0x6761},			/* 條 条 */
	{0x696D, 0x4E1A},			/* 業 业 */
	{0x6A19, 0x6807},			/* 標 标 */
	{0x6B0A, 0x6743},			/* 權 权 */
	{0x6E96, 0x51C6},			/* 準 准 */
	{0x6EAB, 0x6E29},			/* 溫 温 */
	{0x6EEF, 0x6EDE},			/* 滯 滞 */
	{0x6FDF, 0x6D4E},			/* 濟 济 */
	{0x70BA, 0x4E3A},			/* 為 为 */
	{0x7232, 0x4E3A},			/* 爲 为 */
	{0x73FE, 0x73B0},			/* 現 现 */
	{0x7522, 0x4EA7},			/* 產 产 */
	{0x7576, 0x5F53},			/* 當 当 */
	{0x767C, 0x53D1},			/* 發 发 */
	{0x78BA, 0x786E},			/* 確 确 */
	{0x79AE, 0x793C},			/* 禮 礼 */
	{0x7A2E, 0x79CD},			/* 種 种 */
	{0x7C3D, 0x7B7E},			/* 簽 签 */
	{0x7D04, 0x7EA6},			/* 約 约 */
	{0x7D0D, 0x7EB3},			/* 納 纳 */
	{0x7D66, 0x7ED9},			/* 給 给 */
	{0x7D71, 0x7EDF},			/* 統 统 */
	{0x7D93, 0x7ECF},			/* 經 经 */
	{0x7DDA, 0x7EBF},			/* 線 线 */
	{0x7E3D, 0x603B},			/* 總 总 */
	{0x7E73, 0x7F34},			/* 繳 缴 */
	{0x7F70, 0x7F5A},			/* 罰 罚 */
	{0x8207, 0x4E0E},			/* 與 与 */
	{0x842C, 0x4E07},			/* 萬 万 */
	{0x8655, 0x5904},			/* 處 处 */
	{0x8907, 0x590D},			/* 複 复 */
	{0x898F, 0x89C4},			/* 規 规 */
	{0x8A08, 0x8BA1},			/* 計 计 */
	{0x8A17, 0x6258},			/* 託 托 */
	{0x8A8D, 0x8BA4},			/* 認 认 */
	{0x8AA4, 0x8BEF},			/* 誤 误 */
	{0x8B49, 0x8BC1},			/* 證 证 */
	{0x8B70, 0x8BAE},			/* 議 议 */
	{0x8CA8, 0x8D27},			/* 貨 货 */
	{0x8CAC, 0x8D23},			/* 責 责 */
	{0x8CB7, 0x4E70},			/* 買 买 */
	{0x8CB8, 0x8D37},			/* 貸 贷 */
	{0x8CBB, 0x8D39},			/* 費 费 */
	{0x8CE0, 0x8D54},			/* 賠 赔 */
	{0x8CE3, 0x5356},			/* 賣 卖 */
	{0x8CEA, 0x8D28},			/* 質 质 */
	{0x8CEC, 0x8D26},			/* 賬 账 */
	{0x9019, 0x8FD9},			/* 這 这 */
	{0x9031, 0x5468},			/* 週 周 */
	{0x9032, 0x8FDB},			/* 進 进 */
	{0x904E, 0x8FC7},			/* 過 过 */
	{0x9055, 0x8FDD},			/* 違 违 */
	{0x9072, 0x8FDF},			/* 遲 迟 */
	{0x958B, 0x5F00},			/* 開 开 */
	{0x9593, 0x95F4},			/* 間 间 */
	{0x95DC, 0x5173},			/* 關 关 */
	{0x969B, 0x9645},			/* 際 际 */
	{0x96D9, 0x53CC},			/* 雙 双 */
	{0x9802, 0x9876},			/* 頂 顶 */
	{0x9805, 0x9879},			/* 項 项 */
	{0x9808, 0x987B},			/* 須 须 */
	{0x9810, 0x9884},			/* 預 预 */
	{0x984D, 0x989D},			/* 額 额 */
	{0x9EDE, 0x70B9},			/* 點 点 */
};

#define HAN_FOLDS (sizeof(han_fold) / sizeof(han_fold[0]))

const TnFold *
tn_fold_table(size_t *n)
{
	*n = HAN_FOLDS;
	return han_fold;
}

uint32_t
tn_fold(uint32_t cp)
{
	size_t		lo = 0,
				hi = HAN_FOLDS;

	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	if (cp < han_fold[0].trad || cp > han_fold[HAN_FOLDS - 1].trad)
		return cp;
	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;

		if (han_fold[mid].trad < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < HAN_FOLDS && han_fold[lo].trad == cp ? han_fold[lo].simp : cp;
}

/* A pinyin letter at s: 1 if it is a vowel, 0 a consonant, -1 not a letter; *n its length. */
static int
pinyin_letter(const char *s, size_t len, size_t *n)
{
	/* the tone-marked vowels, ü and ê, ḿ ń ň ǹ */
	static const uint32_t marked[] = {
		0x00E0, 0x00E1, 0x00E8, 0x00E9, 0x00EA, 0x00EC, 0x00ED, 0x00F2, 0x00F3, 0x00F9,
		0x00FA, 0x00FC, 0x0101, 0x0113, 0x011B, 0x012B, 0x0144, 0x0148, 0x014D, 0x016B,
		0x01CE, 0x01D0, 0x01D2, 0x01D4, 0x01D6, 0x01D8, 0x01DA, 0x01DC, 0x01F9, 0x1E3F
	};
	uint32_t	cp;
	size_t		i;

	*n = tn_utf8_decode(s, len, &cp);
	if (*n == 0)
		return -1;
	if (cp >= 'a' && cp <= 'z')
		return cp == 'a' || cp == 'e' || cp == 'i' || cp == 'o' || cp == 'u' || cp == 'v';
	for (i = 0; i < sizeof(marked) / sizeof(marked[0]); i++)
		if (cp == marked[i])
			return 1;
	return -1;
}

/* A combining tone mark (grave, acute, macron, caron, diaeresis) at s; its length. */
static size_t
combining_mark(const char *s, size_t len)
{
	uint32_t	cp;
	size_t		n = tn_utf8_decode(s, len, &cp);

	return n > 0 && (cp == 0x0300 || cp == 0x0301 || cp == 0x0304 || cp == 0x0308 ||
					 cp == 0x030C) ? n : 0;
}

/* Is the character that ends exactly at pos a Han ideograph? */
static bool
han_before(const char *s, size_t pos)
{
	size_t		k;

	for (k = 3; k <= 4; k++)
	{
		uint32_t	cp;

		if (pos >= k && tn_utf8_decode(s + pos - k, k, &cp) == k)
			return tn_is_han(cp);
	}
	return false;
}

size_t
tn_gloss_len(const char *s, size_t len, size_t pos)
{
	size_t		p = pos;
	int			letters = 0;
	bool		vowel = false;

	if (pos >= len)
		return 0;
	if (s[p] == '(')
		p += 1;
	else if (len - p >= 3 && (unsigned char) s[p] == 0xEF && (unsigned char) s[p + 1] == 0xBC &&
			 (unsigned char) s[p + 2] == 0x88)
		p += 3;					/* （ U+FF08 */
	else
		return 0;
	if (!han_before(s, pos))
		return 0;
	while (p < len)
	{
		size_t		n;
		int			v = pinyin_letter(s + p, len - p, &n);

		if (v < 0)
			break;
		if (++letters > 7)
			return 0;
		vowel = vowel || v == 1;
		p += n;
		while ((n = combining_mark(s + p, len - p)) > 0)
		{
			vowel = true;
			p += n;
		}
	}
	if (letters == 0 || !vowel || p >= len)
		return 0;
	if (s[p] == ')')
		return p + 1 - pos;
	if (len - p >= 3 && (unsigned char) s[p] == 0xEF && (unsigned char) s[p + 1] == 0xBC &&
		(unsigned char) s[p + 2] == 0x89)
		return p + 3 - pos;		/* ） U+FF09 */
	return 0;
}
