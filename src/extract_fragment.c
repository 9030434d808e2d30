/* extract_fragment.c: the essay's content as the library keeps it, a
 * cleaned XHTML fragment, and the document built again from one. */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "doc.h"
#include "extract.h"
#include "extract_build.h"
#include "extract_dom.h"
#include "extract_fragment.h"
#include "extract_int.h"
#include "url.h"
#include "util.h"
#include "xhtml.h"

/*
 * An image whose address resolves to nothing reel can open is still a
 * picture with its caption: this address says so, and resolves to
 * nothing again (an innocuous URL, as HTML sanitizers write it).
 */
#define FRAGMENT_NO_SRC	"about:invalid"

/* What was written last among an element's children (fragment_node()). */
#define FRAGMENT_TEXT	1
#define FRAGMENT_BLANK	2

static void	fragment_children(const struct xctx *, xmlNodePtr,
		    struct buf *);

/* A link or an image's address as url_resolve() gave it, written so that
 * resolving it again with no base gives it back: a path (a file's links)
 * is read with %XX decoded and cut at '?' or '#', so those and white
 * space are percent-encoded; a URL already is. */
static void
fragment_url_attr(struct buf *out, const char *name, const char *url)
{
	struct buf	 b = BUF_INIT;
	const char	*p, *frag;

	if (url_scheme_len(url) > 0) {
		xhtml_attr(out, name, url);
		return;
	}
	/* The fragment url_resolve() kept after the path's last '#' stays
	 * one. */
	frag = strrchr(url, '#');
	for (p = url; *p != '\0' && p != frag; p++) {
		if (*p == '%' || *p == '?' || *p == '#' ||
		    (unsigned char)*p <= ' ' || *p == 0x7f)
			buf_printf(&b, "%%%02X", (unsigned char)*p);
		else
			buf_addc(&b, *p);
	}
	if (frag != NULL)
		buf_adds(&b, frag);
	xhtml_attr(out, name, buf_str(&b));
	buf_free(&b);
}

/* An element reel has no tag for keeps its name when XML can hold it as
 * written, else it is a <span>: the builder tells the two apart nowhere. */
static const char *
fragment_name(xmlNodePtr n)
{
	const char	*s = (const char *)n->name;
	enum xtag	 t = extract_dom_tag(n);

	if (t != XT_OTHER)
		return extract_dom_tag_name(t);
	if (s == NULL || *s < 'a' || *s > 'z')
		return "span";
	for (; *s != '\0'; s++) {
		if (!(*s >= 'a' && *s <= 'z') && !(*s >= '0' && *s <= '9') &&
		    *s != '-')
			return "span";
	}
	return (const char *)n->name;
}

static void
fragment_copy_attr(struct buf *out, xmlNodePtr n, const char *name)
{
	const char	*v = extract_dom_attr(n, name);

	if (v != NULL)
		xhtml_attr(out, name, v);
}

/* An image: the address the builder would take, resolved; its alt text,
 * and whether it is an emoji drawn as a picture. */
static void
fragment_image(const struct xctx *x, xmlNodePtr n, struct buf *out)
{
	const char	*cls = extract_dom_attr(n, "class");
	char		*src, *url;

	if ((src = extract_build_image_src(n)) != NULL) {
		url = url_resolve(src, x->base);
		fragment_url_attr(out, "src", url != NULL ? url :
		    FRAGMENT_NO_SRC);
		free(url);
		free(src);
	}
	fragment_copy_attr(out, n, "alt");
	if (cls != NULL && extract_dom_contains_ci(cls, "emoji"))
		xhtml_attr(out, "class", "emoji");
}

/* The attributes the builder reads, and no others. */
static void
fragment_attrs(const struct xctx *x, xmlNodePtr n, struct buf *out)
{
	char	*url;

	/* Where links' fragments lead. */
	fragment_copy_attr(out, n, "id");
	switch (extract_dom_tag(n)) {
	case XT_A:
		url = url_resolve(extract_dom_attr(n, "href"), x->base);
		if (url != NULL)
			fragment_url_attr(out, "href", url);
		free(url);
		fragment_copy_attr(out, n, "name");
		break;
	case XT_IMG:
		fragment_image(x, n, out);
		break;
	case XT_OL:
		fragment_copy_attr(out, n, "start");
		fragment_copy_attr(out, n, "reversed");
		break;
	case XT_LI:
		fragment_copy_attr(out, n, "value");
		break;
	default:
		break;
	}
}

