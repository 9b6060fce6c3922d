/* The report engine: a report is an SQL file with a describing header.
 *
 * Reports are data, not code: the engine parses the header comment of
 * each embedded data/reports/NAME.sql, binds the declared parameters after
 * checking them by type, runs the query read-only through the store, adds
 * the totals row, and hands a table to the screen or the CSV writer.
 */
#include "hane/reports.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/csvio.h"
#include "hane/embed.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/security.h"

/* ---- Parsing the header --------------------------------------------------- */

/* Splits s at '|' into up to max trimmed parts (in place). */
static int split(char *s, char **part, int max)
{
	int n = 0;

	while (n < max) {
		char *bar = strchr(s, '|');

		if (bar)
			*bar = '\0';
		part[n++] = hane_text_trim(s);
		if (!bar)
			break;
		s = bar + 1;
	}
	return n;
}

static int header_error(int line, const char *what)
{
	hane_error_set(hane_msg(HANE_M_REP_BAD_HEADER), line, what);
	return HANE_EINVAL;
}

/* Copies both titles: "Türkçe | English" (English defaults to Turkish). */
static void titles(char out[2][128], size_t sz, char **part, int n)
{
	snprintf(out[0], sz, "%s", n > 0 ? part[0] : "");
	snprintf(out[1], sz, "%s", n > 1 && *part[1] ? part[1] : out[0]);
}

/* "param: NAME TYPE | tr | en" */
static int parse_param(struct hane_report *r, char *val, int line)
{
	struct hane_report_param *p;
	char *part[4], type[16] = "";
	int n;

	if (r->nparams == HANE_REPORT_PARAMS_MAX)
		return header_error(line, "too many params");
	p = &r->params[r->nparams];
	n = split(val, part, 3);
	if (sscanf(part[0], "%31s %15s", p->name, type) < 1)
		return header_error(line, "param: NAME TYPE | tr | en");
	HANE_COPY(p->type, type[0] ? type : "text");
	if (strcmp(p->type, "month") && strcmp(p->type, "year") &&
	    strcmp(p->type, "date") && strcmp(p->type, "text"))
		return header_error(line, "param type: month, year, "
					  "date or text");
	titles(p->title, sizeof p->title[0], part + 1, n - 1);
	r->nparams++;
	return 0;
}

/* A column kind's word, as the header writes it; -1 if none. */
static int column_kind(const char *word)
{
	static const struct {
		const char *word;
		enum hane_report_kind kind;
	} kinds[] = {
		{"text", HANE_REPORT_TEXT},
		{"number", HANE_REPORT_NUMBER},
		{"money", HANE_REPORT_MONEY},
		{"date", HANE_REPORT_DATE},
		{"id", HANE_REPORT_ID},
		{"tckn", HANE_REPORT_TCKN},
		{"phone", HANE_REPORT_PHONE},
		{"address", HANE_REPORT_ADDRESS},
		{"personal", HANE_REPORT_PERSONAL},
	};

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(word, kinds[i].word))
			return (int)kinds[i].kind;
	return -1;
}

/* "column: NAME KIND [sum] | tr | en" */
static int parse_column(struct hane_report *r, char *val, int line)
{
	struct hane_report_column *c;
	char *part[4], kind[16] = "text", sum[8] = "";
	int n, k;

	if (r->ncols == HANE_REPORT_COLS_MAX)
		return header_error(line, "too many columns");
	c = &r->cols[r->ncols];
	n = split(val, part, 3);
	if (sscanf(part[0], "%63s %15s %7s", c->name, kind, sum) < 1)
		return header_error(line, "column: NAME KIND [sum] | tr | en");
	if ((k = column_kind(kind)) < 0)
		return header_error(line,
				    "column kind: text, number, "
				    "money, date, id, tckn, phone, address "
				    "or personal");
	c->kind = (enum hane_report_kind)k;
	if (sum[0] && strcmp(sum, "sum"))
		return header_error(line, "column: only \"sum\" may "
					  "follow the kind");
	c->sum = sum[0] != '\0';
	if (c->sum && !hane_report_kind_number(c->kind))
		return header_error(line, "only number columns sum");
	titles(c->title, sizeof c->title[0], part + 1, n - 1);
	r->ncols++;
	return 0;
}

