/* The form widget: labels left, fields right, the message for a field
 * under it; validation when leaving a field and on save; nothing typed is
 * ever lost on a validation error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "ui/internal.h"

#define AREA_ROWS 6
#define AREA_MAX 8000

/* A field's text is sized for its max characters (4 bytes each), so
 * nothing put in or typed is ever cut inside a letter. */
struct fstate {
	char *text;
	size_t cap;
	size_t pos;
	int top; /* AREA: the first line shown */
	int choice;
	char msg[512];	 /* validation error, shown "✗" */
	char note[512];	 /* warning, shown "⚠"; or a hint (below) */
	bool hint;	 /* note is a hint: shown plain and muted */
	char label[128]; /* hane_ui_form_label(); "" uses the message */
	char masked[64]; /* hane_ui_form_set_masked(): the mask shown */
};

struct hane_ui_form {
	const struct hane_ui_form_view *v;
	struct fstate *f;
	int nf; /* fields in f (the view may be gone when the form is freed) */
	int focus;
	bool dirty;
	int scroll;
	struct hane_ui *ui;
	struct hane_ui_typeahead ta; /* letters typed on a choice field */
};

static bool editable(const struct hane_ui_field *d)
{
	return d->kind != HANE_UI_F_HEADING;
}

/* Characters field d holds. */
static int field_max(const struct hane_ui_field *d)
{
	if (d->max > 0)
		return d->max;
	return d->kind == HANE_UI_F_AREA ? AREA_MAX : 200;
}

struct hane_ui_form *hane_ui_form_new(const struct hane_ui_form_view *v)
{
	struct hane_ui_form *f = calloc(1, sizeof *f);

	if (!f)
		return NULL;
	f->f = calloc((size_t)(v->nfields ? v->nfields : 1), sizeof *f->f);
	if (!f->f) {
		free(f);
		return NULL;
	}
	f->nf = v->nfields;
	for (int i = 0; i < v->nfields; i++) {
		f->f[i].cap = (size_t)field_max(&v->fields[i]) * 4 + 1;
		if (!(f->f[i].text = calloc(1, f->f[i].cap))) {
			hane_ui_form_free(f);
			return NULL;
		}
	}
	f->v = v;
	f->focus = 0;
	while (f->focus < v->nfields && !editable(&v->fields[f->focus]))
		f->focus++;
	return f;
}

void hane_ui_form_free(struct hane_ui_form *f)
{
	if (!f)
		return;
	for (int i = 0; f->f && i < f->nf; i++)
		free(f->f[i].text);
	free(f->f);
	free(f);
}

static bool valid_index(const struct hane_ui_form *f, int i)
{
	return i >= 0 && i < f->v->nfields;
}

const char *hane_ui_form_get(const struct hane_ui_form *f, int i)
{
	return valid_index(f, i) ? f->f[i].text : "";
}

void hane_ui_form_set(struct hane_ui_form *f, int i, const char *text)
{
	if (!valid_index(f, i))
		return;
	hane_text_copy(f->f[i].text, f->f[i].cap, text,
		       field_max(&f->v->fields[i]));
	f->f[i].pos = strlen(f->f[i].text);
	f->f[i].msg[0] = '\0';
}

int hane_ui_form_choice(const struct hane_ui_form *f, int i)
{
	return valid_index(f, i) ? f->f[i].choice : 0;
}

void hane_ui_form_set_choice(struct hane_ui_form *f, int i, int choice)
{
	const struct hane_ui_field *d;

	if (!valid_index(f, i))
		return;
	d = &f->v->fields[i];
	if (d->kind == HANE_UI_F_YESNO)
		choice = choice != 0;
	else if (choice < 0 || choice >= d->nchoices)
		choice = 0;
	f->f[i].choice = choice;
}

void hane_ui_form_label(struct hane_ui_form *f, int i, const char *text)
{
	if (valid_index(f, i))
		snprintf(f->f[i].label, sizeof f->f[i].label, "%s",
			 text ? text : "");
}

