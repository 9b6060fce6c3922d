/* Unit tests of the console toolkit's pure parts: column layout, the
 * function-key bar from the action table, key lookup, progress text, the
 * list's sorting and incremental search, form validation. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/taxi.h"
#include "hane/ui.h"

enum { C_TCKN, C_NAME, C_BIRTH, C_MAHALLE, C_HH, C_STATUS, C__COUNT };

static const struct hane_ui_column cols[C__COUNT] = {
	[C_TCKN] = HANE_UI_COL_TEXT(HANE_M_UI_COL_TCKN, 11, 12, 3),
	[C_NAME] = HANE_UI_COL_FLEX(HANE_M_UI_COL_NAME, 14, 24, 0),
	[C_BIRTH] = HANE_UI_COL_DATE(HANE_M_UI_COL_BIRTH, 4),
	[C_MAHALLE] = HANE_UI_COL_TEXT(HANE_M_UI_COL_MAHALLE, 8, 16, 5),
	[C_HH] = HANE_UI_COL_NUM(HANE_M_UI_COL_HH, 5, 7, 2),
	[C_STATUS] = HANE_UI_COL_TEXT(HANE_M_UI_COL_STATUS, 5, 6, 6),
};

static int total(const int *w, int n)
{
	int t = 0, shown = 0;

	for (int i = 0; i < n; i++)
		if (w[i]) {
			t += w[i];
			shown++;
		}
	return shown ? t + shown - 1 : 0;
}

static void test_layout_wide_gives_rest_to_flex(void **state)
{
	int w[C__COUNT];

	(void)state;
	assert_int_equal(hane_ui_columns_layout(cols, C__COUNT, 119, w), 6);
	assert_int_equal(total(w, C__COUNT), 119);
	assert_int_equal(w[C_TCKN], 12);
	assert_int_equal(w[C_STATUS], 6);
	assert_true(w[C_NAME] > 24);
}

static void test_layout_narrow_shrinks_then_drops_in_order(void **state)
{
	int w[C__COUNT];

	(void)state;
	/* Just too narrow for every preferred width: Durum shrinks first. */
	hane_ui_columns_layout(cols, C__COUNT, 79, w);
	assert_true(total(w, C__COUNT) <= 79);
	assert_int_equal(w[C_NAME] >= 14, 1);
	/* Very narrow: Durum goes first, Ad Soyad never. */
	hane_ui_columns_layout(cols, C__COUNT, 50, w);
	assert_true(total(w, C__COUNT) <= 50);
	assert_int_equal(w[C_STATUS], 0);
	assert_true(w[C_NAME] >= 14);
	hane_ui_columns_layout(cols, C__COUNT, 20, w);
	assert_true(total(w, C__COUNT) <= 20);
	assert_int_equal(w[C_STATUS], 0);
	assert_int_equal(w[C_MAHALLE], 0);
	assert_int_equal(w[C_BIRTH], 0);
	assert_true(w[C_NAME] > 0);
}

static void test_bar_from_action_table(void **state)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_SAVE, HANE_UI_A_BACK, HANE_UI_A_QUIT};
	char bar[256];

	(void)state;
	hane_lang_set(HANE_LANG_TR);
	hane_ui_bar_text(bar, sizeof bar, acts, 4, 80);
	assert_string_equal(bar, " F1 Yardım  F2 Kaydet  Esc Geri  F10 Çıkış");
	hane_lang_set(HANE_LANG_EN);
	hane_ui_bar_text(bar, sizeof bar, acts, 4, 80);
	assert_string_equal(bar, " F1 Help  F2 Save  Esc Back  F10 Quit");
	/* Narrow: one space apart, then items left off, never too wide. */
	hane_ui_bar_text(bar, sizeof bar, acts, 4, 36);
	assert_string_equal(bar, " F1 Help F2 Save Esc Back F10 Quit");
	hane_ui_bar_text(bar, sizeof bar, acts, 4, 20);
	assert_true(hane_text_width(bar) <= 20);
	assert_non_null(strstr(bar, "F1 Help"));
	hane_lang_set(HANE_LANG_TR);
}

/* The taxi board's bar at 80 columns: too many items, so the others give
 * way from the end, but F1, Esc and F10 stay (#17: they fell off). */
