/* csvio: the reader (RFC 4180 edge cases, encodings, delimiters, libcsv
 * traps), the rejects file and the Excel-safe writer. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hane/csvio.h"
#include "hane/i18n.h"

static char tmp_dir[512];

static const char *write_file(const char *name, const void *data, size_t n)
{
	static char path[8][600];
	static int k;
	char *p = path[k++ % 8];
	FILE *fp;

	snprintf(p, sizeof(path[0]), "%s/%s", tmp_dir, name);
	fp = fopen(p, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	fclose(fp);
	return p;
}

#define WRITE(name, lit) write_file((name), (lit), sizeof(lit) - 1)

static char *slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	char *b = malloc(1 << 20);

	assert_non_null(fp);
	*n = fread(b, 1, (1 << 20) - 1, fp);
	b[*n] = '\0';
	fclose(fp);
	return b;
}

static hane_csv_reader *open_ok(const char *path)
{
	hane_csv_reader *r = NULL;

	tu_ok(hane_csv_open(&r, path, NULL));
	return r;
}

static const struct hane_csv_record *next_ok(hane_csv_reader *r)
{
	const struct hane_csv_record *rec = NULL;
	int rc = hane_csv_read(r, &rec);

	if (rc != HANE_ROW)
		fail_msg("read = %d: %s", rc, hane_error_last());
	return rec;
}

static void expect_done(hane_csv_reader *r)
{
	const struct hane_csv_record *rec;

	assert_int_equal(hane_csv_read(r, &rec), HANE_DONE);
}

static int expect_error(hane_csv_reader *r, const char *fragment)
{
	const struct hane_csv_record *rec;
	int rc;

	while ((rc = hane_csv_read(r, &rec)) == HANE_ROW)
		;
	assert_int_equal(rc, HANE_ECSV);
	if (!strstr(hane_error_last(), fragment))
		fail_msg("error '%s' lacks '%s'", hane_error_last(), fragment);
	return rc;
}

static void test_rfc4180(void **state)
{
	const char *p = WRITE("rfc.csv", "a,b,c\r\n"
					 "\"x,1\",\"say \"\"hi\"\"\",\r\n"
					 "\"two\r\nlines\",,\"\"\r\n"
					 ",,\r\n");
	hane_csv_reader *r = open_ok(p);
	const struct hane_csv_record *rec;

	rec = next_ok(r);
	assert_int_equal(rec->nfields, 3);
	assert_string_equal(rec->fields[2], "c");
	assert_int_equal(rec->line, 1);
	rec = next_ok(r);
	assert_int_equal(rec->nfields, 3);
	assert_string_equal(rec->fields[0], "x,1");
	assert_string_equal(rec->fields[1], "say \"hi\"");
	assert_string_equal(rec->fields[2], "");
	assert_int_equal(rec->line, 2);
	rec = next_ok(r);
	assert_string_equal(rec->fields[0], "two\r\nlines");
	assert_string_equal(rec->fields[1], "");
	assert_string_equal(rec->fields[2], "");
	assert_int_equal(rec->line, 3);
	/* the original bytes, both physical lines */
	assert_int_equal(rec->raw_len, strlen("\"two\r\nlines\",,\"\"\r\n"));
	assert_memory_equal(rec->raw, "\"two\r\nlines\",,\"\"\r\n",
			    rec->raw_len);
	/* ",," (all empty) is skipped, then the end */
	expect_done(r);
	assert_int_equal(hane_csv_delimiter(r), ',');
	hane_csv_close(r);
}

