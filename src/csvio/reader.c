/* The CSV reader: libcsv behind a pull interface that keeps raw bytes.
 *
 * libcsv is a push parser without byte positions, so the reader cuts the
 * input into physical lines itself and feeds libcsv one line at a time:
 * a record can only end at a line end, so after each line we know whether
 * a record completed and which bytes it was made of. Those bytes go to the
 * rejects file untouched. The libcsv traps from the issue are handled
 * here: spaces are kept (space function), the BOM is taken off before
 * libcsv sees it, strict mode plus CSV_STRICT_FINI catch bad and
 * unterminated quotes, a capped realloc stops a runaway field, and blank
 * records are skipped by us (field counts are the caller's to check).
 */
#include "hane/csvio.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hane/core.h"
#include "hane/files.h"
#include "hane/i18n.h"

#define BLOCK (64 * 1024)
#define RAW_MAX (4 * HANE_CSV_FIELD_MAX)

struct hane_csv_reader {
	FILE *fp;
	bool own_fp;
	char *path;
	char *buf;
	size_t cap, len, pos;
	bool eof;
	int64_t consumed, size;

	struct csv_parser p;
	bool parser_ready;
	enum hane_csv_encoding enc;
	char delim;
	bool had_bom;

	/* the record being built */
	char *text; /* field texts, NUL-separated */
	size_t text_len, text_cap;
	size_t *offs; /* start of each field in text */
	size_t nfields, fields_cap;
	char **fields;
	char *raw;
	size_t raw_len, raw_cap;
	long line; /* physical lines fed so far */
	long rec_line;
	bool row_done;
	int err; /* first error inside a callback */

	struct hane_csv_record rec;
};

/* ---- Windows-1254 -------------------------------------------------------- */

/* 0x80..0x9F; 0 marks the bytes 1254 leaves undefined. */
static const uint16_t cp1254_80[32] = {
	0x20AC, 0,	0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,	0,	0,
	0,	0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,	0,	0x0178,
};

/* 0xA0..0xFF is Latin-1 except the six Turkish letters. */
static uint32_t cp1254_cp(unsigned char c)
{
	if (c < 0x80)
		return c;
	if (c < 0xA0)
		return cp1254_80[c - 0x80];
	switch (c) {
	case 0xD0:
		return 0x011E; /* Ğ */
	case 0xDD:
		return 0x0130; /* İ */
	case 0xDE:
		return 0x015E; /* Ş */
	case 0xF0:
		return 0x011F; /* ğ */
	case 0xFD:
		return 0x0131; /* ı */
	case 0xFE:
		return 0x015F; /* ş */
	default:
		return c;
	}
}

int hane_csv_from_1254(char **out, const char *s, size_t n)
{
	char *o = malloc(n * 3 + 1), *q = o;
	size_t i;

	*out = NULL;
	if (!o)
		return HANE_ENOMEM;
	for (i = 0; i < n; i++) {
		uint32_t cp = cp1254_cp((unsigned char)s[i]);

		if (!cp && s[i]) {
			free(o);
			hane_error_set("0x%02X", (unsigned char)s[i]);
			return HANE_EINVAL;
		}
		q += hane_utf8_encode(cp, q);
	}
	*q = '\0';
	*out = o;
	return 0;
}

char *hane_csv_to_1254(const char *utf8)
{
	size_t n = strlen(utf8);
	char *o = malloc(n + 1), *q = o;

	if (!o)
		return NULL;
	while (n) {
		uint32_t cp;
		int k = hane_utf8_decode(utf8, n, &cp);
		unsigned c;

		if (k <= 0) {
			*q++ = '?';
			utf8++, n--;
			continue;
		}
		utf8 += k, n -= (size_t)k;
		if (cp < 0x80) {
			*q++ = (char)cp;
			continue;
		}
		for (c = 0x80; c <= 0xFF; c++)
			if (cp1254_cp((unsigned char)c) == cp)
				break;
		*q++ = c <= 0xFF ? (char)c : '?';
	}
	*q = '\0';
	return o;
}

int hane_csv_encoding_parse(const char *s)
{
	char f[32];

	hane_text_fold(f, sizeof(f), s ? s : "");
	if (!strcmp(f, "utf 8") || !strcmp(f, "utf8"))
		return HANE_CSV_ENC_UTF8;
	if (!strcmp(f, "windows 1254") || !strcmp(f, "cp1254") ||
	    !strcmp(f, "1254") || !strcmp(f, "cp 1254") ||
	    !strcmp(f, "iso 8859 9") || !strcmp(f, "latin5"))
		return HANE_CSV_ENC_CP1254;
	return -1;
}

