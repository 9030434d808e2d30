/* buf.c: a growable byte buffer. */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"

void
buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

void
buf_reserve(struct buf *b, size_t extra)
{
	size_t	need = b->len + extra + 1;

	if (extra >= SIZE_MAX - b->len)
		fatal(_("out of memory"));
	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap = b->cap > ((size_t)-1) / 2 ? need : b->cap * 2;
	b->data = xrealloc(b->data, b->cap);
	/* The text is NUL-terminated from the first allocation on: a
	 * buffer reserved and then detached empty is "" (fuzz_charset). */
	b->data[b->len] = '\0';
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		fatal(_("cannot format a message"));
	buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
buf_detach(struct buf *b, size_t *lenp)
{
	char	*s;

	if (b->data == NULL)
		buf_reserve(b, 0), b->data[0] = '\0';
	s = b->data;
	if (lenp != NULL)
		*lenp = b->len;
	buf_init(b);
	return s;
}

const char *
buf_str(const struct buf *b)
{
	return b->data != NULL ? b->data : "";
}

void
buf_add_markup(struct buf *b, const char *s, int flags)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			buf_adds(b, "&amp;");
			break;
		case '<':
			buf_adds(b, "&lt;");
			break;
		case '>':
			buf_adds(b, "&gt;");
			break;
		case '"':
			buf_adds(b, "&quot;");
			break;
		case '\t':
		case '\n':
		case '\r':
			if (flags & BUF_MARKUP_WS_REFS)
				buf_printf(b, "&#%d;", *s);
			else
				buf_addc(b, ' ');
			break;
		default:
			buf_addc(b, *s);
			break;
		}
	}
}