static void test_bom_and_spaces(void **state)
{
	const char *p = WRITE("bom.csv", "\xEF\xBB\xBFTC Kimlik No;Ad\n"
					 " 1 ;  Ali  \n");
	hane_csv_reader *r = open_ok(p);
	const struct hane_csv_record *rec;

	rec = next_ok(r);
	/* libcsv would pass the BOM into the first name */
	assert_string_equal(rec->fields[0], "TC Kimlik No");
	rec = next_ok(r);
	/* and would trim unquoted fields */
	assert_string_equal(rec->fields[0], " 1 ");
	assert_string_equal(rec->fields[1], "  Ali  ");
	assert_true(hane_csv_had_bom(r));
	assert_int_equal(hane_csv_encoding(r), HANE_CSV_ENC_UTF8);
	assert_int_equal(hane_csv_delimiter(r), ';');
	expect_done(r);
	hane_csv_close(r);
}

static void test_cr_only_and_last_line(void **state)
{
	const char *p = WRITE("cr.csv", "a\tb\rc\td\r\re\tf");
	hane_csv_reader *r = open_ok(p);
	const struct hane_csv_record *rec;

	assert_int_equal(hane_csv_delimiter(r), '\t');
	next_ok(r);
	rec = next_ok(r);
	assert_string_equal(rec->fields[0], "c");
	assert_int_equal(rec->line, 2);
	rec = next_ok(r); /* no line end after the last row */
	assert_string_equal(rec->fields[1], "f");
	assert_int_equal(rec->line, 4);
	assert_int_equal(rec->raw_len, 3);
	expect_done(r);
	hane_csv_close(r);
}

static void test_blank_lines_and_ragged(void **state)
{
	const char *p = WRITE("ragged.csv", "a;b;c\n\n1;2;3\n;;\n4;5\n"
					    "6;7;8;9\n\n");
	hane_csv_reader *r = open_ok(p);
	const struct hane_csv_record *rec;

	next_ok(r);
	rec = next_ok(r);
	assert_int_equal(rec->nfields, 3);
	assert_int_equal(rec->line, 3);
	rec = next_ok(r); /* the reader reports counts; callers reject */
	assert_int_equal(rec->nfields, 2);
	assert_int_equal(rec->line, 5);
	rec = next_ok(r);
	assert_int_equal(rec->nfields, 4);
	assert_int_equal(rec->line, 6);
	expect_done(r);
	hane_csv_close(r);
}

static void test_header_only_and_empty(void **state)
{
	hane_csv_reader *r = open_ok(WRITE("h.csv", "Ad,Soyad\n"));

	next_ok(r);
	expect_done(r);
	hane_csv_close(r);

	r = NULL;
	assert_int_equal(hane_csv_open(&r, WRITE("e.csv", ""), NULL),
			 HANE_ECSV);
	assert_null(r);
	assert_int_equal(
		hane_csv_open(&r, WRITE("b.csv", "\xEF\xBB\xBF"), NULL),
		HANE_ECSV);
	assert_int_equal(hane_csv_open(&r,
				       WRITE("u16.csv", "\xFF\xFE"
							"A\0"),
				       NULL),
			 HANE_ECSV);
	assert_int_equal(hane_csv_open(&r, "/nonexistent/x.csv", NULL),
			 HANE_EIO);
}

static void test_binary(void **state)
{
	static const char bin[] = "a,b\n1,2\n\x7f"
				  "ELF\0\0\x01\x02\n";
	hane_csv_reader *r =
		open_ok(write_file("bin.csv", bin, sizeof(bin) - 1));

	hane_lang_set(HANE_LANG_EN);
	expect_error(r, "Line 3");
	hane_lang_set(HANE_LANG_TR);
	hane_csv_close(r);
}

static void test_quotes(void **state)
{
	hane_csv_reader *r;

	r = open_ok(WRITE("unterminated.csv", "a,b\n1,\"open\n2,3\n4,5\n"));
	next_ok(r);
	hane_lang_set(HANE_LANG_EN);
	expect_error(r, "Line 2: a quote is never closed");
	hane_csv_close(r);

	r = open_ok(WRITE("badquote.csv", "a,b\n1,2\n\"x\"y,3\n"));
	expect_error(r, "Line 3: malformed quote");
	hane_lang_set(HANE_LANG_TR);
	hane_csv_close(r);
}

