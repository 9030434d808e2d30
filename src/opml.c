/* opml.c: subscription lists in OPML 1.0 and 2.0: read with xml.c (nested
 * outlines become tags, includes are followed and cycles caught) and
 * written as OPML 2.0 that reads back to the same bytes. */
#include <config.h>

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/hash.h>
#include <libxml/tree.h>

#include "buf.h"
#include "fetch.h"
#include "opml.h"
#include "sanitize.h"
#include "text.h"
#include "url.h"
#include "util.h"
#include "xml.h"

/* Includes inside includes deeper than this are not followed. */
#define OPML_INCLUDE_DEPTH	16

/* One opml_load(): the list, and the lists being read, for cycles. */
struct opml_load {
	struct opml		 *o;
	const struct fetch_opts	 *fo;
	char			**stack;	/* names, outermost first */
	char			**keys;		/* the same, canonical */
	size_t			  depth, stack_cap, keys_cap;
};

struct opml *
opml_new(void)
{
	struct opml	*o = xcalloc(1, sizeof *o);

	if ((o->index = xmlHashCreate(0)) == NULL)
		fatal(_("out of memory"));
	return o;
}

void
opml_free(struct opml *o)
{
	size_t	i, j;

	if (o == NULL)
		return;
	for (i = 0; i < o->nsubs; i++) {
		free(o->subs[i].url);
		free(o->subs[i].title);
		free(o->subs[i].html_url);
		for (j = 0; j < o->subs[i].ntags; j++)
			free(o->subs[i].tags[j]);
		free(o->subs[i].tags);
	}
	free(o->subs);
	for (i = 0; i < o->nwarnings; i++)
		free(o->warnings[i]);
	free(o->warnings);
	free(o->title);
	xmlHashFree(o->index, NULL);
	free(o);
}

/* s trimmed and sanitized, or NULL when nothing is left. */
static char *
opml_clean(const char *s)
{
	size_t	start, n;

	if (s == NULL || (n = text_trim(s, strlen(s), TEXT_HTML,
	    &start)) == 0)
		return NULL;
	return sanitize(s + start, n, 0);
}

struct opml_sub *
opml_add(struct opml *o, const char *url, const char *title,
    const char *html_url)
{
	struct opml_sub	*s;
	char		*u;
	void		*found;

	if ((u = opml_clean(url)) == NULL)
		return NULL;
	/* The index holds positions plus one: the array moves as it grows. */
	if ((found = xmlHashLookup(o->index, (const xmlChar *)u)) != NULL) {
		free(u);
		return &o->subs[(uintptr_t)found - 1];
	}
	o->subs = xgrowarray(o->subs, &o->subs_cap, o->nsubs + 1,
	    sizeof *o->subs);
	s = &o->subs[o->nsubs++];
	memset(s, 0, sizeof *s);
	s->url = u;
	s->title = opml_clean(title);
	s->html_url = opml_clean(html_url);
	if (xmlHashAddEntry(o->index, (const xmlChar *)u,
	    (void *)(uintptr_t)o->nsubs) != 0)
		fatal(_("out of memory"));
	return s;
}

void
opml_add_tag(struct opml_sub *s, const char *tag)
{
	char	*t;
	size_t	 i;

	if ((t = opml_clean(tag)) == NULL)
		return;
	for (i = 0; i < s->ntags; i++) {
		if (strcmp(s->tags[i], t) == 0) {
			free(t);
			return;
		}
	}
	s->tags = xgrowarray(s->tags, &s->tags_cap, s->ntags + 1,
	    sizeof *s->tags);
	s->tags[s->ntags++] = t;
}

static void
opml_warn(struct opml *o, const char *name, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Adds the warning "name:line: message" (no line when line is 0). */
static void
opml_warn(struct opml *o, const char *name, long line, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg, *full;

	va_start(ap, fmt);
	msg = xvprintf(fmt, ap);
	va_end(ap);
	if (line > 0)
		full = xprintf("%s:%ld: %s", name, line, msg);
	else
		full = xprintf("%s: %s", name, msg);
	o->warnings = xgrowarray(o->warnings, &o->warnings_cap,
	    o->nwarnings + 1, sizeof *o->warnings);
	o->warnings[o->nwarnings++] = sanitize(full, strlen(full), 0);
	free(msg);
	free(full);
}

/* The attribute name of n, its case ignored ("xmlurl", "XMLURL" are
 * written too), allocated, or NULL. */
static char *
opml_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr	a;

	for (a = n->properties; a != NULL; a = a->next)
		if (a->ns == NULL && strcasecmp((const char *)a->name,
		    name) == 0)
			return xml_attr(n, (const char *)a->name);
	return NULL;
}

