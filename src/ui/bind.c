/* A form bound to a record's field table (hane/ui.h "A form bound to a
 * record"): the widget, label and flags of each field come from the
 * table, and values go between the struct and the form by the field's
 * type, so a screen no longer copies a record in and out by hand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/ui.h"

/* A bound column the record has not is a programming error: it dies
 * naming both (hane_record_field). */
static const struct hane_fdef *field_of(const struct hane_ui_record *r, int i)
{
	return hane_record_field(r->def, r->bind[i].column);
}

static int check_tckn(const char *text, void *arg)
{
	(void)arg;
	return hane_tckn_check(text);
}

static int check_phone(const char *text, void *arg)
{
	char out[HANE_PHONE_LEN + 1];

	(void)arg;
	return hane_phone_normalize(out, text);
}

/* The widget, sizes and check of a field of type t. */
static void by_type(struct hane_ui_field *o, enum hane_ftype t)
{
	static const struct {
		enum hane_ui_field_kind kind;
		int width, max;
		int (*check)(const char *text, void *arg);
	} types[] = {
		[HANE_FT_TEXT] = {HANE_UI_F_TEXT, 30, 200, NULL},
		[HANE_FT_INT] = {HANE_UI_F_NUMBER, 8, 9, NULL},
		[HANE_FT_MONEY] = {HANE_UI_F_MONEY, 14, 20, NULL},
		[HANE_FT_DATE] = {HANE_UI_F_DATE, 12, 10, NULL},
		[HANE_FT_PHONE] = {HANE_UI_F_TEXT, 18, 20, check_phone},
		[HANE_FT_BOOL] = {HANE_UI_F_YESNO, 6, 0, NULL},
		[HANE_FT_TCKN] = {HANE_UI_F_TEXT, 13, 11, check_tckn},
		[HANE_FT_REF] = {HANE_UI_F_NUMBER, 10, 18, NULL},
	};

	o->kind = types[t].kind;
	o->width = types[t].width;
	o->max = types[t].max;
	o->check = types[t].check;
}

void hane_ui_record_fields(struct hane_ui_field *out,
			   const struct hane_ui_record *r)
{
	bool en = hane_lang_get() == HANE_LANG_EN;

	for (int i = 0; i < r->n; i++) {
		const struct hane_ui_bind *b = &r->bind[i];
		const struct hane_fdef *d = field_of(r, i);
		struct hane_ui_field *o = &out[i];

		*o = (struct hane_ui_field){0};
		by_type(o, d->type);
		if (b->choices) {
			o->kind = HANE_UI_F_CHOICE;
			o->choices = b->choices;
			o->nchoices = b->nchoices;
			o->check = NULL;
		}
		if (b->width)
			o->width = b->width;
		if (b->max)
			o->max = b->max;
		o->lo = b->lo;
		o->hi = b->hi;
		o->required = (d->flags & HANE_FF_REQUIRED) != 0;
		if (b->own_label)
			o->label = b->label;
		else
			o->label_text =
				en && d->label_en ? d->label_en : d->label_tr;
	}
}

/* The stored text of choice c of b. */
static const char *choice_value(const struct hane_ui_bind *b, int c)
{
	if (c < 0 || c >= b->nchoices)
		c = 0;
	return b->values ? b->values[c] : b->choices[c];
}

/* An int64_t, int or bool member (a yes/no field may be either). */
static int64_t get_int(const void *p, size_t size)
{
	if (size == sizeof(int64_t))
		return *(const int64_t *)p;
	if (size == sizeof(bool))
		return *(const bool *)p;
	return *(const int *)p;
}

static void set_int(void *p, size_t size, int64_t v)
{
	if (size == sizeof(int64_t))
		*(int64_t *)p = v;
	else if (size == sizeof(bool))
		*(bool *)p = v != 0;
	else
		*(int *)p = (int)v;
}

