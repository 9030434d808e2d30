/* fuzz_charset.c: libFuzzer target: any bytes, with any declared charset,
 * are detected and converted to valid UTF-8 of bounded size. The first
 * byte picks the HTTP charset the server would have declared. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *fuzz_charset_http[] = {
	NULL, "utf-8", "windows-1252", "iso-8859-2", "shift_jis", "euc-jp",
	"iso-2022-jp", "gb18030", "big5", "euc-kr", "koi8-r", "utf-16le",
	"utf-16be", "x-user-defined", "replacement", "no-such-charset",
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	const char	*http = NULL, *name, *p = (const char *)data;
	char		*out = NULL, *cause = NULL;
	size_t		 outlen;

	if (len > 0) {
		http = fuzz_charset_http[data[0] % (sizeof fuzz_charset_http /
		    sizeof fuzz_charset_http[0])];
		p++;
		len--;
	}
	name = charset_detect(p, len, http);
	if (name == NULL || charset_lookup(name) == NULL)
		abort();
	if (charset_decode(p, len, name, &out, &outlen, &cause) == -1) {
		if (cause == NULL || out != NULL)
			abort();
		free(cause);
		return 0;
	}
	/* Valid UTF-8, terminated, and no more than 3 bytes (U+FFFD) for
	 * each byte read plus a little. */
	if (out == NULL || out[outlen] != '\0' ||
	    !utf8_valid(out, outlen) || outlen > 3 * len + 16) {
		fprintf(stderr, "%s: %zu bytes in, %zu out\n", name, len,
		    outlen);
		abort();
	}
	free(out);
	return 0;
}