/* Field i's label: its own text, or the field's message. */
static const char *label_of(const struct hane_ui_form *f, int i)
{
	const struct hane_ui_field *d = &f->v->fields[i];

	if (f->f[i].label[0])
		return f->f[i].label;
	return d->label_text ? d->label_text : hane_msg(d->label);
}

void hane_ui_form_set_masked(struct hane_ui_form *f, int i, const char *value,
			     const char *mask)
{
	if (!valid_index(f, i))
		return;
	if (mask && mask[0] && strcmp(mask, value) != 0) {
		snprintf(f->f[i].masked, sizeof f->f[i].masked, "%s", mask);
		value = mask;
	} else {
		f->f[i].masked[0] = '\0';
	}
	hane_ui_form_set(f, i, value);
}

/* True if text, trimmed, is the mask field i was filled with. */
static bool shows_mask(const struct hane_ui_form *f, int i, const char *text)
{
	char t[sizeof f->f[i].masked];

	if (!f->f[i].masked[0])
		return false;
	snprintf(t, sizeof t, "%s", text);
	hane_text_trim(t);
	return strcmp(t, f->f[i].masked) == 0;
}

bool hane_ui_form_kept(const struct hane_ui_form *f, int i)
{
	return valid_index(f, i) && shows_mask(f, i, f->f[i].text);
}

void hane_ui_form_note(struct hane_ui_form *f, int i, const char *text)
{
	if (!valid_index(f, i))
		return;
	snprintf(f->f[i].note, sizeof f->f[i].note, "%s", text ? text : "");
	f->f[i].hint = false;
}

void hane_ui_form_hint(struct hane_ui_form *f, int i, const char *text)
{
	hane_ui_form_note(f, i, text);
	if (valid_index(f, i))
		f->f[i].hint = true;
}

void hane_ui_form_error(struct hane_ui_form *f, int i, const char *text)
{
	if (!valid_index(f, i))
		return;
	snprintf(f->f[i].msg, sizeof f->f[i].msg, "%s", text ? text : "");
	f->focus = i;
}

bool hane_ui_form_dirty(const struct hane_ui_form *f)
{
	return f->dirty;
}

void hane_ui_form_set_clean(struct hane_ui_form *f)
{
	f->dirty = false;
}

static bool all_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t')
			return false;
	return true;
}

static int number_check(const struct hane_ui_field *d, const char *s)
{
	char *end;
	long v;

	while (*s == ' ')
		s++;
	v = strtol(s, &end, 10);
	while (*end == ' ')
		end++;
	if (end == s || *end) {
		hane_error_set("%s", hane_msg(HANE_M_UI_NUMBER_INVALID));
		return HANE_EINVAL;
	}
	if ((d->lo || d->hi) && (v < d->lo || v > d->hi)) {
		hane_error_set(hane_msg(HANE_M_UI_NUMBER_RANGE), d->lo, d->hi);
		return HANE_EINVAL;
	}
	return 0;
}

int hane_ui_form_validate(struct hane_ui_form *f, int i)
{
	const struct hane_ui_field *d;
	struct fstate *s;
	int rc = 0;

	if (!valid_index(f, i))
		return 0;
	d = &f->v->fields[i];
	s = &f->f[i];
	s->msg[0] = '\0';
	if (d->kind == HANE_UI_F_HEADING || d->kind == HANE_UI_F_YESNO ||
	    d->kind == HANE_UI_F_CHOICE)
		return 0;
	if (all_blank(s->text)) {
		if (!d->required)
			return 0;
		snprintf(s->msg, sizeof s->msg, "%s",
			 hane_msg(HANE_M_UI_REQUIRED));
		return HANE_EINVAL;
	}
	hane_error_clear();
	switch (d->kind) {
	case HANE_UI_F_NUMBER:
		rc = number_check(d, s->text);
		break;
	case HANE_UI_F_MONEY: {
		int64_t k;

		rc = hane_money_parse(&k, s->text);
		break;
	}
	case HANE_UI_F_DATE: {
		char iso[HANE_DATE_LEN + 1];

		rc = hane_date_parse(iso, s->text);
		if (rc == 0) {
			/* Show what was understood: "4.1.1950" → 04.01.1950 */
			char shown[HANE_DATE_LEN + 1];

			hane_date_format(shown, iso);
			if (strcmp(shown, s->text) != 0) {
				memcpy(s->text, shown, strlen(shown) + 1);
				s->pos = strlen(s->text);
			}
		}
		break;
	}
	default:
		break;
	}
	if (rc == 0 && d->check && !shows_mask(f, i, s->text))
		rc = d->check(s->text, f->v->arg);
	if (rc != 0) {
		const char *m = hane_error_last();

		snprintf(s->msg, sizeof s->msg, "%s",
			 m && m[0] ? m : hane_strerror(rc));
		return HANE_EINVAL;
	}
	return 0;
}

