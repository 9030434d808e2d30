/* extract_clutter.h: reel's own passes over the chosen essay, after the
 * Readability port. */
#ifndef REEL_EXTRACT_CLUTTER_H
#define REEL_EXTRACT_CLUTTER_H

#include <stddef.h>

struct xctx;

/* Drops from x->article (when there is one) the readers' comments, boxes,
 * "Related:" lines, repeated pull quotes, boxes after the end and closing
 * calls to action; the nodes dropped are the extraction's to free. */
void	 extract_clutter_finish(struct xctx *);
/* Returns non-zero if text, a paragraph of words words, reads as an
 * invitation to read on, subscribe or follow rather than as a line of an
 * essay; linked says whether the paragraph holds a link. */
int	 extract_clutter_invitation(const char *, size_t, int);

#endif