static void test_field_cap(void **state)
{
	size_t n = HANE_CSV_FIELD_MAX + 4096, i;
	char *big = malloc(n + 16);
	hane_csv_reader *r;

	memcpy(big, "a\n\"", 3);
	for (i = 3; i < n; i++)
		big[i] = (i % 50) ? 'x' : '\n';
	r = open_ok(write_file("big.csv", big, n));
	next_ok(r);
	hane_lang_set(HANE_LANG_EN);
	expect_error(r, "Line 2: field too long");
	hane_lang_set(HANE_LANG_TR);
	hane_csv_close(r);
	free(big);
}

static void test_cp1254(void **state)
{
	/* "Ad;Soyad;Mahalle" / "Şükrü;Işık;İğneli Çöğ" in Windows-1254 */
	const char *p = WRITE("tr.csv", "Ad;Soyad;Mahalle\r\n"
					"\xDE\xFCkr\xFC;I\xFE\xFDk;"
					"\xDD\xF0neli \xC7\xF6\xF0\r\n");
	hane_csv_reader *r = open_ok(p);
	const struct hane_csv_record *rec;
	char *u = NULL;

	next_ok(r);
	rec = next_ok(r);
	assert_string_equal(rec->fields[0], "Şükrü");
	assert_string_equal(rec->fields[1], "Işık");
	assert_string_equal(rec->fields[2], "İğneli Çöğ");
	assert_int_equal(hane_csv_encoding(r), HANE_CSV_ENC_CP1254);
	hane_csv_close(r);

	/* the reverse table */
	u = hane_csv_to_1254("Şükrü Işık € ☃");
	assert_string_equal(u, "\xDE\xFCkr\xFC I\xFE\xFDk \x80 ?");
	free(u);
	assert_int_equal(hane_csv_from_1254(&u, "\x81", 1), HANE_EINVAL);
	tu_ok(hane_csv_from_1254(&u, "\xD0\xF0", 2));
	assert_string_equal(u, "Ğğ");
	free(u);
}

static void test_encoding_errors(void **state)
{
	struct hane_csv_opts o = {HANE_CSV_ENC_UTF8, 0};
	hane_csv_reader *r = NULL;
	const struct hane_csv_record *rec;

	/* mixed in one block: not valid UTF-8, so 1254, where the UTF-8
	 * "Ş" holds an undefined byte: an error, not mangling */
	r = open_ok(WRITE("mixed.csv", "Ad\nŞükrü\nI\xFE\xFDk\n"));
	next_ok(r);
	hane_lang_set(HANE_LANG_EN);
	expect_error(r, "Line 2: byte 0x9E is undefined");
	hane_csv_close(r);
	{
		/* UTF-8 decided by the first block, a 1254 byte far later */
		char path[600];
		FILE *fp;
		int i;

		snprintf(path, sizeof(path), "%s/mixed2.csv", tmp_dir);
		fp = fopen(path, "wb");
		fputs("Ad\n", fp);
		for (i = 0; i < 10000; i++)
			fputs("Şükrü\n", fp);
		fputs("I\xFE\xFDk\n", fp);
		fclose(fp);
		r = open_ok(path);
		assert_int_equal(hane_csv_encoding(r), HANE_CSV_ENC_UTF8);
		expect_error(r, "Line 10002: invalid UTF-8");
		hane_csv_close(r);
	}

	/* forced UTF-8 on a 1254 file */
	tu_ok(hane_csv_open(&r, WRITE("forced.csv", "Ad\n\xDE\xFC\n"), &o));
	next_ok(r);
	expect_error(r, "Line 2");
	hane_csv_close(r);
	hane_lang_set(HANE_LANG_TR);

	/* forced 1254 on ASCII-looking header: later bytes decode */
	o.encoding = HANE_CSV_ENC_CP1254;
	tu_ok(hane_csv_open(&r, WRITE("forced2.csv", "Ad\n\xDD\n"), &o));
	next_ok(r);
	rec = next_ok(r);
	assert_string_equal(rec->fields[0], "İ");
	hane_csv_close(r);

	assert_int_equal(hane_csv_encoding_parse("Windows-1254"),
			 HANE_CSV_ENC_CP1254);
	assert_int_equal(hane_csv_encoding_parse("utf8"), HANE_CSV_ENC_UTF8);
	assert_int_equal(hane_csv_encoding_parse("latin1"), -1);
}

