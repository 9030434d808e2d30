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
 * freed once it is in the document, so that a long page is never whole
 * twice over. The document comes back unfinished: the caller frees the
 * selection (extract_free()) and then calls extract_build_finish(). */
struct doc	*extract_build_free(struct extract *);
/* Finishes a document extract_build_free() gave: its blocks closed and
 * its sections found. Returns it. */
struct doc	*extract_build_finish(struct doc *);
/* The address of an image element as written: src, else a lazy
 * loader's data-src, else the first candidate of srcset. Allocated; NULL
 * if there is none, or only inline bytes (data:), nothing to show or
 * open. */
char		*extract_build_image_src(xmlNodePtr);

#endif
