/* Private to the food bank unit. */
#ifndef HANE_FOODBANK_INT_H
#define HANE_FOODBANK_INT_H

#include <stdio.h>

#include "hane/foodbank.h"
#include "hane/i18n.h"
#include "hane/perm.h"

/* A text field from an array (never NULL); HANE_FTEXT's NULL test would
 * be a -Waddress warning on one. */
#define FB_TEXT(n, v)                                                          \
	{                                                                      \
		(n), HANE_V_TEXT, (v), 0                                       \
	}

/* The parameters of a list by one key (:b, :m…; 0 all) between from and
 * to (ISO, inclusive, NULL or "" open), up to limit (0: all), and the
 * SQL testing the dates of t against them. */
#define FB_SPAN(key, id, from, to, limit)                                      \
	{                                                                      \
		HANE_FINT(key, id), FB_TEXT(":from", (from) ? (from) : ""),    \
			FB_TEXT(":to", (to) ? (to) : ""),                      \
			HANE_FINT(":lim", (limit) > 0 ? (limit) : -1)          \
	}
#define FB_SPAN_SQL                                                            \
	" AND (:from = '' OR t.date >= :from) AND (:to = '' OR t.date <= :to)"

/* Sets "Field: why" as the error detail; returns HANE_EINVAL. */
int fb_field_error(enum hane_msg field, const char *why);

/* Checks and normalises an item (category, unit, quantity > 0). */
int fb_item_check(struct hane_fb_item *it);

/* Inserts the items of a donation or a distribution (table is
 * fb_donation_item or fb_distribution_item, key its parent column). */
int fb_items_insert(hane_db *db, const char *table, const char *key,
		    int64_t parent, const struct hane_fb_item *items, size_t n);

/* Reads items with constant sql selecting category, unit, qty_milli
 * (a quantity not above zero is left out), its parameters p[0..np). */
int fb_items_read(hane_db *db, const char *sql, const struct hane_field *p,
		  size_t np, struct hane_fb_item *items, size_t *n);
/* The items of a parent row: sql's WHERE says parent = :id. */
int fb_items_of(hane_db *db, const char *sql, int64_t parent,
		struct hane_fb_item *items, size_t *n);

/* After foodbank.read, calls fn with each row of def (hane_record_list's
 * tail and parameters p[0..np)), completed first by more (its items, its
 * package's name; may be NULL). fn returning non-zero stops the walk:
 * returns 0, or a negative error (fn's own too). */
int fb_walk(hane_db *db, const struct hane_rdef *def, const char *tail,
	    const struct hane_field *p, size_t np,
	    int (*more)(hane_db *db, void *rec),
	    int (*fn)(const void *rec, void *arg), void *arg);

/* Folded text of s compared for names ("Gölcük" = "golcuk"). */
bool fb_same_name(const char *a, const char *b);

#endif
