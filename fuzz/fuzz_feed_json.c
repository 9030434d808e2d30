/* fuzz_feed_json.c: libFuzzer target: any bytes read as a JSON Feed.
 * Nothing crashes or leaks, and every string of the model has passed
 * sanitize. */
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

	if (feed_parse((const char *)data, len, "application/feed+json",
	    "https://example.org/feed.json", &f, &cause) == -1) {
		if (cause == NULL || f != NULL)
			abort();
		free(cause);
		return 0;
	}
	fuzz_feed_check(f);
	feed_free(f);
	return 0;
}
