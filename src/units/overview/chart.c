/* Charts as text: sparklines and vertical bar charts, Unicode block
 * characters or plain ASCII. Pure: the console draws the lines, the unit
 * tests read them. */
#include <stdlib.h>
#include <string.h>

#include "hane/overview.h"

static const char *const blocks[8] = {"\u2581", "\u2582", "\u2583", "\u2584",
				      "\u2585", "\u2586", "\u2587", "\u2588"};
static const char ascii_steps[] = "_.:-=+*#";

bool hane_chart_unicode_ok(void)
{
	static const char *const poor[] = {"linux", "vt100", "vt102",
					   "vt220", "dumb",  "ansi"};
	const char *a = getenv("HANE_ASCII"), *t = getenv("TERM");

	if (a && *a && strcmp(a, "0") != 0)
		return false;
	for (size_t i = 0; t && i < sizeof poor / sizeof poor[0]; i++)
		if (strcmp(t, poor[i]) == 0)
			return false;
	return true;
}

/* Step 0..steps-1 for v against max: 0 for nothing, the top step for max,
 * and at least one step for any value above zero, so that a small month
 * never looks like an empty one. */
static int level(int64_t v, int64_t max, int steps)
{
	int64_t l;

	if (v <= 0 || max <= 0)
		return 0;
	l = (v * (steps - 1) + max / 2) / max;
	if (l < 1)
		l = 1;
	return (int)(l > steps - 1 ? steps - 1 : l);
}

char *hane_chart_sparkline(char *out, size_t outsz, const int64_t *v, int n,
			   bool unicode)
{
	int64_t max = 0;
	size_t o = 0;

	if (outsz == 0)
		return out;
	for (int i = 0; i < n; i++)
		if (v[i] > max)
			max = v[i];
	for (int i = 0; i < n; i++) {
		int l = level(v[i], max, 8);
		const char *s =
			unicode ? blocks[l] : (char[2]){ascii_steps[l], 0};
		size_t len = strlen(s);

		if (o + len + 1 > outsz)
			break;
		memcpy(out + o, s, len);
		o += len;
	}
	out[o] = '\0';
	return out;
}

struct buf {
	char *p;
	size_t size, len;
	bool full;
};

static void put(struct buf *b, const char *s)
{
	size_t n = strlen(s);

	if (b->full || b->len + n + 1 > b->size) {
		b->full = true;
		return;
	}
	memcpy(b->p + b->len, s, n + 1);
	b->len += n;
}

static void spaces(struct buf *b, int n)
{
	while (n-- > 0)
		put(b, " ");
}

/* Drops the spaces at the end of the line being written. */
static void end_line(struct buf *b, size_t start)
{
	while (!b->full && b->len > start && b->p[b->len - 1] == ' ')
		b->p[--b->len] = '\0';
	put(b, "\n");
}

/* What one bar shows on the line from_bottom lines above the base: a full
 * block, a partial one (eighths), or nothing. */
static const char *bar_cell(int64_t value, int64_t max, int height,
			    int from_bottom, bool unicode)
{
	int64_t e = 0;
	int full, rem;

	if (max > 0 && value > 0) {
		e = (value * height * 8 + max / 2) / max;
		if (e < 1)
			e = 1;
	}
	full = (int)(e / 8);
	rem = (int)(e % 8);
	if (from_bottom < full)
		return unicode ? blocks[7] : "#";
	if (from_bottom == full && rem > 0)
		return unicode ? blocks[rem - 1] : ".";
	return " ";
}

/* The scale in the gutter of width g: the maximum on the top line, 0 on
 * the bottom one. */
static void gutter(struct buf *b, int g, int r, int height, const char *maxs)
{
	if (r == 0) {
		spaces(b, g - 1 - hane_text_width(maxs));
		put(b, maxs);
		put(b, " ");
	} else if (r == height - 1) {
		spaces(b, g - 2);
		put(b, "0 ");
	} else {
		spaces(b, g);
	}
}

int hane_chart_bars(char *out, size_t outsz, const int64_t *v,
		    const char *const *labels, int n, int width, int height,
		    bool unicode)
{
	struct buf b = {out, outsz, 0, false};
	char maxs[32], cut[64];
	int64_t max = 0;
	int g, cw, bw, lines = 0;
	size_t start;

	if (outsz)
		out[0] = '\0';
	if (n <= 0 || height < 1)
		return HANE_EINVAL;
	for (int i = 0; i < n; i++)
		if (v[i] > max)
			max = v[i];
	hane_num_format(maxs, sizeof maxs, max);
	g = hane_text_width(maxs) + 1;
	cw = (width - g) / n;
	if (cw < 3) {
		hane_error_set("chart: %d columns cannot hold %d bars", width,
			       n);
		return HANE_EINVAL;
	}
	/* Wide cells get wide bars, but a bar wider than 6 looks like a
	 * wall: the rest stays a gap. */
	bw = cw - 1 > 6 ? 6 : cw - 1;
	for (int r = 0; r < height; r++) {
		start = b.len;
		gutter(&b, g, r, height, maxs);
		for (int i = 0; i < n; i++) {
			const char *s = bar_cell(v[i], max, height,
						 height - 1 - r, unicode);

			for (int k = 0; k < bw; k++)
				put(&b, s);
			spaces(&b, cw - bw);
		}
		end_line(&b, start);
		lines++;
	}
	start = b.len;
	spaces(&b, g);
	for (int i = 0; i < n; i++) {
		const char *l = labels && labels[i] ? labels[i] : "";

		hane_text_truncate(cut, sizeof cut, l, cw - 1);
		put(&b, cut);
		spaces(&b, cw - hane_text_width(cut));
	}
	end_line(&b, start);
	lines++;
	if (b.full) {
		hane_error_set("chart: output buffer too small");
		return HANE_EINVAL;
	}
	return lines;
}