static int
fragment_has_8bit(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

/* Writes a text node's s. */
static void
fragment_text(struct buf *out, const char *s, int *text)
{
	if (s == NULL || *s == '\0')
		return;
	/* A blank text and the text after it stay two when the blank one
	 * is more than ASCII: the builder skips it between blocks, where it
	 * would keep the non-breaking space starting a text it is part of
	 * (ASCII white space goes either way). An empty comment keeps the
	 * parser from joining them. Other texts in a row build the same
	 * joined. */
	if (*text == FRAGMENT_BLANK)
		buf_adds(out, "<!---->");
	xhtml_text(out, s, strlen(s));
	*text = extract_dom_blank_str(s) && fragment_has_8bit(s) ?
	    FRAGMENT_BLANK : FRAGMENT_TEXT;
}

/* Writes n; *text says what was written last among its siblings:
 * FRAGMENT_TEXT or FRAGMENT_BLANK text, else 0. */
static void
fragment_node(const struct xctx *x, xmlNodePtr n, struct buf *out,
    int *text)
{
	const char	*name;

	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		fragment_text(out, (const char *)n->content, text);
		break;
	case XML_ELEMENT_NODE:
		*text = 0;
		name = fragment_name(n);
		buf_printf(out, "<%s", name);
		fragment_attrs(x, n, out);
		if (n->children == NULL) {
			buf_adds(out, "/>");
			break;
		}
		buf_addc(out, '>');
		fragment_children(x, n, out);
		buf_printf(out, "</%s>", name);
		break;
	default:
		/* Comments and the like: nothing the builder reads. */
		break;
	}
}

static void
fragment_children(const struct xctx *x, xmlNodePtr n, struct buf *out)
{
	xmlNodePtr	c;
	int		text = 0;

	for (c = n->children; c != NULL; c = c->next) {
		if (extract_dom_spaces(c) > 0)
			fragment_text(out, extract_dom_spaces_text(c), &text);
		fragment_node(x, c, out, &text);
	}
}

void
extract_fragment_write(const struct extract *e, struct buf *out)
{
	buf_adds(out, "<div xmlns=\"" XHTML_NS "\">");
	if (e->x.article != NULL)
		fragment_children(&e->x, e->x.article, out);
	buf_adds(out, "</div>");
}

/* A copy of remote text already sanitized, or NULL. */
static char *
fragment_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* The parser's complaint, one line, or a stand-in when it gave none. */
static char *
fragment_error(xmlParserCtxtPtr ctx)
{
	const xmlError	*err = xmlCtxtGetLastError(ctx);
	char		*msg;
	size_t		 len;

	if (err == NULL || err->message == NULL)
		return xstrdup(_("not XHTML"));
	msg = xprintf(_("line %d: %s"), err->line, err->message);
	len = strlen(msg);
	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		msg[--len] = '\0';
	return msg;
}

struct doc *
extract_fragment_doc(const char *s, size_t len, const struct doc *m,
    char **cause)
{
	struct extract		*e;
	struct doc		*d;
	xmlParserCtxtPtr	 ctx;
	xmlDocPtr		 tree;
	xmlNodePtr		 root;
	char			*why;

	if (len > (size_t)INT_MAX) {
		*cause = xstrdup(_("the kept copy is too large"));
		return NULL;
	}
	if ((ctx = xmlNewParserCtxt()) == NULL)
		fatal(_("out of memory"));
	/* Our own markup, but read as any file is: no network, no DTD;
	 * HUGE for an essay's deep nesting and long texts. Errors come
	 * back as the message, never on standard error (the screen). */
	tree = xmlCtxtReadMemory(ctx, s, (int)len, NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	if (tree == NULL || !ctx->wellFormed ||
	    (root = xmlDocGetRootElement(tree)) == NULL ||
	    strcmp((const char *)root->name, "div") != 0) {
		why = tree == NULL || !ctx->wellFormed ? fragment_error(ctx) :
		    xstrdup(_("no <div> around the content"));
		*cause = xprintf(_("%s: the kept copy cannot be read: %s"),
		    m->url != NULL ? url_name(m->url) : "-", why);
		free(why);
		xmlFreeDoc(tree);
		xmlFreeParserCtxt(ctx);
		return NULL;
	}
	xmlFreeParserCtxt(ctx);
	e = xcalloc(1, sizeof *e);
	e->x.doc = tree;
	e->url = fragment_dup(m->url);
	e->x.meta.title = fragment_dup(m->title);
	e->x.meta.byline = fragment_dup(m->byline);
	e->x.meta.site = fragment_dup(m->site);
	e->x.meta.published = fragment_dup(m->published);
	e->x.meta.lang = fragment_dup(m->lang);
	e->x.meta.dir = fragment_dup(m->dir);
	e->x.meta.excerpt = fragment_dup(m->excerpt);
	e->x.meta.image = fragment_dup(m->image);
	extract_dom_annotate(&e->x, root);
	xmlUnlinkNode(root);
	e->x.article = root;
	/* The article goes first: its names may be the tree's
	 * dictionary's. */
	d = extract_build_free(e);
	extract_free(e);
	d = extract_build_finish(d);
	xmlFreeDoc(tree);
	return d;
}
