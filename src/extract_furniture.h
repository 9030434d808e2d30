/* extract_furniture.h: the page's furniture inside the chosen essay. */
#ifndef REEL_EXTRACT_FURNITURE_H
#define REEL_EXTRACT_FURNITURE_H

struct xctx;

/* Drops from x->article (when there is one) the menus, the text only
 * screen readers read, picture credits and the lists of links to other
 * articles around the text; the nodes dropped are the extraction's to
 * free. */
void	 extract_furniture_drop(struct xctx *);

#endif
