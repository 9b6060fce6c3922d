/* Yönetim: the administrator's screens. Staff accounts (list, add, lock,
 * activate, set a password: what `hane staff` does), the security
 * settings, and the audit trail with its filters (what `hane audit`
 * shows).
 *
 * Every decision stays in the model: the screens call hane_staff_*,
 * hane_setting_set and hane_audit_each, which check staff.admin and
 * audit.read themselves and audit each change; the entry check here only
 * spares a non-administrator screens that would refuse every key.
 *
 * Only hane/ui.h widgets: no curses, no SQL.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/households.h"
#include "hane/perm.h"
#include "hane/security.h"
#include "hane/staff.h"
#include "hane/reference_ui.h"
#include "hane/ui.h"

/* ---- Roles and units as the screen names them --------------------------- */

static const struct hane_code roles[] = {
	{"admin", HANE_M_ADM_ROLE_ADMIN},
	{"supervisor", HANE_M_ADM_ROLE_SUPERVISOR},
	{"caseworker", HANE_M_ADM_ROLE_CASEWORKER},
	{"reporter", HANE_M_ADM_ROLE_REPORTER},
};
#define NROLES ((int)(sizeof roles / sizeof roles[0]))

/* [0] is "no unit" (administrators, reporters), shown "-". */
static const struct hane_code units[] = {
	{"", HANE_M_ADM_COL_UNIT},
	{"households", HANE_M_UI_UNIT_HOUSEHOLDS},
	{"inspection", HANE_M_UI_UNIT_INSPECTION},
	{"foodbank", HANE_M_UI_UNIT_FOODBANK},
	{"homecare", HANE_M_UI_UNIT_HOMECARE},
	{"taxi", HANE_M_UI_UNIT_TAXI},
	{"clothing", HANE_M_CL_UNIT},
	{"veterans", HANE_M_VET_UNIT},
	{"kitchen", HANE_M_UI_UNIT_KITCHEN},
	{"centres", HANE_M_CEN_UNIT},
};
#define NUNITS ((int)(sizeof units / sizeof units[0]))

/* The words for code in t[0..n): "-" for "", the code itself when the
 * table does not know it. */
static const char *code_text(const struct hane_code *t, int n, const char *code)
{
	return code[0] ? hane_code_text(t, (size_t)n, code) : "-";
}

/* The choices of a form's field over t[0..n), in the table's order. */
static void code_choices(const char **out, const struct hane_code *t, int n)
{
	for (int i = 0; i < n; i++)
		out[i] = code_text(t, n, t[i].code);
}

/* Locked by an administrator ("9999-…") or by a lock-out that has not
 * run out yet. */
static bool is_locked(const struct hane_staff *s)
{
	char now[20];

	return s->locked_until[0] && strcmp(s->locked_until, hane_now(now)) > 0;
}

/* ---- Staff list ---------------------------------------------------------- */

enum { S_USER, S_NAME, S_ROLE, S_UNIT, S_STATE, S_LAST, S__COUNT };

static const struct hane_ui_column staff_cols[S__COUNT] = {
	[S_USER] = HANE_UI_COL_TEXT(HANE_M_ADM_COL_USER, 8, 14, 0),
	[S_NAME] = HANE_UI_COL_FLEX(HANE_M_ADM_COL_NAME, 10, 22, 0),
	[S_ROLE] = HANE_UI_COL_TEXT(HANE_M_ADM_COL_ROLE, 8, 16, 3),
	[S_UNIT] = HANE_UI_COL_TEXT(HANE_M_ADM_COL_UNIT, 6, 14, 4),
	[S_STATE] = HANE_UI_COL_TEXT(HANE_M_ADM_COL_STATE, 6, 14, 2),
	[S_LAST] = HANE_UI_COL_WHEN(HANE_M_ADM_COL_LAST, 10, 16, 5),
};

struct staff_ctx {
	struct hane_staff *rows; /* as listed, for the actions */
	size_t n, cap;
	struct hane_ui_list *l;
	int rc;
};

