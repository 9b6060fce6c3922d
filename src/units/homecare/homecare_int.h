/* Private helpers of the home care unit. */
#ifndef HANE_HOMECARE_INT_H
#define HANE_HOMECARE_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "hane/homecare.h"
#include "hane/i18n.h"

/* A text field from an array (never NULL; HANE_FTEXT tests the pointer). */
#define HC_FARR(n, v)                                                          \
	{                                                                      \
		(n), HANE_V_TEXT, (v), 0                                       \
	}

/* Days since 1970-01-01 for an ISO date; HANE_EINVAL (with the field's
 * message) when it is not one. */
int hc_day(int64_t *out, const char *iso);
/* Minutes since midnight of "HH:MM", or -1. */
int hc_minutes(const char *hhmm);
void hc_hhmm(char out[HANE_HC_TIME_LEN + 1], int minutes);
/* The minutes of start and end (*s, *e); HANE_EINVAL naming fstart or
 * fend when one is not "HH:MM". */
int hc_span(const char *start, const char *end, enum hane_msg fstart,
	    enum hane_msg fend, int *s, int *e);

/* Sets "Field: why" and returns HANE_EINVAL. */
int hc_field_error(enum hane_msg field, const char *why);
/* HANE_EINVAL: field's date may not be before iso ("Bitiş tarihi:
 * 01.06.2026 tarihinden önce olamaz", under the field in a form). */
int hc_before(enum hane_msg field, const char *iso);
/* Checks that code is one of kind's values (see hane_homecare_parse);
 * HANE_EINVAL naming the field and the choices otherwise. */
int hc_check_code(const char *kind, enum hane_msg field, const char *code);
/* ISO date check for a field ("" fails when required). */
int hc_check_date(enum hane_msg field, const char *iso, bool required);

/* Holiday kind of every day lo..hi (kinds[day - lo]), from the one
 * holiday list (hane/reference.h). */
int hc_holidays_fill(hane_db *db, int64_t lo, int64_t hi, unsigned char *kinds);

/* True when a worker's services cover service. */
bool hc_gives(const char *worker_services, const char *service);

/* Worker rules for a visit: active, gives the service, works that
 * weekday, free at that time (travel counted). */
int hc_worker_fits(hane_db *db, int64_t worker_id, const char *service,
		   const char *date, const char *start, const char *end,
		   const char *mahalle, int64_t exclude_id);

/* Saves a new record (its id 0) and puts its id in *id (may be NULL);
 * saves a changed one, bumping its version when anything differed. */
int hc_save(hane_db *db, const struct hane_rdef *def, void *rec, int64_t *id);
int hc_update(hane_db *db, const struct hane_rdef *def, void *rec);

/* After homecare.read: row id of def's table into out
 * (hane_record_get_or, missing the unit's "… bulunamadı: %lld"), or def's
 * rows by tail and its parameters p[0..np) to fn (hane_record_list): fn
 * returning > 0 stops the walk, which is no error (0); < 0 is returned. */
int hc_get(hane_db *db, const struct hane_rdef *def, int64_t id,
	   enum hane_msg missing, void *out);
int hc_list(hane_db *db, const struct hane_rdef *def, const char *tail,
	    const struct hane_field *p, size_t np,
	    int (*fn)(const void *rec, void *arg), void *arg);

/* hane_store_each row readers: column 0 as an int64_t *arg. */
int hc_int_row(hane_stmt *st, void *arg);

/* Updates the row sql finds (SELECT id, version … with parameters
 * p[0..np)) to f[0..nupd), or inserts f[0..nins) when there is none. */
int hc_upsert(hane_db *db, const char *table, const char *sql,
	      const struct hane_field *p, size_t np, const struct hane_field *f,
	      size_t nupd, size_t nins);

/* 0 when client c receives service; HANE_EINVAL saying it does not. */
int hc_client_gives(const struct hane_homecare_client *c, const char *service);

/* A client by id, ended or not, without the permission check. */
int hc_client_read(hane_db *db, int64_t id, struct hane_homecare_client *out);

/* Inserts a planned visit as v says (no checks: the caller made them). */
int hc_visit_insert(hane_db *db, const struct hane_homecare_visit *v,
		    int64_t *id);

/* The client's mahalle (household's), "" unknown. */
int hc_client_mahalle(hane_db *db, int64_t client_id, char out[HANE_NAME_MAX]);

#endif
