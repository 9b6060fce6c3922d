/* UTF-8 and Turkish text: decoding, Turkish case mapping, the search key.
 *
 * Everything here is locale-free on purpose: towlower() would map I to i
 * under any locale but tr_TR, and the console must not depend on how the
 * terminal's locale was set up. The tables cover Latin-1, Latin
 * Extended-A, Greek and Cyrillic, which is what names in a Turkish
 * registry contain; other scripts pass through unchanged.
 */
#include "hane/core.h"

#include <stdlib.h>
#include <string.h>

/* ---- UTF-8 --------------------------------------------------------------- */

int hane_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	int len;

	if (n == 0)
		return 0;
	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		return -1; /* continuation byte, C0/C1 overlong, or > F4 */
	}
	if ((size_t)len > n)
		return -1;
	for (int i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return len;
}

int hane_utf8_encode(uint32_t cp, char out[4])
{
	unsigned char *u = (unsigned char *)out;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xE0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (unsigned char)(0xF0 | (cp >> 18));
	u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	u[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

bool hane_utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		int len = hane_utf8_decode(s + i, n - i, &cp);

		if (len <= 0)
			return false;
		i += (size_t)len;
	}
	return true;
}

/* ---- Case ---------------------------------------------------------------- */

#define DOT_ABOVE 0x0307 /* what is left of İ after NFD: I + U+0307 */

static uint32_t lower_cp(uint32_t c)
{
	if (c < 0x80) {
		if (c == 'I')
			return 0x0131; /* ı: Turkish, not English */
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	}
	if (c == 0x0130) /* İ */
		return 'i';
	if ((c >= 0xC0 && c <= 0xDE && c != 0xD7))
		return c + 0x20;
	if (c >= 0x0100 && c <= 0x0137)
		return c | 1;
	if (c >= 0x0139 && c <= 0x0148)
		return (c & 1) ? c + 1 : c;
	if (c >= 0x014A && c <= 0x0177)
		return c | 1;
	if (c == 0x0178)
		return 0xFF;
	if (c >= 0x0179 && c <= 0x017E)
		return (c & 1) ? c + 1 : c;
	if (c >= 0x0391 && c <= 0x03AB && c != 0x03A2)
		return c + 0x20;
	if (c >= 0x0400 && c <= 0x040F)
		return c + 0x50;
	if (c >= 0x0410 && c <= 0x042F)
		return c + 0x20;
	return c;
}

static uint32_t upper_cp(uint32_t c)
{
	if (c < 0x80) {
		if (c == 'i')
			return 0x0130; /* İ */
		return c >= 'a' && c <= 'z' ? c - 32 : c;
	}
	if (c == 0x0131) /* ı */
		return 'I';
	if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
		return c - 0x20;
	if (c == 0xFF)
		return 0x0178;
	if (c >= 0x0100 && c <= 0x0137)
		return c & ~(uint32_t)1;
	if (c >= 0x0139 && c <= 0x0148)
		return (c & 1) ? c : c - 1;
	if (c >= 0x014A && c <= 0x0177)
		return c & ~(uint32_t)1;
	if (c >= 0x0179 && c <= 0x017E)
		return (c & 1) ? c : c - 1;
	if (c >= 0x03B1 && c <= 0x03CB && c != 0x03C2)
		return c - 0x20;
	if (c == 0x03C2) /* final sigma */
		return 0x03A3;
	if (c >= 0x0430 && c <= 0x044F)
		return c - 0x20;
	if (c >= 0x0450 && c <= 0x045F)
		return c - 0x50;
	return c;
}

/* Maps s code point by code point. Invalid bytes are copied as they are,
 * so nothing is lost. Lower case drops the U+0307 that follows an I (a
 * decomposed İ), which would otherwise become "ı̇". No mapping here grows
 * a character by more than one byte (i → İ is the worst), so twice the
 * input is always enough. */
static char *map_case(const char *s, bool upper)
{
	size_t n, o = 0, i = 0;
	char *out;

	if (!s)
		s = "";
	n = strlen(s);
	out = malloc(2 * n + 1);
	if (!out)
		return NULL;
	while (i < n) {
		uint32_t cp;
		int len = hane_utf8_decode(s + i, n - i, &cp);

		if (len <= 0) {
			out[o++] = s[i++];
			continue;
		}
		i += (size_t)len;
		if (!upper && cp == 'I') {
			uint32_t next;
			int nl = hane_utf8_decode(s + i, n - i, &next);

			if (nl > 0 && next == DOT_ABOVE) {
				out[o++] = 'i';
				i += (size_t)nl;
				continue;
			}
		}
		o += (size_t)hane_utf8_encode(
			upper ? upper_cp(cp) : lower_cp(cp), out + o);
	}
	out[o] = '\0';
	return out;
}

char *hane_text_lower(const char *s)
{
	return map_case(s, false);
}

char *hane_text_upper(const char *s)
{
	return map_case(s, true);
}

