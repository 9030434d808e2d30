/* text.c: white space in UTF-8 text, one definition for the extractor
 * (which measures text as a browser's DOM and Readability do) and the
 * document model (which shows it). */
#include <config.h>

#include <string.h>

#include "buf.h"
#include "text.h"
#include "util.h"

int
text_is_space(unsigned int cp, enum text_space kind)
{
	switch (kind) {
	case TEXT_SPACE:
		return cp == ' ';
	case TEXT_HTML:
		return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\f' ||
		    cp == '\r';
	case TEXT_JS:
		if (cp < 0x80)
			return cp == ' ' || (cp >= '\t' && cp <= '\r');
		return cp == 0xa0 || cp == 0x1680 ||
		    (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 ||
		    cp == 0x2029 || cp == 0x202f || cp == 0x205f ||
		    cp == 0x3000 || cp == 0xfeff;
	}
	return 0;
}

size_t
text_last(const char *s, size_t len, unsigned int *cp)
{
	size_t	n;

	/* Back to the lead byte, past at most three continuation bytes. */
	for (n = 1; n < len && n < 4 &&
	    ((unsigned char)s[len - n] & 0xc0) == 0x80; n++)
		;
	if (utf8_next(s + len - n, n, cp) != n) {
		*cp = 0xfffd;
		n = 1;
	}
	return n;
}

size_t
text_trim_end(const char *s, size_t len, enum text_space kind)
{
	unsigned int	cp;
	size_t		n;

	while (len > 0) {
		n = text_last(s, len, &cp);
		if (!text_is_space(cp, kind))
			break;
		len -= n;
	}
	return len;
}

size_t
text_trim(const char *s, size_t len, enum text_space kind, size_t *start)
{
	unsigned int	cp;
	size_t		i = 0, n;

	while (i < len) {
		n = utf8_next(s + i, len - i, &cp);
		if (!text_is_space(cp, kind))
			break;
		i += n;
	}
	*start = i;
	return text_trim_end(s + i, len - i, kind);
}

/* Whether a pending run may be written at the end of out. */
static int
text_may_space(const struct buf *out, const struct text_run *r)
{
	char	last;

	if (out->len <= r->start)
		return 0;
	last = out->data[out->len - 1];
	return last != '\n' && last != '\t' && last != ' ';
}

void
text_collapse_flush(struct buf *out, struct text_run *r)
{
	if (r->run > 0 && text_may_space(out, r)) {
		if (r->min > 1 && r->run == 1)
			buf_add(out, r->first, r->firstlen);
		else
			buf_addc(out, ' ');
	}
	r->run = 0;
}

void
text_collapse(struct buf *out, const char *s, size_t len, struct text_run *r)
{
	const char	*end = s + len, *word;
	unsigned int	 cp;
	size_t		 n;

	while (s < end) {
		/* Most text is words of ASCII: copied a run at a time. */
		word = s;
		while (s < end && (unsigned char)*s > ' ' &&
		    (unsigned char)*s < 0x80)
			s++;
		if (s > word) {
			text_collapse_flush(out, r);
			buf_add(out, word, (size_t)(s - word));
			continue;
		}
		n = utf8_next(s, (size_t)(end - s), &cp);
		if (text_is_space(cp, r->space)) {
			if (r->run++ == 0) {
				memcpy(r->first, s, n);
				r->firstlen = n;
			}
		} else {
			text_collapse_flush(out, r);
			buf_add(out, s, n);
		}
		s += n;
	}
}
