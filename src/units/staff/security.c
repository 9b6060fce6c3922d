/* Settings, masking, the read log, SHA-256 and file modes.
 *
 * Masking decides by permission here, in one place, so the console, the
 * CLI, exports and reports mask the same way: a screen never asks "is
 * this a reporter?", it asks for the value and gets what this actor may
 * see.
 */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hane/core.h"
#include "hane/files.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/security.h"

/* ---- Settings ---------------------------------------------------------- */

static const struct {
	const char *name;
	int64_t def, lo, hi;
} settings[HANE_SET__COUNT] = {
#define HANE_X_(id, name, def, lo, hi) [HANE_SET_##id] = {name, def, lo, hi},
	HANE_SETTINGS(HANE_X_)
#undef HANE_X_
};

const char *hane_setting_name(enum hane_setting s)
{
	return (unsigned)s < HANE_SET__COUNT ? settings[s].name : NULL;
}

int64_t hane_setting_get(hane_db *db, enum hane_setting s)
{
	struct hane_field p[] = {HANE_FNULL(":n")};
	int64_t v;

	if ((unsigned)s >= HANE_SET__COUNT)
		return 0;
	p[0] = (struct hane_field)HANE_FTEXT(":n", settings[s].name);
	if (hane_store_ints(db,
			    "SELECT value FROM security_setting"
			    " WHERE name = :n",
			    p, 1, &v, 1) != 0)
		v = settings[s].def;
	/* A value edited out of range with the sqlite3 tool must not turn
	 * the lock-out off. */
	if (v < settings[s].lo || v > settings[s].hi)
		v = settings[s].def;
	return v;
}

int hane_setting_set(hane_db *db, const char *name, int64_t value)
{
	const struct hane_field p[] = {HANE_FTEXT(":n", name),
				       HANE_FINT(":v", value)};
	char detail[160];
	int64_t old;
	int rc = hane_can(db, HANE_ACT_STAFF_ADMIN), s;

	if (rc)
		return rc;
	for (s = 0; s < HANE_SET__COUNT; s++)
		if (strcmp(name, settings[s].name) == 0)
			break;
	if (s == HANE_SET__COUNT) {
		hane_error_set(hane_msg(HANE_M_SEC_SETTING_UNKNOWN), name);
		return HANE_EINVAL;
	}
	if (value < settings[s].lo || value > settings[s].hi) {
		hane_error_set(hane_msg(HANE_M_SEC_SETTING_RANGE), name,
			       (long long)settings[s].lo,
			       (long long)settings[s].hi);
		return HANE_EINVAL;
	}
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	old = hane_setting_get(db, (enum hane_setting)s);
	rc = hane_store_run(db,
			    "INSERT INTO security_setting(name, value)"
			    " VALUES(:n, :v) ON CONFLICT(name)"
			    " DO UPDATE SET value = excluded.value",
			    p, 2);
	snprintf(detail, sizeof detail, "{\"%s\":[%lld,%lld]}", name,
		 (long long)old, (long long)value);
	if (rc == 0)
		rc = hane_store_audit_event(db, "setting", "security_setting",
					    0, detail);
	if (rc) {
		hane_store_rollback(db);
		return rc;
	}
	return hane_store_commit(db);
}

/* ---- Masking ------------------------------------------------------------ */

/* The registry's own outputs (household and person pages, household
 * show) ask the gate with HANE_GATE_REGISTRY: no unit's staff see more
 * there than person.unmasked allows. */
bool hane_sees_unmasked(hane_db *db)
{
	return hane_gate_clear(db, HANE_GATE_REGISTRY, HANE_PD_TCKN);
}

/* The registry's output of v of kind, always in out. */
static char *registry_show(hane_db *db, enum hane_pd kind, char *out, size_t n,
			   const char *v)
{
	const char *s = hane_gate_show(db, HANE_GATE_REGISTRY, kind, v, out, n);

	if (s != out)
		snprintf(out, n, "%s", s);
	return out;
}

char *hane_mask_tckn(hane_db *db, char *out, size_t n, const char *tckn)
{
	return registry_show(db, HANE_PD_TCKN, out, n, tckn);
}

char *hane_mask_phone(hane_db *db, char *out, size_t n, const char *e164)
{
	return registry_show(db, HANE_PD_PHONE, out, n, e164);
}