static void test_bar_keeps_help_back_quit(void **state)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP,		HANE_UI_A_TAXI_MANIFEST,
		HANE_UI_A_TAXI_BOOK,	HANE_UI_A_TAXI_ASSIGN,
		HANE_UI_A_TAXI_OUTCOME, HANE_UI_A_TAXI_CANCEL,
		HANE_UI_A_DAY_PREV,	HANE_UI_A_DAY_NEXT,
		HANE_UI_A_TAXI_HISTORY, HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	char bar[512];

	(void)state;
	hane_lang_set(HANE_LANG_TR);
	hane_ui_bar_text(bar, sizeof bar, acts, 11, 80);
	assert_true(hane_text_width(bar) <= 80);
	assert_string_equal(bar, " F1 Yardım F2 Liste F5 Randevu F6 Araç "
				 "F7 Sonuç F8 İptal Esc Geri F10 Çıkış");
	hane_ui_bar_text(bar, sizeof bar, acts, 11, 40);
	assert_true(hane_text_width(bar) <= 40);
	assert_non_null(strstr(bar, "Esc Geri"));
	assert_non_null(strstr(bar, "F10 Çıkış"));
}

static void test_action_keys(void **state)
{
	static const enum hane_ui_action list[] = {
		HANE_UI_A_NEW, HANE_UI_A_OPEN, HANE_UI_A_BACK};
	static const enum hane_ui_action detail[] = {HANE_UI_A_ADD_MEMBER};

	(void)state;
	/* The same key means what the screen lists. */
	assert_int_equal(hane_ui_action_for_key(list, 3, HANE_UI_K_F5),
			 HANE_UI_A_NEW);
	assert_int_equal(hane_ui_action_for_key(detail, 1, HANE_UI_K_F5),
			 HANE_UI_A_ADD_MEMBER);
	assert_int_equal(hane_ui_action_for_key(list, 3, HANE_UI_K_ENTER),
			 HANE_UI_A_OPEN);
	assert_int_equal(hane_ui_action_for_key(list, 3, HANE_UI_K_F8), -1);
	assert_string_equal(hane_ui_key_name(HANE_UI_K_F10), "F10");
	/* Every action has a key, a label and a help text. */
	for (int a = 0; a < HANE_UI_A__COUNT; a++) {
		assert_int_not_equal(hane_ui_action_key(a), HANE_UI_K_NONE);
		assert_true(strlen(hane_ui_action_label(a)) > 0);
		assert_true(strlen(hane_ui_action_help(a)) > 0);
	}
}

static void test_progress_text(void **state)
{
	char buf[256];

	(void)state;
	hane_ui_progress_text(buf, sizeof buf, 45, 100, 27);
	assert_string_equal(buf, "[█████████░░░░░░░░░░░]  45%");
	assert_int_equal(hane_text_width(buf), 27);
	hane_ui_progress_text(buf, sizeof buf, 0, 0, 12);
	assert_string_equal(buf, "[░░░░░]   0%");
	hane_ui_progress_text(buf, sizeof buf, 7, 5, 12);
	assert_string_equal(buf, "[█████] 100%");
}

static void add(struct hane_ui_list *l, int64_t id, const char *name,
		const char *birth, const char *hh)
{
	const char *cells[3] = {name, birth, hh};

	assert_int_equal(hane_ui_list_add(l, id, cells), 0);
}

static void test_list_sort_and_find(void **state)
{
	struct hane_ui_list *l = hane_ui_list_new(3);

	(void)state;
	assert_non_null(l);
	assert_int_equal(hane_ui_list_selected(l), -1);
	add(l, 1, "Zeynep Çelik", "12.07.1962", "#10");
	add(l, 2, "Şükrü Yılmaz", "04.01.1950", "#9");
	add(l, 3, "Ayşe Kaya", "01.01.1990", "#100");
	hane_ui_list_select_id(l, 2);
	hane_ui_list_sort(l, 1, HANE_UI_SORT_DATE, false);
	assert_int_equal(hane_ui_list_id(l, 0), 2);
	assert_int_equal(hane_ui_list_id(l, 2), 3);
	assert_int_equal(hane_ui_list_selected_id(l), 2); /* kept */
	hane_ui_list_sort(l, 2, HANE_UI_SORT_NUMBER, true);
	assert_int_equal(hane_ui_list_id(l, 0), 3);
	assert_int_equal(hane_ui_list_id(l, 2), 2);
	hane_ui_list_sort(l, 0, HANE_UI_SORT_TEXT, false);
	assert_string_equal(hane_ui_list_cell(l, 0, 0), "Ayşe Kaya");
	assert_string_equal(hane_ui_list_cell(l, 1, 0), "Şükrü Yılmaz");
	/* Incremental search folds Turkish letters. */
	assert_int_equal(hane_ui_list_find(l, "sukru", 0), 1);
	assert_int_equal(hane_ui_list_selected_id(l), 2);
	assert_int_equal(hane_ui_list_find(l, "ÇELİK", 0), 2);
	assert_int_equal(hane_ui_list_find(l, "xyz", 0), -1);
	hane_ui_list_clear(l);
	assert_int_equal(hane_ui_list_count(l), 0);
	assert_int_equal(hane_ui_list_selected_id(l), 0);
	hane_ui_list_free(l);
	hane_ui_list_free(NULL);
}

