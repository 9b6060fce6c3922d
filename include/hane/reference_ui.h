/* hane/reference_ui.h — the Yönetim screens of the reference lists
 * (administrators only): Mahalleler (F5 add, F4 rename, F6 alias) and
 * Tatiller (a year's fixed and entered holidays; ←→ year, F5 add, F8
 * remove), İlçeler (districts outside İzmit: F5 add, F4 rename). */
#ifndef HANE_REFERENCE_UI_H
#define HANE_REFERENCE_UI_H

#include "hane/ui.h"

void hane_ui_mahalle_screen(struct hane_ui *ui);
void hane_ui_holiday_screen(struct hane_ui *ui);
void hane_ui_district_screen(struct hane_ui *ui);

#endif
