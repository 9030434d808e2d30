/* clean.h: repairing a page with tidy-html5 into a libxml2 tree. */
#ifndef REEL_CLEAN_H
#define REEL_CLEAN_H

#include <stddef.h>

#include <libxml/tree.h>

struct clean;

/* Stage 1: parses and repairs len bytes of UTF-8 HTML. Returns the repaired
 * page (free with clean_free()), or NULL and a message in *cause, which is
 * also how a page too deep, too large or too broken for tidy to repair in
 * bounded time and memory is refused. */
struct clean	*clean_repair(const char *, size_t, char **);
/* Stage 2: builds a libxml2 document from the repaired page, with no
 * network access and no entity expansion. Returns the document (free with
 * xmlFreeDoc()), or NULL and a message in *cause. */
xmlDocPtr	 clean_tree(struct clean *, char **);
void		 clean_free(struct clean *);

/* Both stages at once, tidy's tree freed as it is copied. The document's
 * names come from its dictionary (doc->dict). */
xmlDocPtr	 clean_parse(const char *, size_t, char **);
/* The same, taking ownership of the page (allocated), which is freed as
 * soon as the pre-pass has copied it. */
xmlDocPtr	 clean_parse_take(char *, size_t, char **);
/* Returns a new text node of one space for doc (not linked); with a
 * dictionary, the space is the dictionary's. */
xmlNodePtr	 clean_space(xmlDocPtr);

/* The pre-pass clean_repair() runs: returns a copy of len bytes of UTF-8
 * HTML without what tidy would read for nothing (script bodies but
 * JSON-LD's, style bodies, comments and processing instructions, runs of
 * white space out of <pre>, SVG path data), and with what tidy would drop
 * or misread written so that it keeps it (C0 controls as character
 * references, references to U+0000 or past U+10FFFF as U+FFFD), and its
 * length in *outlen; the caller frees it. Exported for its tests. */
char		*clean_strip(const char *, size_t, size_t *);

#endif
