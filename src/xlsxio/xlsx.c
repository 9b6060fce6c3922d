/* Excel workbooks through libxlsxwriter (the only includer of its header).
 *
 * libxlsxwriter writes a workbook to a file name of its own choosing
 * (fopen "wb"), which would follow a symlink and bypass however hane
 * opens the files a user names. So the workbook is made inside a fresh
 * private folder (mkdtemp: 0700, a name nobody can guess or pre-create)
 * and copied into the FILE the caller opened. Rows stream to the
 * library's temporary files (constant_memory), so a whole registry does
 * not sit in memory.
 *
 * The folder is the user's (made with their uid), so in a shared install
 * they could swap out.xlsx for a link to the database between two of the
 * library's opens: everything that names a file there runs with the
 * user's own group (hane_files_as_user, hane/files.h).
 */
#include "hane/xlsxio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "hane/core.h"
#include "hane/files.h"

#define XLSX_MAX_ROWS 1048576
#define XLSX_MAX_COLS 256
#define WIDTH_MAX 60

struct hane_xlsx {
	FILE *fp;
	char dir[64];
	char path[96];
	char sheet[128];
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold, *text, *date, *datetime, *money;
	uint32_t row;
	uint16_t col, ncols;
	int width[XLSX_MAX_COLS];
	bool failed;
};

/* Excel's rules for a sheet name: at most 31 characters, none of
 * []:*?/\ and not starting or ending with an apostrophe. */
static void sheet_name(char *out, size_t outsz, const char *name)
{
	size_t o = 0;
	int chars = 0;

	if (!name || !*name)
		name = "Sayfa1";
	while (*name && chars < 31 && o + 5 < outsz) {
		unsigned char c = (unsigned char)*name;
		size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

		if (strchr("[]:*?/\\", *name) || (o == 0 && c == '\'')) {
			out[o++] = '-';
			name++;
		} else {
			for (size_t i = 0; i < n && name[i]; i++)
				out[o++] = name[i];
			name += strnlen(name, n);
		}
		chars++;
	}
	while (o > 0 && out[o - 1] == '\'')
		o--;
	out[o] = '\0';
	if (!o)
		snprintf(out, outsz, "Sayfa1");
}

static void cleanup_dir(hane_xlsx *x)
{
	hane_files_as_user();
	if (x->path[0])
		unlink(x->path); /* files.h: private folder, as the user */
	if (x->dir[0])
		rmdir(x->dir);
	hane_files_as_hane();
}

void hane_xlsx_sheet(hane_xlsx *x, const char *sheet)
{
	if (x && !x->ws)
		sheet_name(x->sheet, sizeof x->sheet, sheet);
}

int hane_xlsx_open(hane_xlsx **out, FILE *fp, const char *sheet)
{
	lxw_workbook_options opt = {0};
	const char *tmp = getenv("TMPDIR");
	hane_xlsx *x = calloc(1, sizeof *x);

	*out = NULL;
	if (!x)
		return HANE_ENOMEM;
	x->fp = fp;
	if (!tmp || !*tmp || strlen(tmp) > 40)
		tmp = "/tmp";
	snprintf(x->dir, sizeof x->dir, "%s/hane-xlsx.XXXXXX", tmp);
	hane_files_as_user();
	if (!mkdtemp(x->dir)) {
		hane_files_as_hane();
		hane_error_set("%s: %s", x->dir, strerror(errno));
		x->dir[0] = '\0';
		free(x);
		return HANE_EIO;
	}
	snprintf(x->path, sizeof x->path, "%s/out.xlsx", x->dir);
	opt.constant_memory = LXW_TRUE;
	opt.tmpdir = x->dir;
	x->wb = workbook_new_opt(x->path, &opt);
	hane_files_as_hane();
	if (!x->wb) {
		hane_error_set("%s", strerror(errno ? errno : ENOMEM));
		x->path[0] = '\0';
		cleanup_dir(x);
		free(x);
		return HANE_ENOMEM;
	}
	x->bold = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	format_set_num_format(x->bold, "@");
	x->text = workbook_add_format(x->wb);
	format_set_num_format(x->text, "@");
	x->date = workbook_add_format(x->wb);
	format_set_num_format(x->date, "dd.mm.yyyy");
	x->datetime = workbook_add_format(x->wb);
	format_set_num_format(x->datetime, "dd.mm.yyyy hh:mm");
	x->money = workbook_add_format(x->wb);
	format_set_num_format(x->money, "#,##0.00");
	sheet_name(x->sheet, sizeof x->sheet, sheet);
	*out = x;
	return 0;
}

