/* render.h: the dump formats of a document. */
#ifndef REEL_RENDER_H
#define REEL_RENDER_H

#include <stdio.h>

struct doc;

enum render_format {
	RENDER_TEXT,		/* wrapped, links as [n] and listed at the end */
	RENDER_PLAIN,		/* one block per paragraph, no wrapping */
	RENDER_MARKDOWN,
	RENDER_JSON,
};

/* Returns the format named s, or -1. */
int	render_format_parse(const char *);
/* Writes d to f in the given format, wrapped at cols (RENDER_TEXT only).
 * Returns 0, or -1 on a write error. */
int	render(FILE *, const struct doc *, enum render_format, int);

#endif
