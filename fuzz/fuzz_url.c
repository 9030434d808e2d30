/* fuzz_url.c: libFuzzer target: a reference and a base (the bytes split
 * at the first newline) resolved as url.c resolves links and redirects.
 * What url_resolve() keeps is http, https or mailto; what
 * url_absolute() gives resolves to itself; hosts are lower case. */
#include <config.h>

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fuzz.h"
#include "url.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	const char	*nl;
	char		*href, *base, *r, *a, *again, *host, *p;

	if (memchr(data, '\0', len) != NULL)
		return 0;
	if ((nl = memchr(data, '\n', len)) != NULL) {
		href = xstrndup((const char *)data, nl - (const char *)data);
		base = xstrndup(nl + 1, len - (nl + 1 - (const char *)data));
	} else {
		href = xstrndup((const char *)data, len);
		base = xstrdup("https://example.org/dir/page.html");
	}
	if ((r = url_resolve(href, base)) != NULL && url_is_web(base))
		fuzz_url(r);
	free(r);
	if ((a = url_absolute(href, url_is_web(base) ? base : NULL)) != NULL) {
		if (url_is_web(a)) {
			if ((again = url_absolute(a, NULL)) == NULL ||
			    strcmp(again, a) != 0)
				abort();
			free(again);
			if ((host = url_host(a)) != NULL) {
				for (p = host; *p != '\0'; p++)
					if (isupper((unsigned char)*p))
						abort();
				free(host);
			}
		}
		free(url_strip_fragment(a));
		(void)url_fragment(a);
		(void)url_name(a);
		free(a);
	}
	(void)url_scheme_len(href);
	free(href);
	free(base);
	return 0;
}