/* Field d's value in rec as the form shows it, unmasked. */
static const char *shown(const struct hane_fdef *d, const char *m, char *buf,
			 size_t n)
{
	int64_t v;

	switch (d->type) {
	case HANE_FT_DATE:
		return m[0] ? hane_date_format(buf, m) : "";
	case HANE_FT_PHONE:
		return m[0] ? hane_phone_format(buf, n, m, false) : "";
	case HANE_FT_MONEY:
		v = get_int(m, d->size);
		return v >= 0 ? hane_money_format(buf, n, v, false) : "";
	case HANE_FT_INT:
	case HANE_FT_REF:
		v = get_int(m, d->size);
		if (v < 0 || (v == 0 && d->type == HANE_FT_REF))
			return "";
		snprintf(buf, n, "%lld", (long long)v);
		return buf;
	default:
		return m;
	}
}

void hane_ui_record_fill(struct hane_ui_form *f, int at,
			 const struct hane_ui_record *r, const void *rec)
{
	for (int i = 0; i < r->n; i++) {
		const struct hane_ui_bind *b = &r->bind[i];
		const struct hane_fdef *d = field_of(r, i);
		const char *m = (const char *)rec + d->offset;
		char buf[64], mask[128];

		if (d->type == HANE_FT_BOOL) {
			hane_ui_form_set_choice(f, at + i,
						(int)get_int(m, d->size));
			continue;
		}
		if (b->choices) {
			for (int c = 0; c < b->nchoices; c++)
				if (strcmp(choice_value(b, c), m) == 0)
					hane_ui_form_set_choice(f, at + i, c);
			continue;
		}
		if ((d->flags & HANE_FF_MASKED) && r->mask)
			hane_ui_form_set_masked(
				f, at + i, shown(d, m, buf, sizeof buf),
				r->mask(r->db, d, mask, sizeof mask, m));
		else
			hane_ui_form_set(f, at + i,
					 shown(d, m, buf, sizeof buf));
	}
}

/* Writes text t (trimmed) into member m of field d. */
static void store_text(const struct hane_fdef *d, char *m, const char *t)
{
	int64_t v;

	switch (d->type) {
	case HANE_FT_DATE:
		if (!t[0] || hane_date_parse(m, t) != 0)
			m[0] = '\0';
		return;
	case HANE_FT_PHONE:
		if (!t[0] || hane_phone_normalize(m, t) != 0)
			m[0] = '\0';
		return;
	case HANE_FT_MONEY:
		if (!t[0] || hane_money_parse(&v, t) != 0)
			v = -1;
		set_int(m, d->size, v);
		return;
	case HANE_FT_INT:
		set_int(m, d->size, t[0] ? strtoll(t, NULL, 10) : -1);
		return;
	case HANE_FT_REF:
		set_int(m, d->size, t[0] ? strtoll(t, NULL, 10) : 0);
		return;
	default:
		snprintf(m, d->size, "%s", t);
		return;
	}
}

void hane_ui_record_store(const struct hane_ui_form *f, int at,
			  const struct hane_ui_record *r, void *rec)
{
	for (int i = 0; i < r->n; i++) {
		const struct hane_ui_bind *b = &r->bind[i];
		const struct hane_fdef *d = field_of(r, i);
		char *m = (char *)rec + d->offset;
		char t[64];

		if ((d->flags & HANE_FF_READONLY) ||
		    hane_ui_form_kept(f, at + i))
			continue;
		if (d->type == HANE_FT_BOOL) {
			set_int(m, d->size,
				hane_ui_form_choice(f, at + i) != 0);
			continue;
		}
		if (b->choices) {
			snprintf(m, d->size, "%s",
				 choice_value(b,
					      hane_ui_form_choice(f, at + i)));
			continue;
		}
		if (d->type == HANE_FT_TEXT || d->type == HANE_FT_TCKN) {
			snprintf(m, d->size, "%s", hane_ui_form_get(f, at + i));
			hane_text_trim(m);
			continue;
		}
		snprintf(t, sizeof t, "%s", hane_ui_form_get(f, at + i));
		hane_text_trim(t);
		store_text(d, m, t);
	}
}
