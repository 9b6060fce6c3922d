/* hane/core.h — pure helpers: TC Kimlik No, Turkish text, money, dates,
 * phone numbers, the clock. No I/O, no SQLite, no curses, no locale.
 *
 * Validators return 0 or HANE_EINVAL and set hane_error_last() to the
 * message (from data/i18n/core.def) that a form shows under the field.
 */
#ifndef HANE_CORE_H
#define HANE_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hane/error.h"

/* ---- TC Kimlik No ----------------------------------------------------- */

#define HANE_TCKN_LEN 11

/* 0 if s is exactly 11 digits, first not 0, both check digits right.
 * Otherwise HANE_EINVAL with the reason (length, digits, leading zero,
 * checksum, or the Excel "1,23457E+10" hint). */
int hane_tckn_check(const char *s) HANE_WARN_UNUSED;
bool hane_tckn_valid(const char *s);

/* Fills out[9..10] (the check digits) from out[0..8] and terminates out.
 * out[0..8] must be digits, out[0] not '0'. */
void hane_tckn_complete(char out[HANE_TCKN_LEN + 1]);

/* "12345678950" → "123******50" into out (at least 12 bytes). A value that
 * is not 11 bytes long is masked whole as "***". */
void hane_tckn_mask(char *out, size_t outsz, const char *tckn);

/* ---- UTF-8 and Turkish text ------------------------------------------- */

/* Decode one code point from s (n bytes available). Returns its length in
 * bytes (1..4), or 0 for n == 0, or -1 for an invalid or overlong sequence. */
int hane_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encode cp into out (4 bytes room); returns bytes written (1..4). */
int hane_utf8_encode(uint32_t cp, char out[4]);

/* True if s[0..n) is valid UTF-8. */
bool hane_utf8_valid(const char *s, size_t n);

/* Turkish lower/upper case (İ→i, I→ı, i→İ, ı→I, and the rest of Latin).
 * Returns a malloc'ed string the caller frees, or NULL on ENOMEM. */
char *hane_text_lower(const char *s);
char *hane_text_upper(const char *s);

/* The search key: Turkish lower case, then Turkish letters folded to ASCII
 * (ş→s ğ→g ı→i ö→o ü→u ç→c, â→a î→i û→u), every run of characters that are
 * not letters or digits turned into one space, trimmed. "  Şükrü  YILMAZ"
 * → "sukru yilmaz"; "IŞIK" and "ışık" → "isik". Writes at most outsz-1
 * bytes plus NUL (never splitting a character) and returns the length it
 * needed (like snprintf). */
size_t hane_text_fold(char *out, size_t outsz, const char *s);

/* Display width in terminal columns of UTF-8 text (combining marks 0, East
 * Asian wide 2, others 1; invalid bytes count 1 each). */
int hane_text_width(const char *s);

/* Byte length of the longest prefix of s that fits in cols columns, never
 * cutting a character. */
size_t hane_text_fit(const char *s, int cols);

/* Copies s into out, truncated to at most cols columns; when cut, the last
 * column is "…". Returns out. */
char *hane_text_truncate(char *out, size_t outsz, const char *s, int cols);

/* Turkish alphabetical order: a b c ç d e f g ğ h ı i j k l m n o ö p (q)
 * r s ş t u ü v (w x) y z, case folded the Turkish way (I→ı, İ→i), other
 * accents (â î û é …) as their letter, digits before letters, punctuation
 * and spaces before both. Ties are broken by the bytes, so the order is
 * total and equal only for equal strings (what SQLite needs of a
 * collation). a[0..an) and b[0..bn) need no NUL. Negative, 0, positive. */
int hane_text_collate(const char *a, size_t an, const char *b, size_t bn);

/* hane_text_collate on NUL-terminated strings (NULL is ""). */
int hane_text_cmp(const char *a, const char *b);

