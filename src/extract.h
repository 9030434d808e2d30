/* extract.h: the essay and nothing else, from a parsed page. */
#ifndef REEL_EXTRACT_H
#define REEL_EXTRACT_H

#include <libxml/tree.h>

struct doc;

/* Builds the document model from a parsed page: metadata and the main
 * content. url is the page's final URL (after redirects), against which
 * relative links are resolved unless the page has <base href>; may be
 * NULL. The tree may be changed. Returns a document (free with
 * doc_free()), or NULL and a message in *cause. */
struct doc	*extract(xmlDocPtr, const char *, char **);

#endif
