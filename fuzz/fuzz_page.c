/* fuzz_page.c: libFuzzer target: any bytes, as a page, through decode,
 * clean, extract and every dump format. Nothing may crash, leak, or let
 * a control character out. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "fuzz.h"
#include "pipeline.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct doc	*d;
	char		*cause = NULL;

	d = pipeline_page((const char *)data, len,
	    len > 0 && data[0] == 'T' ? "text/plain" : "text/html", NULL,
	    "https://example.org/dir/page.html", &cause);
	if (d == NULL) {
		free(cause);
		return 0;
	}
	fuzz_render_all(d, 40);
	doc_free(d);
	return 0;
}
