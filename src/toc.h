/* toc.h: finding a table of contents box in a document: a list (or a
 * table) of links to the page's own anchors, and the short heading that
 * introduces it. The box stays in the document; the pager shows it not,
 * and no section is made of its heading. */
#ifndef REEL_TOC_H
#define REEL_TOC_H

struct doc;

/* Returns d->nblocks flags, 1 for each block of a table of contents box
 * or of the heading that only introduces one, allocated (free() it); or
 * NULL when d has none. */
unsigned char	*toc_find(const struct doc *);

#endif
