/* Error codes, messages and the per-thread error detail. */
#include "hane/error.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/i18n.h"

static _Thread_local char last_error[1024];
static void (*die_handler)(void);

const char *hane_strerror(int code)
{
	bool en = hane_lang_get() == HANE_LANG_EN;

	switch (code) {
#define HANE_X_(name, value, tr, en_)                                          \
	case value:                                                            \
		return en ? en_ : tr;
		HANE_ERRORS(HANE_X_)
#undef HANE_X_
	default:
		return en ? "unknown error" : "bilinmeyen hata";
	}
}

void hane_error_vset(const char *fmt, va_list ap)
{
	vsnprintf(last_error, sizeof last_error, fmt, ap);
}

void hane_error_set(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	hane_error_vset(fmt, ap);
	va_end(ap);
}

const char *hane_error_last(void)
{
	return last_error;
}

void hane_error_clear(void)
{
	last_error[0] = '\0';
}

void hane_set_die_handler(void (*fn)(void))
{
	die_handler = fn;
}

void hane_die(const char *fmt, ...)
{
	va_list ap;

	if (die_handler)
		die_handler();
	fputs("hane: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}