const char *hane_csv_encoding_name(enum hane_csv_encoding e)
{
	switch (e) {
	case HANE_CSV_ENC_UTF8:
		return "UTF-8";
	case HANE_CSV_ENC_CP1254:
		return "Windows-1254";
	default:
		return "ASCII";
	}
}

/* ---- libcsv callbacks ---------------------------------------------------- */

/* libcsv grows a field's buffer through this; refusing past the cap turns a
 * runaway (unterminated quote) field into CSV_ENOMEM instead of eating
 * all memory. */
static void *capped_realloc(void *p, size_t n)
{
	if (n > HANE_CSV_FIELD_MAX + 256)
		return NULL;
	return realloc(p, n);
}

/* Keep every space: libcsv would otherwise trim unquoted fields. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static int text_reserve(hane_csv_reader *r, size_t more)
{
	size_t want = r->text_len + more;

	if (want > r->text_cap) {
		size_t cap = r->text_cap ? r->text_cap : 1024;
		char *t;

		while (cap < want)
			cap *= 2;
		t = realloc(r->text, cap);
		if (!t)
			return HANE_ENOMEM;
		r->text = t;
		r->text_cap = cap;
	}
	return 0;
}

static bool is_ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] & 0x80)
			return false;
	return true;
}

static void on_field(void *data, size_t n, void *arg)
{
	hane_csv_reader *r = arg;
	const char *s = data ? data : "";
	size_t *o;

	if (r->err)
		return;
	if (r->nfields >= HANE_CSV_FIELDS_MAX) {
		hane_error_set(hane_msg(HANE_M_CSV_TOO_MANY), r->rec_line);
		r->err = HANE_ECSV;
		return;
	}
	if (!(o = hane_grow(r->offs, &r->fields_cap, r->nfields, sizeof *o,
			    32))) {
		r->err = HANE_ENOMEM;
		return;
	}
	r->offs = o;
	if (r->enc == HANE_CSV_ENC_AUTO && !is_ascii(s, n))
		r->enc = hane_utf8_valid(s, n) ? HANE_CSV_ENC_UTF8
					       : HANE_CSV_ENC_CP1254;
	r->offs[r->nfields++] = r->text_len;
	if (r->enc == HANE_CSV_ENC_CP1254 && !is_ascii(s, n)) {
		size_t i;

		if (text_reserve(r, n * 3 + 1)) {
			r->err = HANE_ENOMEM;
			return;
		}
		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];
			uint32_t cp = cp1254_cp(c);

			if (!cp && c) {
				hane_error_set(hane_msg(HANE_M_CSV_BAD_1254),
					       r->rec_line, c);
				r->err = HANE_ECSV;
				return;
			}
			r->text_len += (size_t)hane_utf8_encode(
				cp, r->text + r->text_len);
		}
	} else {
		if (r->enc == HANE_CSV_ENC_UTF8 && !hane_utf8_valid(s, n)) {
			hane_error_set(hane_msg(HANE_M_CSV_BAD_UTF8),
				       r->rec_line);
			r->err = HANE_ECSV;
			return;
		}
		if (text_reserve(r, n + 1)) {
			r->err = HANE_ENOMEM;
			return;
		}
		memcpy(r->text + r->text_len, s, n);
		r->text_len += n;
	}
	r->text[r->text_len++] = '\0';
}

static void on_row(int c, void *arg)
{
	hane_csv_reader *r = arg;

	(void)c;
	r->row_done = true;
}

/* ---- Opening --------------------------------------------------------------- */

/* Reads more input after the unconsumed bytes; grows the buffer when one
 * line does not fit. */
static int refill(hane_csv_reader *r)
{
	size_t n;

	if (r->pos) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->len -= r->pos;
		r->pos = 0;
	}
	if (r->len == r->cap) {
		char *b;

		if (r->cap >= RAW_MAX) {
			hane_error_set(hane_msg(HANE_M_CSV_TOO_LONG),
				       r->line + 1);
			return HANE_ECSV;
		}
		b = realloc(r->buf, r->cap * 2);
		if (!b)
			return HANE_ENOMEM;
		r->buf = b;
		r->cap *= 2;
	}
	n = fread(r->buf + r->len, 1, r->cap - r->len, r->fp);
	r->len += n;
	if (n == 0) {
		if (ferror(r->fp)) {
			hane_error_set(hane_msg(HANE_M_CSV_READ), r->path,
				       strerror(errno));
			return HANE_EIO;
		}
		r->eof = true;
	}
	return 0;
}