/* Word wrap for a box cols columns wide: starts[i] gets the byte offset
 * where line i begins (at most max of them are stored). A line breaks
 * after the last space that fits, inside a word only when the word alone
 * is wider than the box, and always after a newline (which belongs to
 * the line it ends). Text ending in a newline has an empty last line.
 * Returns the number of lines (at least 1), which may be more than max. */
int hane_text_wrap(const char *s, int cols, size_t *starts, int max);

/* Copies s into out (outsz bytes), at most max_chars characters when
 * max_chars > 0, never cutting a character: the copy ends at the last
 * whole character that fits. Returns the number of characters copied. */
int hane_text_copy(char *out, size_t outsz, const char *s, int max_chars);

/* Number of characters (code points; an invalid byte counts one). */
int hane_text_chars(const char *s);

/* Trims ASCII white space at both ends in place; returns s. */
char *hane_text_trim(char *s);

/* Text copy into a char array, always terminated, cut if too long: dst
 * must be an array (sizeof is its capacity), src a string (not NULL). */
#define HANE_COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

/* The number of elements of array a (an array, not a pointer). */
#define HANE_COUNTOF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Field checks shared by the units' models ----------------------- */

/* Sets the detail "<field>: <why>" (field: a message id, enum hane_msg)
 * and returns HANE_EINVAL. why is copied first, so it may be
 * hane_error_last(). */
int hane_field_error(int field, const char *why);

/* 0 if s is valid UTF-8 shorter than max bytes and one line without
 * control characters (hane_field_text with HANE_TEXT_LINE); otherwise
 * HANE_EINVAL naming the field ("Ad: en çok 95 karakter"). */
int hane_field_len(int field, const char *s, size_t max);

/* 0 if s is valid UTF-8 of at most max_chars characters; otherwise
 * HANE_EINVAL naming the field ("Not: en çok 8000 karakter"). */
int hane_field_chars(int field, const char *s, int max_chars);

/* ---- Control characters (src/core/control.c) ------------------------ */

/* Text of one line (names, addresses, codes): tab and newline are refused
 * too. Multi-line text (notes, findings, reasons) may hold them. */
#define HANE_TEXT_LINE 0u
#define HANE_TEXT_MULTILINE 1u

/* True for what no stored text may hold: C0 (U+0000–U+001F; tab and
 * newline only with HANE_TEXT_MULTILINE), DEL and C1 (U+007F–U+009F), the
 * bidi embeddings and overrides U+202A–U+202E and isolates U+2066–U+2069. */
bool hane_cp_is_control(uint32_t cp, unsigned flags);

/* The first control character of s (NULL: none), or 0. Bytes that are not
 * UTF-8 are skipped (hane_utf8_valid says what they are). */
uint32_t hane_text_control(const char *s, unsigned flags);

/* The one input check of every path (command line, console forms,
 * imports, store): 0, or HANE_EINVAL with "<label>: denetim karakteri
 * kullanılamaz (U+001B)". label is shown as given (an option "--first", a
 * column title, a form label). */
int hane_text_check(const char *label, const char *s,
		    unsigned flags) HANE_WARN_UNUSED;

/* hane_field_len with the control check: s must be shorter than max
 * bytes, valid UTF-8, and hold no control character (flags as above). */
int hane_field_text(int field, const char *s, size_t max,
		    unsigned flags) HANE_WARN_UNUSED;

/* The visible form of stored text, for output: every control character
 * (as above, flags saying whether tab and newline pass) becomes "\x1b"
 * (below U+0080) or "\u202e", every byte that is not UTF-8 "\xff".
 * Writes at most outsz-1 bytes plus NUL and returns the length it needed
 * (like snprintf). */
size_t hane_text_escape(char *out, size_t outsz, const char *s, unsigned flags);

/* One step of hane_text_escape over s[0..n): writes the visible form of
 * the character at s into out (NUL-terminated, at most 11 bytes), sets
 * *used to the bytes it took, returns the bytes written. n must be > 0. */
size_t hane_text_escape_one(char out[12], const char *s, size_t n,
			    unsigned flags, size_t *used);

