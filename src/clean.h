/* clean.h: repairing a page with tidy-html5 into a libxml2 tree. */
#ifndef REEL_CLEAN_H
#define REEL_CLEAN_H

#include <stddef.h>

#include <libxml/tree.h>

/* Parses len bytes of UTF-8 HTML into a repaired libxml2 document with no
 * network access and no entity expansion. Returns the document (free with
 * xmlFreeDoc()), or NULL and a message in *cause. */
xmlDocPtr	clean_parse(const char *, size_t, char **);

#endif