/* Typing in a list without fill shows only the rows that hold the text
 * (the count said 11 of 11 while the cursor jumped), Turkish letters
 * folded; clearing it brings every row back in the list's order; a row
 * added meanwhile is shown; freeing frees the hidden rows too (ASan). */
static void test_list_filter(void **state)
{
	struct hane_ui_list *l = hane_ui_list_new(1);
	const char *rows[] = {"Gıda aylık", "Taksi aylık", "Gıda haftalık",
			      "Bakım"};

	(void)state;
	assert_non_null(l);
	for (int i = 0; i < 4; i++)
		assert_int_equal(hane_ui_list_add(l, i + 1, &rows[i]), 0);
	hane_ui_list_sort(l, 0, HANE_UI_SORT_TEXT, true); /* Z → A */
	hane_ui_list_select_id(l, 3);
	assert_int_equal(hane_ui_list_filter(l, "gida"), 0);
	assert_int_equal(hane_ui_list_count(l), 2);
	assert_string_equal(hane_ui_list_cell(l, 0, 0), "Gıda haftalık");
	assert_string_equal(hane_ui_list_cell(l, 1, 0), "Gıda aylık");
	assert_int_equal(hane_ui_list_selected_id(l), 3); /* kept */
	assert_string_equal(hane_ui_list_cell(l, 2, 0), "");
	assert_int_equal(hane_ui_list_filter(l, "AYLIK"), 0);
	assert_int_equal(hane_ui_list_count(l), 2);
	assert_int_equal(hane_ui_list_selected_id(l), 2); /* 3 is hidden */
	assert_int_equal(hane_ui_list_filter(l, "yok"), 0);
	assert_int_equal(hane_ui_list_count(l), 0);
	assert_int_equal(hane_ui_list_selected_id(l), 0);
	assert_int_equal(hane_ui_list_add(l, 5, (const char *[]){"Aşevi"}), 0);
	assert_int_equal(hane_ui_list_count(l), 1);
	assert_int_equal(hane_ui_list_filter(l, ""), 0);
	assert_int_equal(hane_ui_list_count(l), 5);
	assert_string_equal(hane_ui_list_cell(l, 0, 0), "Taksi aylık");
	assert_string_equal(hane_ui_list_cell(l, 4, 0), "Aşevi");
	assert_int_equal(hane_ui_list_filter(l, "gıda"), 0);
	hane_ui_list_free(l);
}

/* A column's kind sets its alignment and its sort, so the two cannot
 * disagree: a number right-aligned and by value ("#9" before "#10"), a
 * date (alone or with more after it) by date across a year's end. */
static void test_column_kinds(void **state)
{
	static const struct hane_ui_column k[] = {
		HANE_UI_COL_TEXT(HANE_M_UI_COL_MAHALLE, 8, 16, 3),
		HANE_UI_COL_FLEX(HANE_M_UI_COL_NAME, 14, 24, 0),
		HANE_UI_COL_NUM(HANE_M_UI_COL_HH, 5, 7, 2),
		HANE_UI_COL_DATE(HANE_M_UI_COL_BIRTH, 4),
		HANE_UI_COL_WHEN(HANE_M_UI_COL_STATUS, 10, 24, 1),
	};
	const char *a[] = {"Yahya Kaptan", "Ayşe", "#10", "05.01.2027",
			   "05.01.2027 (3 gün önce)"};
	const char *b[] = {"Yenidoğan", "Zeynep", "#9", "28.12.2026",
			   "28.12.2026 (11 gün önce)"};
	struct hane_ui_list *l = hane_ui_list_new(5);

	(void)state;
	assert_non_null(l);
	assert_int_equal(k[0].min, 8);
	assert_int_equal(k[0].want, 16);
	assert_int_equal(k[0].drop, 3);
	assert_false(k[0].flex || k[0].right);
	assert_int_equal(k[0].sort, HANE_UI_SORT_TEXT);
	assert_true(k[1].flex && !k[1].right);
	assert_int_equal(k[1].sort, HANE_UI_SORT_TEXT);
	assert_true(k[2].right && !k[2].flex);
	assert_int_equal(k[2].sort, HANE_UI_SORT_NUMBER);
	assert_int_equal(k[3].min, 10);
	assert_int_equal(k[3].want, 10);
	assert_int_equal(k[3].drop, 4);
	assert_false(k[3].flex || k[3].right);
	assert_int_equal(k[3].sort, HANE_UI_SORT_DATE);
	assert_false(k[4].flex || k[4].right);
	assert_int_equal(k[4].sort, HANE_UI_SORT_DATE);
	assert_int_equal(hane_ui_list_add(l, 1, a), 0);
	assert_int_equal(hane_ui_list_add(l, 2, b), 0);
	for (int c = 2; c < 5; c++) {
		hane_ui_list_sort(l, c, k[c].sort, false);
		assert_int_equal(hane_ui_list_id(l, 0), 2);
		/* As text the other way round: the bug the kinds prevent. */
		hane_ui_list_sort(l, c, HANE_UI_SORT_TEXT, false);
		assert_int_equal(hane_ui_list_id(l, 0), 1);
	}
	hane_ui_list_free(l);
}

