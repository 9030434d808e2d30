/* discover.c: the feeds a web page advertises (<link rel="alternate">
 * of an RSS, Atom or JSON Feed type), for subscribing to a site by its
 * page. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "charset.h"
#include "clean.h"
#include "discover.h"
#include "sanitize.h"
#include "text.h"
#include "url.h"
#include "util.h"

/*
 * The types of feeds. Plain application/json is not one: WordPress
 * advertises its REST API that way on every page, and JSON Feed has its
 * own type since 1.1.
 */
static const struct discover_kind {
	const char	*type;
	const char	*name;
} discover_kinds[] = {
	{ "application/rss+xml", "RSS" },
	{ "application/atom+xml", "Atom" },
	{ "application/feed+json", "JSON Feed" },
	{ "application/rdf+xml", "RSS 1.0" },
};

static int
discover_is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcasecmp((const char *)n->name, name) == 0;
}

/* An attribute's value, trimmed, allocated; NULL when absent or empty. */
static char *
discover_attr(xmlNodePtr n, const char *name)
{
	xmlChar	*v;
	char	*s = NULL;
	size_t	 start, len;

	if ((v = xmlGetProp(n, (const xmlChar *)name)) == NULL)
		return NULL;
	len = text_trim((const char *)v, strlen((const char *)v), TEXT_HTML,
	    &start);
	if (len > 0)
		s = xstrndup((const char *)v + start, len);
	xmlFree(v);
	return s;
}

/* Does the space-separated list of rel hold "alternate"? */
static int
discover_alternate(const char *rel)
{
	size_t	n;

	while (rel != NULL && *rel != '\0') {
		rel += strspn(rel, " \t\n\f\r");
		n = strcspn(rel, " \t\n\f\r");
		if (n == 9 && strncasecmp(rel, "alternate", 9) == 0)
			return 1;
		rel += n;
	}
	return 0;
}

/* The kind of feed a type (parameters and case ignored) is, or NULL. */
static const struct discover_kind *
discover_kind(const char *type)
{
	size_t	i, n = strcspn(type, "; \t");

	for (i = 0; i < nitems(discover_kinds); i++)
		if (strlen(discover_kinds[i].type) == n &&
		    strncasecmp(type, discover_kinds[i].type, n) == 0)
			return &discover_kinds[i];
	return NULL;
}

static void
discover_walk(xmlNodePtr n, char **base, struct discover *d)
{
	const struct discover_kind	*k;
	struct discover_feed		*f;
	char				*rel, *type, *href, *url, *title;
	size_t				 i;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		/* The first <base href> is the base of what follows. */
		if (discover_is(n, "base") && d->nfeeds == 0 &&
		    (href = discover_attr(n, "href")) != NULL) {
			if ((url = url_resolve(href, *base)) != NULL) {
				free(*base);
				*base = url;
			}
			free(href);
		}
		if (discover_is(n, "link")) {
			rel = discover_attr(n, "rel");
			type = discover_attr(n, "type");
			href = discover_attr(n, "href");
			url = NULL;
			if (discover_alternate(rel) && type != NULL &&
			    href != NULL && (k = discover_kind(type)) != NULL &&
			    (url = url_resolve(href, *base)) != NULL &&
			    url_is_web(url)) {
				for (i = 0; i < d->nfeeds; i++)
					if (strcmp(d->feeds[i].url, url) == 0)
						break;
				if (i == d->nfeeds) {
					d->feeds = xgrowarray(d->feeds,
					    &d->feeds_cap, d->nfeeds + 1,
					    sizeof *d->feeds);
					f = &d->feeds[d->nfeeds++];
					f->url = sanitize(url, strlen(url), 0);
					f->kind = k->name;
					title = discover_attr(n, "title");
					f->title = title != NULL ?
					    sanitize(title, strlen(title), 0) :
					    NULL;
					free(title);
				}
			}
			free(url);
			free(rel);
			free(type);
			free(href);
		}
		discover_walk(n->children, base, d);
	}
}

int
discover_feeds(const char *data, size_t len, const char *charset,
    const char *url, struct discover **dp, char **cause)
{
	struct discover	*d;
	xmlDocPtr	 tree;
	char		*utf8, *base, *why = NULL, *msg;
	size_t		 utf8len;

	*dp = NULL;
	if (charset_decode(data, len, charset, &utf8, &utf8len, &why) != 0)
		goto fail;
	tree = clean_parse(utf8, utf8len, &why);
	free(utf8);
	if (tree == NULL)
		goto fail;
	d = xcalloc(1, sizeof *d);
	base = xstrdup(url);
	discover_walk(xmlDocGetRootElement(tree), &base, d);
	free(base);
	xmlFreeDoc(tree);
	*dp = d;
	return 0;

fail:
	msg = xprintf("%s: %s", url, why);
	*cause = sanitize(msg, strlen(msg), 0);
	free(msg);
	free(why);
	return -1;
}

void
discover_free(struct discover *d)
{
	size_t	i;

	if (d == NULL)
		return;
	for (i = 0; i < d->nfeeds; i++) {
		free(d->feeds[i].url);
		free(d->feeds[i].title);
	}
	free(d->feeds);
	free(d);
}