static int staff_row(const struct hane_staff *s, void *arg)
{
	struct staff_ctx *c = arg;
	const char *cells[S__COUNT];
	char state[128], last[32];

	if (!HANE_PUSH(c->rows, c->cap, c->n, s, 32))
		return HANE_ENOMEM;
	snprintf(state, sizeof state, "%s%s%s",
		 hane_msg(s->active ? HANE_M_ADM_STATE_ACTIVE
				    : HANE_M_ADM_STATE_PASSIVE),
		 is_locked(s) ? ", " : "",
		 is_locked(s) ? hane_msg(HANE_M_ADM_STATE_LOCKED) : "");
	snprintf(last, sizeof last, "%.16s",
		 s->last_login[0] ? s->last_login : "-");
	cells[S_USER] = s->username;
	cells[S_NAME] = s->full_name;
	cells[S_ROLE] = code_text(roles, NROLES, s->role);
	cells[S_UNIT] = code_text(units, NUNITS, s->unit);
	cells[S_STATE] = state;
	cells[S_LAST] = last;
	return hane_ui_list_add(c->l, s->id, cells);
}

/* Lists the staff again, keeping the selection. */
static void staff_reload(struct hane_ui *ui, struct staff_ctx *c)
{
	int64_t keep = hane_ui_list_selected_id(c->l);
	int rc;

	hane_ui_list_clear(c->l);
	c->n = 0;
	rc = hane_staff_each(hane_ui_db(ui), staff_row, c);
	if (rc)
		hane_ui_status(ui, true, "%s", hane_error_last());
	if (keep)
		hane_ui_list_select_id(c->l, keep);
}

static const struct hane_staff *staff_selected(struct staff_ctx *c)
{
	int64_t id = hane_ui_list_selected_id(c->l);

	for (size_t i = 0; i < c->n; i++)
		if (c->rows[i].id == id)
			return &c->rows[i];
	return NULL;
}

/* ---- Add a staff member -------------------------------------------------- */

enum { N_USER, N_NAME, N_ROLE, N_UNIT, N_OSUSER, N_PW, N_PW2, N__COUNT };

static const char *role_choices[NROLES];
static const char *unit_choices[NUNITS];

/* The two password fields agree and are long enough; the error goes
 * under field `at`. An empty password is allowed when optional. */
static int password_check(struct hane_ui *ui, struct hane_ui_form *f, int pw,
			  int pw2, bool optional)
{
	const char *a = hane_ui_form_get(f, pw), *b = hane_ui_form_get(f, pw2);
	int64_t min =
		hane_setting_get(hane_ui_db(ui), HANE_SET_PASSWORD_MIN_LENGTH);
	char msg[256];

	if (optional && !a[0] && !b[0])
		return 0;
	if (strcmp(a, b) != 0) {
		hane_ui_form_error(f, pw2, hane_msg(HANE_M_ADM_PW_MISMATCH));
		return HANE_EINVAL;
	}
	if (hane_text_chars(a) < min) {
		snprintf(msg, sizeof msg, hane_msg(HANE_M_SEC_PW_SHORT),
			 (long long)min);
		hane_ui_form_error(f, pw, msg);
		return HANE_EINVAL;
	}
	return 0;
}

static int staff_new_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	hane_db *db = hane_ui_db(ui);
	struct hane_staff s;
	char *added = arg;
	int rc;

	memset(&s, 0, sizeof s);
	snprintf(s.username, sizeof s.username, "%s",
		 hane_ui_form_get(f, N_USER));
	hane_text_trim(s.username);
	snprintf(s.full_name, sizeof s.full_name, "%s",
		 hane_ui_form_get(f, N_NAME));
	hane_text_trim(s.full_name);
	snprintf(s.role, sizeof s.role, "%s",
		 roles[hane_ui_form_choice(f, N_ROLE)].code);
	snprintf(s.unit, sizeof s.unit, "%s",
		 units[hane_ui_form_choice(f, N_UNIT)].code);
	snprintf(s.os_user, sizeof s.os_user, "%s",
		 hane_ui_form_get(f, N_OSUSER));
	hane_text_trim(s.os_user);
	s.active = true;
	if ((rc = password_check(ui, f, N_PW, N_PW2, true)))
		return rc;
	/* The account and its password together, or neither. */
	if ((rc = hane_store_begin(db)))
		goto fail;
	rc = hane_staff_add(db, &s, NULL);
	if (rc == 0 && hane_ui_form_get(f, N_PW)[0])
		rc = hane_staff_set_password(db, s.username,
					     hane_ui_form_get(f, N_PW));
	if (rc) {
		hane_store_rollback(db);
		goto fail;
	}
	if ((rc = hane_store_commit(db)))
		goto fail;
	snprintf(added, 64, "%s", s.username);
	return 0;