/* "title: tr | en" and "total: tr | en" (one text: both languages). */
static void two_texts(char *tr, char *en, size_t size, char *val)
{
	char *part[4];
	int n = split(val, part, 2);

	snprintf(tr, size, "%s", part[0]);
	snprintf(en, size, "%s", n > 1 ? part[1] : part[0]);
}

static int parse_line(struct hane_report *r, char *key, char *val, int line)
{
	if (!strcmp(key, "name")) {
		HANE_COPY(r->name, hane_text_trim(val));
		return 0;
	}
	if (!strcmp(key, "needs")) {
		r->needs = hane_action_find(hane_text_trim(val));
		if (r->needs < 0)
			return header_error(line, "needs: a permission name "
						  "(hane/perm.h), e.g. "
						  "household.read");
		return 0;
	}
	if (!strcmp(key, "title"))
		two_texts(r->title[0], r->title[1], sizeof r->title[0], val);
	else if (!strcmp(key, "total"))
		two_texts(r->total[0], r->total[1], sizeof r->total[0], val);
	else if (!strcmp(key, "param"))
		return parse_param(r, val, line);
	else if (!strcmp(key, "column"))
		return parse_column(r, val, line);
	/* Other comment lines are prose for the reader of the file. */
	return 0;
}

int hane_report_parse(struct hane_report *out, const char *text)
{
	const char *s = text;
	int line = 0;

	memset(out, 0, sizeof *out);
	out->needs = -1;
	for (;;) {
		const char *eol = strchr(s, '\n');
		size_t n = eol ? (size_t)(eol - s) : strlen(s);
		char buf[512], *colon, *key;
		int rc;

		line++;
		while (n && (*s == ' ' || *s == '\t'))
			s++, n--;
		if (n == 0 || (n == 1 && *s == '\r')) {
			if (!eol)
				break;
			s = eol + 1;
			continue;
		}
		if (n < 2 || s[0] != '-' || s[1] != '-')
			break;
		if (n - 2 >= sizeof buf)
			return header_error(line, "line too long");
		memcpy(buf, s + 2, n - 2);
		buf[n - 2] = '\0';
		key = hane_text_trim(buf);
		colon = strchr(key, ':');
		if (colon && colon > key) {
			*colon = '\0';
			if (!strchr(key, ' ') &&
			    (rc = parse_line(out, key, colon + 1, line)))
				return rc;
		}
		if (!eol) {
			s += n;
			break;
		}
		s = eol + 1;
	}
	out->sql = s;
	if (!out->name[0])
		return header_error(1, "no \"-- name:\"");
	if (!out->title[0][0])
		return header_error(1, "no \"-- title:\"");
	if (!out->ncols)
		return header_error(line, "no \"-- column:\"");
	if (out->needs < 0)
		return header_error(1, "no \"-- needs:\" (the permission the "
				       "report needs)");
	if (!*s)
		return header_error(line, "no SQL after the header");
	for (int i = 0; i < out->ncols; i++) {
		if (out->cols[i].sum && !out->total[0][0]) {
			strcpy(out->total[0], "Toplam");
			strcpy(out->total[1], "Total");
		}
	}
	return 0;
}

/* ---- The catalogue -------------------------------------------------------- */

size_t hane_report_count(void)
{
	size_t n = 0;

	while (hane_embedded_reports[n].name)
		n++;
	return n;
}

int hane_report_at(size_t i, struct hane_report *out)
{
	if (i >= hane_report_count())
		return HANE_ENOTFOUND;
	return hane_report_parse(out, hane_embedded_reports[i].text);
}

int hane_report_find(const char *name, struct hane_report *out)
{
	char names[1024] = "";
	size_t i, n = hane_report_count();

	for (i = 0; i < n; i++) {
		size_t l = strlen(names);

		if (hane_report_at(i, out))
			continue;
		if (!strcmp(out->name, name))
			return 0;
		snprintf(names + l, sizeof names - l, "%s%s", l ? ", " : "",
			 out->name);
	}
	memset(out, 0, sizeof *out);
	hane_error_set(hane_msg(HANE_M_REP_UNKNOWN), name, names);
	return HANE_ENOTFOUND;
}

