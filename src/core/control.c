/* Control characters: refused at input, escaped at output.
 *
 * A name or a note is shown on terminals (the console, the command line,
 * `less` over SSH) and opened in Excel. A control character stored in one
 * is a command to whatever shows it: ESC starts a terminal sequence (OSC 52
 * writes the clipboard, others retitle the window or move the cursor), BEL
 * rings, CR overwrites the line, a C1 byte is CSI on an 8-bit terminal,
 * and the bidi overrides (U+202A–202E, U+2066–2069) make "Ali" read as
 * "ilA" or a TC Kimlik No read in another order. None of them belongs in
 * what staff type, so every path in — command line, console forms, every
 * import — refuses them with this one check, naming the field. Tab and
 * newline are allowed in multi-line text (notes, findings) only.
 *
 * Data stored before the rule (or written with the sqlite3 tool) may still
 * hold them: hane_text_escape() is the one way out, used by the command
 * line's output streams and by the CSV writer.
 */
#include <stdio.h>
#include <string.h>

#include "hane/core.h"
#include "hane/i18n.h"

bool hane_cp_is_control(uint32_t cp, unsigned flags)
{
	if (cp == '\t' || cp == '\n')
		return !(flags & HANE_TEXT_MULTILINE);
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

uint32_t hane_text_control(const char *s, unsigned flags)
{
	size_t n = s ? strlen(s) : 0, i = 0;

	while (i < n) {
		uint32_t cp;
		int len = hane_utf8_decode(s + i, n - i, &cp);

		if (len <= 0) { /* not UTF-8: the validators say so */
			i++;
			continue;
		}
		if (hane_cp_is_control(cp, flags))
			return cp;
		i += (size_t)len;
	}
	return 0;
}

static int control_error(const char *label, uint32_t cp)
{
	hane_error_set(hane_msg(HANE_M_V_CONTROL), label, (unsigned)cp);
	return HANE_EINVAL;
}

int hane_text_check(const char *label, const char *s, unsigned flags)
{
	uint32_t cp = hane_text_control(s, flags);

	return cp ? control_error(label, cp) : 0;
}

int hane_field_text(int field, const char *s, size_t max, unsigned flags)
{
	size_t n = strlen(s);
	uint32_t cp;

	if (n >= max) {
		hane_error_set(hane_msg(HANE_M_V_TOO_LONG),
			       hane_msg((enum hane_msg)field), (int)max - 1);
		return HANE_EINVAL;
	}
	if (!hane_utf8_valid(s, n))
		return hane_field_error(field, hane_strerror(HANE_EINVAL));
	if ((cp = hane_text_control(s, flags)) != 0)
		return control_error(hane_msg((enum hane_msg)field), cp);
	return 0;
}

size_t hane_text_escape_one(char out[12], const char *s, size_t n,
			    unsigned flags, size_t *used)
{
	uint32_t cp;
	int len = hane_utf8_decode(s, n, &cp);

	if (len <= 0) {
		*used = 1;
		return (size_t)snprintf(out, 12, "\\x%02x",
					(unsigned char)s[0]);
	}
	*used = (size_t)len;
	if (!hane_cp_is_control(cp, flags)) {
		memcpy(out, s, (size_t)len);
		out[len] = '\0';
		return (size_t)len;
	}
	if (cp < 0x80)
		return (size_t)snprintf(out, 12, "\\x%02x", (unsigned)cp);
	return (size_t)snprintf(out, 12, "\\u%04x", (unsigned)cp);
}

size_t hane_text_escape(char *out, size_t outsz, const char *s, unsigned flags)
{
	size_t n = s ? strlen(s) : 0, i = 0, need = 0;
	bool full = outsz == 0;

	while (i < n) {
		char one[12];
		size_t used, k = hane_text_escape_one(one, s + i, n - i, flags,
						      &used);

		if (!full && need + k < outsz) {
			memcpy(out + need, one, k);
		} else if (!full) {
			full = true;
			out[need] = '\0';
		}
		need += k;
		i += used;
	}
	if (!full)
		out[need] = '\0';
	return need;
}