fail:
	if (rc == HANE_EEXIST || rc == HANE_EINVAL)
		hane_ui_form_error(f, N_USER, hane_error_last());
	else
		hane_ui_error_rc(ui, rc);
	return rc;
}

/* Caseworker is who gets added most. */
static void staff_new_fill(struct hane_ui *ui, struct hane_ui_form *f,
			   void *arg)
{
	(void)ui;
	(void)arg;
	hane_ui_form_set_choice(f, N_ROLE, 2);
}

static void staff_new(struct hane_ui *ui, struct staff_ctx *c)
{
	struct hane_ui_field fields[N__COUNT];
	char added[64] = "";
	struct hane_ui_form_view v = {
		.title = hane_msg(HANE_M_ADM_TITLE_NEW),
		.fields = fields,
		.nfields = N__COUNT,
		.save = staff_new_save,
		.arg = added,
	};

	code_choices(role_choices, roles, NROLES);
	code_choices(unit_choices, units, NUNITS);
	fields[N_USER] = (struct hane_ui_field){
		HANE_UI_F_TEXT, HANE_M_ADM_F_USER, .required = true,
		.width = 20, .max = 60};
	fields[N_NAME] = (struct hane_ui_field){
		HANE_UI_F_TEXT, HANE_M_ADM_F_NAME, .required = true,
		.width = 30, .max = 120};
	fields[N_ROLE] = (struct hane_ui_field){
		HANE_UI_F_CHOICE, HANE_M_ADM_F_ROLE, .width = 24,
		.choices = role_choices, .nchoices = NROLES};
	fields[N_UNIT] = (struct hane_ui_field){
		HANE_UI_F_CHOICE, HANE_M_ADM_F_UNIT, .width = 20,
		.choices = unit_choices, .nchoices = NUNITS};
	fields[N_OSUSER] = (struct hane_ui_field){
		HANE_UI_F_TEXT, HANE_M_ADM_F_OSUSER, .width = 20, .max = 60};
	fields[N_PW] = (struct hane_ui_field){HANE_UI_F_PASSWORD,
					      HANE_M_ADM_F_PASSWORD,
					      .width = 24, .max = 128};
	fields[N_PW2] = (struct hane_ui_field){HANE_UI_F_PASSWORD,
					       HANE_M_ADM_F_PASSWORD2,
					       .width = 24, .max = 128};
	if (hane_ui_form_show(ui, &v, staff_new_fill) && added[0]) {
		staff_reload(ui, c);
		for (size_t i = 0; i < c->n; i++)
			if (strcmp(c->rows[i].username, added) == 0)
				hane_ui_list_select_id(c->l, c->rows[i].id);
		hane_ui_status(ui, false, hane_msg(HANE_M_ADM_ADDED), added);
	}
}

/* ---- Set a password ------------------------------------------------------ */

struct pw_ctx {
	const char *username;
};

static int password_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct pw_ctx *p = arg;
	int rc;

	if ((rc = password_check(ui, f, 0, 1, false)))
		return rc;
	rc = hane_staff_set_password(hane_ui_db(ui), p->username,
				     hane_ui_form_get(f, 0));
	if (rc) {
		hane_ui_form_error(f, 0, hane_error_last());
		return rc;
	}
	return 0;
}

static void staff_password(struct hane_ui *ui, const char *username)
{
	static const struct hane_ui_field fields[2] = {
		{HANE_UI_F_PASSWORD, HANE_M_ADM_F_PASSWORD, .required = true,
		 .width = 24, .max = 128},
		{HANE_UI_F_PASSWORD, HANE_M_ADM_F_PASSWORD2, .required = true,
		 .width = 24, .max = 128},
	};
	struct pw_ctx p = {username};
	char title[128];
	struct hane_ui_form_view v = {
		.title = title,
		.fields = fields,
		.nfields = 2,
		.save = password_save,
		.arg = &p,
	};

	snprintf(title, sizeof title, hane_msg(HANE_M_ADM_TITLE_PASSWORD),
		 username);
	if (hane_ui_form_show(ui, &v, NULL))
		hane_ui_status(ui, false, hane_msg(HANE_M_ADM_PW_SET),
			       username);
}

