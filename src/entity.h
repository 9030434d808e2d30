/* entity.h: character references ("&amp;", "&#8212;", "&#x2014;") left
 * undecoded in text, decoded as an HTML parser decodes them. */
#ifndef REEL_ENTITY_H
#define REEL_ENTITY_H

#include <stddef.h>

struct buf;

/* Which named references entity_decode() knows. */
#define ENTITY_BASIC	0	/* the five of XML: amp lt gt quot apos */
#define ENTITY_HTML	1	/* all of HTML 4, from libxml2's table */

/* Appends s (len bytes) to out with its character references decoded: a
 * numeric one to its character (U+FFFD for 0, a surrogate or a value past
 * U+10FFFF), a known name to its character. An unknown name, a malformed
 * number and a reference without its ';' stay as written. */
void	 entity_decode(struct buf *, const char *, size_t, int);

#endif
