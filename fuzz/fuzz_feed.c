/* fuzz_feed.c: libFuzzer target: any bytes read as an RSS or Atom feed
 * (XML). Nothing crashes or leaks, entities stay unexpanded, and every
 * string of the model has passed sanitize. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "feed_read.h"
#include "fuzz.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct feed	*f = NULL;
	char		*cause = NULL;

	if (feed_parse((const char *)data, len,
	    len > 0 && (data[0] & 1) ? "application/atom+xml" :
	    "application/rss+xml; charset=utf-8",
	    "https://example.org/feed/", &f, &cause) == -1) {
		if (cause == NULL || f != NULL)
			abort();
		free(cause);
		return 0;
	}
	fuzz_feed_check(f);
	feed_free(f);
	return 0;
}
