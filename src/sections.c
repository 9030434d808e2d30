/* sections.c: an essay's parts, from its headings. */
#include <config.h>

#include "doc.h"
#include "sections.h"

void
sections_find(struct doc *d)
{
	size_t	i;

	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].type == DOC_HEADING)
			doc_add_section(d, NULL, d->blocks[i].text,
			    d->blocks[i].level, i);
	}
}