/* ---- Drawing ------------------------------------------------------------ */

static int label_width(const struct hane_ui_form *f)
{
	int w = 0;

	for (int i = 0; i < f->v->nfields; i++) {
		const struct hane_ui_field *d = &f->v->fields[i];
		int lw;

		if (!editable(d))
			continue;
		lw = hane_text_width(label_of(f, i)) + (d->required ? 2 : 0);
		if (lw > w)
			w = lw;
	}
	return w > 28 ? 28 : w;
}

static int area_rows(const struct hane_ui_field *d)
{
	return d->rows > 0 ? d->rows : AREA_ROWS;
}

/* Columns a message under a field has (after its "✗ " or "⚠ "). */
static int msg_width(const struct hane_ui_form *f)
{
	int w = ui_cols() - (2 + label_width(f) + 2) - 3;

	return w < 10 ? 10 : w;
}

/* Lines a message under a field takes: it wraps, never cut (#17). */
static int msg_rows(const struct hane_ui_form *f, const char *text)
{
	int n;

	if (!text[0])
		return 0;
	n = hane_text_wrap(text, msg_width(f), NULL, 0);
	return n < 1 ? 1 : n > 4 ? 4 : n;
}

/* Draws a message under a field from row y, wrapped; returns the next
 * row. */
static int draw_msg(const struct hane_ui_form *f, int y, int x, int top,
		    int bottom, const char *mark, const char *text,
		    enum ui_role role)
{
	size_t starts[5];
	int total = hane_text_wrap(text, msg_width(f), starts, 5);
	int n = msg_rows(f, text);

	for (int k = 0; k < n; k++, y++) {
		size_t end = k + 1 < total ? starts[k + 1] : strlen(text);
		char line[1024];
		size_t len = end - starts[k];

		if (y < top || y > bottom)
			continue;
		if (len >= sizeof line)
			len = sizeof line - 1;
		memcpy(line, text + starts[k], len);
		line[len] = '\0';
		while (len > 0 &&
		       (line[len - 1] == ' ' || line[len - 1] == '\n'))
			line[--len] = '\0';
		ui_putf(y, x, ui_cols() - x - 1, role, "%s %s%s",
			k ? " " : mark, line,
			k == n - 1 && total > n ? "\u2026" : "");
	}
	return y;
}

/* Rows field i takes: one (an area its lines and the count under them),
 * plus the lines of each message under it. */
static int field_rows(const struct hane_ui_form *f, int i)
{
	const struct hane_ui_field *d = &f->v->fields[i];
	int rows = d->kind == HANE_UI_F_AREA ? area_rows(d) + 1 : 1;

	return rows + msg_rows(f, f->f[i].msg) + msg_rows(f, f->f[i].note);
}

/* ---- Text areas --------------------------------------------------------- */

/* The wrapped lines of an area w columns wide: *n lines, starts in a
 * malloc'ed array the caller frees (NULL on ENOMEM). */
static size_t *area_lines(const char *text, int w, int *n)
{
	int count = hane_text_wrap(text, w, NULL, 0);
	size_t *starts = malloc((size_t)count * sizeof *starts);

	*n = 0;
	if (!starts)
		return NULL;
	*n = hane_text_wrap(text, w, starts, count);
	return starts;
}

/* The line holding byte pos: the last that starts at or before it. */
static int area_line_of(const size_t *starts, int n, size_t pos)
{
	int l = 0;

	while (l + 1 < n && starts[l + 1] <= pos)
		l++;
	return l;
}

