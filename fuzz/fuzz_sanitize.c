/* fuzz_sanitize.c: libFuzzer target: sanitize() always returns clean,
 * valid UTF-8 and is idempotent. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sanitize.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char	*once, *twice;
	int	 flags = len > 0 && (data[0] & 1) ? SANITIZE_PRE : 0;

	once = sanitize((const char *)data, len, flags);
	if (!utf8_valid(once, strlen(once)) ||
	    !sanitize_is_clean(once, strlen(once), flags))
		abort();
	twice = sanitize(once, strlen(once), flags);
	if (strcmp(once, twice) != 0)
		abort();
	free(once);
	free(twice);
	return 0;
}