static int check_tckn(const char *text, void *arg)
{
	(void)arg;
	return hane_tckn_check(text);
}

static void test_form_validation(void **state)
{
	static const char *const sex[] = {"-", "Kadın", "Erkek"};
	const struct hane_ui_field fields[] = {
		{.kind = HANE_UI_F_TEXT,
		 .label = HANE_M_UI_F_TCKN,
		 .check = check_tckn},
		{.kind = HANE_UI_F_TEXT,
		 .label = HANE_M_UI_F_FIRST,
		 .required = true},
		{.kind = HANE_UI_F_DATE, .label = HANE_M_UI_F_BIRTH},
		{.kind = HANE_UI_F_NUMBER,
		 .label = HANE_M_UI_F_DISAB,
		 .lo = 0,
		 .hi = 100},
		{.kind = HANE_UI_F_MONEY, .label = HANE_M_UI_F_INCOME},
		{.kind = HANE_UI_F_CHOICE,
		 .label = HANE_M_UI_F_SEX,
		 .choices = sex,
		 .nchoices = 3},
	};
	struct hane_ui_form_view v = {.fields = fields, .nfields = 6};
	struct hane_ui_form *f = hane_ui_form_new(&v);
	char t[12];

	(void)state;
	assert_non_null(f);
	/* Empty optional fields pass; a required one does not. */
	assert_int_equal(hane_ui_form_validate(f, 0), 0);
	assert_int_equal(hane_ui_form_validate(f, 1), HANE_EINVAL);
	hane_ui_form_set(f, 1, "Şükrü");
	assert_int_equal(hane_ui_form_validate(f, 1), 0);
	/* A bad check digit is refused and the text is kept. */
	snprintf(t, sizeof t, "%s", tu_tckn(5));
	t[10] = (char)('0' + (t[10] - '0' + 1) % 10);
	hane_ui_form_set(f, 0, t);
	assert_int_equal(hane_ui_form_validate(f, 0), HANE_EINVAL);
	assert_string_equal(hane_ui_form_get(f, 0), t);
	hane_ui_form_set(f, 0, tu_tckn(5));
	assert_int_equal(hane_ui_form_validate(f, 0), 0);
	/* Dates are shown as understood. */
	hane_ui_form_set(f, 2, "4.1.1950");
	assert_int_equal(hane_ui_form_validate(f, 2), 0);
	assert_string_equal(hane_ui_form_get(f, 2), "04.01.1950");
	hane_ui_form_set(f, 2, "31.02.1950");
	assert_int_equal(hane_ui_form_validate(f, 2), HANE_EINVAL);
	hane_ui_form_set(f, 3, "101");
	assert_int_equal(hane_ui_form_validate(f, 3), HANE_EINVAL);
	hane_ui_form_set(f, 3, "60");
	assert_int_equal(hane_ui_form_validate(f, 3), 0);
	hane_ui_form_set(f, 4, "8.250,50");
	assert_int_equal(hane_ui_form_validate(f, 4), 0);
	hane_ui_form_set(f, 4, "abc");
	assert_int_equal(hane_ui_form_validate(f, 4), HANE_EINVAL);
	hane_ui_form_set_choice(f, 5, 2);
	assert_int_equal(hane_ui_form_choice(f, 5), 2);
	hane_ui_form_set_choice(f, 5, 7); /* out of range: back to 0 */
	assert_int_equal(hane_ui_form_choice(f, 5), 0);
	assert_false(hane_ui_form_dirty(f));
	hane_ui_form_free(f);
	hane_ui_form_free(NULL);
}

/* Turkish alphabetical order in a sorted list (#17): C, then Ç. */
static void test_list_sort_turkish(void **state)
{
	struct hane_ui_list *l = hane_ui_list_new(3);

	(void)state;
	add(l, 1, "Çağla", "", "");
	add(l, 2, "Çetin", "", "");
	add(l, 3, "Canan", "", "");
	add(l, 4, "Cavit", "", "");
	add(l, 5, "Irmak", "", "");
	add(l, 6, "İlker", "", "");
	hane_ui_list_sort(l, 0, HANE_UI_SORT_TEXT, false);
	assert_string_equal(hane_ui_list_cell(l, 0, 0), "Canan");
	assert_string_equal(hane_ui_list_cell(l, 1, 0), "Cavit");
	assert_string_equal(hane_ui_list_cell(l, 2, 0), "Çağla");
	assert_string_equal(hane_ui_list_cell(l, 3, 0), "Çetin");
	assert_string_equal(hane_ui_list_cell(l, 4, 0), "Irmak");
	assert_string_equal(hane_ui_list_cell(l, 5, 0), "İlker");
	hane_ui_list_free(l);
}

