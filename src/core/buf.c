/* A growing string (hane/core.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"

void hane_buf_add(struct hane_buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 256;
		char *p;

		while (cap < b->len + n + 1)
			cap *= 2;
		p = realloc(b->s, cap);
		if (!p) {
			b->oom = true;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
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