/* ---- The search key ------------------------------------------------------ */

/* ASCII for the lower-case letters of Latin-1 Supplement (U+00DF..U+00FF),
 * "" for the two symbols in that range. */
static const char *const fold_latin1[] = {
	"ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e",  "e",
	"e",  "e", "i", "i", "i", "i", "d", "n",  "o", "o",  "o",
	"o",  "o", "",	"o", "u", "u", "u", "u",  "y", "th", "y",
};

/* Latin Extended-A (U+0100..U+017F), lower and upper alike. */
static const char fold_ext_a[] =
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii" /* 0100-0131 */
	"jjjjkkkllllllllllnnnnnnnnnoooooooorrrrrr"	     /* 0132-0159 */
	"ssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";	     /* 015A-017F */

enum fold_kind { FOLD_SEP, FOLD_SKIP, FOLD_TEXT };

static bool in_range(uint32_t c, uint32_t lo, uint32_t hi)
{
	return c >= lo && c <= hi;
}

/* What one (already lower-cased) code point becomes in the key: text
 * (ASCII in buf, or the character itself), nothing (combining marks and
 * invisible joiners: "i" + U+0307 is "i"), or a word break. Anything
 * not known to be punctuation or a symbol counts as a letter, so Greek,
 * Cyrillic or Arabic names still make words. */
static enum fold_kind fold_cp(uint32_t c, char buf[8], size_t *len)
{
	*len = 0;
	if (c < 0x80) {
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			buf[0] = (char)c;
			*len = 1;
			return FOLD_TEXT;
		}
		return FOLD_SEP;
	}
	if (in_range(c, 0x0300, 0x036F) || in_range(c, 0x1AB0, 0x1AFF) ||
	    in_range(c, 0x1DC0, 0x1DFF) || in_range(c, 0x20D0, 0x20FF) ||
	    in_range(c, 0xFE00, 0xFE0F) || in_range(c, 0xFE20, 0xFE2F) ||
	    in_range(c, 0x200B, 0x200D) || c == 0x2060 || c == 0xFEFF ||
	    c == 0x00AD)
		return FOLD_SKIP;
	if (c == 0xAA || c == 0xBA) { /* ª º: ordinal letters */
		buf[0] = c == 0xAA ? 'a' : 'o';
		*len = 1;
		return FOLD_TEXT;
	}
	if (c < 0xC0 || c == 0xD7 || c == 0xF7)
		return FOLD_SEP;
	if (c >= 0xDF && c <= 0xFF) {
		const char *t = fold_latin1[c - 0xDF];

		*len = strlen(t);
		memcpy(buf, t, *len);
		return FOLD_TEXT;
	}
	if (c >= 0x0100 && c <= 0x017F) {
		if (c == 0x0132 || c == 0x0133) { /* Ĳ ĳ */
			memcpy(buf, "ij", 2);
			*len = 2;
		} else if (c == 0x0152 || c == 0x0153) { /* Œ œ */
			memcpy(buf, "oe", 2);
			*len = 2;
		} else {
			buf[0] = fold_ext_a[c - 0x0100];
			*len = 1;
		}
		return FOLD_TEXT;
	}
	if (in_range(c, 0xFF10, 0xFF19)) { /* full-width digits */
		buf[0] = (char)(c - 0xFF10 + '0');
		*len = 1;
		return FOLD_TEXT;
	}
	if (in_range(c, 0xFF21, 0xFF3A) || in_range(c, 0xFF41, 0xFF5A)) {
		buf[0] = (char)((c - 0xFF21) % 0x20 + 'a');
		*len = 1;
		return FOLD_TEXT;
	}
	if (in_range(c, 0x2000, 0x2BFF) || in_range(c, 0x2E00, 0x2E7F) ||
	    in_range(c, 0x3000, 0x303F) || in_range(c, 0xFE30, 0xFE6F) ||
	    in_range(c, 0xFF00, 0xFF65) || in_range(c, 0xFFF0, 0xFFFF) ||
	    in_range(c, 0x1F000, 0x1FBFF) || in_range(c, 0xE000, 0xF8FF) ||
	    c == 0x037E || c == 0x0387)
		return FOLD_SEP;
	*len = (size_t)hane_utf8_encode(c, buf);
	return FOLD_TEXT;
}