/* The delimiter that occurs most often outside quotes in the first line;
 * ties go to ';' (Turkish Excel) then ',' then tab. */
static char sniff_delimiter(const char *s, size_t n)
{
	size_t i, comma = 0, semi = 0, tab = 0;
	bool q = false;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '"')
			q = !q;
		else if (q)
			continue;
		else if (c == '\n' || c == '\r')
			break;
		else if (c == ',')
			comma++;
		else if (c == ';')
			semi++;
		else if (c == '\t')
			tab++;
	}
	if (semi && semi >= comma && semi >= tab)
		return ';';
	if (comma && comma >= tab)
		return ',';
	if (tab)
		return '\t';
	return ',';
}

/* Valid UTF-8 apart from a sequence cut at the end of the block. */
static bool utf8_valid_prefix(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < 4 && k <= n; k++)
		if (hane_utf8_valid(s, n - k))
			return true;
	return false;
}

/* The first block's kind: UTF-16, a workbook and an empty file are
 * refused with what to do; a UTF-8 BOM is skipped. */
static int first_block(hane_csv_reader *r)
{
	if (r->len >= 2 && ((unsigned char)r->buf[0] == 0xFF &&
			    (unsigned char)r->buf[1] == 0xFE)) {
		hane_error_set("%s", hane_msg(HANE_M_CSV_UTF16));
		return HANE_ECSV;
	}
	/* An .xlsx (a zip) or an old .xls (an OLE compound file) given for
	 * a CSV: say what to do instead of "binary data on line 1". hane
	 * does not read workbooks: Debian 12 has no maintained C library
	 * for .xlsx (FreeXL 1.0 reads only .xls), and a zip/XML reader of
	 * our own is not worth its risk (README, Import). */
	if ((r->len >= 4 && !memcmp(r->buf, "PK\x03\x04", 4)) ||
	    (r->len >= 8 &&
	     !memcmp(r->buf, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) {
		hane_error_set("%s", hane_msg(HANE_M_CSV_WORKBOOK));
		return HANE_ECSV;
	}
	if (r->len >= 3 && !memcmp(r->buf, "\xEF\xBB\xBF", 3)) {
		r->had_bom = true;
		r->pos = 3;
		r->consumed = 3;
	}
	if (r->pos == r->len) {
		hane_error_set("%s", hane_msg(HANE_M_CSV_EMPTY));
		return HANE_ECSV;
	}
	return 0;
}

int hane_csv_open(hane_csv_reader **out, const char *path,
		  const struct hane_csv_opts *opts)
{
	hane_csv_reader *r;
	struct stat st;
	int rc;

	*out = NULL;
	r = calloc(1, sizeof(*r));
	if (!r)
		return HANE_ENOMEM;
	r->size = -1;
	r->path = strdup(path);
	r->cap = BLOCK;
	r->buf = malloc(r->cap);
	if (!r->path || !r->buf) {
		rc = HANE_ENOMEM;
		goto done;
	}
	if (!strcmp(path, "-")) {
		r->fp = stdin;
	} else {
		/* With the user's own ids (hane/files.h). */
		if ((rc = hane_file_open_read_fp(&r->fp, path, 0)) != 0)
			goto done;
		r->own_fp = true;
	}
	if (fstat(fileno(r->fp), &st) == 0 && S_ISREG(st.st_mode))
		r->size = st.st_size;

	/* Fill the first block fully (a pipe may deliver it in pieces). */
	while (!r->eof && r->len < r->cap)
		if ((rc = refill(r)))
			goto done;
	if ((rc = first_block(r)))
		goto done;
	r->enc = opts ? opts->encoding : HANE_CSV_ENC_AUTO;
	if (r->had_bom)
		r->enc = HANE_CSV_ENC_UTF8;
	if (r->enc == HANE_CSV_ENC_AUTO &&
	    !is_ascii(r->buf + r->pos, r->len - r->pos))
		r->enc = utf8_valid_prefix(r->buf + r->pos, r->len - r->pos)
				 ? HANE_CSV_ENC_UTF8
				 : HANE_CSV_ENC_CP1254;
	r->delim = opts && opts->delimiter
			   ? opts->delimiter
			   : sniff_delimiter(r->buf + r->pos, r->len - r->pos);

	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)) {
		rc = HANE_ENOMEM;
		goto done;
	}
	r->parser_ready = true;
	csv_set_delim(&r->p, (unsigned char)r->delim);
	csv_set_space_func(&r->p, no_space);
	csv_set_realloc_func(&r->p, capped_realloc);
	csv_set_blk_size(&r->p, 256);
	rc = 0;
done:
	if (rc)
		hane_csv_close(r);
	else
		*out = r;
	return rc;
}