/* Columns from the start of line l to byte pos. */
static int area_col(const char *text, const size_t *starts, int l, size_t pos)
{
	char buf[1024];
	size_t len = pos - starts[l];

	if (len >= sizeof buf)
		len = sizeof buf - 1;
	memcpy(buf, text + starts[l], len);
	buf[len] = '\0';
	return hane_text_width(buf);
}

/* The end of line l without its newline. */
static size_t area_line_end(const char *text, const size_t *starts, int n,
			    int l)
{
	size_t end = l + 1 < n ? starts[l + 1] : strlen(text);

	if (end > starts[l] && text[end - 1] == '\n')
		end--;
	return end;
}

/* The byte in line l nearest column col (never past the line's end). */
static size_t area_pos_at(const char *text, const size_t *starts, int n, int l,
			  int col)
{
	size_t p = starts[l], end = area_line_end(text, starts, n, l);

	/* a soft-wrapped line ends before the next line's first letter */
	if (l + 1 < n && end == starts[l + 1] && end > starts[l])
		ui_text_left(text, &end);
	while (p < end) {
		size_t q = p;

		ui_text_right(text, &q);
		if (q > end || area_col(text, starts, l, q) > col)
			break;
		p = q;
	}
	return p;
}

/* "1.234" */
static void draw_area(struct hane_ui *ui, struct hane_ui_form *f, int i, int y,
		      int x, int w, int top, int bottom)
{
	const struct hane_ui_field *d = &f->v->fields[i];
	struct fstate *s = &f->f[i];
	bool focus = i == f->focus;
	enum ui_role r = focus ? UI_R_FIELD_FOCUS : UI_R_FIELD;
	int rows = area_rows(d), n, cur, chars;
	size_t *starts = area_lines(s->text, w, &n);
	char a[32], b[32], info[160];

	if (!starts)
		return;
	cur = area_line_of(starts, n, s->pos);
	if (cur < s->top)
		s->top = cur;
	if (cur >= s->top + rows)
		s->top = cur - rows + 1;
	if (s->top > n - 1)
		s->top = n - 1;
	if (s->top < 0)
		s->top = 0;
	for (int k = 0; k < rows; k++) {
		int l = s->top + k, yy = y + k;
		char line[1024];

		if (yy < top || yy > bottom)
			continue;
		ui_put(yy, x - 1, "\u2502", 1, UI_R_NORMAL);
		line[0] = '\0';
		if (l < n) {
			size_t end = area_line_end(s->text, starts, n, l);
			size_t len = end - starts[l];

			if (len >= sizeof line)
				len = sizeof line - 1;
			memcpy(line, s->text + starts[l], len);
			line[len] = '\0';
		}
		ui_put(yy, x, line, w, r);
		ui_put(yy, x + w, "\u2502", 1, UI_R_NORMAL);
		if (focus && l == cur) {
			int cx = area_col(s->text, starts, l, s->pos);

			ui->cur_y = yy;
			ui->cur_x = x + (cx < w ? cx : w - 1);
		}
	}
	/* Under the box: where the lines are and how much room is left. */
	chars = hane_text_chars(s->text);
	hane_num_format(a, sizeof a, chars);
	hane_num_format(b, sizeof b, field_max(d));
	snprintf(info, sizeof info, hane_msg(HANE_M_UI_AREA_INFO), cur + 1, n,
		 a, b);
	if (y + rows >= top && y + rows <= bottom)
		ui_putf(y + rows, x, w, UI_R_MUTED, "%s%s%s",
			s->top > 0 ? "\u25b2 " : "",
			n > s->top + rows ? "\u25bc " : "", info);
	free(starts);
}

/* Keys inside an area: true when the text changed. Up on the first line
 * and Down on the last leave it (*leave -1 or +1). */
