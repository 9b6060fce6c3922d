/* Food bank screens shared between ui_foodbank.c (the unit's menu) and
 * ui_foodbank_ref.c (its reference data). Console code only. */
#ifndef HANE_UI_FOODBANK_INT_H
#define HANE_UI_FOODBANK_INT_H

struct hane_ui;

/* Şubeler, Marketler, Paket türleri: the list, F5 add, F4 edit, F7
 * inactive/active (foodbank.admin; others see the list only). */
void fb_ui_branches(struct hane_ui *ui);
void fb_ui_markets(struct hane_ui *ui);
void fb_ui_packages(struct hane_ui *ui);

#endif