/* The worksheet exists from the first cell on, so a sheet name can still
 * be changed after open. */
static int sheet(hane_xlsx *x)
{
	if (x->ws)
		return 0;
	hane_files_as_user();
	x->ws = workbook_add_worksheet(x->wb, x->sheet);
	hane_files_as_hane();
	if (!x->ws) {
		x->failed = true;
		hane_error_set("xlsx: %s", x->sheet);
		return HANE_EIO;
	}
	return 0;
}

static bool digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int num(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* YYYY-MM-DD or dd.mm.yyyy, optionally followed by " HH:MM[:SS]" (or a
 * 'T'). Returns whether v is one; *has_time tells which format fits. */
static bool parse_date(const char *v, lxw_datetime *dt, bool *has_time)
{
	size_t n = strlen(v);
	const char *t;

	memset(dt, 0, sizeof *dt);
	*has_time = false;
	if (n >= 10 && digits(v, 4) && v[4] == '-' && digits(v + 5, 2) &&
	    v[7] == '-' && digits(v + 8, 2)) {
		dt->year = num(v, 4), dt->month = num(v + 5, 2),
		dt->day = num(v + 8, 2);
	} else if (n >= 10 && digits(v, 2) && v[2] == '.' && digits(v + 3, 2) &&
		   v[5] == '.' && digits(v + 6, 4)) {
		dt->day = num(v, 2), dt->month = num(v + 3, 2),
		dt->year = num(v + 6, 4);
	} else {
		return false;
	}
	if (!hane_date_valid(dt->year, dt->month, dt->day) || dt->year < 1900)
		return false;
	t = v + 10;
	if (!*t)
		return true;
	if ((*t != ' ' && *t != 'T') || strlen(t) < 6 || !digits(t + 1, 2) ||
	    t[3] != ':' || !digits(t + 4, 2))
		return false;
	dt->hour = (uint8_t)num(t + 1, 2);
	dt->min = (uint8_t)num(t + 4, 2);
	t += 6;
	if (*t == ':' && digits(t + 1, 2)) {
		dt->sec = num(t + 1, 2);
		t += 3;
	}
	if (*t || dt->hour > 23 || dt->min > 59 || dt->sec > 59)
		return false;
	*has_time = true;
	return true;
}

static bool parse_number(const char *v, double *out)
{
	char *end;

	if (!*v || strchr(v, ' ') || strchr(v, 'x') || strchr(v, 'X') ||
	    strchr(v, 'n') || strchr(v, 'N') || strchr(v, 'i') ||
	    strchr(v, 'I'))
		return false; /* no hex, nan, inf: only plain numbers */
	errno = 0;
	*out = strtod(v, &end);
	return !*end && !errno;
}

int hane_xlsx_put(hane_xlsx *x, const char *v, enum hane_csv_kind k)
{
	uint16_t col = x->col++;
	lxw_error e = LXW_NO_ERROR;
	lxw_datetime dt;
	bool has_time;
	double d;
	int w;
	int rc;

	if ((rc = sheet(x)))
		return rc;
	if (col >= XLSX_MAX_COLS) {
		x->failed = true;
		return HANE_EINVAL;
	}
	if (col >= x->ncols)
		x->ncols = (uint16_t)(col + 1);
	if (!v || !*v)
		return 0;
	w = hane_text_width(v);
	if (x->row == 0) {
		/* The header, bold; the filter's arrow takes two columns. */
		w += 3;
		e = worksheet_write_string(x->ws, 0, col, v, x->bold);
	} else if (k == HANE_CSV_DATE && parse_date(v, &dt, &has_time)) {
		w = has_time ? 16 : 10;
		e = worksheet_write_datetime(x->ws, x->row, col, &dt,
					     has_time ? x->datetime : x->date);
	} else if ((k == HANE_CSV_NUMBER || k == HANE_CSV_MONEY) &&
		   parse_number(v, &d)) {
		if (k == HANE_CSV_MONEY)
			w += w / 3 + 1; /* thousands separators */
		e = worksheet_write_number(x->ws, x->row, col, d,
					   k == HANE_CSV_MONEY ? x->money
							       : NULL);
	} else {
		/* Text, identifiers (TC Kimlik No, phones) and whatever did
		 * not parse as its kind: a text cell, never a formula. */
		e = worksheet_write_string(x->ws, x->row, col, v,
					   k == HANE_CSV_ID ? x->text : NULL);
	}
	if (e != LXW_NO_ERROR) {
		x->failed = true;
		hane_error_set("xlsx: %s", lxw_strerror(e));
		return HANE_EIO;
	}
	if (w > x->width[col])
		x->width[col] = w;
	return 0;
}

int hane_xlsx_endrow(hane_xlsx *x)
{
	int rc;

	if ((rc = sheet(x)))
		return rc;
	x->col = 0;
	if (x->row + 1 >= XLSX_MAX_ROWS) {
		x->failed = true;
		hane_error_set("xlsx: %d", XLSX_MAX_ROWS);
		return HANE_EINVAL;
	}
	x->row++;
	return x->failed ? HANE_EIO : 0;
}

static int copy_into(hane_xlsx *x)
{
	char buf[65536];
	FILE *in = fopen(x->path, "rb"); /* files.h: as the user (close) */
	size_t n;
	int rc = 0;

	if (!in) {
		hane_error_set("%s", strerror(errno));
		return HANE_EIO;
	}
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, x->fp) != n) {
			hane_error_set("%s", strerror(errno));
			rc = HANE_EIO;
			break;
		}
	if (ferror(in))
		rc = HANE_EIO;
	fclose(in);
	if (!rc && (fflush(x->fp) || ferror(x->fp))) {
		hane_error_set("%s", strerror(errno));
		rc = HANE_EIO;
	}
	return rc;
}