static bool area_key(struct hane_ui_form *f, enum hane_ui_key k, uint32_t ch,
		     int w, int *leave)
{
	const struct hane_ui_field *d = &f->v->fields[f->focus];
	struct fstate *s = &f->f[f->focus];
	int n, cur, col, to;
	size_t *starts;

	*leave = 0;
	if (k == HANE_UI_K_ENTER)
		return ui_text_insert(s->text, s->cap, &s->pos, '\n',
				      field_max(d));
	if (k != HANE_UI_K_UP && k != HANE_UI_K_DOWN && k != HANE_UI_K_PGUP &&
	    k != HANE_UI_K_PGDN && k != HANE_UI_K_HOME && k != HANE_UI_K_END)
		return false;
	if (!(starts = area_lines(s->text, w, &n)))
		return false;
	cur = area_line_of(starts, n, s->pos);
	col = area_col(s->text, starts, cur, s->pos);
	switch (k) {
	case HANE_UI_K_HOME:
		s->pos = starts[cur];
		break;
	case HANE_UI_K_END:
		s->pos = area_pos_at(s->text, starts, n, cur, 1 << 20);
		break;
	default:
		to = cur + (k == HANE_UI_K_UP	  ? -1
			    : k == HANE_UI_K_DOWN ? 1
			    : k == HANE_UI_K_PGUP ? -area_rows(d)
						  : area_rows(d));
		if (to < 0 && k == HANE_UI_K_UP)
			*leave = -1;
		else if (to >= n && k == HANE_UI_K_DOWN)
			*leave = 1;
		else {
			to = to < 0 ? 0 : to >= n ? n - 1 : to;
			s->pos = area_pos_at(s->text, starts, n, to, col);
		}
		break;
	}
	free(starts);
	return false;
}

static void draw_value(struct hane_ui *ui, struct hane_ui_form *f, int i, int y,
		       int x, int w)
{
	const struct hane_ui_field *d = &f->v->fields[i];
	struct fstate *s = &f->f[i];
	bool focus = i == f->focus;
	enum ui_role r = focus ? UI_R_FIELD_FOCUS : UI_R_FIELD;
	int cx;

	switch (d->kind) {
	case HANE_UI_F_CHOICE: {
		char t[300];

		snprintf(t, sizeof t, "%s",
			 s->choice >= 0 && s->choice < d->nchoices
				 ? d->choices[s->choice]
				 : "");
		ui_put(y, x - 1, "[", 1, UI_R_NORMAL);
		ui_put(y, x, t, w - 2, r);
		ui_put(y, x + w - 2, " \u25be", 2, r);
		ui_put(y, x + w, "]", 1, UI_R_NORMAL);
		if (focus) {
			ui->cur_y = y;
			ui->cur_x = x;
		}
		break;
	}
	case HANE_UI_F_YESNO: {
		char t[128];

		snprintf(t, sizeof t, "[%s] %s", s->choice ? "x" : " ",
			 hane_msg(s->choice ? HANE_M_UI_YES : HANE_M_UI_NO));
		ui_put(y, x - 1, t, hane_text_width(t), r);
		if (focus) {
			ui->cur_y = y;
			ui->cur_x = x;
		}
		break;
	}
	default: {
		char stars[1024];
		const char *t = s->text;
		size_t pos = s->pos;

		/* A password shows only how many characters were typed. */
		if (d->kind == HANE_UI_F_PASSWORD) {
			size_t k = 0, p = 0;

			for (size_t b = 0; s->text[b] && k + 1 < sizeof stars;
			     b++) {
				if (((unsigned char)s->text[b] & 0xC0) == 0x80)
					continue;
				p += b < s->pos;
				stars[k++] = '*';
			}
			stars[k] = '\0';
			t = stars;
			pos = p;
		}
		ui_put(y, x - 1, "[", 1, UI_R_NORMAL);
		ui_input(y, x, w, t, pos, r, &cx);
		ui_put(y, x + w, "]", 1, UI_R_NORMAL);
		if (focus) {
			ui->cur_y = y;
			ui->cur_x = cx;
		}
		break;
	}
	}
}

/* Columns field i's value gets on this screen. */
static int value_width(const struct hane_ui_form *f, int i)
{
	const struct hane_ui_field *d = &f->v->fields[i];
	int fx = 2 + label_width(f) + 2;
	int w = d->width > 0 ? d->width : 30;

	/* an area takes the width of the screen */
	if (d->kind == HANE_UI_F_AREA || fx + w + 2 > ui_cols())
		w = ui_cols() - fx - 2;
	return w < 1 ? 1 : w;
}

