/* Type-ahead in choice lists: letters typed jump to the first item that
 * starts with them, folded the Turkish and the ASCII way ("cag" finds
 * "Çağla", "i" finds "Işık" and "ılık"), so staff type as they would on
 * any keyboard. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hane/core.h"
#include "ui/internal.h"

int64_t ui_now_ms(void)
{
	struct timespec ts;

	/* A pause between keys, not a date: the monotonic clock, which
	 * HANE_NOW (the date tests pin) has nothing to do with. */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int hane_ui_typeahead_find(const char *typed, const char *const *items, int n)
{
	char want[256], have[512];
	size_t wl;

	hane_text_fold(want, sizeof want, typed ? typed : "");
	wl = strlen(want);
	if (wl == 0)
		return -1;
	for (int i = 0; i < n; i++) {
		hane_text_fold(have, sizeof have, items[i] ? items[i] : "");
		if (strncmp(have, want, wl) == 0)
			return i;
	}
	return -1;
}

bool hane_ui_typeahead_key(struct hane_ui_typeahead *t, enum hane_ui_key k,
			   uint32_t ch, int64_t now_ms)
{
	size_t len = strlen(t->typed);
	bool paused = len > 0 && now_ms - t->at_ms > HANE_UI_TYPEAHEAD_MS;

	if (k == HANE_UI_K_BACKSPACE && len > 0 && !paused) {
		size_t pos = len;

		ui_text_backspace(t->typed, &pos);
		t->at_ms = now_ms;
		return true;
	}
	if (paused)
		t->typed[0] = '\0';
	/* A space only inside what is being typed ("kuru g"): on its own
	 * it keeps its meaning (open the list). */
	if (k == HANE_UI_K_CHAR && ch >= 0x20 && (ch != ' ' || t->typed[0])) {
		size_t pos = strlen(t->typed);

		if (ui_text_insert(t->typed, sizeof t->typed, &pos, ch, 40)) {
			t->at_ms = now_ms;
			return true;
		}
		return false;
	}
	t->typed[0] = '\0';
	return false;
}

void hane_ui_typeahead_reset(struct hane_ui_typeahead *t)
{
	t->typed[0] = '\0';
	t->at_ms = 0;
}
