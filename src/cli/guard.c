/* What the command line lets in and out.
 *
 * In: every argument of a command is checked for control characters with
 * the same core check the models and imports use (hane_text_check), so
 * `household add --first "$(printf 'A\033]52;…')"` is refused naming
 * --first, and a value that does not fit its field is refused, never cut
 * (hane_cli_copy): the command line takes exactly what an import takes.
 *
 * Out: data stored before that rule, or written with the sqlite3 tool, can
 * still hold ESC, BEL, a C1 byte or a bidi override. Rather than trusting
 * each of the hundreds of printf calls to escape its values, stdout and
 * stderr of a command are replaced by streams that pass text through
 * hane_text_escape_one: whatever a command prints, no control character
 * from stored text reaches the terminal (tab and newline pass; CR only
 * right before LF, as Excel-mode CSV ends its lines). The console does not
 * use them: curses draws through its own escaping.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "hane/core.h"

int hane_cli_check_args(int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i], *eq;
		char label[64];

		if (!hane_text_control(a, HANE_TEXT_MULTILINE))
			continue;
		if (strncmp(a, "--", 2) == 0 && (eq = strchr(a, '=')) != NULL)
			snprintf(label, sizeof label, "%.*s", (int)(eq - a), a);
		else if (i > 0 && strncmp(argv[i - 1], "--", 2) == 0 &&
			 !strchr(argv[i - 1], '='))
			snprintf(label, sizeof label, "%.60s", argv[i - 1]);
		else
			snprintf(label, sizeof label, "#%d", i);
		/* The label itself must be printable. */
		if (hane_text_control(label, HANE_TEXT_LINE))
			snprintf(label, sizeof label, "#%d", i);
		return hane_cli_fail(
			hane_text_check(label, a, HANE_TEXT_MULTILINE));
	}
	return 0;
}

int hane_cli_copy(char *dst, size_t dstsz, const char *opt, const char *v)
{
	size_t n = strlen(v);

	if (n >= dstsz) {
		char label[64];

		/* "--first" for an option, "NAME" for a positional argument */
		snprintf(label, sizeof label, "%s%.60s",
			 opt[0] >= 'A' && opt[0] <= 'Z' ? "" : "--", opt);
		hane_error_set(hane_msg(HANE_M_V_TOO_LONG), label,
			       (int)dstsz - 1);
		return hane_cli_fail(HANE_EINVAL);
	}
	memcpy(dst, v, n + 1);
	return 0;
}

/* ---- Escaping output streams ------------------------------------------- */

struct guard {
	int fd;
	unsigned char seq[4]; /* a UTF-8 sequence split across writes */
	size_t nseq, want;
	bool cr; /* a CR waiting to see whether LF follows */
	char buf[4096];
	size_t nbuf;
};

static int guard_flush(struct guard *g)
{
	size_t off = 0;

	while (off < g->nbuf) {
		ssize_t w = write(g->fd, g->buf + off, g->nbuf - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		off += (size_t)w;
	}
	g->nbuf = 0;
	return 0;
}

static int guard_put(struct guard *g, const char *s, size_t n)
{
	if (g->nbuf + n > sizeof g->buf && guard_flush(g) != 0)
		return -1;
	memcpy(g->buf + g->nbuf, s, n);
	g->nbuf += n;
	return 0;
}

/* One whole character (or one stray byte) s[0..n). */
static int guard_char(struct guard *g, const char *s, size_t n)
{
	char out[12];
	size_t used, k;

	if (g->cr) {
		g->cr = false;
		if (n == 1 && s[0] == '\n')
			return guard_put(g, "\r\n", 2);
		if (guard_put(g, "\\x0d", 4) != 0)
			return -1;
	}
	if (n == 1 && s[0] == '\r') {
		g->cr = true;
		return 0;
	}
	while (n > 0) {
		k = hane_text_escape_one(out, s, n, HANE_TEXT_MULTILINE, &used);
		if (guard_put(g, out, k) != 0)
			return -1;
		s += used;
		n -= used;
	}
	return 0;
}

static size_t utf8_want(unsigned char c)
{
	return c >= 0xC2 && c <= 0xDF	? 2
	       : c >= 0xE0 && c <= 0xEF ? 3
	       : c >= 0xF0 && c <= 0xF4 ? 4
					: 1;
}

static ssize_t guard_write(void *cookie, const char *buf, size_t size)
{
	struct guard *g = cookie;

	for (size_t i = 0; i < size; i++) {
		unsigned char c = (unsigned char)buf[i];

		if (g->nseq > 0 && (c & 0xC0) != 0x80) {
			/* a broken sequence: its bytes go out escaped */
			if (guard_char(g, (const char *)g->seq, g->nseq) != 0)
				return -1;
			g->nseq = 0;
		}
		if (g->nseq == 0) {
			g->want = utf8_want(c);
			if (g->want == 1) {
				if (guard_char(g, (const char *)&buf[i], 1) !=
				    0)
					return -1;
				continue;
			}
		}
		g->seq[g->nseq++] = c;
		if (g->nseq == g->want) {
			if (guard_char(g, (const char *)g->seq, g->nseq) != 0)
				return -1;
			g->nseq = 0;
		}
	}
	if (guard_flush(g) != 0)
		return -1;
	return (ssize_t)size;
}

static int guard_close(void *cookie)
{
	struct guard *g = cookie;
	int rc = 0;

	if (g->nseq && guard_char(g, (const char *)g->seq, g->nseq) != 0)
		rc = -1;
	if (g->cr && guard_put(g, "\\x0d", 4) != 0)
		rc = -1;
	if (guard_flush(g) != 0)
		rc = -1;
	free(g);
	return rc;
}

static FILE *guard_open(int fd, int mode)
{
	cookie_io_functions_t io = {NULL, guard_write, NULL, guard_close};
	struct guard *g = calloc(1, sizeof *g);
	FILE *fp;

	if (!g)
		return NULL;
	g->fd = fd;
	if (!(fp = fopencookie(g, "w", io))) {
		free(g);
		return NULL;
	}
	setvbuf(fp, NULL, mode, mode == _IONBF ? 0 : BUFSIZ);
	return fp;
}

static FILE *orig_out, *orig_err;

static void guard_end(void)
{
	/* exit() flushes but does not close: a character split at the very
	 * end, or a last CR, would be lost. */
	if (orig_out) {
		fclose(stdout);
		stdout = orig_out;
		orig_out = NULL;
	}
	if (orig_err) {
		fclose(stderr);
		stderr = orig_err;
		orig_err = NULL;
	}
}

FILE *hane_cli_term(void)
{
	return orig_err ? orig_err : stderr;
}

void hane_cli_guard_output(void)
{
	FILE *out, *err;

	fflush(stdout);
	fflush(stderr);
	out = guard_open(STDOUT_FILENO,
			 isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF);
	err = guard_open(STDERR_FILENO, _IONBF);
	if (!out || !err) {
		if (out)
			fclose(out);
		if (err)
			fclose(err);
		return;
	}
	orig_out = stdout;
	orig_err = stderr;
	stdout = out;
	stderr = err;
	atexit(guard_end);
}