/* Scrolls so the focused field and its messages are visible between rows
 * top and bottom, with ▲▼ where more is above or below. */
static void scroll_to_focus(struct hane_ui_form *f, int top, int bottom)
{
	int y = 0, fy = 0, fh = 1;

	for (int i = 0; i < f->v->nfields; i++) {
		if (i == f->focus) {
			fy = y;
			fh = field_rows(f, i);
		}
		y += field_rows(f, i);
	}
	if (fy < f->scroll)
		f->scroll = fy;
	if (fy + fh > f->scroll + (bottom - top + 1))
		f->scroll = fy + fh - (bottom - top + 1);
	if (f->scroll < 0)
		f->scroll = 0;
	if (f->scroll > 0)
		ui_put(ui_top(), ui_cols() - 3, "\u25b2", 1, UI_R_MUTED);
	if (y - f->scroll > bottom - top + 1)
		ui_put(bottom, ui_cols() - 3, "\u25bc", 1, UI_R_MUTED);
}

/* The hint of the field in focus above the bar (how to pick a choice,
 * what was typed of one), unless the status line has something. */
static void draw_hint(struct hane_ui *ui, const struct hane_ui_form *f)
{
	const struct hane_ui_field *d;

	if (f->focus < 0 || f->focus >= f->v->nfields || ui->status[0])
		return;
	d = &f->v->fields[f->focus];
	if (d->kind == HANE_UI_F_CHOICE && f->ta.typed[0])
		ui_putf(ui_lines() - 2, 1, ui_cols() - 2, UI_R_MUTED,
			hane_msg(HANE_M_UI_TYPEAHEAD), f->ta.typed);
	else if (d->kind == HANE_UI_F_CHOICE)
		ui_put(ui_lines() - 2, 1, hane_msg(HANE_M_UI_CHOICE_HINT),
		       ui_cols() - 2, UI_R_MUTED);
	else if (d->kind == HANE_UI_F_YESNO)
		ui_put(ui_lines() - 2, 1, hane_msg(HANE_M_UI_YESNO_HINT),
		       ui_cols() - 2, UI_R_MUTED);
}

static void draw_form(struct hane_ui *ui, void *arg)
{
	struct hane_ui_form *f = arg;
	int lw = label_width(f);
	int fx = 2 + lw + 2;
	int top = ui_top() + 1, bottom = ui_bottom();
	int y;

	ui_chrome(ui, NULL, NULL, 0); /* the bar: the frame's actions */
	scroll_to_focus(f, top, bottom);
	y = top - f->scroll;
	for (int i = 0; i < f->v->nfields; i++) {
		const struct hane_ui_field *d = &f->v->fields[i];
		struct fstate *s = &f->f[i];
		int w = value_width(f, i);
		char label[256];

		if (y >= top && y <= bottom) {
			if (d->kind == HANE_UI_F_HEADING) {
				ui_put(y, 1, label_of(f, i), ui_cols() - 2,
				       UI_R_HEADING);
			} else {
				snprintf(label, sizeof label, "%s%s",
					 label_of(f, i),
					 d->required ? " *" : "");
				ui_put(y, 0, i == f->focus ? "\u25b6" : " ", 1,
				       UI_R_NORMAL);
				ui_put(y, 2, label, lw,
				       i == f->focus ? UI_R_HEADING
						     : UI_R_NORMAL);
				if (d->kind != HANE_UI_F_AREA)
					draw_value(ui, f, i, y, fx, w);
			}
		}
		if (d->kind == HANE_UI_F_AREA) {
			draw_area(ui, f, i, y, fx, w, top, bottom);
			y += area_rows(d);
		}
		y++;
		if (s->msg[0])
			y = draw_msg(f, y, fx, top, bottom, "\u2717", s->msg,
				     UI_R_ERROR);
		if (s->note[0])
			y = draw_msg(f, y, fx, top, bottom,
				     s->hint ? " " : "\u26a0", s->note,
				     s->hint ? UI_R_MUTED : UI_R_WARN);
	}
	draw_hint(ui, f);
}

/* ---- Keys --------------------------------------------------------------- */

