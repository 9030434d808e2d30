/* testdoc.h: small documents for the tests and benchmarks, made from
 * strings with the real builder (doc.c) and finished as a page is. */
#ifndef REEL_TESTDOC_H
#define REEL_TESTDOC_H

#include "doc.h"

/* Opens a block of type and level holding text (NULL for none yet) and
 * returns it as doc_begin() does: valid until the next block opens. */
struct doc_block *testdoc_block(struct doc *, enum doc_block_type, int,
	    const char *);
/* Opens a paragraph holding text (NULL for none yet). */
void	 testdoc_para(struct doc *, const char *);
/* Opens a paragraph that is all one span of type over text: a bold line,
 * a link alone. For DOC_LINK, url is the link's target; else NULL. */
void	 testdoc_span_para(struct doc *, enum doc_span_type, const char *,
	    const char *);
/* Appends text to the open block. */
void	 testdoc_text(struct doc *, const char *);
/* Appends text inside a span of type; for DOC_LINK a new link to url
 * (taken as doc_add_link() takes it), else url is NULL. */
void	 testdoc_span(struct doc *, enum doc_span_type, const char *,
	    const char *);
/* Appends n distinct words, each the prefix that fmt formats followed by
 * its number from 0 and a space: "w3." gives "w3.0 w3.1 ...". */
void	 testdoc_words(struct doc *, int, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
/* Opens the paragraph "Read Ballerina and John Wick now.": "Ballerina"
 * emphasised, "John Wick" a link to https://example.org/wick. */
void	 testdoc_sample_para(struct doc *);
/* Finishes d as extract_build() finishes a page: doc_finish(), then
 * sections_find(). */
void	 testdoc_finish(struct doc *);
/* Returns a finished document of one block of type and level holding
 * text, with no URL; the caller frees it with doc_free(). */
struct doc *testdoc_one(enum doc_block_type, int, const char *);

#endif
