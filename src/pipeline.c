/* pipeline.c: fetch, decode, clean, extract. */
#include <config.h>

#include <stdlib.h>

#include <libxml/tree.h>

#include "charset.h"
#include "clean.h"
#include "doc.h"
#include "extract.h"
#include "fetch.h"
#include "pipeline.h"
#include "util.h"

struct doc *
pipeline_page(const char *data, size_t len, const char *http_charset,
    const char *url, char **cause)
{
	struct doc	*d;
	xmlDocPtr	 tree;
	char		*utf8, *why = NULL;
	size_t		 utf8len;

	if (charset_decode(data, len, http_charset, &utf8, &utf8len,
	    &why) != 0)
		goto fail;
	tree = clean_parse(utf8, utf8len, &why);
	free(utf8);
	if (tree == NULL)
		goto fail;
	d = extract(tree, url, &why);
	xmlFreeDoc(tree);
	if (d == NULL)
		goto fail;
	return d;
fail:
	*cause = xprintf("%s: %s", url != NULL ? url : "-", why);
	free(why);
	return NULL;
}

int
pipeline_load(const char *what, const struct fetch_opts *opts,
    struct doc **dp, char **cause)
{
	struct fetch_result	 res;
	int			 rc;

	if ((rc = fetch(what, opts, &res, cause)) != 0)
		return rc;
	*dp = pipeline_page(res.data, res.len, res.charset, res.url, cause);
	fetch_result_free(&res);
	return *dp != NULL ? REEL_EXIT_OK : REEL_EXIT_FAILURE;
}
