/* Private to the clothing unit. */
#ifndef HANE_CLOTHING_INT_H
#define HANE_CLOTHING_INT_H

#include <stdio.h>

#include "hane/clothing.h"
#include "hane/i18n.h"
#include "hane/perm.h"

/* A text field from an array (never NULL); HANE_FTEXT's NULL test would
 * be a -Waddress warning on one. */
#define CL_TEXT(n, v)                                                          \
	{                                                                      \
		(n), HANE_V_TEXT, (v), 0                                       \
	}

/* Checks lines[0..n) (at least one, at most HANE_CL_LINES_MAX): finds
 * each category (by id, or by code/name), fills its id and code, checks
 * quantity and size. Inactive categories are refused when !inactive_ok. */
int cl_lines_check(hane_db *db, struct hane_cl_line *lines, size_t n,
		   bool inactive_ok);

/* The name of category id in the current language into out. */
int cl_category_name(hane_db *db, int64_t id, char *out, size_t outsz);

#endif
