/* extract_build.h: the document model built from the content an
 * extraction chose. */
#ifndef REEL_EXTRACT_BUILD_H
#define REEL_EXTRACT_BUILD_H

#include <libxml/tree.h>

struct doc;
struct extract;

/* Stage 2 of extract(): builds the document from a selection, with its
 * sections found. Returns a new document; the caller frees it with
 * doc_free(), and the selection stays the caller's. */
struct doc	*extract_build(struct extract *);
/* The same for the selection's last use: each part of the content is
 * freed once it is in the document, then the selection itself (with
 * extract_free()), so that a long page is never whole twice over. */
struct doc	*extract_build_free(struct extract *);
/* The address of an image element as written: src, else a lazy
 * loader's data-src, else the first candidate of srcset. Allocated; NULL
 * if there is none, or only inline bytes (data:), nothing to show or
 * open. */
char		*extract_build_image_src(xmlNodePtr);

#endif
