/* The message table: the data/i18n/NAME.def files compiled into one array. */
#include "hane/i18n.h"

#include <string.h>

static enum hane_lang current = HANE_LANG_TR;

static const char *const messages[HANE_M__COUNT][2] = {
#define M(id, tr, en) [HANE_M_##id] = {tr, en},
#include "i18n/core.def"
#include "i18n/store.def"
#include "i18n/households.def"
#include "i18n/cli.def"
#include "i18n/ui.def"
#include "i18n/csvio.def"
#include "i18n/security.def"
#include "i18n/inspection.def"
#include "i18n/foodbank.def"
#include "i18n/homecare.def"
#include "i18n/taxi.def"
#include "i18n/reliability.def"
#include "i18n/overview.def"
#include "i18n/files.def"
#include "i18n/reference.def"
#include "i18n/clothing.def"
#include "i18n/veterans.def"
#include "i18n/kitchen.def"
#include "i18n/centres.def"
#include "i18n/centres_year.def"
#include "i18n/centres_sp.def"
#include "i18n/centres_ui.def"
#undef M
};

enum hane_lang hane_lang_get(void)
{
	return current;
}

void hane_lang_set(enum hane_lang lang)
{
	current = lang == HANE_LANG_EN ? HANE_LANG_EN : HANE_LANG_TR;
}

int hane_lang_parse(const char *s)
{
	if (!s)
		return -1;
	if (strncmp(s, "tr", 2) == 0 &&
	    (s[2] == '\0' || s[2] == '_' || s[2] == '.'))
		return HANE_LANG_TR;
	if (strncmp(s, "en", 2) == 0 &&
	    (s[2] == '\0' || s[2] == '_' || s[2] == '.'))
		return HANE_LANG_EN;
	return -1;
}

const char *hane_msg_in(enum hane_msg id, enum hane_lang lang)
{
	if ((unsigned)id >= HANE_M__COUNT)
		return "?";
	return messages[id][lang == HANE_LANG_EN ? 1 : 0];
}

const char *hane_msg(enum hane_msg id)
{
	return hane_msg_in(id, current);
}

const struct hane_code *hane_code_find(const struct hane_code *t, size_t n,
				       const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (strcmp(t[i].code, code) == 0)
			return &t[i];
	return NULL;
}

const char *hane_code_text(const struct hane_code *t, size_t n,
			   const char *code)
{
	const struct hane_code *c = hane_code_find(t, n, code);

	return c ? hane_msg(c->msg) : code ? code : "";
}