/* Text put into a form is cut at its field's max characters, never
 * inside a letter; an area holds 8,000 characters (#17: the inspection
 * note was cut at 512 bytes inside a letter). */
static void test_form_text_never_cut_inside_a_letter(void **state)
{
	const struct hane_ui_field fields[] = {
		{.kind = HANE_UI_F_TEXT, .label = HANE_M_UI_F_FIRST},
		{.kind = HANE_UI_F_TEXT, .label = HANE_M_UI_F_FIRST, .max = 3},
		{.kind = HANE_UI_F_AREA, .label = HANE_M_UI_F_FIRST},
	};
	struct hane_ui_form_view v = {.fields = fields, .nfields = 3};
	struct hane_ui_form *f = hane_ui_form_new(&v);
	char *big = malloc(8001 * 2 + 1);

	(void)state;
	assert_non_null(f);
	assert_non_null(big);
	for (int i = 0; i < 8001; i++)
		memcpy(big + 2 * i, "ğ", 2);
	big[8001 * 2] = '\0';
	hane_ui_form_set(f, 0, big);
	assert_int_equal(hane_text_chars(hane_ui_form_get(f, 0)), 200);
	assert_true(hane_utf8_valid(hane_ui_form_get(f, 0),
				    strlen(hane_ui_form_get(f, 0))));
	hane_ui_form_set(f, 1, "İşçi");
	assert_string_equal(hane_ui_form_get(f, 1), "İşç");
	hane_ui_form_set(f, 2, big);
	assert_int_equal(hane_text_chars(hane_ui_form_get(f, 2)), 8000);
	assert_int_equal(strlen(hane_ui_form_get(f, 2)), 16000);
	free(big);
	hane_ui_form_free(f);
}

/* A fake gate for the bound form: every masked field shows "***". */
static char *mask_all(hane_db *db, const struct hane_fdef *f, char *out,
		      size_t n, const char *v)
{
	(void)db;
	(void)f;
	snprintf(out, n, "%s", v[0] ? "***" : "");
	return out;
}

/* A form bound to the person and household tables (#18): widgets,
 * labels and flags from the tables, values in and out by type, and a
 * masked value kept as stored until it is retyped. */