static void test_forced_delimiter(void **state)
{
	struct hane_csv_opts o = {HANE_CSV_ENC_AUTO, ','};
	hane_csv_reader *r = NULL;
	const struct hane_csv_record *rec;

	tu_ok(hane_csv_open(&r, WRITE("fd.csv", "a;b,c\n1;2,3\n"), &o));
	rec = next_ok(r);
	assert_int_equal(rec->nfields, 2);
	assert_string_equal(rec->fields[0], "a;b");
	hane_csv_close(r);
}

static void test_rejects_keep_original(void **state)
{
	const char *in = WRITE("rej.csv", "Ad;Soyad\r\n"
					  "\xDE\xFCkr\xFC;\"Y\xFDl\r\nmaz\"\r\n"
					  "Ali;Kaya\r\n");
	char out[600];
	hane_csv_reader *r = open_ok(in);
	hane_csv_rejects *j = NULL;
	const struct hane_csv_record *rec;
	size_t n;
	char *b;

	snprintf(out, sizeof(out), "%s/rej.rejects.csv", tmp_dir);
	rec = next_ok(r);
	tu_ok(hane_csv_rejects_open(&j, out, r, rec, "Hata"));
	rec = next_ok(r);
	tu_ok(hane_csv_rejects_add(j, rec, "Doğum tarihi \"yok\""));
	tu_ok(hane_csv_rejects_close(j));
	hane_csv_close(r);
	b = slurp(out, &n);
	assert_string_equal(b, "Ad;Soyad;\"Hata\"\r\n"
			       "\xDE\xFCkr\xFC;\"Y\xFDl\r\nmaz\";"
			       "\"Do\xF0um tarihi \"\"yok\"\"\"\r\n");
	free(b);
}

static char *write_rows(unsigned flags, const char *const *v,
			const enum hane_csv_kind *k, size_t n)
{
	char *buf = NULL;
	size_t len = 0, i;
	FILE *fp = open_memstream(&buf, &len);
	hane_csv_writer *w = NULL;

	tu_ok(hane_csv_writer_open(&w, fp, flags));
	for (i = 0; i < n; i++)
		tu_ok(hane_csv_put(w, v[i], k[i]));
	tu_ok(hane_csv_endrow(w));
	tu_ok(hane_csv_writer_close(w));
	fclose(fp);
	return buf;
}

static void test_writer(void **state)
{
	const char *v[] = {"12345678950",
			   "8250.50",
			   "-12.5",
			   "=HYPERLINK(1)",
			   "+1",
			   "-x",
			   "@a",
			   "a;b",
			   "say \"hi\"",
			   NULL,
			   "0532 123 45 67",
			   "abc",
			   "\tx"};
	const enum hane_csv_kind k[] = {
		HANE_CSV_ID,   HANE_CSV_NUMBER, HANE_CSV_NUMBER,
		HANE_CSV_TEXT, HANE_CSV_TEXT,	HANE_CSV_TEXT,
		HANE_CSV_TEXT, HANE_CSV_TEXT,	HANE_CSV_TEXT,
		HANE_CSV_TEXT, HANE_CSV_ID,	HANE_CSV_NUMBER,
		HANE_CSV_TEXT};
	char *s;

	s = write_rows(HANE_CSV_EXCEL, v, k, 13);
	assert_string_equal(
		s, "\xEF\xBB\xBF"
		   "\"=\"\"12345678950\"\"\";8250,50;-12,5;'=HYPERLINK(1);"
		   "'+1;'-x;'@a;\"a;b\";\"say \"\"hi\"\"\";;"
		   "\"=\"\"0532 123 45 67\"\"\";abc;'\tx\r\n");
	free(s);
	s = write_rows(0, v, k, 13);
	assert_string_equal(s, "12345678950,8250.50,-12.5,'=HYPERLINK(1),"
			       "'+1,'-x,'@a,a;b,\"say \"\"hi\"\"\",,"
			       "0532 123 45 67,abc,'\tx\n");
	free(s);
}

