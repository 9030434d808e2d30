/* feed_read.h: a feed read in whichever format it is. */
#ifndef REEL_FEED_READ_H
#define REEL_FEED_READ_H

#include <stddef.h>

struct feed;

/*
 * Reads the len bytes at data as a feed: RSS 0.90 to 2.0, RSS 1.0, Atom
 * 0.3 and 1.0, or JSON Feed 1.0 and 1.1. content_type is the HTTP
 * Content-Type (with its charset), or NULL for a file; url is where the
 * feed came from, the base of its relative links, or NULL. An ill-formed
 * feed is read as far as it goes and comes back with bozo set. Returns 0
 * and the feed in *fp (free it with feed_free()), or -1 and a one-line
 * message in *cause that names url ("not a feed", an entity expansion
 * refused, an empty body); the caller frees the message.
 */
int	 feed_parse(const char *, size_t, const char *, const char *,
	    struct feed **, char **);

#endif