static void test_form_bound_to_record(void **state)
{
	static const char *const sex[] = {"-", "Kadın", "Erkek"};
	static const char *const sexv[] = {"", "K", "E"};
	static const struct hane_ui_bind pb[] = {
		{.column = "tckn"},
		{.column = "first_name", .width = 30},
		{.column = "birth_date", HANE_UI_LABEL(HANE_M_UI_F_BIRTH)},
		{.column = "sex",
		 .choices = sex,
		 .values = sexv,
		 .nchoices = 3},
		{.column = "disability_pct", .lo = 0, .hi = 100},
		{.column = "chronic_illness"},
		{.column = "phone"},
	};
	static const struct hane_ui_bind hb[] = {{.column = "income_kurus"}};
	struct hane_ui_record pr = {&hane_person_rdef, pb, 7, mask_all, NULL};
	struct hane_ui_record hr = {&hane_household_rdef, hb, 1, NULL, NULL};
	struct hane_ui_field fields[8];
	struct hane_ui_form_view v = {.fields = fields, .nfields = 8};
	struct hane_ui_form *f;
	struct hane_person p, back;
	struct hane_household h;

	(void)state;
	hane_ui_record_fields(fields, &pr);
	hane_ui_record_fields(fields + 7, &hr);
	assert_int_equal(fields[0].kind, HANE_UI_F_TEXT);
	assert_int_equal(fields[0].max, 11);
	assert_non_null(fields[0].check);
	assert_string_equal(fields[1].label_text, "Ad");
	assert_true(fields[1].required);
	assert_false(fields[0].required);
	assert_int_equal(fields[2].kind, HANE_UI_F_DATE);
	assert_int_equal(fields[2].label, HANE_M_UI_F_BIRTH);
	assert_null(fields[2].label_text);
	assert_int_equal(fields[3].kind, HANE_UI_F_CHOICE);
	assert_int_equal(fields[4].kind, HANE_UI_F_NUMBER);
	assert_int_equal(fields[4].hi, 100);
	assert_int_equal(fields[7].kind, HANE_UI_F_MONEY);
	hane_lang_set(HANE_LANG_EN);
	hane_ui_record_fields(fields, &pr);
	assert_string_equal(fields[1].label_text, "First name");
	hane_lang_set(HANE_LANG_TR);
	hane_ui_record_fields(fields, &pr);

	hane_person_init(&p);
	snprintf(p.tckn, sizeof p.tckn, "%s", tu_tckn(7));
	snprintf(p.first_name, sizeof p.first_name, "Şükrü");
	snprintf(p.birth_date, sizeof p.birth_date, "1950-01-04");
	snprintf(p.sex, sizeof p.sex, "E");
	p.disability_pct = 60;
	snprintf(p.chronic_illness, sizeof p.chronic_illness, "Diyabet");
	hane_household_init(&h);
	h.income_kurus = 825050;
	f = hane_ui_form_new(&v);
	assert_non_null(f);
	hane_ui_record_fill(f, 0, &pr, &p);
	hane_ui_record_fill(f, 7, &hr, &h);
	assert_string_equal(hane_ui_form_get(f, 0), "***");
	assert_string_equal(hane_ui_form_get(f, 1), "Şükrü");
	assert_string_equal(hane_ui_form_get(f, 2), "04.01.1950");
	assert_int_equal(hane_ui_form_choice(f, 3), 2);
	assert_string_equal(hane_ui_form_get(f, 4), "60");
	assert_string_equal(hane_ui_form_get(f, 5), "***");
	assert_string_equal(hane_ui_form_get(f, 6), "");
	assert_string_equal(hane_ui_form_get(f, 7), "8.250,50");
	/* The mask passes the TC Kimlik check: the stored number stays. */
	assert_int_equal(hane_ui_form_validate(f, 0), 0);
	assert_true(hane_ui_form_kept(f, 0));

	hane_ui_form_set(f, 2, "5.2.1951");
	hane_ui_form_set_choice(f, 3, 1);
	hane_ui_form_set(f, 4, "");
	hane_ui_form_set(f, 5, " Astım ");
	hane_ui_form_set(f, 6, "0532 123 45 67");
	hane_ui_form_set(f, 7, "");
	back = p;
	hane_ui_record_store(f, 0, &pr, &back);
	hane_ui_record_store(f, 7, &hr, &h);
	assert_string_equal(back.tckn, p.tckn);
	assert_string_equal(back.birth_date, "1951-02-05");
	assert_string_equal(back.sex, "K");
	assert_int_equal(back.disability_pct, -1);
	assert_string_equal(back.chronic_illness, "Astım");
	assert_string_equal(back.phone, "+905321234567");
	assert_int_equal(h.income_kurus, -1);
	/* Retyped, the mask's field is written. */
	hane_ui_form_set(f, 0, "");
	assert_false(hane_ui_form_kept(f, 0));
	hane_ui_record_store(f, 0, &pr, &back);
	assert_string_equal(back.tckn, "");
	hane_ui_form_free(f);
}

/* A yes/no field of a bool member (a taxi driver's "active", followed at
 * once by the notes) is read and written as a bool: the notes after it
 * are not overwritten. */
static void test_form_bound_bool_member(void **state)
{
	static const struct hane_ui_bind b[] = {{.column = "active"}};
	struct hane_ui_record r = {&hane_taxi_driver_rdef, b, 1, NULL, NULL};
	struct hane_ui_field fields[1];
	struct hane_ui_form_view v = {.fields = fields, .nfields = 1};
	struct hane_ui_form *f;
	struct hane_taxi_driver d;

	(void)state;
	memset(&d, 0xff, sizeof d);
	d.active = true;
	snprintf(d.notes, sizeof d.notes, "gece");
	hane_ui_record_fields(fields, &r);
	assert_int_equal(fields[0].kind, HANE_UI_F_YESNO);
	f = hane_ui_form_new(&v);
	assert_non_null(f);
	hane_ui_record_fill(f, 0, &r, &d);
	assert_int_equal(hane_ui_form_choice(f, 0), 1);
	hane_ui_form_set_choice(f, 0, 0);
	hane_ui_record_store(f, 0, &r, &d);
	assert_false(d.active);
	assert_string_equal(d.notes, "gece");
	hane_ui_form_set_choice(f, 0, 1);
	hane_ui_record_store(f, 0, &r, &d);
	assert_true(d.active);
	assert_string_equal(d.notes, "gece");
	hane_ui_form_free(f);
}

/* Breadcrumbs shorten in the middle: the first and the last stay (#17:
 * the person page's crumb was cut at its end, the name lost). */
