/* charset.h: finding a page's character set and converting it to UTF-8. */
#ifndef REEL_CHARSET_H
#define REEL_CHARSET_H

#include <stddef.h>

/* Returns the canonical name of the page's encoding, in the order a browser
 * uses: byte-order mark, the HTTP charset (may be NULL), <meta charset> or
 * <meta http-equiv> in the first 1024 bytes, then UTF-8 if the bytes are
 * UTF-8, else windows-1252. A declaration the bytes plainly contradict
 * yields to them (see charset.c). The string is static. */
const char *charset_detect(const char *, size_t, const char *);
/* Converts len bytes to UTF-8 with the encoding found by charset_detect().
 * Invalid sequences become U+FFFD. Returns 0 and a newly allocated
 * NUL-terminated buffer in *out, or -1 and a message in *cause. */
int	 charset_decode(const char *, size_t, const char *, char **,
	    size_t *, char **);
/* Returns the canonical name of the encoding an Encoding Standard label
 * (such as "latin1" or " Shift_JIS") names, or NULL if reel does not know
 * it. The string is static. */
const char *charset_lookup(const char *);

#endif
