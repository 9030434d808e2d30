/* feed_dump.h: a parsed feed written as JSON ("reel feed parse"). */
#ifndef REEL_FEED_DUMP_H
#define REEL_FEED_DUMP_H

#include <stdio.h>

struct feed;

/* Everything the model holds, not only what reel(1) documents: text
 * types and bases, links, rights, version, encoding, bozo. For tests. */
#define FEED_DUMP_ALL	0x1

/* Writes f to out as the JSON object reel(1) documents for "reel feed
 * parse" (dates in RFC 3339 UTC, null when absent). Returns 0, or -1
 * when out could not be written (errno says why). */
int	 feed_dump(FILE *, const struct feed *, int);

#endif
