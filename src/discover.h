/* discover.h: the feeds a web page advertises, for subscribing to a site
 * by its page. */
#ifndef REEL_DISCOVER_H
#define REEL_DISCOVER_H

#include <stddef.h>

struct discover_feed {
	char		*url;		/* resolved against the page (and its
					   <base href>), sanitized */
	char		*title;		/* the link's title, or NULL */
	const char	*kind;		/* "RSS", "Atom", "JSON Feed", "RSS
					   1.0"; static */
};

struct discover {
	struct discover_feed	*feeds;		/* in the page's order, each
						   URL once */
	size_t			 nfeeds, feeds_cap;
};

/*
 * Reads the len bytes of HTML at data (charset is the HTTP charset, or
 * NULL) found at url, and lists the feeds its <link rel="alternate">
 * elements of type application/rss+xml, application/atom+xml,
 * application/feed+json or application/rdf+xml point to (http and https
 * only). Returns 0 and *dp (free with discover_free(); it may list none),
 * or -1 and a sanitized one-line message naming url in *cause when the
 * page cannot be read.
 */
int	 discover_feeds(const char *, size_t, const char *, const char *,
	    struct discover **, char **);
/* Frees d; NULL is fine. */
void	 discover_free(struct discover *);

#endif