void hane_csv_close(hane_csv_reader *r)
{
	if (!r)
		return;
	if (r->parser_ready)
		csv_free(&r->p);
	if (r->own_fp)
		fclose(r->fp);
	free(r->path);
	free(r->buf);
	free(r->text);
	free(r->offs);
	free(r->fields);
	free(r->raw);
	free(r);
}

/* ---- Reading --------------------------------------------------------------- */

static int raw_append(hane_csv_reader *r, const char *s, size_t n)
{
	char *t;

	if (r->raw_len + n > RAW_MAX * 2) {
		hane_error_set(hane_msg(HANE_M_CSV_TOO_LONG), r->rec_line);
		return HANE_ECSV;
	}
	t = hane_grow(r->raw, &r->raw_cap, r->raw_len + n, 1, 1024);
	if (!t)
		return HANE_ENOMEM;
	r->raw = t;
	memcpy(r->raw + r->raw_len, s, n);
	r->raw_len += n;
	return 0;
}

/* The error libcsv reports, as our message for the record's line. */
static int parse_error(hane_csv_reader *r)
{
	int e = csv_error(&r->p);

	if (r->err)
		return r->err;
	if (e == CSV_ENOMEM || e == CSV_ETOOBIG)
		hane_error_set(hane_msg(HANE_M_CSV_TOO_LONG), r->rec_line);
	else
		hane_error_set(hane_msg(HANE_M_CSV_QUOTE), r->line);
	return HANE_ECSV;
}

/* Finds the next physical line in the buffer: [pos, *end). A CR at the
 * very end of the buffer waits for the next byte (it may be a CRLF).
 * Returns 1 with a line, 0 at end of input, or an error. */
static int next_line(hane_csv_reader *r, size_t *end)
{
	for (;;) {
		const char *b = r->buf;
		size_t i;

		for (i = r->pos; i < r->len; i++)
			if (b[i] == '\n' || b[i] == '\r')
				break;
		if (i < r->len && (b[i] == '\n' || i + 1 < r->len || r->eof)) {
			if (b[i] == '\r' && i + 1 < r->len && b[i + 1] == '\n')
				i++;
			*end = i + 1;
			return 1;
		}
		if (r->eof) {
			*end = r->len;
			return r->len > r->pos;
		}
		{
			int rc = refill(r);

			if (rc)
				return rc;
		}
	}
}

static bool all_empty(const hane_csv_reader *r)
{
	size_t i;

	for (i = 0; i < r->nfields; i++) {
		const char *s = r->text + r->offs[i];

		while (*s == ' ' || *s == '\t')
			s++;
		if (*s)
			return false;
	}
	return true;
}

static void start_record(hane_csv_reader *r)
{
	r->nfields = 0;
	r->text_len = 0;
	r->raw_len = 0;
	r->row_done = false;
	r->rec_line = r->line + 1;
}

static int finish_record(hane_csv_reader *r, const struct hane_csv_record **rec)
{
	size_t i;
	char **f = realloc(r->fields, (r->nfields + 1) * sizeof(*f));

	if (!f)
		return HANE_ENOMEM;
	r->fields = f;
	for (i = 0; i < r->nfields; i++)
		f[i] = r->text + r->offs[i];
	f[i] = NULL;
	r->rec.nfields = r->nfields;
	r->rec.fields = f;
	r->rec.line = r->rec_line;
	r->rec.raw = r->raw;
	r->rec.raw_len = r->raw_len;
	*rec = &r->rec;
	return HANE_ROW;
}

int hane_csv_read(hane_csv_reader *r, const struct hane_csv_record **rec)
{
	int rc;

	*rec = NULL;
	start_record(r);
	for (;;) {
		size_t end = 0, n;
		const char *s;

		rc = next_line(r, &end);
		if (rc < 0)
			return rc;
		if (rc == 0) {
			/* End of input: libcsv hands over a last row without
			 * a line end here, or fails on an open quote. */
			if (csv_fini(&r->p, on_field, on_row, r)) {
				if (r->err)
					return r->err;
				hane_error_set(
					hane_msg(HANE_M_CSV_UNTERMINATED),
					r->rec_line);
				return HANE_ECSV;
			}
			if (r->err)
				return r->err;
			if (r->row_done && !all_empty(r))
				return finish_record(r, rec);
			return HANE_DONE;
		}
		s = r->buf + r->pos;
		n = end - r->pos;
		if (memchr(s, '\0', n)) {
			hane_error_set(hane_msg(HANE_M_CSV_BINARY),
				       r->line + 1);
			return HANE_ECSV;
		}
		r->line++;
		r->pos = end;
		r->consumed += (int64_t)n;
		if (r->raw_len == 0 && (s[0] == '\n' || s[0] == '\r')) {
			/* A blank line between records: libcsv ignores it
			 * and so does the record's raw text. */
			r->rec_line = r->line + 1;
			continue;
		}
		if ((rc = raw_append(r, s, n)))
			return rc;
		if (csv_parse(&r->p, s, n, on_field, on_row, r) != n || r->err)
			return parse_error(r);
		if (r->row_done) {
			if (all_empty(r)) {
				start_record(r);
				continue;
			}
			return finish_record(r, rec);
		}
	}
}

