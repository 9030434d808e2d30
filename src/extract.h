/* extract.h: the essay and nothing else, from a parsed page. */
#ifndef REEL_EXTRACT_H
#define REEL_EXTRACT_H

#include <libxml/tree.h>

struct doc;
struct extract;

/* Builds the document model from a parsed page: metadata and the main
 * content. url is the page's final URL (after redirects), against which
 * relative links are resolved unless the page has <base href>; may be
 * NULL. The tree may be changed. Returns a document (free with
 * doc_free()), or NULL and a message in *cause. */
struct doc	*extract(xmlDocPtr, const char *, char **);

/* The two stages of extract(), apart for the benchmark: this one, then
 * extract_build() (extract_build.h). */

/* Stage 1: reads the metadata and selects the essay's content inside the
 * tree, which it changes. Returns the selection (free with extract_free()
 * before the tree), or NULL and a message in *cause when the page holds
 * no text. */
struct extract	*extract_select(xmlDocPtr, const char *, char **);
/* Frees a selection and what it holds; NULL is allowed. */
void		 extract_free(struct extract *);

#endif
