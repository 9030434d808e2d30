/* sections.h: finding an essay's parts in its document model. */
#ifndef REEL_SECTIONS_H
#define REEL_SECTIONS_H

struct doc;

/* Fills doc->sections from its headings and from paragraphs that are
 * numbered part titles ("3. The Hotel Ballroom Sequence"), which become
 * heading blocks. Called once, after doc_finish(), by whoever builds the
 * document; d has no sections before. */
void	sections_find(struct doc *);

#endif
