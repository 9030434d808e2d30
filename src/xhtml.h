/* xhtml.h: XHTML written for the library: remote text sanitized and
 * escaped on its way into markup. */
#ifndef REEL_XHTML_H
#define REEL_XHTML_H

#include <stddef.h>

struct buf;

/* The namespace of the fragments reel keeps. */
#define XHTML_NS	"http://www.w3.org/1999/xhtml"

/* Appends len bytes of remote text to out as XHTML character data:
 * sanitized as preformatted text is, but with a carriage return kept (as
 * "&#13;"), so that whoever reads it back sanitizes it as the place it
 * lands in wants; '&', '<' and '>' escaped. */
void	 xhtml_text(struct buf *, const char *, size_t);
/* Appends ' name="value"', value being remote text handled as by
 * xhtml_text(), with '"' escaped too and tab and newline as references
 * (a parser would turn them into spaces). name is ours. */
void	 xhtml_attr(struct buf *, const char *, const char *);

#endif