int hane_xlsx_close(hane_xlsx *x)
{
	lxw_error e;
	int rc = 0;

	if (!x)
		return 0;
	if (!sheet(x)) {
		for (uint16_t c = 0; c < x->ncols; c++) {
			int w = x->width[c] < 6 ? 6 : x->width[c] + 1;

			worksheet_set_column(x->ws, c, c,
					     w > WIDTH_MAX ? WIDTH_MAX : w,
					     NULL);
		}
		if (x->row > 0 && x->ncols > 0) {
			worksheet_freeze_panes(x->ws, 1, 0);
			worksheet_autofilter(x->ws, 0, 0, x->row - 1,
					     (lxw_col_t)(x->ncols - 1));
		}
	}
	hane_files_as_user();
	e = workbook_close(x->wb);
	x->wb = NULL;
	if (e != LXW_NO_ERROR) {
		hane_error_set("xlsx: %s", lxw_strerror(e));
		rc = HANE_EIO;
	} else if (x->failed) {
		rc = HANE_EIO;
	} else {
		rc = copy_into(x);
	}
	hane_files_as_hane();
	cleanup_dir(x);
	free(x);
	return rc;
}

void hane_xlsx_discard(hane_xlsx *x)
{
	if (!x)
		return;
	hane_files_as_user();
	if (x->wb)
		workbook_close(x->wb);
	hane_files_as_hane();
	cleanup_dir(x);
	free(x);
}