/* Locking and activating: the question (ask_on when the state is on,
 * ask_off when it is off; "%s" the user name) before it is flipped. */
static bool ask_flip(struct hane_ui *ui, const char *user, bool on,
		     enum hane_msg ask_on, enum hane_msg ask_off)
{
	char q[256];

	snprintf(q, sizeof q, hane_msg(on ? ask_on : ask_off), user);
	return hane_ui_confirm(ui, q);
}

static int staff_act(struct hane_ui *ui, struct hane_ui_list *l,
		     enum hane_ui_action a, void *arg)
{
	struct staff_ctx *c = arg;
	const struct hane_staff *s = staff_selected(c);
	hane_db *db = hane_ui_db(ui);
	char user[64];
	int rc = 0;

	(void)l;
	if (a == HANE_UI_A_STAFF_NEW) {
		staff_new(ui, c);
		return HANE_UI_STAY;
	}
	if (!s)
		return HANE_UI_STAY;
	snprintf(user, sizeof user, "%s", s->username);
	switch (a) {
	case HANE_UI_A_LOCK: {
		bool locked = is_locked(s);

		if (!ask_flip(ui, user, locked, HANE_M_ADM_ASK_UNLOCK,
			      HANE_M_ADM_ASK_LOCK))
			return HANE_UI_STAY;
		rc = hane_staff_lock(db, user, !locked);
		break;
	}
	case HANE_UI_A_ACTIVATE: {
		bool active = s->active;

		if (!ask_flip(ui, user, active, HANE_M_ADM_ASK_DEACTIVATE,
			      HANE_M_ADM_ASK_ACTIVATE))
			return HANE_UI_STAY;
		rc = hane_staff_set_active(db, user, !active);
		break;
	}
	case HANE_UI_A_PASSWORD:
		staff_password(ui, user);
		break;
	default:
		return HANE_UI_STAY;
	}
	if (rc)
		hane_ui_error_rc(ui, rc);
	else if (a != HANE_UI_A_PASSWORD)
		hane_ui_status(ui, false, "%s", hane_msg(HANE_M_UI_SAVED));
	staff_reload(ui, c);
	return HANE_UI_STAY;
}

static void staff_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	struct staff_ctx *c = arg;

	(void)ui;
	snprintf(out, outsz, hane_msg(HANE_M_ADM_N_STAFF), (int)c->n);
}

static void staff_screen(struct hane_ui *ui)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP,	    HANE_UI_A_STAFF_NEW, HANE_UI_A_LOCK,
		HANE_UI_A_ACTIVATE, HANE_UI_A_PASSWORD,	 HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	struct staff_ctx c = {0};
	struct hane_ui_list_view v = {
		.title = hane_msg(HANE_M_ADM_TASK_STAFF),
		HANE_UI_COLUMNS(staff_cols),
		HANE_UI_BAR(acts),
		.act = staff_act,
		.info = staff_info,
		.arg = &c,
	};

	c.l = hane_ui_list_new(S__COUNT);
	if (!c.l)
		return;
	staff_reload(ui, &c);
	hane_ui_list_run(ui, &v, c.l);
	hane_ui_list_free(c.l);
	free(c.rows);
}

/* ---- Security settings --------------------------------------------------- */