/* True if s is empty or only white space (space, tab, CR, LF). */
bool hane_text_blank(const char *s);

/* ---- A growing string (src/core/buf.c) ----------------------------- */

/* Text built piece by piece (SQL, JSON): start with {0}, free s. An
 * allocation that fails sets oom and drops every later piece, so the
 * builder checks once, at the end. */
struct hane_buf {
	char *s; /* NUL-terminated once anything was added */
	size_t len, cap;
	bool oom;
};
void hane_buf_add(struct hane_buf *b, const char *s, size_t n);
void hane_buf_str(struct hane_buf *b, const char *s);
/* s as a JSON string: quoted, the quote and the backslash escaped,
 * control bytes as \u00XX. */
void hane_buf_json(struct hane_buf *b, const char *s);

/* Room for one more element in the array v of n used and *cap allocated
 * elements of elem bytes each: v itself when there is room, else v moved
 * to twice the room (first when empty) with *cap updated; NULL when out
 * of memory (v and *cap unchanged, still the caller's). Use:
 *	struct row *v = hane_grow(rows->v, &rows->cap, rows->n, sizeof *v, 64);
 *	if (!v)
 *		return HANE_ENOMEM;
 *	rows->v = v; */
void *hane_grow(void *v, size_t *cap, size_t n, size_t elem, size_t first);

/* ---- Money: integer kuruş --------------------------------------------- */

/* The largest amount hane takes, either sign: 100.000.000,00 TL. Every
 * sum of amounts then fits in int64 with room to spare. */
#define HANE_MONEY_MAX INT64_C(10000000000)

/* Parses "8.250,50", "8250,50", "8250.50", "₺8.250", "8.250 TL", "-12,5"
 * into kuruş. Rejects "abc", "1.2.3,4", more than 2 decimals, and amounts
 * beyond HANE_MONEY_MAX. */
int hane_money_parse(int64_t *kurus, const char *s) HANE_WARN_UNUSED;

/* 1234567 → "1.234.567", -1234 → "-1.234": a whole number with its
 * thousands grouped the Turkish way, as every count on screen and in a
 * report is. Returns out. */
char *hane_num_format(char *out, size_t outsz, int64_t v);

/* 825050 → "8.250,50 TL" (with_unit) or "8.250,50". Returns out. */
char *hane_money_format(char *out, size_t outsz, int64_t kurus, bool with_unit);

/* ---- Dates: ISO-8601 text "YYYY-MM-DD" -------------------------------- */

#define HANE_DATE_LEN 10

/* Parses "04.01.1950", "4.1.1950", "04/01/1950", "1950-01-04" into
 * out "1950-01-04". Rejects impossible dates and two-digit years. */
int hane_date_parse(char out[HANE_DATE_LEN + 1],
		    const char *s) HANE_WARN_UNUSED;

/* A day typed into field (a char[11]): "" becomes today, a date in any
 * form hane_date_parse takes becomes ISO in place; a day after today is
 * refused unless future_ok ("Tarih: ileri bir tarih olamaz (05.12.2026)").
 * 0 or HANE_EINVAL naming the field. */
int hane_field_day(int field, char day[HANE_DATE_LEN + 1], bool future_ok);

/* "1950-01-04" → "04.01.1950". Anything else is copied as it is. */
char *hane_date_format(char out[HANE_DATE_LEN + 1], const char *iso);
/* "1950-01-04" → "04.01", the day and month a list or a panel has room
 * for; anything else (empty, malformed, NULL) gives none, the caller's
 * placeholder. */
const char *hane_date_short(char out[6], const char *iso, const char *none);

bool hane_date_valid(int y, int m, int d);

/* Whole years between birth and on (both ISO); -1 if either is invalid. */
int hane_date_age(const char *birth, const char *on);

/* Day numbers: days since 1970-01-01 in the proleptic Gregorian calendar
 * (calendar days, no time zone). Dates are added and compared as numbers
 * and turned back into ISO text. */
