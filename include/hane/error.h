/* hane/error.h — error codes and the per-thread error detail.
 *
 * A function that can fail returns int: 0 (HANE_OK) or a negative HANE_E…
 * code. The code says what kind of failure; hane_error_last() holds the
 * detail (which field, which line, which record) in the current language.
 */
#ifndef HANE_ERROR_H
#define HANE_ERROR_H

#include <stdarg.h>

#if defined(__GNUC__)
#define HANE_WARN_UNUSED __attribute__((warn_unused_result))
#define HANE_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define HANE_NORETURN __attribute__((noreturn))
#else
#define HANE_WARN_UNUSED
#define HANE_PRINTF(a, b)
#define HANE_NORETURN
#endif

/* X(name, value, Turkish, English) — the one table of error kinds. */
#define HANE_ERRORS(X)                                                         \
	X(OK, 0, "tamam", "ok")                                                \
	X(EINVAL, -1, "geçersiz değer", "invalid value")                       \
	X(ENOMEM, -2, "bellek yetersiz", "out of memory")                      \
	X(ENOTFOUND, -3, "kayıt bulunamadı", "not found")                      \
	X(EEXIST, -4, "kayıt zaten var", "already exists")                     \
	X(ECONFLICT, -5, "kayıt başka biri tarafından değiştirildi",           \
	  "record was changed by someone else")                                \
	X(EBUSY, -6, "veritabanı meşgul", "database is busy")                  \
	X(EDB, -7, "veritabanı hatası", "database error")                      \
	X(ENOTDB, -8, "hane veritabanı değil", "not a hane database")          \
	X(EPERM, -9, "yetki yok", "permission denied")                         \
	X(EIO, -10, "dosya hatası", "file error")                              \
	X(EUSAGE, -11, "kullanım hatası", "usage error")                       \
	X(EREADONLY, -12, "veritabanı salt okunur", "database is read-only")   \
	X(EFULL, -13, "disk dolu", "disk is full")                             \
	X(ENOUSER, -14, "tanınmayan kullanıcı", "unknown user")                \
	X(ECSV, -15, "CSV hatası", "CSV error")                                \
	X(EVERSION, -16, "veritabanı daha yeni bir hane sürümüne ait",         \
	  "database belongs to a newer hane version")                          \
	X(EINTERNAL, -17, "iç hata", "internal error")                         \
	X(ECANCELED, -18, "iptal edildi", "cancelled")

enum hane_error {
#define HANE_X_(name, value, tr, en) HANE_##name = value,
	HANE_ERRORS(HANE_X_)
#undef HANE_X_
};

/* Short message for an error code in the current language; never NULL. */
const char *hane_strerror(int code);

/* Record the detail of the error being returned (printf format, in the
 * current language). Replaces the previous detail of this thread. */
void hane_error_set(const char *fmt, ...) HANE_PRINTF(1, 2);
void hane_error_vset(const char *fmt, va_list ap);

/* The detail set last on this thread, or "" when none. Borrowed: valid
 * until the next hane_error_set() or hane_error_clear() on this thread. */
const char *hane_error_last(void);
void hane_error_clear(void);

/* Handler run by hane_die() before the process exits (the console restores
 * the terminal here). NULL removes it. */
void hane_set_die_handler(void (*fn)(void));

/* For broken invariants only: run the die handler, print, abort. */
HANE_NORETURN void hane_die(const char *fmt, ...) HANE_PRINTF(1, 2);

#endif
