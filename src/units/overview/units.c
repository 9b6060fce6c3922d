/* The units as the overview names them. */
#include <string.h>

#include "hane/i18n.h"
#include "hane/overview.h"

static const struct {
	const char *code;
	enum hane_msg label;
	const char *words[4]; /* folded words that name it too */
} units[HANE_OV__UNITS] = {
	[HANE_OV_INSPECTION] = {"inspection",
				HANE_M_OV_U_INSPECTION,
				{"inceleme", "sosyal inceleme", "insp", NULL}},
	[HANE_OV_FOODBANK] = {"foodbank",
			      HANE_M_OV_U_FOODBANK,
			      {"gida", "gida bankasi", "food", NULL}},
	[HANE_OV_HOMECARE] = {"homecare",
			      HANE_M_OV_U_HOMECARE,
			      {"bakim", "evde bakim", "care", "temizlik"}},
	[HANE_OV_TAXI] = {"taxi",
			  HANE_M_OV_U_TAXI,
			  {"taksi", "engelsiz taksi", NULL, NULL}},
	[HANE_OV_CLOTHING] = {"clothing",
			      HANE_M_OV_U_CLOTHING,
			      {"giyim", "dost eller", "giysi", NULL}},
	[HANE_OV_VETERANS] = {"veterans",
			      HANE_M_OV_U_VETERANS,
			      {"gazi", "sehit", "sehit yakinlari", NULL}},
	[HANE_OV_KITCHEN] = {"kitchen",
			     HANE_M_OV_U_KITCHEN,
			     {"asevi", "soup kitchen", "mutfak", NULL}},
	[HANE_OV_CENTRES] = {"centres",
			     HANE_M_OV_U_CENTRES,
			     {"merkezler", "merkez", "centre", "centers"}},
};

const char *hane_overview_unit_code(int unit)
{
	if (unit < 0 || unit >= HANE_OV__UNITS)
		return "all";
	return units[unit].code;
}

const char *hane_overview_unit_label(int unit)
{
	if (unit < 0 || unit >= HANE_OV__UNITS)
		return hane_msg(HANE_M_OV_U_ALL);
	return hane_msg(units[unit].label);
}

int hane_overview_unit_parse(const char *word)
{
	char f[64];

	if (!word)
		return HANE_OV_ALL;
	hane_text_fold(f, sizeof f, word);
	if (!f[0] || !strcmp(f, "all") || !strcmp(f, "hepsi") ||
	    !strcmp(f, "tumu"))
		return HANE_OV_ALL;
	for (int u = 0; u < HANE_OV__UNITS; u++) {
		char l[64];

		hane_text_fold(l, sizeof l,
			       hane_msg_in(units[u].label, HANE_LANG_EN));
		if (!strcmp(f, units[u].code) || !strcmp(f, l))
			return u;
		hane_text_fold(l, sizeof l,
			       hane_msg_in(units[u].label, HANE_LANG_TR));
		if (!strcmp(f, l))
			return u;
		for (int k = 0; k < 4 && units[u].words[k]; k++)
			if (!strcmp(f, units[u].words[k]))
				return u;
	}
	return -2;
}