static void move_focus(struct hane_ui_form *f, int dir)
{
	int i = f->focus;

	hane_ui_typeahead_reset(&f->ta);
	do {
		i += dir;
	} while (i >= 0 && i < f->v->nfields && !editable(&f->v->fields[i]));
	if (i >= 0 && i < f->v->nfields)
		f->focus = i;
}

/* Leaving a field forward is refused while it is invalid: the message
 * stays under it and the cursor with the text as typed. */
static bool leave_forward(struct hane_ui_form *f)
{
	return hane_ui_form_validate(f, f->focus) == 0;
}

static void changed(struct hane_ui_form *f, int i)
{
	f->dirty = true;
	if (f->f[i].msg[0]) /* re-check as they fix it */
		(void)hane_ui_form_validate(f, i);
	if (f->v->changed)
		f->v->changed(f->ui, f, i, f->v->arg);
}

static void edit_choice(struct hane_ui *ui, struct hane_ui_form *f,
			enum hane_ui_key k, uint32_t ch)
{
	const struct hane_ui_field *d = &f->v->fields[f->focus];
	struct fstate *s = &f->f[f->focus];
	int old = s->choice;

	if (d->kind == HANE_UI_F_YESNO) {
		if (k == HANE_UI_K_LEFT || k == HANE_UI_K_RIGHT ||
		    (k == HANE_UI_K_CHAR && ch == ' '))
			s->choice = !s->choice;
		else if (k == HANE_UI_K_CHAR &&
			 (ch == 'e' || ch == 'E' || ch == 'y' || ch == 'Y'))
			s->choice = 1;
		else if (k == HANE_UI_K_CHAR &&
			 (ch == 'h' || ch == 'H' || ch == 'n' || ch == 'N'))
			s->choice = 0;
	} else if (d->nchoices > 0 &&
		   hane_ui_typeahead_key(&f->ta, k, ch, ui_now_ms())) {
		/* Letters jump to the first choice that starts with them; a
		 * letter that matches none is not kept. */
		int c = hane_ui_typeahead_find(f->ta.typed, d->choices,
					       d->nchoices);

		if (c >= 0) {
			s->choice = c;
		} else if (f->ta.typed[0]) {
			hane_ui_status(ui, true,
				       hane_msg(HANE_M_UI_TYPEAHEAD_NONE),
				       f->ta.typed);
			if (k == HANE_UI_K_CHAR) {
				size_t pos = strlen(f->ta.typed);

				ui_text_backspace(f->ta.typed, &pos);
			}
		}
	} else if (d->nchoices > 0) {
		if (k == HANE_UI_K_LEFT)
			s->choice = (s->choice + d->nchoices - 1) % d->nchoices;
		else if (k == HANE_UI_K_RIGHT)
			s->choice = (s->choice + 1) % d->nchoices;
		else if (k == HANE_UI_K_ENTER ||
			 (k == HANE_UI_K_CHAR && ch == ' ')) {
			int c = hane_ui_choose(ui, label_of(f, f->focus),
					       d->choices, d->nchoices,
					       s->choice);

			if (c >= 0)
				s->choice = c;
		}
	}
	if (s->choice != old)
		changed(f, f->focus);
}

static bool edit_text(struct hane_ui_form *f, enum hane_ui_key k, uint32_t ch)
{
	const struct hane_ui_field *d = &f->v->fields[f->focus];
	struct fstate *s = &f->f[f->focus];
	int max = field_max(d);

	if (k == HANE_UI_K_HOME)
		s->pos = 0;
	else if (k == HANE_UI_K_END)
		s->pos = strlen(s->text);
	else
		return ui_text_key(s->text, s->cap, &s->pos, k, ch, max);
	return false;
}

/* F2: every field is checked; the first bad one gets the cursor. */
static int try_save(struct hane_ui *ui, struct hane_ui_form *f)
{
	int first = -1;

	for (int i = 0; i < f->v->nfields; i++)
		if (hane_ui_form_validate(f, i) != 0 && first < 0)
			first = i;
	if (first >= 0) {
		f->focus = first;
		hane_ui_status(ui, true, "%s",
			       hane_msg(HANE_M_UI_FORM_INVALID));
		return HANE_EINVAL;
	}
	if (!f->v->save)
		return 0;
	return f->v->save(ui, f, f->v->arg);
}

