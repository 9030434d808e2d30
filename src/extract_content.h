/* extract_content.h: choosing the essay's content in a page, after
 * Mozilla's Readability. */
#ifndef REEL_EXTRACT_CONTENT_H
#define REEL_EXTRACT_CONTENT_H

struct xctx;

/* Readies the page: scripts and styles out, <br> runs into paragraphs. */
void	 extract_content_prepare(struct xctx *);
/* Chooses the essay into x->article; returns 0, or -1 when it holds no
 * text. The nodes left out are the extraction's to free. */
int	 extract_content_grab(struct xctx *);

#endif