static const struct {
	enum hane_msg label;
	int64_t lo, hi;
} setting_info[HANE_SET__COUNT] = {
#define HANE_X_(id, name, def, lo, hi)                                         \
	[HANE_SET_##id] = {HANE_M_ADM_SET_##id, lo, hi},
	HANE_SETTINGS(HANE_X_)
#undef HANE_X_
};

enum { G_NAME, G_VALUE, G_RANGE, G__COUNT };

static const struct hane_ui_column setting_cols[G__COUNT] = {
	[G_NAME] = HANE_UI_COL_FLEX(HANE_M_ADM_COL_SETTING, 20, 40, 0),
	[G_VALUE] = HANE_UI_COL_NUM(HANE_M_ADM_COL_VALUE, 6, 8, 0),
	[G_RANGE] = HANE_UI_COL_TEXT(HANE_M_ADM_COL_RANGE, 6, 14, 2),
};

static void settings_fill(struct hane_ui *ui, struct hane_ui_list *l)
{
	int64_t keep = hane_ui_list_selected_id(l);

	hane_ui_list_clear(l);
	for (int s = 0; s < HANE_SET__COUNT; s++) {
		char value[32], range[64];
		const char *cells[G__COUNT];

		snprintf(value, sizeof value, "%lld",
			 (long long)hane_setting_get(hane_ui_db(ui), s));
		snprintf(range, sizeof range, "%lld–%lld",
			 (long long)setting_info[s].lo,
			 (long long)setting_info[s].hi);
		cells[G_NAME] = hane_msg(setting_info[s].label);
		cells[G_VALUE] = value;
		cells[G_RANGE] = range;
		if (hane_ui_list_add(l, s + 1, cells) != 0)
			break;
	}
	if (keep)
		hane_ui_list_select_id(l, keep);
}

static int setting_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	const int *s = arg;
	int rc = hane_setting_set(hane_ui_db(ui), hane_setting_name(*s),
				  atoll(hane_ui_form_get(f, 0)));

	if (rc)
		hane_ui_form_error(f, 0, hane_error_last());
	return rc;
}

/* The setting's form starts from its value. */
static void setting_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	const int *s = arg;
	char value[32];

	snprintf(value, sizeof value, "%lld",
		 (long long)hane_setting_get(hane_ui_db(ui), *s));
	hane_ui_form_set(f, 0, value);
}

static int settings_act(struct hane_ui *ui, struct hane_ui_list *l,
			enum hane_ui_action a, void *arg)
{
	struct hane_ui_field field;
	struct hane_ui_form_view v;
	int s = (int)hane_ui_list_selected_id(l) - 1;

	(void)arg;
	if ((a != HANE_UI_A_OPEN && a != HANE_UI_A_EDIT) || s < 0 ||
	    s >= HANE_SET__COUNT)
		return HANE_UI_STAY;
	field = (struct hane_ui_field){HANE_UI_F_NUMBER,
				       setting_info[s].label,
				       .required = true,
				       .width = 8,
				       .max = 7,
				       .lo = (int)setting_info[s].lo,
				       .hi = (int)setting_info[s].hi};
	v = (struct hane_ui_form_view){
		.title = hane_msg(HANE_M_ADM_TITLE_SETTING),
		.fields = &field,
		.nfields = 1,
		.save = setting_save,
		.arg = &s,
	};
	if (hane_ui_form_show(ui, &v, setting_fill))
		hane_ui_status(ui, false, "%s", hane_msg(HANE_M_UI_SAVED));
	settings_fill(ui, l);
	return HANE_UI_STAY;
}

static void settings_screen(struct hane_ui *ui)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_EDIT, HANE_UI_A_OPEN, HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	struct hane_ui_list_view v = {
		.title = hane_msg(HANE_M_ADM_TASK_SETTINGS),
		HANE_UI_COLUMNS(setting_cols),
		HANE_UI_BAR(acts),
		.act = settings_act,
	};
	struct hane_ui_list *l = hane_ui_list_new(G__COUNT);

	if (!l)
		return;
	settings_fill(ui, l);
	hane_ui_list_run(ui, &v, l);
	hane_ui_list_free(l);
}

/* ---- Audit trail --------------------------------------------------------- */

/* The newest rows are what an administrator looks for first; older ones
 * are reached by narrowing the filter. */
#define AUDIT_MAX 2000

enum { A_AT, A_USER, A_ACTION, A_TABLE, A_ROW, A_OS, A__COUNT };