const char *hane_report_title(const struct hane_report *r)
{
	return r->title[hane_lang_get() == HANE_LANG_EN];
}

const char *hane_report_column_title(const struct hane_report *r, int i)
{
	return r->cols[i].title[hane_lang_get() == HANE_LANG_EN];
}

const char *hane_report_param_title(const struct hane_report *r, int i)
{
	return r->params[i].title[hane_lang_get() == HANE_LANG_EN];
}

/* ---- Running -------------------------------------------------------------- */

bool hane_report_kind_personal(enum hane_report_kind k)
{
	return k == HANE_REPORT_TCKN || k == HANE_REPORT_PHONE ||
	       k == HANE_REPORT_ADDRESS || k == HANE_REPORT_PERSONAL;
}

/* A personal cell as this run may show it (KVKK): the same masks as the
 * screens, so a report never shows more than the registry would. */
static const char *personal_cell(char *out, size_t outsz,
				 enum hane_report_kind k, const char *v,
				 bool unmasked)
{
	if (!*v || unmasked) {
		if (k == HANE_REPORT_PHONE && v[0] == '+')
			return hane_phone_format(out, outsz, v, false);
		return v;
	}
	switch (k) {
	case HANE_REPORT_TCKN:
		hane_tckn_mask(out, outsz, v);
		return out;
	case HANE_REPORT_PHONE:
		if (v[0] == '+')
			return hane_phone_format(out, outsz, v, true);
		return "***";
	default:
		return "***";
	}
}

/* The parameters as given, for the read log: "month=2026-06 …". */
static void params_text(char *out, size_t outsz,
			const struct hane_report_arg *args, size_t nargs)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < nargs && len + 1 < outsz; i++) {
		int k = snprintf(out + len, outsz - len, "%s%s=%s",
				 i ? " " : "", args[i].name,
				 args[i].value ? args[i].value : "");

		if (k < 0)
			break;
		len += (size_t)k;
	}
}

/* Checks v against the param's type; the bound form into out. */
static bool param_value(char *out, size_t outsz, const char *type,
			const char *v)
{
	int y, m, k = 0;

	if (!strcmp(type, "month")) {
		if ((sscanf(v, "%4d-%2d%n", &y, &m, &k) == 2 ||
		     sscanf(v, "%2d.%4d%n", &m, &y, &k) == 2) &&
		    !v[k] && y >= 1900 && y <= 2100 && m >= 1 && m <= 12) {
			snprintf(out, outsz, "%04d-%02d", y, m);
			return true;
		}
		return false;
	}
	if (!strcmp(type, "year")) {
		if (sscanf(v, "%4d%n", &y, &k) == 1 && !v[k] && y >= 1900 &&
		    y <= 2100) {
			snprintf(out, outsz, "%04d", y);
			return true;
		}
		return false;
	}
	if (!strcmp(type, "date")) {
		char iso[HANE_DATE_LEN + 1];

		if (hane_date_parse(iso, v))
			return false;
		snprintf(out, outsz, "%s", iso);
		return true;
	}
	snprintf(out, outsz, "%s", v);
	return true;
}

struct builder {
	char **cells;
	size_t n, cap;
};

static int push(struct builder *b, const char *s)
{
	char **c = hane_grow(b->cells, &b->cap, b->n, sizeof *c, 64);

	if (!c)
		return HANE_ENOMEM;
	b->cells = c;
	if (!(b->cells[b->n] = strdup(s ? s : "")))
		return HANE_ENOMEM;
	b->n++;
	return 0;
}

/* Sum of a column as text: whole numbers stay whole. */
static void format_sum(char *out, size_t outsz, double sum, bool whole)
{
	if (whole)
		snprintf(out, outsz, "%lld", (long long)sum);
	else
		snprintf(out, outsz, "%.2f", sum);
}

int hane_report_run(hane_db *db, const struct hane_report *r,
		    const struct hane_report_arg *args, size_t nargs,
		    struct hane_report_table **out)
{
	return hane_report_run_flags(db, r, args, nargs, 0, out);
}