char *hane_mask_address(hane_db *db, char *out, size_t n, const char *mahalle,
			const char *street, const char *building,
			const char *door)
{
	bool full = hane_sees_unmasked(db);
	bool rest = (street && *street) || (building && *building) ||
		    (door && *door);

	mahalle = mahalle ? mahalle : "";
	if (!full) {
		snprintf(out, n, "%s%s%s", mahalle, *mahalle && rest ? " " : "",
			 rest ? "***" : "");
		return out;
	}
	snprintf(out, n, "%s%s%s%s%s%s%s", mahalle,
		 *mahalle && street && *street ? " " : "", street ? street : "",
		 building && *building ? " No:" : "", building ? building : "",
		 door && *door ? " D:" : "", door ? door : "");
	return out;
}

char *hane_mask_text(hane_db *db, char *out, size_t n, const char *text)
{
	return registry_show(db, HANE_PD_HEALTH, out, n, text);
}

char *hane_mask_field(hane_db *db, const struct hane_fdef *f, char *out,
		      size_t n, const char *v)
{
	int kind = hane_pd_of(f);

	if (kind < 0) {
		snprintf(out, n, "%s", v);
		return out;
	}
	return registry_show(db, (enum hane_pd)kind, out, n, v);
}

/* ---- The gate ------------------------------------------------------------
 *
 * The rule as data, one row a kind of personal data: whether a unit's
 * write permission shows it in clear in that unit's outputs (besides
 * person.unmasked, which shows all), and its mask. A record's field
 * finds its kind from its table's flags and type (hane_pd_of). */

static const char *mask_tckn(const char *v, bool clear, char *out, size_t n)
{
	if (clear)
		return v;
	hane_tckn_mask(out, n, v);
	return out;
}

static const char *mask_phone(const char *v, bool clear, char *out, size_t n)
{
	if (v[0] != '+') /* not E.164: nothing to keep of it */
		return clear ? v : "***";
	return hane_phone_format(out, n, v, !clear);
}

static const char *mask_all(const char *v, bool clear, char *out, size_t n)
{
	(void)out;
	(void)n;
	return clear ? v : "***";
}

static const struct {
	bool unit_staff; /* a unit's staff see it in their unit's outputs */
	const char *(*show)(const char *v, bool clear, char *out, size_t n);
} pd_rules[] = {
	/* The TC Kimlik No is never needed to serve a person at the
	 * door. */
	[HANE_PD_TCKN] = {false, mask_tckn},
	[HANE_PD_PHONE] = {true, mask_phone},
	[HANE_PD_ADDRESS] = {true, mask_all},
	[HANE_PD_HEALTH] = {true, mask_all},
};

bool hane_gate_clear(hane_db *db, int unit, enum hane_pd kind)
{
	const struct hane_actor *a = hane_store_actor(db);

	if (a->staff_id == 0)
		return false;
	if (hane_role_can(a->role, a->unit, HANE_ACT_PERSON_UNMASKED))
		return true;
	if (!pd_rules[kind].unit_staff || unit < 0 || unit >= HANE_ACT__COUNT)
		return false;
	return hane_role_can(a->role, a->unit, (enum hane_action)unit);
}

const char *hane_gate_show(hane_db *db, int unit, enum hane_pd kind,
			   const char *v, char *out, size_t n)
{
	if (!v || !*v) {
		snprintf(out, n, "%s", "");
		return out;
	}
	return pd_rules[kind].show(v, hane_gate_clear(db, unit, kind), out, n);
}

int hane_pd_of(const struct hane_fdef *f)
{
	if (!(f->flags & HANE_FF_MASKED))
		return -1;
	if (f->type == HANE_FT_TCKN)
		return HANE_PD_TCKN;
	return f->type == HANE_FT_PHONE ? HANE_PD_PHONE : HANE_PD_HEALTH;
}

const char *hane_gate_field(hane_db *db, int unit, const struct hane_fdef *f,
			    const char *v, char *out, size_t n)
{
	int kind = hane_pd_of(f);

	if (kind < 0)
		return v;
	return hane_gate_show(db, unit, (enum hane_pd)kind, v, out, n);
}

int hane_gate_view(hane_db *db, const char *event, const char *table,
		   int64_t id)
{
	return hane_log_event(db, event, table, id, NULL);
}

int hane_gate_list(hane_db *db, const char *event)
{
	return hane_log_event(db, event, "", 0, NULL);
}

