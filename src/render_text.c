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
	size_t	i;

	for (i = 0; i < d->nblocks; i++)
		fprintf(f, "%s%s\n", i > 0 ? "\n" : "", d->blocks[i].text);
	return ferror(f) ? -1 : 0;
}
