/* testextract.c: what the extractor tests share: a page from a string
 * or a fixture, cleaned and extracted, and ways to look into the result. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "clean.h"
#include "doc.h"
#include "extract.h"
#include "util.h"

#include "testextract.h"

struct doc *
parse(const char *html, const char *url)
{
	struct doc	*d;
	xmlDocPtr	 tree;
	char		*cause = NULL;

	tree = clean_parse(html, strlen(html), &cause);
	assert_non_null(tree);
	d = extract(tree, url, &cause);
	xmlFreeDoc(tree);
	if (d == NULL)
		fail_msg("extract: %s", cause);
	return d;
}

struct doc *
parse_file(const char *name, const char *url)
{
	struct doc	*d;
	char		*path, *data, *cause = NULL;
	size_t		 len;

	path = xprintf("%s/%s", FIXTURES, name);
	if (read_file(path, 1 << 20, &data, &len, &cause) != 0)
		fail_msg("%s", cause);
	d = parse(data, url);
	free(data);
	free(path);
	return d;
}

/* The first block whose text contains s, or NULL. */
const struct doc_block *
find(const struct doc *d, const char *s)
{
	size_t	i;

	for (i = 0; i < d->nblocks; i++) {
		if (strstr(d->blocks[i].text, s) != NULL)
			return &d->blocks[i];
	}
	return NULL;
}

/* The first picture whose caption contains s, or NULL. */
const struct doc_block *
find_caption(const struct doc *d, const char *s)
{
	size_t	i;

	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].caption != NULL &&
		    strstr(d->blocks[i].caption, s) != NULL)
			return &d->blocks[i];
	}
	return NULL;
}

size_t
count(const struct doc *d, const char *s)
{
	const char	*p;
	size_t		 i, n = 0;

	for (i = 0; i < d->nblocks; i++) {
		for (p = d->blocks[i].text; (p = strstr(p, s)) != NULL; p++)
			n++;
	}
	return n;
}