/* opml_attr() trimmed and sanitized; NULL when empty. */
static char *
opml_attr_clean(xmlNodePtr n, const char *name)
{
	char	*v, *c;

	v = opml_attr(n, name);
	c = opml_clean(v);
	free(v);
	return c;
}

static int
opml_is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns == NULL &&
	    strcmp((const char *)n->name, name) == 0;
}

/* What identifies the list at name for the cycle check: the real path
 * of a file, a URL without its fragment. Allocated. */
static char *
opml_key(const char *name)
{
	char	*k;

	if (url_is_web(name))
		return (k = url_strip_fragment(name)) != NULL ? k :
		    xstrdup(name);
	if (strcmp(name, "-") != 0 && (k = realpath(name, NULL)) != NULL)
		return k;
	return xstrdup(name);
}

static int	opml_read(struct opml_load *, const char *, size_t,
		    const char *, const char **, size_t, char **);

/* tags with one more, allocated (the strings are not copied). */
static const char **
opml_push(const char **tags, size_t ntags, const char *tag)
{
	const char	**more;

	more = xreallocarray(NULL, ntags + 1, sizeof *more);
	if (ntags > 0)
		memcpy(more, tags, ntags * sizeof *tags);
	more[ntags] = tag;
	return more;
}

/* An outline of type="include": the list at its url is read as if its
 * outlines were this outline's children (under its tags). */
static void
opml_include(struct opml_load *l, xmlNodePtr n, const char *name,
    const char **tags, size_t ntags)
{
	struct fetch_result	 r;
	struct fetch_opts	 fo;
	struct buf		 chain = BUF_INIT;
	long			 line = xmlGetLineNo(n);
	char			*href, *target = NULL, *key, *cause;
	size_t			 i;

	if ((href = opml_attr(n, "url")) != NULL)
		target = url_resolve(href, strcmp(name, "-") == 0 ? NULL :
		    name);
	if (target == NULL) {
		opml_warn(l->o, url_name(name), line, _("an include without "
		    "a URL or file reel can read"));
		goto out;
	}
	key = opml_key(target);
	for (i = 0; i < l->depth; i++)
		if (strcmp(l->keys[i], key) == 0)
			break;
	free(key);
	if (i < l->depth) {
		for (; i < l->depth; i++)
			buf_printf(&chain, "%s -> ", url_name(l->stack[i]));
		buf_adds(&chain, url_name(target));
		opml_warn(l->o, url_name(name), line, _("include cycle, not "
		    "followed: %s"), buf_str(&chain));
		buf_free(&chain);
		goto out;
	}
	if (l->depth >= OPML_INCLUDE_DEPTH) {
		/* TRANSLATORS: %d counts levels of nesting; %s is the
		 * list that was not read. */
		opml_warn(l->o, url_name(name), line, ngettext_("includes "
		    "nested more than %d deep: %s not read", "includes nested "
		    "more than %d deep: %s not read", OPML_INCLUDE_DEPTH),
		    OPML_INCLUDE_DEPTH, url_name(target));
		goto out;
	}
	if (l->fo != NULL)
		fo = *l->fo;
	else
		fetch_opts_default(&fo);
	fo.accept_xml = 1;
	if (fetch(target, &fo, &r, &cause) != 0) {
		opml_warn(l->o, url_name(name), line, _("cannot include: %s"),
		    cause);
		free(cause);
		goto out;
	}
	if (opml_read(l, r.data, r.len, r.url, tags, ntags, &cause) != 0) {
		opml_warn(l->o, url_name(name), line, _("cannot include: %s"),
		    cause);
		free(cause);
	}
	fetch_result_free(&r);
out:
	free(href);
	free(target);
}

/* A feed's outline: its xmlUrl resolved against the list's location. */
static void
opml_feed(struct opml_load *l, xmlNodePtr n, const char *name,
    const char *xmlurl, const char *label, const char **tags, size_t ntags)
{
	struct opml_sub	*s;
	char		*url, *html, *raw;
	size_t		 i;

	url = url_resolve(xmlurl, url_is_web(name) ? name : NULL);
	if (url == NULL) {
		opml_warn(l->o, url_name(name), xmlGetLineNo(n),
		    _("outline \"%s\": xmlUrl is not a URL reel reads"),
		    label != NULL ? label : xmlurl);
		return;
	}
	/* An outline that names the feed by its URL has no title. */
	if (label != NULL && (strcmp(label, xmlurl) == 0 ||
	    strcmp(label, url) == 0))
		label = NULL;
	/* The site's address may be opened in a browser: a web URL, or
	 * nothing (never javascript: or file:; found by fuzz_opml). */
	raw = opml_attr(n, "htmlUrl");
	html = url_resolve(raw, url);
	if (html != NULL && !url_is_web(html)) {
		free(html);
		html = NULL;
	}
	s = opml_add(l->o, url, label, html);
	for (i = 0; s != NULL && i < ntags; i++)
		opml_add_tag(s, tags[i]);
	free(raw);
	free(html);
	free(url);
}