static const struct hane_ui_column audit_cols[A__COUNT] = {
	[A_AT] = HANE_UI_COL_WHEN(HANE_M_ADM_COL_AT, 16, 16, 0),
	[A_USER] = HANE_UI_COL_TEXT(HANE_M_ADM_COL_USER, 6, 12, 0),
	[A_ACTION] = HANE_UI_COL_FLEX(HANE_M_ADM_COL_ACTION, 10, 18, 0),
	[A_TABLE] = HANE_UI_COL_TEXT(HANE_M_ADM_COL_TABLE, 6, 10, 3),
	[A_ROW] = HANE_UI_COL_NUM(HANE_M_ADM_COL_ROW, 5, 7, 2),
	/* the OS login, when it is not the staff member's own name (root
	 * acting as someone with --user) */
	[A_OS] = HANE_UI_COL_TEXT(HANE_M_ADM_COL_OS, 6, 10, 1),
};

/* "2026-06-15 12:04:07" → "15.06.2026 12:04" */
static void audit_time(char *out, size_t outsz, const char *at)
{
	if (strlen(at) >= 16 && at[4] == '-' && at[7] == '-')
		snprintf(out, outsz, "%.2s.%.2s.%.4s %.5s", at + 8, at + 5, at,
			 at + 11);
	else
		snprintf(out, outsz, "%s", at);
}

/* The OS login worth showing: one that is not the staff name. */
static const char *audit_os(const struct hane_audit_row *r)
{
	return r->os_user[0] && strcmp(r->os_user, r->username) != 0
		       ? r->os_user
		       : "";
}

struct audit_row {
	struct hane_audit_row r; /* r.changes is changes below */
	char *changes;
};

struct audit_ctx {
	/* The filter as typed (the form keeps it between runs). */
	char user[64], tckn[16], from[16], to[16], action[48];
	/* The action filter's choices: "(hepsi)", then the actions in
	 * words, in Turkish alphabetical order; codes[i] is choice i's. */
	const char *words[64];
	const char *codes[64];
	int nwords;
	struct audit_row *ring; /* the newest AUDIT_MAX rows, circular */
	size_t n, next;
	bool more; /* older rows were left out */
	struct hane_ui_list *l;
};

static void audit_clear(struct audit_ctx *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->ring[i].changes);
	c->n = c->next = 0;
	c->more = false;
}

static int audit_keep(const struct hane_audit_row *r, void *arg)
{
	struct audit_ctx *c = arg;
	struct audit_row *slot = &c->ring[c->next];

	if (c->n == AUDIT_MAX) {
		free(slot->changes);
		c->more = true;
	} else {
		c->n++;
	}
	slot->r = *r;
	slot->changes = strdup(r->changes ? r->changes : "");
	slot->r.changes = NULL;
	c->next = (c->next + 1) % AUDIT_MAX;
	return slot->changes ? 0 : HANE_ENOMEM;
}

/* Runs the query with the current filter and lists the rows, newest
 * first. The query itself is logged by the model ("audit.view"). */
static void audit_load(struct hane_ui *ui, struct audit_ctx *c)
{
	hane_db *db = hane_ui_db(ui);
	struct hane_audit_filter f = {0};
	struct hane_person p;
	char from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1];
	int rc;

	audit_clear(c);
	hane_ui_list_clear(c->l);
	f.username = c->user[0] ? c->user : NULL;
	f.action = c->action[0] ? c->action : NULL;
	if (c->from[0] && hane_date_parse(from, c->from) == 0)
		f.from = from;
	if (c->to[0] && hane_date_parse(to, c->to) == 0)
		f.to = to;
	if (c->tckn[0]) {
		if ((rc = hane_person_by_tckn(db, c->tckn, &p)) != 0) {
			hane_ui_status(ui, true, hane_msg(HANE_M_SEC_NO_PERSON),
				       c->tckn);
			return;
		}
		f.person_id = p.id;
	}
	rc = hane_audit_each(db, &f, audit_keep, c);
	if (rc) {
		hane_ui_status(ui, true, "%s", hane_error_last());
		return;
	}
	for (size_t k = 0; k < c->n; k++) {
		size_t i = (c->next + AUDIT_MAX - 1 - k) % AUDIT_MAX;
		const struct hane_audit_row *r = &c->ring[i].r;
		char row[32], at[32];
		const char *cells[A__COUNT];

		if (r->row_id)
			snprintf(row, sizeof row, "%lld", (long long)r->row_id);
		else
			row[0] = '\0';
		audit_time(at, sizeof at, r->at);
		cells[A_AT] = at;
		cells[A_USER] = r->username;
		cells[A_ACTION] = hane_audit_action_text(r->action);
		cells[A_TABLE] = hane_audit_table_text(r->table);
		cells[A_ROW] = row;
		cells[A_OS] = audit_os(r);
		if (hane_ui_list_add(c->l, r->id, cells) != 0)
			break;
	}
}