/* Every argument names a parameter of r. */
static int args_known(const struct hane_report *r,
		      const struct hane_report_arg *args, size_t nargs)
{
	for (size_t i = 0; i < nargs; i++) {
		int c = 0;

		while (c < r->nparams &&
		       strcmp(args[i].name, r->params[c].name))
			c++;
		if (c == r->nparams) {
			hane_error_set(hane_msg(HANE_M_REP_PARAM_UNKNOWN),
				       args[i].name);
			return HANE_EUSAGE;
		}
	}
	return 0;
}

/* Binds every parameter of r from args (each required, checked by its
 * type), :today from hane's clock and :actor, the acting staff member's id
 * (a report whose rows depend on who asks: a centre's caseworker sees
 * only the programmes they work in). */
static int bind_params(hane_db *db, hane_stmt *st, const struct hane_report *r,
		       const struct hane_report_arg *args, size_t nargs)
{
	int rc;

	for (int c = 0; c < r->nparams; c++) {
		const struct hane_report_param *p = &r->params[c];
		const char *v = NULL;
		char bound[HANE_DATE_LEN + 256], name[40];

		for (size_t i = 0; i < nargs; i++)
			if (!strcmp(args[i].name, p->name))
				v = args[i].value;
		if (!v || !*v) {
			hane_error_set(hane_msg(HANE_M_REP_PARAM_MISSING),
				       p->name, hane_report_param_title(r, c));
			return HANE_EUSAGE;
		}
		if (!param_value(bound, sizeof bound, p->type, v)) {
			hane_error_set(hane_msg(HANE_M_REP_PARAM_BAD), p->name,
				       v, hane_report_param_title(r, c));
			return HANE_EUSAGE;
		}
		snprintf(name, sizeof name, ":%s", p->name);
		if ((rc = hane_stmt_bind_text(st, name, bound)))
			return rc;
	}
	if (hane_stmt_has_param(st, ":actor") &&
	    (rc = hane_stmt_bind_int(st, ":actor",
				     hane_store_actor(db)->staff_id)))
		return rc;
	/* "Today" is hane's clock (HANE_NOW in tests), never SQLite's
	 * date('now'), which no test or faketime-free check can pin. */
	if (hane_stmt_has_param(st, ":today")) {
		char today[HANE_DATE_LEN + 1];

		return hane_stmt_bind_text(st, ":today", hane_today(today));
	}
	return 0;
}

/* The result rows into b, personal cells masked unless unmasked; the
 * summed columns add up in sums (whole: no decimals seen). */
static int read_rows(hane_stmt *st, const struct hane_report *r, bool unmasked,
		     struct builder *b, double *sums, bool *whole)
{
	int rc;

	for (int c = 0; c < r->ncols; c++)
		whole[c] = true;
	while ((rc = hane_stmt_step(st)) == HANE_ROW) {
		for (int c = 0; c < r->ncols; c++) {
			const char *v = hane_stmt_text(st, c);
			char masked[256];

			if (hane_report_kind_personal(r->cols[c].kind))
				v = personal_cell(masked, sizeof masked,
						  r->cols[c].kind, v, unmasked);
			if (r->cols[c].sum && *v) {
				sums[c] += strtod(v, NULL);
				if (strchr(v, '.'))
					whole[c] = false;
			}
			if ((rc = push(b, v)))
				return rc;
		}
	}
	return rc < 0 ? rc : 0;
}

/* The total row: the sums under their columns, the title in the first. */
static int total_row(const struct hane_report *r, struct builder *b,
		     const double *sums, const bool *whole)
{
	int rc;

	for (int c = 0; c < r->ncols; c++) {
		char s[64] = "";

		if (r->cols[c].sum)
			format_sum(s, sizeof s, sums[c], whole[c]);
		else if (c == 0)
			HANE_COPY(s, r->total[hane_lang_get() == HANE_LANG_EN]);
		if ((rc = push(b, s)))
			return rc;
	}
	return 0;
}

