/* Shared inside the taxi unit: helpers the model files use. Not public. */
#ifndef HANE_TAXI_INT_H
#define HANE_TAXI_INT_H

#include <stdio.h>

#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/record.h"
#include "hane/taxi.h"

/* A stored code: its word on screen (a message; HANE_M__COUNT: none, the
 * code itself is shown) and the other words typed for it, folded and
 * '|'-separated (NULL: none). codes.c. */
struct tx_code {
	const char *name;
	enum hane_msg label;
	const char *words;
};
#define TX_NCODES(a) (sizeof(a) / sizeof((a)[0]))
/* Whether name is one of c[0..n). */
bool tx_code_valid(const struct tx_code *c, size_t n, const char *name);
/* The word on screen for name; name itself ("" for NULL) when c has no
 * label for it. */
const char *tx_code_label(const struct tx_code *c, size_t n, const char *name);
/* A record's code member v (char[size]): dflt when empty, else refused
 * with message bad ("… %s") unless it is one of c[0..n). */
int tx_code_check(char *v, size_t size, const struct tx_code *c, size_t n,
		  const char *dflt, enum hane_msg bad);
/* The code whose Turkish or English label, or one of whose words, word
 * is (folded); NULL if none. */
const char *tx_code_parse(const struct tx_code *c, size_t n, const char *word);

/* True when every folded word of query starts a word of name. */
bool tx_words_match(const char *name, const char *query);

/* Record id of def into out after the taxi.read check; not found is
 * HANE_ENOTFOUND with not_found ("… %lld") as the message. */
int tx_get(hane_db *db, const struct hane_rdef *def, int64_t id, void *out,
	   enum hane_msg not_found);

/* After the taxi.read check, fn for every row of def's "SELECT … FROM
 * table t" + tail, tail's parameters bound from p[0..n) (HANE_FINT(":d",
 * …), HANE_FTEXT; p may be NULL when n is 0): hane_record_list. */
int tx_list(hane_db *db, const struct hane_rdef *def, const char *tail,
	    const struct hane_field *p, size_t n,
	    int (*fn)(const void *rec, void *arg), void *arg);

/* Days since 1970-01-01 of an ISO day; false when it is not one. */
bool tx_day_number(const char *day, long *out);

/* The settings without a permission check (the caller made one). */
int tx_settings(hane_db *db, struct hane_taxi_settings *out);
/* Holiday check without a permission check. */
int tx_is_holiday(hane_db *db, const char *day, bool *out);

/* Ends a transaction the caller began: commit on 0, otherwise roll back
 * keeping the message of the failure. */
int tx_finish(hane_db *db, int rc);

/* Trips read with their joined part (trip.c): fn for every trip of
 * "SELECT … FROM taxi_trip t" + tail, tail's parameters bound from p[0..n)
 * (HANE_FINT(":d", …), HANE_FTEXT). fn returning non-zero stops the walk
 * and is returned. */
extern const struct hane_rdef hane_taxi_trip_rdef;
int tx_trips_each(hane_db *db, const char *tail, const struct hane_field *p,
		  size_t n,
		  int (*fn)(const struct hane_taxi_trip *t, void *arg),
		  void *arg);

/* Trip id (taxi.read), refused (HANE_EINVAL, naming its status) unless it
 * is still planned. */
int tx_trip_planned(hane_db *db, int64_t id, struct hane_taxi_trip *out);

/* The rider's no-show appointments within the window ending on day. */
int tx_noshow_count(hane_db *db, int64_t rider_id, const char *day,
		    const struct hane_taxi_settings *s, int *out);

#endif
