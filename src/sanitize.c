/* sanitize.c: every string from a page or a feed passes here before it
 * enters the document model, so nothing remote can reach the terminal as
 * a control character or an escape sequence. */
#include <config.h>

#include <string.h>

#include "buf.h"
#include "sanitize.h"
#include "util.h"

#define REPLACEMENT	0xfffdU
#define PICTURE_BASE	0x2400U		/* U+2400 SYMBOL FOR NULL */
#define PICTURE_DEL	0x2421U		/* U+2421 SYMBOL FOR DELETE */

/* What becomes of one code point: itself, another, or nothing (0). */
static unsigned int
sanitize_map(unsigned int cp, int flags)
{
	if (cp == '\t' || cp == '\n')
		return (flags & SANITIZE_PRE) ? cp : ' ';
	if (cp == '\r')
		return (flags & SANITIZE_PRE) ? 0 : ' ';
	if (cp == '\f' || cp == '\v')
		return ' ';
	if (cp < 0x20)
		return PICTURE_BASE + cp;
	if (cp == 0x7f)
		return PICTURE_DEL;
	/* U+FFFE and U+FFFF are no characters, and XML (the library's
	 * fragments) cannot hold them. */
	if ((cp >= 0x80 && cp <= 0x9f) || cp == 0xfffe || cp == 0xffff)
		return REPLACEMENT;
	if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return 0;
	if (cp == 0x2028 || cp == 0x2029)
		return (flags & SANITIZE_PRE) ? '\n' : ' ';
	return cp;
}

void
sanitize_append(struct buf *out, const char *s, size_t len, int flags)
{
	const char	*run = s;	/* start of bytes copied unchanged */
	unsigned int	 cp, to;
	size_t		 n;
	char		 enc[4];

	buf_reserve(out, len);
	while (len > 0) {
		unsigned char	c = (unsigned char)*s;

		/* Fast path: printable ASCII passes as it is. */
		if (c >= 0x20 && c < 0x7f) {
			s++;
			len--;
			continue;
		}
		n = utf8_decode(s, len, &cp);
		to = n == 0 ? REPLACEMENT : sanitize_map(cp, flags);
		if (n != 0 && to == cp) {
			s += n;
			len -= n;
			continue;
		}
		buf_add(out, run, (size_t)(s - run));
		if (to != 0)
			buf_add(out, enc, utf8_encode(to, enc));
		if (n == 0)
			n = 1;	/* one U+FFFD for each byte that starts nothing */
		s += n;
		len -= n;
		run = s;
	}
	buf_add(out, run, (size_t)(s - run));
}

char *
sanitize(const char *s, size_t len, int flags)
{
	struct buf	 b = BUF_INIT;
	char		*out;
	size_t		 n;

	sanitize_append(&b, s, len, flags);
	/* Exactly the size: a feed of 100,000 items is a million short
	 * strings, which a buffer's first 64 bytes made larger. */
	out = buf_detach(&b, &n);
	return xrealloc(out, n + 1);
}

int
sanitize_is_clean(const char *s, size_t len, int flags)
{
	unsigned int	cp;
	size_t		n;

	while (len > 0) {
		if ((n = utf8_decode(s, len, &cp)) == 0)
			return 0;
		if (sanitize_map(cp, flags) != cp)
			return 0;
		s += n;
		len -= n;
	}
	return 1;
}