/* A key for the field in focus: moves between fields, edits a text or
 * area, or picks a choice. */
static void field_key(struct hane_ui *ui, struct hane_ui_form *f,
		      enum hane_ui_key k, uint32_t ch)
{
	const struct hane_ui_field *d;

	if (f->focus >= f->v->nfields)
		return;
	d = &f->v->fields[f->focus];
	if (d->kind == HANE_UI_F_AREA) {
		int leave = 0;

		if (area_key(f, k, ch, value_width(f, f->focus), &leave)) {
			changed(f, f->focus);
			return;
		}
		if (leave < 0) {
			(void)hane_ui_form_validate(f, f->focus);
			move_focus(f, -1);
			return;
		}
		if (leave > 0) {
			if (leave_forward(f))
				move_focus(f, +1);
			return;
		}
		if (k == HANE_UI_K_ENTER || k == HANE_UI_K_UP ||
		    k == HANE_UI_K_DOWN || k == HANE_UI_K_PGUP ||
		    k == HANE_UI_K_PGDN || k == HANE_UI_K_HOME ||
		    k == HANE_UI_K_END)
			return;
	}
	if (k == HANE_UI_K_TAB || k == HANE_UI_K_DOWN ||
	    (k == HANE_UI_K_ENTER && d->kind != HANE_UI_F_CHOICE)) {
		if (leave_forward(f))
			move_focus(f, +1);
		return;
	}
	if (k == HANE_UI_K_BTAB || k == HANE_UI_K_UP) {
		(void)hane_ui_form_validate(f, f->focus);
		move_focus(f, -1);
		return;
	}
	if (d->kind == HANE_UI_F_CHOICE || d->kind == HANE_UI_F_YESNO) {
		edit_choice(ui, f, k, ch);
		return;
	}
	if (edit_text(f, k, ch))
		changed(f, f->focus);
	else if (k == HANE_UI_K_CHAR && ch >= ' ' &&
		 hane_text_chars(f->f[f->focus].text) >= field_max(d))
		/* Said, not swallowed: a name typed on into a full TC Kimlik
		 * No (the cursor stays on a field that is wrong) was lost
		 * without a word. */
		hane_ui_status(ui, true, hane_msg(HANE_M_UI_FIELD_FULL),
			       label_of(f, f->focus), field_max(d));
}

int hane_ui_form_run(struct hane_ui *ui, struct hane_ui_form *f)
{
	const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP,
		f->v->f2 && hane_ui_action_key(f->v->f2) == HANE_UI_K_F2
			? f->v->f2
			: HANE_UI_A_SAVE,
		HANE_UI_A_NEXT, HANE_UI_A_BACK, HANE_UI_A_QUIT};
	int saved = 0;

	f->ui = ui;
	hane_ui_title_push(ui, f->v->title);
	ui_push(ui, draw_form, f, acts, sizeof acts / sizeof acts[0]);
	while (!ui->quit) {
		uint32_t ch = 0;
		enum hane_ui_key k = ui_key(ui, &ch);

		if (k == HANE_UI_K_RESIZE)
			continue;
		if (k == HANE_UI_K_F10) {
			if (!f->dirty ||
			    hane_ui_confirm(ui,
					    hane_msg(HANE_M_UI_DISCARD_QUIT)))
				ui->quit = true;
			continue;
		}
		if (ui_global_key(ui, k))
			continue;
		if (k == HANE_UI_K_ESC) {
			if (!f->dirty ||
			    hane_ui_confirm(ui, hane_msg(HANE_M_UI_DISCARD)))
				break;
			continue;
		}
		if (k == HANE_UI_K_F2) {
			if (try_save(ui, f) == 0) {
				saved = 1;
				break;
			}
			continue;
		}
		if (k >= HANE_UI_K_F1 && k <= HANE_UI_K_F12) {
			ui_unbound_key(ui, k);
			continue;
		}
		field_key(ui, f, k, ch);
	}
	ui_pop(ui);
	hane_ui_title_pop(ui);
	return saved;
}