/* #16: Excel folds fullwidth ＝＋－＠ to ASCII and skips leading blanks
 * before a formula; stored control characters are written visible. */
static void test_writer_formula_and_controls(void **state)
{
	const char *v[] = {"\xef\xbc\x9d"
			   "1+1",
			   "\xef\xbc\x8b"
			   "1",
			   "\xef\xbc\x8d"
			   "1",
			   "\xef\xbc\xa0"
			   "a",
			   " =1+1",
			   "\t =1",
			   "  @x",
			   "\n-1",
			   "a =b",
			   "X\033]52\007",
			   "\xe2\x80\xae"
			   "abc",
			   "\xef\xbc\x9e"};
	enum hane_csv_kind k[12];
	char *s;

	(void)state;
	for (size_t i = 0; i < 12; i++)
		k[i] = HANE_CSV_TEXT;
	s = write_rows(0, v, k, 12);
	assert_string_equal(s, "'\xef\xbc\x9d"
			       "1+1,'\xef\xbc\x8b"
			       "1,'\xef\xbc\x8d"
			       "1,"
			       "'\xef\xbc\xa0"
			       "a,' =1+1,'\t =1,'  @x,\"'\n-1\",a =b,"
			       "X\\x1b]52\\x07,\\u202eabc,\xef\xbc\x9e\n");
	free(s);
	/* and the reader takes the apostrophe off again */
	{
		char a[] = "' =1+1",
		     b[] = "'\xef\xbc\x9d"
			   "1",
		     c[] = "'x";

		assert_string_equal(hane_csv_unguard(a), " =1+1");
		assert_string_equal(hane_csv_unguard(b), "\xef\xbc\x9d"
							 "1");
		assert_string_equal(hane_csv_unguard(c), "'x");
	}
}

static void test_excel_reads_back(void **state)
{
	const char *v[] = {"12345678950", "=1+1", "8250.50", "Şükrü"};
	const enum hane_csv_kind k[] = {HANE_CSV_ID, HANE_CSV_TEXT,
					HANE_CSV_NUMBER, HANE_CSV_TEXT};
	char *s = write_rows(HANE_CSV_EXCEL, v, k, 4);
	hane_csv_reader *r = open_ok(write_file("back.csv", s, strlen(s)));
	const struct hane_csv_record *rec = next_ok(r);

	assert_int_equal(hane_csv_delimiter(r), ';');
	assert_int_equal(rec->nfields, 4);
	assert_string_equal(hane_csv_unguard(rec->fields[0]), "12345678950");
	assert_string_equal(hane_csv_unguard(rec->fields[1]), "=1+1");
	assert_string_equal(rec->fields[2], "8250,50");
	assert_string_equal(hane_csv_unguard(rec->fields[3]), "Şükrü");
	hane_csv_close(r);
	free(s);
}

