/* xhtml.c: XHTML written for the library: remote text sanitized and
 * escaped on its way into markup. */
#include <config.h>

#include <string.h>

#include "buf.h"
#include "sanitize.h"
#include "util.h"
#include "xhtml.h"

/* Escapes clean text (sanitized) into out; attr escapes what an attribute
 * value needs besides. */
static void
xhtml_escape(struct buf *out, const char *s, size_t len, int attr)
{
	const char	*run = s, *end = s + len, *rep;

	for (; s < end; s++) {
		switch (*s) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = attr ? "&quot;" : NULL;
			break;
		case '\t':
			rep = attr ? "&#9;" : NULL;
			break;
		case '\n':
			rep = attr ? "&#10;" : NULL;
			break;
		default:
			rep = NULL;
			break;
		}
		if (rep == NULL)
			continue;
		buf_add(out, run, (size_t)(s - run));
		buf_adds(out, rep);
		run = s + 1;
	}
	buf_add(out, run, (size_t)(end - run));
}

/* Sanitizes and escapes, a carriage return kept as a reference:
 * sanitize() would drop it, or make it a space, by the place. */
static void
xhtml_put(struct buf *out, const char *s, size_t len, int attr)
{
	struct buf	 clean = BUF_INIT;
	const char	*cr;
	size_t		 n;

	while (len > 0) {
		cr = memchr(s, '\r', len);
		n = cr != NULL ? (size_t)(cr - s) : len;
		buf_reset(&clean);
		sanitize_append(&clean, s, n, SANITIZE_PRE);
		xhtml_escape(out, buf_str(&clean), clean.len, attr);
		if (cr == NULL)
			break;
		buf_adds(out, "&#13;");
		s += n + 1;
		len -= n + 1;
	}
	buf_free(&clean);
}

void
xhtml_text(struct buf *out, const char *s, size_t len)
{
	xhtml_put(out, s, len, 0);
}

void
xhtml_attr(struct buf *out, const char *name, const char *value)
{
	buf_printf(out, " %s=\"", name);
	xhtml_put(out, value, strlen(value), 1);
	buf_addc(out, '"');
}
