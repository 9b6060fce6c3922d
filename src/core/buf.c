/* A growing string and a growing array (hane/core.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"

void *hane_grow(void *v, size_t *cap, size_t n, size_t elem, size_t first)
{
	size_t c = *cap ? *cap : first ? first : 1;
	void *p;

	if (n < *cap)
		return v;
	while (c <= n && c <= SIZE_MAX / 2)
		c *= 2;
	if (c <= n || c > SIZE_MAX / elem || !(p = realloc(v, c * elem)))
		return NULL;
	*cap = c;
	return p;
}

void hane_buf_add(struct hane_buf *b, const char *s, size_t n)
{
	char *p;

	if (b->oom)
		return;
	if (n > SIZE_MAX / 2 - b->len ||
	    !(p = hane_grow(b->s, &b->cap, b->len + n, 1, 256))) {
		b->oom = true;
		return;
	}
	b->s = p;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void hane_buf_str(struct hane_buf *b, const char *s)
{
	hane_buf_add(b, s, strlen(s));
}

void hane_buf_json(struct hane_buf *b, const char *s)
{
	hane_buf_add(b, "\"", 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		char esc[8];

		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			hane_buf_add(b, esc, 2);
		} else if (c < 0x20) {
			snprintf(esc, sizeof esc, "\\u%04x", c);
			hane_buf_add(b, esc, 6);
		} else {
			hane_buf_add(b, s, 1);
		}
	}
	hane_buf_add(b, "\"", 1);
}
