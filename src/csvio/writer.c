/* The CSV writer: plain UTF-8, or what Turkish Excel opens right.
 *
 * Quoting follows RFC 4180 (libcsv's csv_fwrite2 does the doubling). On
 * top of that every text value that Excel would take for a formula gets a
 * leading apostrophe (OWASP "CSV injection": quoting does not stop Excel
 * from evaluating =HYPERLINK(…)), and identifiers are written as ="…" in
 * Excel mode so a TC Kimlik No never becomes 1,23457E+10 and a phone
 * keeps its leading zero. The reader undoes both (hane_csv_unguard), so an
 * export reads back as it was.
 */
#include "hane/csvio.h"
#include "hane/xlsxio.h"
#include "hane/core.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct hane_csv_writer {
	FILE *fp;
	bool excel;
	char delim;
	const char *eol;
	size_t col;
	hane_xlsx *xlsx; /* set: the rows go to a workbook instead */
};

int hane_csv_writer_open(hane_csv_writer **out, FILE *fp, unsigned flags)
{
	hane_csv_writer *w = calloc(1, sizeof(*w));

	*out = NULL;
	if (!w)
		return HANE_ENOMEM;
	w->fp = fp;
	if (flags & HANE_CSV_XLSX) {
		int rc = hane_xlsx_open(&w->xlsx, fp, NULL);

		if (rc) {
			free(w);
			return rc;
		}
		*out = w;
		return 0;
	}
	w->excel = flags & HANE_CSV_EXCEL;
	w->delim = w->excel ? ';' : ',';
	w->eol = w->excel ? "\r\n" : "\n";
	if (w->excel)
		fputs("\xEF\xBB\xBF", fp);
	*out = w;
	return 0;
}

static bool is_number(const char *s)
{
	bool digits = false;

	if (*s == '-')
		s++;
	while (*s >= '0' && *s <= '9')
		s++, digits = true;
	if (*s == '.') {
		s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return digits && !*s;
}

static bool is_id(const char *s)
{
	if (*s == '+')
		s++;
	if (!*s)
		return false;
	for (; *s; s++)
		if (!(*s >= '0' && *s <= '9') && *s != ' ')
			return false;
	return true;
}

/* What Excel (and LibreOffice) take for the start of a formula: = + - @,
 * their fullwidth forms ＝＋－＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20), which
 * they fold to ASCII, also after leading spaces, tabs and line breaks,
 * which they skip. */
static bool risky(const char *s)
{
	if (*s == '\t' || *s == '\r')
		return true;
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	if (*s == '=' || *s == '+' || *s == '-' || *s == '@')
		return true;
	return (unsigned char)s[0] == 0xEF &&
	       (((unsigned char)s[1] == 0xBC &&
		 ((unsigned char)s[2] == 0x9D || (unsigned char)s[2] == 0x8B ||
		  (unsigned char)s[2] == 0x8D || (unsigned char)s[2] == 0xA0)));
}

static bool needs_quotes(const char *s, char delim)
{
	size_t n = strlen(s);

	if (!n)
		return false;
	if (s[0] == ' ' || s[n - 1] == ' ')
		return true;
	for (; *s; s++)
		if (*s == delim || *s == '"' || *s == '\n' || *s == '\r')
			return true;
	return false;
}

static void put_raw(hane_csv_writer *w, const char *s)
{
	if (needs_quotes(s, w->delim))
		csv_fwrite2(w->fp, s, strlen(s), '"');
	else
		fputs(s, w->fp);
}

void hane_csv_writer_sheet(hane_csv_writer *w, const char *name)
{
	if (w && w->xlsx)
		hane_xlsx_sheet(w->xlsx, name);
}

/* Text, with the apostrophe that keeps a formula from running. */
static int put_text(hane_csv_writer *w, const char *v)
{
	if (risky(v)) {
		size_t n = strlen(v) + 2;
		char *t = malloc(n);

		if (!t)
			return HANE_ENOMEM;
		t[0] = '\'';
		memcpy(t + 1, v, n - 1);
		put_raw(w, t);
		free(t);
		return 0;
	}
	put_raw(w, v);
	return 0;
}

int hane_csv_put(hane_csv_writer *w, const char *v, enum hane_csv_kind k)
{
	if (v && hane_text_control(v, HANE_TEXT_MULTILINE)) {
		/* Stored before the rule (#16): written visible, never raw,
		 * in a CSV and in a workbook alike. */
		size_t n =
			hane_text_escape(NULL, 0, v, HANE_TEXT_MULTILINE) + 1;
		char *t = malloc(n);
		int rc;

		if (!t)
			return HANE_ENOMEM;
		hane_text_escape(t, n, v, HANE_TEXT_MULTILINE);
		rc = hane_csv_put(w, t, k);
		free(t);
		return rc;
	}
	if (w->xlsx)
		return hane_xlsx_put(w->xlsx, v, k);
	if (k == HANE_CSV_DATE)
		k = HANE_CSV_TEXT;
	else if (k == HANE_CSV_MONEY)
		k = HANE_CSV_NUMBER;
	if (w->col++)
		fputc(w->delim, w->fp);
	if (!v || !*v)
		return 0;
	if (k == HANE_CSV_NUMBER && is_number(v)) {
		const char *dot = strchr(v, '.');

		if (w->excel && dot) {
			fwrite(v, 1, (size_t)(dot - v), w->fp);
			fputc(',', w->fp);
			fputs(dot + 1, w->fp);
		} else {
			fputs(v, w->fp);
		}
		return 0;
	}
	if (k == HANE_CSV_ID && is_id(v)) {
		if (w->excel) {
			size_t n = strlen(v) + 4;
			char *t = malloc(n);

			if (!t)
				return HANE_ENOMEM;
			snprintf(t, n, "=\"%s\"", v);
			put_raw(w, t);
			free(t);
		} else if (*v == '+') {
			/* "+90…" would be a formula: guard like text. */
			fputc('\'', w->fp);
			fputs(v, w->fp);
		} else {
			put_raw(w, v);
		}
		return 0;
	}
	return put_text(w, v);
}

int hane_csv_endrow(hane_csv_writer *w)
{
	if (w->xlsx)
		return hane_xlsx_endrow(w->xlsx);
	fputs(w->eol, w->fp);
	w->col = 0;
	return ferror(w->fp) ? HANE_EIO : 0;
}

int hane_csv_titles(hane_csv_writer *w, const enum hane_msg *titles, size_t n)
{
	int rc = 0;

	for (size_t i = 0; i < n && !rc; i++)
		rc = hane_csv_put(w, hane_msg(titles[i]), HANE_CSV_TEXT);
	return rc ? rc : hane_csv_endrow(w);
}

int hane_csv_writer_close(hane_csv_writer *w)
{
	int rc = 0;

	if (!w)
		return 0;
	if (w->xlsx) {
		rc = hane_xlsx_close(w->xlsx);
		free(w);
		return rc;
	}
	if (fflush(w->fp) || ferror(w->fp)) {
		hane_error_set("%s", strerror(errno));
		rc = HANE_EIO;
	}
	free(w);
	return rc;
}

char *hane_csv_unguard(char *s)
{
	size_t n = strlen(s);

	if (n >= 2 && s[0] == '\'' && risky(s + 1)) {
		memmove(s, s + 1, n);
		return s;
	}
	if (n >= 3 && s[0] == '=' && s[1] == '"' && s[n - 1] == '"') {
		memmove(s, s + 2, n - 3);
		s[n - 3] = '\0';
	}
	return s;
}
