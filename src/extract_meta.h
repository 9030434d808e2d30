/* extract_meta.h: an essay's metadata, read from the page and from the
 * content chosen in it. */
#ifndef REEL_EXTRACT_META_H
#define REEL_EXTRACT_META_H

#include <libxml/tree.h>

struct xctx;

/* Returns the base of the page's links: <base href> if it is usable,
 * else url (may be NULL). Allocated, or NULL. */
char	*extract_meta_base(xmlNodePtr, const char *);

/* Reads the page's JSON-LD article into x->meta; before the scripts are
 * removed. */
void	 extract_meta_jsonld(struct xctx *);
/* Reads <meta> tags and the title where JSON-LD left them open. */
void	 extract_meta_tags(struct xctx *);
/* Fills the rest from the chosen content: byline, excerpt, image, date. */
void	 extract_meta_finish(struct xctx *);
/* Returns the article's title from <title> and the headings; allocated,
 * the caller frees it. */
char	*extract_meta_title(struct xctx *);

#endif