static void test_long_file_streams(void **state)
{
	/* more than one 64 KiB block, rows crossing block edges, CRLF split
	 * between blocks */
	FILE *fp;
	char path[600];
	hane_csv_reader *r;
	const struct hane_csv_record *rec;
	long i, rows = 0;

	snprintf(path, sizeof(path), "%s/long.csv", tmp_dir);
	fp = fopen(path, "wb");
	fputs("n;text\r\n", fp);
	for (i = 0; i < 20000; i++)
		fprintf(fp, "%ld;\"x%ld\r\ny\"\r\n", i, i);
	fclose(fp);
	r = open_ok(path);
	next_ok(r);
	while (hane_csv_read(r, &rec) == HANE_ROW) {
		char want[32];

		snprintf(want, sizeof(want), "x%ld\r\ny", rows);
		assert_string_equal(rec->fields[1], want);
		assert_int_equal(rec->line, 2 + 2 * rows);
		rows++;
	}
	assert_int_equal(rows, 20000);
	assert_int_equal(hane_csv_offset(r), hane_csv_size(r));
	hane_csv_close(r);
}

static void test_title_matching(void **state)
{
	static const char *const titles[] = {"TC Kimlik No|tckn|T.C. No",
					     "Ad Soyad|Adı Soyadı",
					     "Aylık Gelir (TL)|Gelir"};
	char key[64];

	(void)state;
	hane_csv_title_key(key, sizeof key, "T.C. KİMLİK NO");
	assert_string_equal(key, "tckimlikno");
	assert_int_equal(hane_csv_title_find("t.c. kimlik no", titles, 3), 0);
	assert_int_equal(hane_csv_title_find("TCKN", titles, 3), 0);
	assert_int_equal(hane_csv_title_find("  ADI  SOYADI ", titles, 3), 1);
	assert_int_equal(hane_csv_title_find("aylik gelir tl", titles, 3), 2);
	assert_int_equal(hane_csv_title_find("Renk", titles, 3), -1);
	assert_int_equal(hane_csv_title_find(" ;, ", titles, 3), -1);
}

static void test_record_copy(void **state)
{
	static char *fields[] = {"TC Kimlik No", "Ad", ""};
	static const char raw[] = "TC Kimlik No;Ad;\r\n";
	struct hane_csv_record rec = {3, fields, 7, raw, sizeof raw - 1};
	struct hane_csv_record copy, zero = {0};

	(void)state;
	tu_ok(hane_csv_record_copy(&copy, &rec));
	assert_int_equal(copy.nfields, 3);
	assert_ptr_not_equal(copy.fields, rec.fields);
	assert_string_equal(copy.fields[0], "TC Kimlik No");
	assert_string_equal(copy.fields[2], "");
	assert_null(copy.fields[3]);
	assert_int_equal(copy.line, 7);
	assert_int_equal(copy.raw_len, sizeof raw - 1);
	assert_memory_equal(copy.raw, raw, sizeof raw - 1);
	hane_csv_record_free(&copy);
	assert_null(copy.fields);
	hane_csv_record_free(&zero); /* a record never copied */
	hane_csv_record_free(NULL);
}

int main(void)
{
	const char *base = getenv("HANE_TEST_TMP");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_title_matching),
		cmocka_unit_test(test_record_copy),
		cmocka_unit_test(test_rfc4180),
		cmocka_unit_test(test_bom_and_spaces),
		cmocka_unit_test(test_cr_only_and_last_line),
		cmocka_unit_test(test_blank_lines_and_ragged),
		cmocka_unit_test(test_header_only_and_empty),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_field_cap),
		cmocka_unit_test(test_cp1254),
		cmocka_unit_test(test_encoding_errors),
		cmocka_unit_test(test_forced_delimiter),
		cmocka_unit_test(test_rejects_keep_original),
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_writer_formula_and_controls),
		cmocka_unit_test(test_excel_reads_back),
		cmocka_unit_test(test_long_file_streams),
	};

	snprintf(tmp_dir, sizeof(tmp_dir), "%s/csvio.XXXXXX",
		 base ? base : "/tmp");
	mkdir(base ? base : "/tmp", 0700);
	if (!mkdtemp(tmp_dir))
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