size_t hane_text_fold(char *out, size_t outsz, const char *s)
{
	size_t need = 0, n, i = 0;
	bool space = false, full = outsz == 0;

	if (!s)
		s = "";
	n = strlen(s);
	while (i < n) {
		uint32_t cp;
		char buf[8];
		size_t blen, unit;
		int len = hane_utf8_decode(s + i, n - i, &cp);
		enum fold_kind kind;

		if (len <= 0) {
			/* a stray byte (Latin-5 text read as UTF-8) breaks a
			 * word rather than joining two */
			i++;
			space = need > 0;
			continue;
		}
		i += (size_t)len;
		kind = fold_cp(lower_cp(cp), buf, &blen);
		if (kind == FOLD_SKIP)
			continue;
		if (kind == FOLD_SEP || blen == 0) {
			if (kind == FOLD_SEP)
				space = need > 0;
			continue;
		}
		/* the break and the text go in together, so a cut key never
		 * ends in a space */
		unit = blen + (space ? 1 : 0);
		if (!full && need + unit < outsz) {
			if (space)
				out[need] = ' ';
			memcpy(out + need + (space ? 1 : 0), buf, blen);
		} else if (!full) {
			full = true;
			out[need] = '\0';
		}
		need += unit;
		space = false;
	}
	if (!full)
		out[need] = '\0';
	return need;
}

/* ---- Trim ---------------------------------------------------------------- */

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

char *hane_text_trim(char *s)
{
	size_t start = 0, end;

	if (!s)
		return s;
	end = strlen(s);
	while (start < end && is_space(s[start]))
		start++;
	while (end > start && is_space(s[end - 1]))
		end--;
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
	return s;
}

/* ---- Turkish alphabetical order ------------------------------------------ */

/* The Turkish alphabet with q, w, x where a Turkish dictionary puts them. */
static const uint32_t alphabet[] = {
	'a', 'b',    'c', 0xE7, 'd',  'e', 'f', 'g',  0x011F, 'h', 0x0131,
	'i', 'j',    'k', 'l',	'm',  'n', 'o', 0xF6, 'p',    'q', 'r',
	's', 0x015F, 't', 'u',	0xFC, 'v', 'w', 'x',  'y',    'z'};

/* Primary weight of one lower-cased code point: 0 to skip it (combining
 * marks), punctuation and spaces lowest, then digits, then the letters in
 * Turkish order (other accented Latin letters as their base letter), then
 * every other character by its code point. */
static uint32_t collate_weight(uint32_t c)
{
	char buf[8];
	size_t len;
	enum fold_kind k;

	for (size_t i = 0; i < sizeof alphabet / sizeof alphabet[0]; i++)
		if (alphabet[i] == c)
			return 0x1000 + (uint32_t)i * 2;
	if (c >= '0' && c <= '9')
		return 0x800 + c;
	if (c < 0x80)
		return c + 1; /* space, punctuation: lowest */
	if (c == 0x0307)      /* the dot of a decomposed İ */
		return 0;
	k = fold_cp(c, buf, &len);
	if (k == FOLD_SKIP)
		return 0;
	if (k == FOLD_SEP)
		return c < 0x800 ? c : 0x7FF; /* below digits */
	if (len >= 1 && (unsigned char)buf[0] < 0x80 && buf[0] >= 'a' &&
	    buf[0] <= 'z') {
		/* â → a, é → e: just after the letter itself */
		for (size_t i = 0; i < sizeof alphabet / sizeof alphabet[0];
		     i++)
			if (alphabet[i] == (uint32_t)buf[0])
				return 0x1000 + (uint32_t)i * 2 + 1;
	}
	return 0x10000 + c;
}

/* The next primary weight in s[*i..n), or 0 at the end. */
static uint32_t next_weight(const char *s, size_t n, size_t *i)
{
	while (*i < n) {
		uint32_t cp, w;
		int len = hane_utf8_decode(s + *i, n - *i, &cp);

		if (len <= 0) {
			w = 0x200000u + (unsigned char)s[*i];
			(*i)++;
			return w;
		}
		*i += (size_t)len;
		if ((w = collate_weight(lower_cp(cp))) != 0)
			return w;
	}
	return 0;
}

int hane_text_collate(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0, m;
	int r;

	for (;;) {
		uint32_t x = next_weight(a, an, &i);
		uint32_t y = next_weight(b, bn, &j);

		if (x != y)
			return x < y ? -1 : 1;
		if (x == 0)
			break;
	}
	m = an < bn ? an : bn;
	r = m ? memcmp(a, b, m) : 0;
	if (r)
		return r < 0 ? -1 : 1;
	return an < bn ? -1 : an > bn;
}

int hane_text_cmp(const char *a, const char *b)
{
	if (!a)
		a = "";
	if (!b)
		b = "";
	return hane_text_collate(a, strlen(a), b, strlen(b));
}

/* ---- Copies that never cut a character ----------------------------------- */

int hane_text_copy(char *out, size_t outsz, const char *s, int max_chars)
{
	size_t n, i = 0;
	int chars = 0;

	if (!out || outsz == 0)
		return 0;
	if (!s)
		s = "";
	n = strlen(s);
	while (i < n && (max_chars <= 0 || chars < max_chars)) {
		uint32_t cp;
		int len = hane_utf8_decode(s + i, n - i, &cp);
		size_t l = len > 0 ? (size_t)len : 1;

		if (i + l >= outsz)
			break;
		i += l;
		chars++;
	}
	memcpy(out, s, i);
	out[i] = '\0';
	return chars;
}
