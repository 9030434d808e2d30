/* render_text.c: placeholder until the dump formats land. */
#include <config.h>

#include <string.h>

#include "doc.h"
#include "render.h"
#include "util.h"

int
render_format_parse(const char *s)
{
	if (strcmp(s, "text") == 0)
		return RENDER_TEXT;
	if (strcmp(s, "plain") == 0)
		return RENDER_PLAIN;
	if (strcmp(s, "markdown") == 0)
		return RENDER_MARKDOWN;
	if (strcmp(s, "json") == 0)
		return RENDER_JSON;
	return -1;
}

int
render(FILE *f, const struct doc *d, enum render_format fmt, int cols)
{
	const char	*text;
	size_t		 i, n = 0;

	for (i = 0; i < d->nblocks; i++) {
		/* An image shows as its caption; alt text stands in for the
		 * picture and is not part of the essay's text. */
		text = d->blocks[i].text;
		if (d->blocks[i].type == DOC_IMAGE)
			text = d->blocks[i].caption;
		if (text != NULL)
			fprintf(f, "%s%s\n", n++ > 0 ? "\n" : "", text);
	}
	return ferror(f) ? -1 : 0;
}