/* The outlines under n, each under the tags (enclosing outlines' names)
 * that hold it. */
static void
opml_outlines(struct opml_load *l, xmlNodePtr n, const char *name,
    const char **tags, size_t ntags)
{
	xmlNodePtr	  c;
	const char	**more;
	char		 *xmlurl, *label, *type, *text;
	int		  children;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!opml_is(c, "outline")) {
			opml_warn(l->o, url_name(name), xmlGetLineNo(c),
			    _("<%s> where an outline was expected"),
			    (const char *)c->name);
			continue;
		}
		xmlurl = opml_attr_clean(c, "xmlUrl");
		type = opml_attr(c, "type");
		if ((label = opml_attr_clean(c, "title")) == NULL)
			label = opml_attr_clean(c, "text");
		children = xmlFirstElementChild(c) != NULL;
		more = opml_push(tags, ntags, label);
		if (type != NULL && strcasecmp(type, "include") == 0)
			opml_include(l, c, name, more, ntags +
			    (label != NULL));
		else if (xmlurl != NULL)
			opml_feed(l, c, name, xmlurl, label, tags, ntags);
		else if (!children) {
			text = label != NULL ? label : _("(untitled)");
			opml_warn(l->o, url_name(name), xmlGetLineNo(c),
			    _("outline \"%s\" has no xmlUrl"), text);
		}
		if (children)
			opml_outlines(l, c, name, more, ntags +
			    (label != NULL));
		free(more);
		free(xmlurl);
		free(label);
		free(type);
	}
}

/* Reads one list (the first, or an include) named name into l->o; its
 * outlines go under tags. Returns 0, or -1 and *cause. */
static int
opml_read(struct opml_load *l, const char *data, size_t len,
    const char *name, const char **tags, size_t ntags, char **cause)
{
	struct xml	*x;
	xmlNodePtr	 root, c, t;
	char		*msg, *s;

	if (xml_read(data, len, NULL, url_name(name), &x, cause) != 0)
		return -1;
	root = xmlDocGetRootElement(x->doc);
	if (!opml_is(root, "opml")) {
		msg = xprintf(_("%s: not OPML: the document is <%s>"),
		    url_name(name), (const char *)root->name);
		*cause = sanitize(msg, strlen(msg), 0);
		free(msg);
		xml_free(x);
		return -1;
	}
	if (x->bozo)
		opml_warn(l->o, url_name(name), 0, "%s", x->bozo_message);
	l->stack = xgrowarray(l->stack, &l->stack_cap, l->depth + 1,
	    sizeof *l->stack);
	l->keys = xgrowarray(l->keys, &l->keys_cap, l->depth + 1,
	    sizeof *l->keys);
	l->stack[l->depth] = xstrdup(name);
	l->keys[l->depth++] = opml_key(name);
	for (c = root->children; c != NULL; c = c->next) {
		if (opml_is(c, "head") && l->depth == 1 && l->o->title == NULL)
			/* The first title only (a second one leaked;
			 * fuzz_opml). */
			for (t = c->children; t != NULL &&
			    l->o->title == NULL; t = t->next)
				if (opml_is(t, "title")) {
					s = xml_text(t);
					l->o->title = opml_clean(s);
					free(s);
				}
		if (opml_is(c, "body"))
			opml_outlines(l, c, name, tags, ntags);
	}
	l->depth--;
	free(l->stack[l->depth]);
	free(l->keys[l->depth]);
	xml_free(x);
	return 0;
}

int
opml_parse(const char *data, size_t len, const char *name,
    const struct fetch_opts *fo, struct opml **op, char **cause)
{
	struct opml_load	l;
	int			rc;

	memset(&l, 0, sizeof l);
	l.o = opml_new();
	l.fo = fo;
	*op = NULL;
	if ((rc = opml_read(&l, data, len, name, NULL, 0, cause)) == 0) {
		*op = l.o;
		l.o = NULL;
	} else
		rc = REEL_EXIT_FAILURE;
	free(l.stack);
	free(l.keys);
	opml_free(l.o);
	return rc;
}

