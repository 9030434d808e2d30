/* fuzz_page.c: libFuzzer target: any bytes, as a page, through decode,
 * clean, extract and every dump format. Nothing may crash, leak, or let
 * a control character out. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "pipeline.h"
#include "render.h"
#include "sanitize.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct doc	*d;
	char		*cause = NULL, *out = NULL;
	size_t		 outlen = 0;
	FILE		*f;
	int		 fmt;

	d = pipeline_page((const char *)data, len,
	    len > 0 && data[0] == 'T' ? "text/plain" : "text/html", NULL,
	    "https://example.org/dir/page.html", &cause);
	if (d == NULL) {
		free(cause);
		return 0;
	}
	for (fmt = RENDER_TEXT; fmt <= RENDER_JSON; fmt++) {
		if ((f = open_memstream(&out, &outlen)) == NULL)
			abort();
		render(f, d, fmt, 40);
		fclose(f);
		/* Valid UTF-8 with no control character but newline and
		 * tab, no C1 control, no bidi override: what sanitize()
		 * lets through in preformatted text. */
		if (!sanitize_is_clean(out, outlen, SANITIZE_PRE))
			abort();
		free(out);
		out = NULL;
	}
	doc_free(d);
	return 0;
}