int hane_gate_search(hane_db *db, const char *kind, size_t len, int results)
{
	char detail[128];

	snprintf(detail, sizeof detail,
		 "{\"kind\":\"%s\",\"length\":%zu,\"results\":%d}",
		 kind && strspn(kind, "abcdefghijklmnopqrstuvwxyz+") ==
					 strlen(kind)
			 ? kind
			 : "?",
		 len, results);
	if (hane_store_actor(db)->staff_id == 0)
		return hane_can(db, HANE_ACT_HOUSEHOLD_READ); /* the refusal */
	/* Written with the session's next commit or within a second, not
	 * one transaction per keystroke (#22): the row keeps its time. */
	return hane_store_audit_event_later(db, "person.search", "", 0, detail);
}

/* ---- The read log ------------------------------------------------------- */

int hane_log_event(hane_db *db, const char *event, const char *table,
		   int64_t id, const char *detail)
{
	if (hane_store_actor(db)->staff_id == 0)
		return hane_can(db, HANE_ACT_HOUSEHOLD_READ); /* the refusal */
	return hane_store_audit_event(db, event, table, id, detail);
}

int hane_log_read(hane_db *db, const char *event, int64_t person_id)
{
	return hane_log_event(db, event, "person", person_id, NULL);
}

int hane_reveal(hane_db *db, int64_t person_id, const char *field)
{
	char detail[96];
	int rc = hane_can(db, HANE_ACT_PERSON_REVEAL);

	if (rc)
		return rc;
	snprintf(detail, sizeof detail, "{\"field\":\"%s\"}",
		 field && strspn(field, "abcdefghijklmnopqrstuvwxyz_") ==
					 strlen(field)
			 ? field
			 : "?");
	return hane_log_event(db, "person.reveal", "person", person_id, detail);
}

/* JSON string body of s: quotes, backslashes and control bytes escaped;
 * truncated rather than overflowing. */
static void json_escape(char *out, size_t n, const char *s)
{
	size_t k = 0;

	for (; s && *s && k + 7 < n; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			out[k++] = '\\';
			out[k++] = (char)c;
		} else if (c < 0x20) {
			k += (size_t)snprintf(out + k, n - k, "\\u%04x", c);
		} else {
			out[k++] = (char)c;
		}
	}
	out[k] = '\0';
}

int hane_log_export(hane_db *db, const char *what, const char *path, long rows,
		    bool unmasked)
{
	char hex[65], w[128], p[1024], detail[1400];
	int rc = hane_sha256_file(hex, path);

	if (rc)
		return rc;
	json_escape(w, sizeof w, what);
	json_escape(p, sizeof p, path);
	snprintf(detail, sizeof detail,
		 "{\"what\":\"%s\",\"file\":\"%s\",\"rows\":%ld,"
		 "\"unmasked\":%s,\"sha256\":\"%s\"}",
		 w, p, rows, unmasked ? "true" : "false", hex);
	return hane_log_event(db, "export", "", 0, detail);
}

int hane_log_report(hane_db *db, const char *report, const char *params,
		    bool unmasked)
{
	char r[128], p[1024], detail[1300];

	json_escape(r, sizeof r, report);
	json_escape(p, sizeof p, params ? params : "");
	snprintf(detail, sizeof detail,
		 "{\"report\":\"%s\",\"params\":\"%s\",\"unmasked\":%s}", r, p,
		 unmasked ? "true" : "false");
	return hane_log_event(db, "report", "", 0, detail);
}

int hane_sha256_fd(char hex[65], int fd, const char *name)
{
	crypto_hash_sha256_state h;
	unsigned char buf[65536], sum[crypto_hash_sha256_BYTES];
	ssize_t got;

	crypto_hash_sha256_init(&h);
	while ((got = read(fd, buf, sizeof buf)) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			hane_error_set(hane_msg(HANE_M_SEC_FILE), name,
				       strerror(errno));
			return HANE_EIO;
		}
		crypto_hash_sha256_update(&h, buf, (unsigned long long)got);
	}
	crypto_hash_sha256_final(&h, sum);
	sodium_bin2hex(hex, 65, sum, sizeof sum);
	return 0;
}

int hane_sha256_file(char hex[65], const char *path)
{
	int fd, rc = hane_file_open_read(&fd, path, 0);

	if (rc)
		return rc;
	rc = hane_sha256_fd(hex, fd, path);
	close(fd);
	return rc;
}

/* ---- Files -------------------------------------------------------------- */

unsigned hane_file_mode_for(const char *path)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	struct stat sb;

	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	if (stat(dir, &sb) == 0 && (sb.st_mode & S_ISGID))
		return 0660;
	return 0600;
}