static void test_crumbs_shorten_in_the_middle(void **state)
{
	const char *c[] = {"hane", "Haneler", "#12 Yılmaz hanesi",
			   "Şükrü Yılmaz"};
	char out[256];

	(void)state;
	assert_string_equal(
		hane_ui_crumbs_text(out, sizeof out, c, 4, 80),
		"hane › Haneler › #12 Yılmaz hanesi › Şükrü Yılmaz");
	assert_string_equal(hane_ui_crumbs_text(out, sizeof out, c, 4, 44),
			    "hane › … › #12 Yılmaz hanesi › Şükrü Yılmaz");
	assert_string_equal(hane_ui_crumbs_text(out, sizeof out, c, 4, 25),
			    "hane › … › Şükrü Yılmaz");
	/* nothing else left: the last is cut at its end */
	assert_int_equal(
		hane_text_width(hane_ui_crumbs_text(out, sizeof out, c, 4, 15)),
		15);
	assert_non_null(strstr(out, "hane › … › Şü"));
	assert_string_equal(hane_ui_crumbs_text(out, sizeof out, c, 1, 80),
			    "hane");
}

/* Type-ahead (#17): letters jump to the first item starting with them,
 * folded both ways; Backspace shortens; a pause or a move starts again. */
static void test_typeahead(void **state)
{
	static const char *const items[] = {
		"Canan Ak", "Cem Öz",  "Çağla Ay",  "Çağrı Su",
		"Işıl Er",  "İnci Uz", "Kuru gıda", "Kuru baklagil"};
	struct hane_ui_typeahead t = {0};
	int n = (int)(sizeof items / sizeof items[0]);

	(void)state;
	assert_int_equal(hane_ui_typeahead_find("cag", items, n), 2);
	assert_int_equal(hane_ui_typeahead_find("ÇAĞR", items, n), 3);
	assert_int_equal(hane_ui_typeahead_find("c", items, n), 0);
	assert_int_equal(hane_ui_typeahead_find("ıs", items, n), 4);
	assert_int_equal(hane_ui_typeahead_find("is", items, n), 4);
	assert_int_equal(hane_ui_typeahead_find("in", items, n), 5);
	assert_int_equal(hane_ui_typeahead_find("İN", items, n), 5);
	assert_int_equal(hane_ui_typeahead_find("kuru b", items, n), 7);
	assert_int_equal(hane_ui_typeahead_find("x", items, n), -1);
	assert_int_equal(hane_ui_typeahead_find("", items, n), -1);

	/* A space on its own is not typed (it opens the list). */
	assert_false(hane_ui_typeahead_key(&t, HANE_UI_K_CHAR, ' ', 0));
	assert_true(hane_ui_typeahead_key(&t, HANE_UI_K_CHAR, 'k', 10));
	assert_true(hane_ui_typeahead_key(&t, HANE_UI_K_CHAR, 0x131, 20));
	assert_string_equal(t.typed, "k\u0131");
	assert_true(hane_ui_typeahead_key(&t, HANE_UI_K_BACKSPACE, 0, 30));
	assert_string_equal(t.typed, "k");
	assert_true(hane_ui_typeahead_key(&t, HANE_UI_K_CHAR, 'u', 40));
	assert_true(hane_ui_typeahead_key(&t, HANE_UI_K_CHAR, ' ', 50));
	assert_string_equal(t.typed, "ku ");
	/* After a pause a letter starts a new word. */
	assert_true(hane_ui_typeahead_key(&t, HANE_UI_K_CHAR, 'c',
					  50 + HANE_UI_TYPEAHEAD_MS + 1));
	assert_string_equal(t.typed, "c");
	/* A move forgets what was typed. */
	assert_false(hane_ui_typeahead_key(&t, HANE_UI_K_DOWN, 0, 2000));
	assert_string_equal(t.typed, "");
	assert_false(hane_ui_typeahead_key(&t, HANE_UI_K_BACKSPACE, 0, 2001));
}

/* Columns sized by content (#17): short columns give their room to a
 * cut one, the most important first, and then to the flex column. */
/* A typed path: absolute as typed, "~/" under $HOME, else under the
 * folder; one that does not fit is no path at all, never a cut one. */
static void test_path_resolve(void **state)
{
	char out[32], *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;

	(void)state;
	setenv("HOME", "/ev", 1);
	hane_ui_path_resolve(out, sizeof out, "/iş", "/tmp/a.csv");
	assert_string_equal(out, "/tmp/a.csv");
	hane_ui_path_resolve(out, sizeof out, "/iş", "~/a.csv");
	assert_string_equal(out, "/ev/a.csv");
	hane_ui_path_resolve(out, sizeof out, "/iş", "a.csv");
	assert_string_equal(out, "/iş/a.csv");
	hane_ui_path_resolve(out, sizeof out, "/iş",
			     "bir-çok-uzun-dosya-adı-2026.csv");
	assert_string_equal(out, "");
	if (home)
		setenv("HOME", home, 1);
	else
		unsetenv("HOME");
	free(home);
}