#define HANE_DAY_NONE INT64_MIN

/* The day number of a real date y-m-d (not checked). */
int64_t hane_date_days(int y, int m, int d);

/* The day number of a strict ISO date "YYYY-MM-DD"; HANE_DAY_NONE when
 * iso is NULL, malformed or not a real date. */
int64_t hane_date_day(const char *iso);

/* The civil date of day number z. */
void hane_date_civil(int64_t z, int *y, int *m, int *d);

/* The ISO text of day number z (years outside 0..9999 are clamped).
 * Returns out. */
char *hane_date_iso(char out[HANE_DATE_LEN + 1], int64_t z);

/* ISO weekday of day number z: 1 Monday … 7 Sunday. */
int hane_date_weekday_of(int64_t z);

/* ISO weekday of an ISO date: 1 Monday … 7 Sunday; 0 if it is not one. */
int hane_date_weekday(const char *iso);

/* The name of ISO weekday wd (1 Monday … 7 Sunday) in the current
 * language: "Pzt"/"Mon" when abbreviated, else "Pazartesi"/"Monday"; ""
 * for anything else. Borrowed, static. */
const char *hane_weekday_name(int wd, bool abbreviated);

/* The ISO weekday a folded word names (hane_text_fold: "pzt",
 * "pazartesi", "mon", "monday", …, both languages, short and long), or 0.
 */
int hane_weekday_from_word(const char *folded);

/* A set of weekdays as staff type it ("pzt, Çarşamba cum", "mon sat",
 * "135", "5,1") to its ISO digits in order ("135"); "" for empty text.
 * HANE_EINVAL when a word names no day, with that (folded) word in bad;
 * no error detail is set: the caller names its field. */
int hane_weekdays_parse(char out[8], char bad[64], const char *text);

/* ---- Phone numbers ---------------------------------------------------- */

#define HANE_PHONE_LEN 13 /* "+905321234567" */

/* Turkish mobile and landline numbers in any usual writing ("0532 123 45
 * 67", "+90 532 1234567", "5321234567", "(262) 318 00 00") to E.164
 * "+905321234567". Rejects the rest. */
int hane_phone_normalize(char out[HANE_PHONE_LEN + 1],
			 const char *s) HANE_WARN_UNUSED;

/* "+905321234567" → "0532 123 45 67"; masked: "0532 *** ** 67". */
char *hane_phone_format(char *out, size_t outsz, const char *e164, bool masked);

/* ---- Clock ------------------------------------------------------------ */

/* Local time of Europe/Istanbul (UTC+3 all year since 2016) as
 * "YYYY-MM-DD HH:MM:SS". The environment variable HANE_NOW, when set to a
 * time in that form, freezes the clock (tests). Returns out. */
char *hane_now(char out[20]);

/* Today's date "YYYY-MM-DD" by the same clock. */
char *hane_today(char out[HANE_DATE_LEN + 1]);

/* ---- Appending to a growing array (src/core/push.c) ------------------ */

/* Appends a copy of item (elem bytes; NULL: zeroed) to the array *v of *n
 * used and *cap allocated elements, grown by hane_grow: the new element,
 * or NULL when out of memory (nothing changed). v is the array's address
 * (struct row **); HANE_PUSH takes the array itself and its size:
 *	if (!HANE_PUSH(rows->v, rows->cap, rows->n, row, 64))
 *		return HANE_ENOMEM; */
void *hane_push(void *v, size_t *cap, size_t *n, const void *item, size_t elem,
		size_t first);
#define HANE_PUSH(v, cap, n, item, first)                                      \
	hane_push(&(v), &(cap), &(n), (item), sizeof *(v), (first))

/* ---- ASCII classes ------------------------------------------------------ */

/* '0'…'9', whatever the locale (ctype.h's answers follow setlocale()). */
static inline bool hane_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A space, tab or line break between the words of a number or a date. */
static inline bool hane_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

#endif
