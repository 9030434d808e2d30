/* fuzz_layout.c: libFuzzer target: a plain-text page (the bytes after
 * the first three) laid out at the width and options the first three
 * pick, then at a second width. Every text line fits its window unless a
 * single character is wider, every anchor finds a line, and every line
 * maps back to a line of its block. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "layout.h"
#include "pipeline.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
fuzz_layout_check(const struct layout *l, int cols)
{
	const struct layout_line	*ln;
	size_t				 i, at;

	for (i = 0; i < l->nlines; i++) {
		ln = &l->lines[i];
		if (ln->text + ln->len > l->text.len)
			abort();
		if (ln->run + (size_t)ln->nruns > l->nruns)
			abort();
		/* A line wider than the window holds one character at
		 * most, a CJK one at 1 or 2 columns, after its indent. */
		if (ln->kind == LAYOUT_TEXT &&
		    layout_line_cells(l, i) > cols + 2 && ln->len > 4)
			abort();
		if (ln->kind != LAYOUT_TEXT)
			continue;
		at = layout_find(l, ln->block, ln->offset);
		if (at >= l->nlines || l->lines[at].block != ln->block)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct layout_opts	 lo;
	struct layout		*l;
	struct doc		*d;
	char			*cause = NULL;
	int			 cols2;

	if (len < 3)
		return 0;
	lo.cols = 1 + data[0] % 200;
	lo.measure = data[1] % 4 == 0 ? 0 : 20 + data[1] % 60;
	lo.flags = data[2] & (LAYOUT_CENTRE | LAYOUT_ASCII | LAYOUT_LINKNUMS |
	    LAYOUT_UNDERLINE | LAYOUT_TITLE);
	cols2 = 1 + data[2] % 97;
	d = pipeline_page((const char *)data + 3, len - 3,
	    data[1] & 1 ? "text/html" : "text/plain", NULL,
	    "https://example.org/dir/page.html", &cause);
	if (d == NULL) {
		free(cause);
		return 0;
	}
	l = layout_new(d, &lo);
	fuzz_layout_check(l, lo.cols);
	layout_resize(l, cols2);
	fuzz_layout_check(l, cols2);
	layout_free(l);
	doc_free(d);
	return 0;
}