enum { AF_USER, AF_TCKN, AF_FROM, AF_TO, AF_ACTION, AF__COUNT };

static int check_filter_tckn(const char *text, void *arg)
{
	(void)arg;
	return hane_tckn_check(text);
}

static int filter_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct audit_ctx *c = arg;

	(void)ui;
#define TAKE(dst, i)                                                           \
	do {                                                                   \
		snprintf((dst), sizeof(dst), "%s", hane_ui_form_get(f, (i)));  \
		hane_text_trim(dst);                                           \
	} while (0)
	TAKE(c->user, AF_USER);
	TAKE(c->tckn, AF_TCKN);
	TAKE(c->from, AF_FROM);
	TAKE(c->to, AF_TO);
#undef TAKE
	{
		int k = hane_ui_form_choice(f, AF_ACTION);

		snprintf(c->action, sizeof c->action, "%s",
			 k > 0 && k < c->nwords ? c->codes[k] : "");
	}
	return 0;
}

static int by_word(const void *a, const void *b)
{
	return hane_text_cmp(hane_audit_action_text(*(const char *const *)a),
			     hane_audit_action_text(*(const char *const *)b));
}

/* The action filter's choices (once): "(hepsi)" and every action with
 * words, in Turkish alphabetical order of the words. */
static void audit_words(struct audit_ctx *c)
{
	int n = hane_audit_action_count();

	if (c->nwords)
		return;
	if (n > (int)(sizeof c->codes / sizeof c->codes[0]) - 1)
		n = (int)(sizeof c->codes / sizeof c->codes[0]) - 1;
	c->codes[0] = "";
	c->words[0] = hane_msg(HANE_M_AUD_ALL_ACTIONS);
	for (int i = 0; i < n; i++)
		c->codes[i + 1] = hane_audit_action_code(i);
	qsort(c->codes + 1, (size_t)n, sizeof c->codes[0], by_word);
	for (int i = 1; i <= n; i++)
		c->words[i] = hane_audit_action_text(c->codes[i]);
	c->nwords = n + 1;
}

/* The filter's form starts from the filter as typed last. */
static void filter_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	const struct audit_ctx *c = arg;

	(void)ui;
	hane_ui_form_set(f, AF_USER, c->user);
	hane_ui_form_set(f, AF_TCKN, c->tckn);
	hane_ui_form_set(f, AF_FROM, c->from);
	hane_ui_form_set(f, AF_TO, c->to);
	for (int i = 1; i < c->nwords; i++)
		if (strcmp(c->codes[i], c->action) == 0)
			hane_ui_form_set_choice(f, AF_ACTION, i);
}

static bool audit_filter(struct hane_ui *ui, struct audit_ctx *c)
{
	struct hane_ui_field fields[AF__COUNT] = {
		[AF_USER] = {HANE_UI_F_TEXT, HANE_M_ADM_F_USER, .width = 20,
			     .max = 60},
		[AF_TCKN] = {HANE_UI_F_TEXT, HANE_M_ADM_F_TCKN, .width = 13,
			     .max = 11, .check = check_filter_tckn},
		[AF_FROM] = {HANE_UI_F_DATE, HANE_M_ADM_F_FROM, .width = 12,
			     .max = 10},
		[AF_TO] = {HANE_UI_F_DATE, HANE_M_ADM_F_TO, .width = 12,
			   .max = 10},
		[AF_ACTION] = {HANE_UI_F_CHOICE, HANE_M_ADM_F_ACTION,
			       .width = 34},
	};
	struct hane_ui_form_view v = {
		.title = hane_msg(HANE_M_ADM_TITLE_FILTER),
		.fields = fields,
		.nfields = AF__COUNT,
		.save = filter_save,
		.arg = c,
	};

	audit_words(c);
	fields[AF_ACTION].choices = c->words;
	fields[AF_ACTION].nchoices = c->nwords;
	return hane_ui_form_show(ui, &v, filter_fill) == 1;
}

