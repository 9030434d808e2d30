/* fuzz_render.c: the check every fuzz target that makes a document ends
 * with: all dump formats, nothing unsafe in any. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "doc.h"
#include "fuzz.h"
#include "render.h"
#include "sanitize.h"

void
fuzz_render_all(const struct doc *d, int cols)
{
	FILE	*f;
	char	*out = NULL;
	size_t	 outlen;
	int	 fmt;

	for (fmt = RENDER_TEXT; fmt <= RENDER_JSON; fmt++) {
		if ((f = open_memstream(&out, &outlen)) == NULL)
			abort();
		render(f, d, fmt, cols);
		fclose(f);
		if (!sanitize_is_clean(out, outlen, SANITIZE_PRE))
			abort();
		free(out);
		out = NULL;
	}
}
