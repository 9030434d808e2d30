/* extract.c: the extractor's entry points: metadata and the essay's
 * content selected from a parsed page; extract_build.c builds the
 * document from them. */
#include <config.h>

#include <stdlib.h>

#include "doc.h"
#include "extract.h"
#include "extract_build.h"
#include "extract_clutter.h"
#include "extract_content.h"
#include "extract_dom.h"
#include "extract_furniture.h"
#include "extract_int.h"
#include "extract_meta.h"
#include "util.h"

static xmlNodePtr
extract_find(xmlNodePtr root, enum xtag t)
{
	xmlNodePtr	n;

	for (n = root; n != NULL; n = extract_dom_next(n, 0)) {
		if (extract_dom_is(n, t))
			return n;
	}
	return NULL;
}

static void
extract_meta_free(struct xmeta *m)
{
	free(m->title);
	free(m->byline);
	free(m->site);
	free(m->published);
	free(m->excerpt);
	free(m->lang);
	free(m->dir);
	free(m->image);
}

void
extract_free(struct extract *e)
{
	if (e == NULL)
		return;
	if (e->x.article != NULL)
		xmlFreeNode(e->x.article);
	extract_dom_free(&e->x);
	extract_meta_free(&e->x.meta);
	free(e->x.byline);
	free(e->x.base);
	free(e->url);
	free(e);
}

struct extract *
extract_select(xmlDocPtr tree, const char *url, char **cause)
{
	struct extract	*e;
	struct xctx	*x;
	xmlNodePtr	 root = xmlDocGetRootElement(tree);

	if (root == NULL) {
		*cause = xstrdup(_("the page is empty"));
		return NULL;
	}
	e = xcalloc(1, sizeof *e);
	x = &e->x;
	x->doc = tree;
	if (url != NULL)
		e->url = xstrdup(url);
	extract_dom_annotate(x, root);
	x->body = extract_find(root, XT_BODY);
	extract_dom_space(x->body != NULL ? x->body : root);
	x->base = extract_meta_base(root, url);

	extract_meta_jsonld(x);		/* before the scripts go */
	extract_content_prepare(x);
	extract_meta_tags(x);
	if (extract_content_grab(x) != 0 && x->meta.title == NULL) {
		extract_free(e);
		*cause = xstrdup(_("no text to read in the page"));
		return NULL;
	}
	extract_clutter_finish(x);
	extract_meta_finish(x);		/* reads the dates the next drops */
	extract_furniture_drop(x);
	return e;
}

struct doc *
extract(xmlDocPtr tree, const char *url, char **cause)
{
	struct extract	*e;
	struct doc	*d;

	if ((e = extract_select(tree, url, cause)) == NULL)
		return NULL;
	d = extract_build_free(e);
	extract_free(e);
	return extract_build_finish(d);
}