static int audit_act(struct hane_ui *ui, struct hane_ui_list *l,
		     enum hane_ui_action a, void *arg)
{
	struct audit_ctx *c = arg;
	int64_t id = hane_ui_list_selected_id(l);

	if (a == HANE_UI_A_FILTER) {
		if (audit_filter(ui, c))
			audit_load(ui, c);
		return HANE_UI_STAY;
	}
	if (a != HANE_UI_A_OPEN || !id)
		return HANE_UI_STAY;
	for (size_t i = 0; i < c->n; i++) {
		const struct audit_row *r = &c->ring[i];
		const char *ok[] = {hane_msg(HANE_M_ADM_OK)};
		char title[64], text[4096], at[32], os[128] = "";

		if (r->r.id != id)
			continue;
		snprintf(title, sizeof title, hane_msg(HANE_M_ADM_ROW_TITLE),
			 (long long)id);
		audit_time(at, sizeof at, r->r.at);
		if (audit_os(&r->r)[0])
			snprintf(os, sizeof os, hane_msg(HANE_M_ADM_ROW_OS),
				 audit_os(&r->r));
		snprintf(text, sizeof text, hane_msg(HANE_M_ADM_ROW_TEXT), at,
			 r->r.username, hane_audit_action_text(r->r.action), os,
			 r->r.table[0] ? hane_audit_table_text(r->r.table)
				       : "-",
			 (long long)r->r.row_id, r->changes);
		hane_ui_buttons(ui, title, text, ok, 1);
		break;
	}
	return HANE_UI_STAY;
}

static void audit_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	struct audit_ctx *c = arg;

	(void)ui;
	snprintf(out, outsz,
		 hane_msg(c->more ? HANE_M_ADM_N_ROWS_LAST : HANE_M_ADM_N_ROWS),
		 (int)c->n);
}

static void audit_screen(struct hane_ui *ui)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_FILTER, HANE_UI_A_OPEN,
		HANE_UI_A_BACK, HANE_UI_A_QUIT};
	struct audit_ctx c;
	struct hane_ui_list_view v = {
		.title = hane_msg(HANE_M_ADM_TASK_AUDIT),
		HANE_UI_COLUMNS(audit_cols),
		HANE_UI_BAR(acts),
		.act = audit_act,
		.info = audit_info,
		.arg = &c,
	};
	int rc = hane_can(hane_ui_db(ui), HANE_ACT_AUDIT_READ);

	if (rc) {
		hane_ui_error_rc(ui, rc);
		return;
	}
	memset(&c, 0, sizeof c);
	c.ring = calloc(AUDIT_MAX, sizeof *c.ring);
	c.l = hane_ui_list_new(A__COUNT);
	if (c.ring && c.l) {
		audit_load(ui, &c);
		hane_ui_list_run(ui, &v, c.l);
	}
	audit_clear(&c);
	hane_ui_list_free(c.l);
	free(c.ring);
}

/* ---- Yönetim ------------------------------------------------------------- */

/* The tasks, in the list's order. */
static const struct hane_ui_menu_item tasks[] = {
	{HANE_M_ADM_TASK_STAFF, staff_screen, NULL, 0},
	{HANE_M_ADM_TASK_SETTINGS, settings_screen, NULL, 0},
	{HANE_M_ADM_TASK_AUDIT, audit_screen, NULL, 0},
	{HANE_M_REF_TASK_MAHALLE, hane_ui_mahalle_screen, NULL, 0},
	{HANE_M_REF_TASK_HOLIDAY, hane_ui_holiday_screen, NULL, 0},
	{HANE_M_REF_TASK_DISTRICT, hane_ui_district_screen, NULL, 0},
};

int hane_ui_admin_main(struct hane_ui *ui)
{
	int rc = hane_can(hane_ui_db(ui), HANE_ACT_STAFF_ADMIN);

	if (rc) {
		/* Says which permission is missing and whom to ask. */
		hane_ui_error_rc(ui, rc);
		return 0;
	}
	return hane_ui_tasks(ui, HANE_M_UI_UNIT_ADMIN, HANE_M_ADM_COL_TASK,
			     tasks, HANE_UI_NITEMS(tasks));
}