int
opml_load(const char *what, const struct fetch_opts *fo, struct opml **op,
    char **cause)
{
	struct fetch_result	r;
	struct fetch_opts	o;
	int			rc;

	*op = NULL;
	if (fo != NULL)
		o = *fo;
	else
		fetch_opts_default(&o);
	o.accept_xml = 1;
	if ((rc = fetch(what, &o, &r, cause)) != 0)
		return rc;
	rc = opml_parse(r.data, r.len, r.url, fo, op, cause);
	fetch_result_free(&r);
	return rc;
}

/* Writing. */

/* The order of feeds in a list: by title (the URL when there is none),
 * then by URL. */
static int
opml_cmp(const void *a, const void *b)
{
	const struct opml_sub	*x = *(const struct opml_sub * const *)a;
	const struct opml_sub	*y = *(const struct opml_sub * const *)b;
	int			 c;

	c = strcmp(x->title != NULL ? x->title : x->url,
	    y->title != NULL ? y->title : y->url);
	return c != 0 ? c : strcmp(x->url, y->url);
}

/* A feed under a tag, for writing the tags' outlines. */
struct opml_pair {
	const char		*tag;
	const struct opml_sub	*sub;
};

static int
opml_pair_cmp(const void *a, const void *b)
{
	const struct opml_pair	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->tag, y->tag)) != 0)
		return c;
	return opml_cmp(&x->sub, &y->sub);
}

static void
opml_write_sub(struct buf *out, const struct opml_sub *s, const char *indent)
{
	buf_printf(out, "%s<outline type=\"rss\" text=\"", indent);
	buf_add_markup(out, s->title != NULL ? s->title : s->url,
	    BUF_MARKUP_WS_REFS);
	if (s->title != NULL) {
		buf_adds(out, "\" title=\"");
		buf_add_markup(out, s->title, BUF_MARKUP_WS_REFS);
	}
	buf_adds(out, "\" xmlUrl=\"");
	buf_add_markup(out, s->url, BUF_MARKUP_WS_REFS);
	if (s->html_url != NULL) {
		buf_adds(out, "\" htmlUrl=\"");
		buf_add_markup(out, s->html_url,
		    BUF_MARKUP_WS_REFS);
	}
	buf_adds(out, "\"/>\n");
}

char *
opml_write(const struct opml *o, size_t *len)
{
	struct buf		  out = BUF_INIT;
	const struct opml_sub	**subs;
	struct opml_pair	 *pairs = NULL;
	size_t			  i, j, n = 0, npairs = 0, cap = 0;

	buf_adds(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n  <head>\n    <title>");
	buf_add_markup(&out, o->title != NULL ? o->title : "reel",
	    BUF_MARKUP_WS_REFS);
	buf_adds(&out, "</title>\n  </head>\n  <body>\n");
	subs = xreallocarray(NULL, o->nsubs + 1, sizeof *subs);
	for (i = 0; i < o->nsubs; i++) {
		if (o->subs[i].ntags == 0)
			subs[n++] = &o->subs[i];
		for (j = 0; j < o->subs[i].ntags; j++) {
			pairs = xgrowarray(pairs, &cap, npairs + 1,
			    sizeof *pairs);
			pairs[npairs].tag = o->subs[i].tags[j];
			pairs[npairs++].sub = &o->subs[i];
		}
	}
	qsort(subs, n, sizeof *subs, opml_cmp);
	/* qsort() may not be given NULL, even for nothing to sort. */
	if (npairs > 0)
		qsort(pairs, npairs, sizeof *pairs, opml_pair_cmp);
	for (i = 0; i < n; i++)
		opml_write_sub(&out, subs[i], "    ");
	for (i = 0; i < npairs; i++) {
		if (i == 0 || strcmp(pairs[i].tag, pairs[i - 1].tag) != 0) {
			if (i > 0)
				buf_adds(&out, "    </outline>\n");
			buf_adds(&out, "    <outline text=\"");
			buf_add_markup(&out, pairs[i].tag, BUF_MARKUP_WS_REFS);
			buf_adds(&out, "\" title=\"");
			buf_add_markup(&out, pairs[i].tag, BUF_MARKUP_WS_REFS);
			buf_adds(&out, "\">\n");
		}
		opml_write_sub(&out, pairs[i].sub, "      ");
	}
	if (npairs > 0)
		buf_adds(&out, "    </outline>\n");
	buf_adds(&out, "  </body>\n</opml>\n");
	free(subs);
	free(pairs);
	return buf_detach(&out, len);
}