static void test_columns_fit_content(void **state)
{
	static const struct hane_ui_column c[4] = {
		HANE_UI_COL_NUM(HANE_M_UI_COL_HH, 4, 10, 2),
		HANE_UI_COL_TEXT(HANE_M_UI_COL_NAME, 10, 20, 0),
		HANE_UI_COL_TEXT(HANE_M_UI_COL_MAHALLE, 8, 16, 3),
		HANE_UI_COL_FLEX(HANE_M_UI_COL_STATUS, 10, 20, 1),
	};
	int content[4] = {5, 30, 9, 60};
	int out[4];

	(void)state;
	/* 80 columns: the number and the mahalle take what they hold, the
	 * name its 30, the flex column the rest. */
	assert_int_equal(hane_ui_columns_fit(c, content, 4, 79, out), 4);
	assert_int_equal(out[0], 5);
	assert_int_equal(out[1], 30);
	assert_int_equal(out[2], 9);
	assert_int_equal(out[3], 79 - 5 - 30 - 9 - 3);
	/* Narrow: the least important (highest drop) shrinks and goes
	 * first; what is left goes to the name (drop 0). */
	hane_ui_columns_fit(c, content, 4, 40, out);
	assert_int_equal(out[0], 4);
	assert_int_equal(out[1], 24);
	assert_int_equal(out[2], 0);
	assert_int_equal(out[3], 10);
	assert_int_equal(total(out, 4), 40);
	/* A column squeezed below its preferred width while a less
	 * important one is shown: the less important goes instead. */
	{
		static const struct hane_ui_column t[3] = {
			HANE_UI_COL_DATE(HANE_M_UI_COL_BIRTH, 0),
			HANE_UI_COL_TEXT(HANE_M_UI_COL_STATUS, 5, 6, 2),
			HANE_UI_COL_FLEX(HANE_M_UI_COL_MAHALLE, 8, 28, 1),
		};
		int tc[3] = {10, 5, 16};

		hane_ui_columns_fit(t, tc, 3, 26, out);
		assert_int_equal(out[0], 10);
		assert_int_equal(out[1], 0);
		assert_int_equal(out[2], 15);
	}
	/* Unknown content: as hane_ui_columns_layout. */
	{
		int a[4], b[4];

		hane_ui_columns_fit(c, NULL, 4, 60, a);
		hane_ui_columns_layout(c, 4, 60, b);
		for (int i = 0; i < 4; i++)
			assert_int_equal(a[i], b[i]);
	}
}

/* A title is cut only when the screen has no room for it: the food
 * bank's "Household" (7 wide at most by the table) over "#92" read
 * "Househ…" at 80 columns while the status column took the room. */
static void test_columns_fit_titles_first(void **state)
{
	static const struct hane_ui_column c[3] = {
		HANE_UI_COL_NUM(HANE_M_UI_COL_HH, 5, 7, 2),
		HANE_UI_COL_FLEX(HANE_M_UI_COL_NAME, 14, 24, 0),
		HANE_UI_COL_TEXT(HANE_M_UI_COL_STATUS, 12, 30, 1),
	};
	int content[3] = {9, 18, 60}, title[3] = {9, 4, 11};
	int out[3];

	(void)state;
	assert_int_equal(
		hane_ui_columns_fit_titled(c, content, title, 3, 79, out), 3);
	assert_int_equal(out[0], 9);
	assert_int_equal(out[1], 18);
	assert_int_equal(out[2], 79 - 9 - 18 - 2);
	/* Without the titles the status column took the room first. */
	hane_ui_columns_fit(c, content, 3, 79, out);
	assert_int_equal(out[0], 7);
	/* No room: the title is cut as before, the name keeps its width. */
	hane_ui_columns_fit_titled(c, content, title, 3, 40, out);
	assert_true(out[0] < 9);
	assert_int_equal(total(out, 3), 40);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_wide_gives_rest_to_flex),
		cmocka_unit_test(
			test_layout_narrow_shrinks_then_drops_in_order),
		cmocka_unit_test(test_bar_from_action_table),
		cmocka_unit_test(test_bar_keeps_help_back_quit),
		cmocka_unit_test(test_action_keys),
		cmocka_unit_test(test_progress_text),
		cmocka_unit_test(test_list_sort_and_find),
		cmocka_unit_test(test_column_kinds),
		cmocka_unit_test(test_form_validation),
		cmocka_unit_test(test_list_sort_turkish),
		cmocka_unit_test(test_crumbs_shorten_in_the_middle),
		cmocka_unit_test(test_form_bound_bool_member),
		cmocka_unit_test(test_typeahead),
		cmocka_unit_test(test_columns_fit_content),
		cmocka_unit_test(test_columns_fit_titles_first),
		cmocka_unit_test(test_form_text_never_cut_inside_a_letter),
		cmocka_unit_test(test_form_bound_to_record),
		cmocka_unit_test(test_path_resolve),
		cmocka_unit_test(test_list_filter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
