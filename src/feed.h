/* feed.h: the feed model the store and the views use (RSS, Atom and JSON
 * Feed read into the same plain structs), and reading a feed into it. */
#ifndef REEL_FEED_H
#define REEL_FEED_H

#include <stddef.h>
#include <stdint.h>

/* A date the feed does not give. Dates are seconds since the epoch, UTC. */
#define FEED_NO_DATE	INT64_MIN
/* A length the feed does not give (enclosures, links). */
#define FEED_NO_LENGTH	(-1)

/* What a text construct held in the feed: titles and rights are kept as
 * text whatever they were, descriptions, summaries and content as HTML
 * (plain text escaped into it); the type says what the feed declared. */
enum feed_type {
	FEED_TEXT,		/* text/plain: "text", RSS titles */
	FEED_HTML,		/* "html", RSS descriptions, content:encoded */
	FEED_XHTML,		/* "xhtml", inline markup, xhtml:body */
};

struct feed_text {
	char		*value;		/* NULL when the feed has none */
	enum feed_type	 type;
	char		*base;		/* what relative links in value resolve
					   against (xml:base, the feed's URL),
					   or NULL */
};

struct feed_person {
	char		*name;		/* each NULL when not given */
	char		*email;
	char		*uri;		/* resolved */
};

struct feed_link {
	char		*href;		/* resolved; never NULL */
	char		*rel;		/* "alternate", "enclosure", "self"... */
	char		*type;		/* media type, or NULL */
	char		*title;		/* or NULL */
	int64_t		 length;	/* bytes, or FEED_NO_LENGTH */
};

struct feed_enclosure {
	char		*url;		/* resolved; never NULL */
	char		*type;		/* or NULL */
	int64_t		 length;	/* bytes, or FEED_NO_LENGTH */
};

struct feed_item {
	char			*id;		/* guid, atom:id, JSON id */
	struct feed_text	 title;		/* text: HTML reduced to it */
	char			*link;		/* the alternate link, resolved */
	struct feed_link	*links;
	size_t			 nlinks, links_cap;
	struct feed_person	*authors;
	size_t			 nauthors, authors_cap;
	int64_t			 published;	/* or FEED_NO_DATE */
	int64_t			 updated;
	int64_t			 created;
	struct feed_text	 summary;	/* HTML */
	struct feed_text	 content;	/* HTML */
	struct feed_text	 rights;	/* text */
	char			**categories;
	size_t			 ncategories, categories_cap;
	struct feed_enclosure	*enclosures;
	size_t			 nenclosures, enclosures_cap;
	char			*thumbnail;	/* Media RSS, JSON image */
};

struct feed {
	const char		*version;	/* "rss20", "rss10", "atom10",
						   "json11"... (reel(1));
						   static */
	char			*encoding;	/* the charset it was read in,
						   lower case: "utf-8" */
	int			 bozo;		/* ill-formed, read anyway */
	char			*bozo_message;	/* the first trouble, or NULL */
	char			*id;
	struct feed_text	 title;		/* text */
	struct feed_text	 description;	/* HTML: subtitle, tagline */
	struct feed_text	 rights;	/* text */
	char			*link;		/* the alternate link, resolved */
	struct feed_link	*links;
	size_t			 nlinks, links_cap;
	char			*language;
	int64_t			 updated;	/* or FEED_NO_DATE */
	int64_t			 published;
	int64_t			 created;
	char			*image;		/* logo, icon or RSS image URL */
	struct feed_person	*authors;
	size_t			 nauthors, authors_cap;
	char			**categories;
	size_t			 ncategories, categories_cap;
	struct feed_item	*items;
	size_t			 nitems, items_cap;
};

/* Frees f and everything it holds; NULL is fine. */
void	 feed_free(struct feed *);

#endif
