/* The unit's stored codes (a trip's status, a mobility aid, a purpose, an
 * outcome, who cancelled) as tables: the word on screen for a code, and a
 * Turkish or English word typed for one back to the code. */
#include <string.h>

#include "taxi_int.h"

static const struct tx_code *code_of(const struct tx_code *c, size_t n,
				     const char *name)
{
	for (size_t i = 0; name && i < n; i++)
		if (strcmp(name, c[i].name) == 0)
			return &c[i];
	return NULL;
}

bool tx_code_valid(const struct tx_code *c, size_t n, const char *name)
{
	return code_of(c, n, name) != NULL;
}

const char *tx_code_label(const struct tx_code *c, size_t n, const char *name)
{
	const struct tx_code *k = code_of(c, n, name);

	if (k && k->label != HANE_M__COUNT)
		return hane_msg(k->label);
	return name ? name : "";
}

int tx_code_check(char *v, size_t size, const struct tx_code *c, size_t n,
		  const char *dflt, enum hane_msg bad)
{
	if (!v[0])
		snprintf(v, size, "%s", dflt);
	if (tx_code_valid(c, n, v))
		return 0;
	hane_error_set(hane_msg(bad), v);
	return HANE_EINVAL;
}

/* Folded w is folded text t. */
static bool is_word(const char *w, const char *t)
{
	char f[128];

	hane_text_fold(f, sizeof f, t);
	return strcmp(w, f) == 0;
}

/* Folded w is one of "a|b|c" (already folded). */
static bool among(const char *w, const char *alts)
{
	char a[256], *save = NULL, *t;

	snprintf(a, sizeof a, "%s", alts ? alts : "");
	for (t = strtok_r(a, "|", &save); t; t = strtok_r(NULL, "|", &save))
		if (strcmp(w, t) == 0)
			return true;
	return false;
}

const char *tx_code_parse(const struct tx_code *c, size_t n, const char *word)
{
	char w[128];

	hane_text_fold(w, sizeof w, word ? word : "");
	if (!w[0])
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (c[i].label != HANE_M__COUNT &&
		    (is_word(w, hane_msg_in(c[i].label, HANE_LANG_TR)) ||
		     is_word(w, hane_msg_in(c[i].label, HANE_LANG_EN))))
			return c[i].name;
		if (among(w, c[i].words))
			return c[i].name;
	}
	return NULL;
}
