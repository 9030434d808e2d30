/* charset.c: placeholder until the real detector lands. */
#include <config.h>

#include <string.h>

#include "buf.h"
#include "charset.h"
#include "util.h"

const char *
charset_detect(const char *s, size_t len, const char *http)
{
	return utf8_valid(s, len) ? "UTF-8" : "windows-1252";
}

int
charset_decode(const char *s, size_t len, const char *http, char **out,
    size_t *outlen, char **cause)
{
	struct buf	b = BUF_INIT;
	char		enc[4];
	size_t		i;

	if (utf8_valid(s, len)) {
		*out = xstrndup(s, len);
		*outlen = len;
		return 0;
	}
	for (i = 0; i < len; i++)
		buf_add(&b, enc, utf8_encode((unsigned char)s[i], enc));
	*out = buf_detach(&b, outlen);
	return 0;
}
