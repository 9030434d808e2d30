/* extract_int.h: the state of one extraction, which every pass of the
 * extractor works on; not an interface for other modules. */
#ifndef REEL_EXTRACT_INT_H
#define REEL_EXTRACT_INT_H

#include <stddef.h>

#include <libxml/tree.h>

/* A growable list of nodes (extract_dom_list_add(), in extract_dom.h). */
struct xlist {
	xmlNodePtr	*v;
	size_t		 n;
	size_t		 cap;
};

/* An essay has at least this many characters: with fewer, the content is
 * chosen again under looser rules, and readers' comments are dropped only
 * when as much stays. */
#define EXTRACT_MIN_CHARS	500

/* The selection flags, dropped one by one when too little text is found. */
#define XF_STRIP_UNLIKELY	0x1
#define XF_WEIGHT_CLASSES	0x2
#define XF_CLEAN_CONDITIONALLY	0x4
#define XF_ALL			0x7

/* What the metadata pass finds; every string is allocated, NULL if none. */
struct xmeta {
	char	*title;
	char	*byline;
	char	*site;
	char	*published;
	char	*excerpt;
	char	*lang;
	char	*dir;
	char	*image;
};

struct xchunk;

/* The state of one extraction. */
struct xctx {
	xmlDocPtr	 doc;
	xmlNodePtr	 body;
	char		*base;		/* base URL for links, or NULL */
	struct xchunk	*chunks;	/* arena of struct xnode */
	struct xlist	 dead;		/* unlinked subtrees, freed at the end */
	int		 flags;		/* XF_* of the current attempt */
	struct xmeta	 meta;
	char		*byline;	/* the byline element's text */
	xmlNodePtr	 article;	/* detached <div> holding the essay */
};

/* What extract_select() (extract.h) hands to extract_build()
 * (extract_build.h). */
struct extract {
	struct xctx	 x;
	char		*url;
};

#endif