int hane_report_run_flags(hane_db *db, const struct hane_report *r,
			  const struct hane_report_arg *args, size_t nargs,
			  unsigned flags, struct hane_report_table **out)
{
	bool unmasked = flags & HANE_OUT_UNMASKED;
	char logged[1024];
	struct builder b = {0};
	double sums[HANE_REPORT_COLS_MAX] = {0};
	bool whole[HANE_REPORT_COLS_MAX];
	hane_stmt *st = NULL;
	struct hane_report_table *t = NULL;
	int rc;

	*out = NULL;
	/* The report shows a unit's rows: its header names the unit's read
	 * permission, so nobody reads another unit's people through a
	 * report (a food-bank caseworker and the home care clients). */
	if ((rc = hane_can(db, HANE_ACT_REPORT_RUN)) ||
	    (rc = hane_can(db, (enum hane_action)r->needs)))
		return rc;
	if (unmasked && (rc = hane_can(db, HANE_ACT_EXPORT_UNMASKED)))
		return rc;
	if ((rc = args_known(r, args, nargs)) ||
	    (rc = hane_stmt_prepare(db, &st, r->sql)))
		return rc;
	if (hane_stmt_columns(st) != r->ncols) {
		hane_error_set(hane_msg(HANE_M_REP_COLUMNS), r->name,
			       hane_stmt_columns(st), r->ncols);
		rc = HANE_EINTERNAL;
		goto done;
	}
	if ((rc = bind_params(db, st, r, args, nargs)) ||
	    (rc = read_rows(st, r, unmasked, &b, sums, whole)))
		goto done;
	hane_stmt_finalize(st); /* done reading before the log writes */
	st = NULL;
	t = calloc(1, sizeof(*t));
	if (!t) {
		rc = HANE_ENOMEM;
		goto done;
	}
	t->ncols = r->ncols;
	if (r->total[0][0]) {
		if ((rc = total_row(r, &b, sums, whole)))
			goto done;
		t->has_total = true;
	}
	/* KVKK: a run nobody can answer for shows nothing. */
	params_text(logged, sizeof logged, args, nargs);
	if ((rc = hane_log_report(db, r->name, logged, unmasked)))
		goto done;
	t->nrows = b.n / (size_t)r->ncols;
	t->cells = b.cells;
	b.cells = NULL;
	*out = t;
	t = NULL;
	rc = 0;
done:
	hane_stmt_finalize(st);
	for (size_t i = 0; i < b.n && b.cells; i++)
		free(b.cells[i]);
	free(b.cells);
	free(t);
	return rc;
}

void hane_report_table_free(struct hane_report_table *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->nrows * (size_t)t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t);
}

const char *hane_report_cell(const struct hane_report_table *t, size_t row,
			     int col)
{
	return t->cells[row * (size_t)t->ncols + (size_t)col];
}

bool hane_report_kind_number(enum hane_report_kind k)
{
	return k == HANE_REPORT_NUMBER || k == HANE_REPORT_MONEY;
}

int hane_report_write_csv(const struct hane_report *r,
			  const struct hane_report_table *t, FILE *fp,
			  unsigned flags)
{
	static const enum hane_csv_kind kinds[] = {
		[HANE_REPORT_TEXT] = HANE_CSV_TEXT,
		[HANE_REPORT_NUMBER] = HANE_CSV_NUMBER,
		[HANE_REPORT_ID] = HANE_CSV_ID,
		[HANE_REPORT_TCKN] = HANE_CSV_ID,
		[HANE_REPORT_PHONE] = HANE_CSV_ID,
		[HANE_REPORT_ADDRESS] = HANE_CSV_TEXT,
		[HANE_REPORT_PERSONAL] = HANE_CSV_TEXT,
		[HANE_REPORT_MONEY] = HANE_CSV_MONEY,
		[HANE_REPORT_DATE] = HANE_CSV_DATE,
	};
	hane_csv_writer *w = NULL;
	size_t row;
	int rc, c;

	if ((rc = hane_csv_writer_open(&w, fp, flags)))
		return rc;
	hane_csv_writer_sheet(w, r->name);
	for (c = 0; c < r->ncols; c++)
		hane_csv_put(w, hane_report_column_title(r, c), HANE_CSV_TEXT);
	rc = hane_csv_endrow(w);
	for (row = 0; !rc && row < t->nrows; row++) {
		for (c = 0; c < r->ncols; c++)
			hane_csv_put(w, hane_report_cell(t, row, c),
				     kinds[r->cols[c].kind]);
		rc = hane_csv_endrow(w);
	}
	{
		int rc2 = hane_csv_writer_close(w);

		if (!rc)
			rc = rc2;
	}
	return rc;
}
