/* hane/i18n.h — the message table: every user-visible text, Turkish and
 * English.
 *
 * Each module owns one file under data/i18n/ with lines
 *   M(ID, "Türkçe metin", "English text")
 * and is listed once below. Code writes hane_msg(HANE_M_ID); the text is in
 * the language set with hane_lang_set() (Turkish by default).
 */
#ifndef HANE_I18N_H
#define HANE_I18N_H

#include <stddef.h>

enum hane_lang { HANE_LANG_TR = 0, HANE_LANG_EN = 1 };

enum hane_msg {
#define M(id, tr, en) HANE_M_##id,
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
	HANE_M__COUNT
};

/* Current language; starts as Turkish. Not thread-safe to change. */
enum hane_lang hane_lang_get(void);
void hane_lang_set(enum hane_lang lang);

/* "tr"/"en" (also "tr_TR.UTF-8", "en_US"…) to a language; -1 if unknown. */
int hane_lang_parse(const char *s);

/* The text of a message in the current language. Static storage. */
const char *hane_msg(enum hane_msg id);

/* The text in a given language (the CLI tests both). */
const char *hane_msg_in(enum hane_msg id, enum hane_lang lang);

/* A stored code ("person.view", "tenant", "admin") and the message it
 * reads as on screen: the code stays in the database, people read words. */
struct hane_code {
	const char *code;
	enum hane_msg msg;
};

/* The entry of t[0..n) for code; NULL when there is none (or code is
 * NULL). */
const struct hane_code *hane_code_find(const struct hane_code *t, size_t n,
				       const char *code);

/* code's words in the current language; code itself ("" for NULL) when
 * t[0..n) has no entry for it. */
const char *hane_code_text(const struct hane_code *t, size_t n,
			   const char *code);

#endif