enum hane_csv_encoding hane_csv_encoding(const hane_csv_reader *r)
{
	return r->enc;
}

char hane_csv_delimiter(const hane_csv_reader *r)
{
	return r->delim;
}

bool hane_csv_had_bom(const hane_csv_reader *r)
{
	return r->had_bom;
}

int64_t hane_csv_offset(const hane_csv_reader *r)
{
	return r->consumed;
}

int64_t hane_csv_size(const hane_csv_reader *r)
{
	return r->size;
}

/* ---- Rejects ------------------------------------------------------------- */

struct hane_csv_rejects {
	FILE *fp;
	char *path;
	char delim;
	bool cp1254;
	char eol[3];
	int err;
};

/* The line end of a raw record, and its length without it. */
static size_t strip_eol(const char *raw, size_t n)
{
	if (n && raw[n - 1] == '\n')
		n--;
	if (n && raw[n - 1] == '\r')
		n--;
	return n;
}

static void rejects_field(hane_csv_rejects *j, const char *utf8)
{
	char *conv = j->cp1254 ? hane_csv_to_1254(utf8) : NULL;
	const char *s = conv ? conv : utf8;

	fputc(j->delim, j->fp);
	fputc('"', j->fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', j->fp);
		fputc(*s, j->fp);
	}
	fputc('"', j->fp);
	fputs(j->eol, j->fp);
	free(conv);
}

int hane_csv_rejects_open(hane_csv_rejects **out, const char *path,
			  const hane_csv_reader *r,
			  const struct hane_csv_record *header,
			  const char *column_title)
{
	hane_csv_rejects *j;
	size_t n;
	int rc;

	*out = NULL;
	j = calloc(1, sizeof(*j));
	if (!j)
		return HANE_ENOMEM;
	j->path = strdup(path);
	/* hane's own by-product, written again by every run of the import
	 * (a dry run, then the real one): an earlier rejects file of the
	 * user's own is replaced — never through a link, never someone
	 * else's file (hane/files.h). */
	rc = j->path ? hane_file_create_fp(&j->fp, path, HANE_FILE_FORCE)
		     : HANE_ENOMEM;
	if (rc) {
		free(j->path);
		free(j);
		return rc;
	}
	j->delim = r->delim;
	j->cp1254 = r->enc == HANE_CSV_ENC_CP1254;
	n = header->raw_len;
	if (n && header->raw[n - 1] == '\n')
		strcpy(j->eol,
		       n > 1 && header->raw[n - 2] == '\r' ? "\r\n" : "\n");
	else if (n && header->raw[n - 1] == '\r')
		strcpy(j->eol, "\r");
	else
		strcpy(j->eol, "\n");
	if (r->had_bom)
		fputs("\xEF\xBB\xBF", j->fp);
	fwrite(header->raw, 1, strip_eol(header->raw, n), j->fp);
	rejects_field(j, column_title);
	*out = j;
	return 0;
}

int hane_csv_rejects_add(hane_csv_rejects *j, const struct hane_csv_record *rec,
			 const char *reason)
{
	fwrite(rec->raw, 1, strip_eol(rec->raw, rec->raw_len), j->fp);
	rejects_field(j, reason);
	if (ferror(j->fp)) {
		hane_error_set(hane_msg(HANE_M_CSV_WRITE), j->path,
			       strerror(errno));
		return HANE_EIO;
	}
	return 0;
}

int hane_csv_rejects_close(hane_csv_rejects *j)
{
	int rc = 0;

	if (!j)
		return 0;
	if (ferror(j->fp) | fclose(j->fp)) {
		hane_error_set(hane_msg(HANE_M_CSV_WRITE), j->path,
			       strerror(errno));
		rc = HANE_EIO;
	}
	free(j->path);
	free(j);
	return rc;
}
