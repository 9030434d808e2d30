/* extract_build.h: the document model built from the content an
 * extraction chose. */
#ifndef REEL_EXTRACT_BUILD_H
#define REEL_EXTRACT_BUILD_H

struct doc;
struct extract;

/* Stage 2 of extract(): builds the document from a selection, with its
 * sections found. Returns a new document; the caller frees it with
 * doc_free(), and the selection stays the caller's. */
struct doc	*extract_build(struct extract *);

#endif
