/* feed_xml.c: RSS (0.90 to 2.0, 1.0) and Atom (0.3, 1.0) read into the
 * feed model from the tree xml.c builds. */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "buf.h"
#include "feed.h"
#include "feed_build.h"
#include "sanitize.h"
#include "text.h"
#include "url.h"
#include "util.h"
#include "xml.h"

/* The vocabularies reel reads; elements of others are skipped. */
enum feed_ns {
	NS_NONE,		/* no namespace: RSS 0.91-2.0, bare Atom */
	NS_RSS,			/* RSS 0.90 and 1.0, UserLand's RSS 2 */
	NS_ATOM,		/* Atom 1.0 */
	NS_ATOM03,		/* Atom 0.3 */
	NS_RDF,
	NS_DC,
	NS_DCTERMS,
	NS_CONTENT,
	NS_MEDIA,
	NS_XHTML,
	NS_ITUNES,
	NS_OTHER,
};

static const struct feed_nsname {
	const char	*uri;
	enum feed_ns	 ns;
} feed_nsnames[] = {
	{ "http://www.w3.org/2005/Atom", NS_ATOM },
	{ "http://purl.org/atom/ns#", NS_ATOM03 },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS_RDF },
	{ "http://my.netscape.com/rdf/simple/0.9/", NS_RSS },
	{ "http://purl.org/rss/1.0/", NS_RSS },
	{ "http://backend.userland.com/rss2", NS_RSS },
	{ "http://backend.userland.com/rss", NS_RSS },
	{ "http://blogs.law.harvard.edu/tech/rss", NS_RSS },
	{ "http://purl.org/dc/elements/1.1/", NS_DC },
	{ "http://purl.org/dc/elements/1.0/", NS_DC },
	{ "http://purl.org/dc/terms/", NS_DCTERMS },
	{ "http://purl.org/rss/1.0/modules/content/", NS_CONTENT },
	{ "http://search.yahoo.com/mrss/", NS_MEDIA },
	{ "http://search.yahoo.com/mrss", NS_MEDIA },
	{ "http://www.w3.org/1999/xhtml", NS_XHTML },
	{ "http://www.itunes.com/dtds/podcast-1.0.dtd", NS_ITUNES },
};

/* One XML feed being read. */
struct feed_xml {
	struct feed	*f;		/* made when the root is known */
	int		 atom;		/* the root is Atom's <feed> */
	const xmlChar	*own_ns;	/* the root's namespace when reel does
					   not know it: read as none */
	const char	*url;
	xmlNodePtr	*chain;		/* feed_xml_take()'s */
	size_t		 chain_cap;
};

/* Does the text of an RSS title hold HTML: an end tag or a character
 * reference left after XML's escaping was undone ("AT&amp;T" written
 * "AT&amp;amp;T", "&lt;b&gt;x&lt;/b&gt;")? */
static int
feed_looks_html(const char *s, size_t len)
{
	size_t	i, j;

	for (i = 0; i + 1 < len; i++) {
		if (s[i] == '<' && s[i + 1] == '/' && i + 2 < len &&
		    ascii_isalpha((unsigned char)s[i + 2])) {
			for (j = i + 2; j < len && ascii_isalpha(
			    (unsigned char)s[j]); j++)
				;
			while (j < len && s[j] >= '0' && s[j] <= '9')
				j++;
			if (j < len && s[j] == '>')
				return 1;
		}
		if (s[i] == '&') {
			j = i + 1;
			if (s[j] == '#')
				j++;
			while (j < len && (ascii_isalpha((unsigned char)s[j]) ||
			    (s[j] >= '0' && s[j] <= '9')))
				j++;
			if (j > i + 1 && j < len && s[j] == ';')
				return 1;
		}
	}
	return 0;
}

/* The XML tree, read with care. */

static enum feed_ns
feed_xml_ns(struct feed_xml *x, xmlNodePtr n)
{
	size_t	i;

	if (n->ns == NULL || n->ns->href == NULL || (x->own_ns != NULL &&
	    strcmp((const char *)n->ns->href, (const char *)x->own_ns) == 0))
		return NS_NONE;
	for (i = 0; i < nitems(feed_nsnames); i++)
		if (strcmp((const char *)n->ns->href, feed_nsnames[i].uri) ==
		    0)
			return feed_nsnames[i].ns;
	return NS_OTHER;
}

static int
feed_xml_is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

/* RSS's, Atom's or no namespace: the elements both formats name alike
 * (title, link, author, category) are told apart by their content. */
static int
feed_xml_core(struct feed_xml *x, xmlNodePtr n)
{
	enum feed_ns	ns = feed_xml_ns(x, n);

	return ns == NS_NONE || ns == NS_RSS || ns == NS_ATOM ||
	    ns == NS_ATOM03;
}

/* Is n written by Atom's rules (type and mode attributes)? */
static int
feed_xml_atomish(struct feed_xml *x, xmlNodePtr n)
{
	enum feed_ns	ns = feed_xml_ns(x, n);

	return ns == NS_ATOM || ns == NS_ATOM03 || (ns == NS_NONE && x->atom);
}

static int
feed_xml_has_elements(xmlNodePtr n)
{
	xmlNodePtr	c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return 1;
	return 0;
}

/* Elements HTML writes without an end tag. */
static int
feed_xml_void(const char *name)
{
	static const char	*voids[] = {
		"area", "base", "br", "col", "embed", "hr", "img", "input",
		"link", "meta", "param", "source", "track", "wbr",
	};
	size_t			 i;

	for (i = 0; i < nitems(voids); i++)
		if (strcmp(name, voids[i]) == 0)
			return 1;
	return 0;
}

static void
feed_xml_escape(struct buf *out, const char *s, int attr)
{
	for (; *s != '\0'; s++) {
		if (*s == '&')
			buf_adds(out, "&amp;");
		else if (*s == '<')
			buf_adds(out, "&lt;");
		else if (*s == '>')
			buf_adds(out, "&gt;");
		else if (*s == '"' && attr)
			buf_adds(out, "&quot;");
		else
			buf_addc(out, *s);
	}
}

/* Writes the children of n as HTML: inline XHTML markup (Atom's xhtml,
 * xhtml:body, RSS with naked tags) by the elements' local names. */
static void
feed_xml_html_to(xmlNodePtr n, struct buf *out)
{
	xmlNodePtr	 c;
	xmlAttrPtr	 a;
	char		*s;

	for (c = n->children; c != NULL; c = c->next) {
		switch (c->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
		case XML_ENTITY_REF_NODE:
			s = xml_text(c);
			feed_xml_escape(out, s, 0);
			free(s);
			break;
		case XML_ELEMENT_NODE:
			buf_printf(out, "<%s", (const char *)c->name);
			for (a = c->properties; a != NULL; a = a->next) {
				if (a->ns != NULL)
					continue;
				s = xml_attr(c, (const char *)a->name);
				buf_printf(out, " %s=\"", (const char *)a->name);
				feed_xml_escape(out, s != NULL ? s : "", 1);
				buf_addc(out, '"');
				free(s);
			}
			buf_addc(out, '>');
			if (feed_xml_void((const char *)c->name))
				break;
			feed_xml_html_to(c, out);
			buf_printf(out, "</%s>", (const char *)c->name);
			break;
		default:
			break;
		}
	}
}

/* Decodes base64 (white space skipped) into out; a malformed tail is
 * dropped. */
static void
feed_base64(const char *s, struct buf *out)
{
	unsigned int	acc = 0;
	int		bits = 0, v;

	for (; *s != '\0' && *s != '='; s++) {
		if (*s >= 'A' && *s <= 'Z')
			v = *s - 'A';
		else if (*s >= 'a' && *s <= 'z')
			v = *s - 'a' + 26;
		else if (*s >= '0' && *s <= '9')
			v = *s - '0' + 52;
		else if (*s == '+' || *s == '-')
			v = 62;
		else if (*s == '/' || *s == '_')
			v = 63;
		else
			continue;
		acc = (acc << 6) | (unsigned int)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf_addc(out, (char)((acc >> bits) & 0xff));
		}
	}
}

/* The only element child of n when it is XHTML's <div>: Atom's wrapper. */
static xmlNodePtr
feed_xml_div(struct feed_xml *x, xmlNodePtr n)
{
	xmlNodePtr	c, div = NULL;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (div != NULL)
				return NULL;
			div = c;
		} else if (c->type == XML_TEXT_NODE && c->content != NULL &&
		    strspn((const char *)c->content, " \t\r\n") !=
		    strlen((const char *)c->content))
			return NULL;
	}
	if (div == NULL || !feed_xml_is(div, "div") ||
	    feed_xml_ns(x, div) != NS_XHTML)
		return NULL;
	return div;
}

/* The type an Atom type attribute names. Sets *inline_xml for an XML
 * media type other than XHTML's and *binary for one that is not text. */
static enum feed_type
feed_xml_atom_type(const char *t, int *inline_xml, int *binary)
{
	size_t	n;

	*inline_xml = *binary = 0;
	if (t == NULL || *t == '\0' || strcmp(t, "text") == 0 ||
	    strcmp(t, "text/plain") == 0)
		return FEED_TEXT;
	if (strcmp(t, "html") == 0 || strcmp(t, "text/html") == 0)
		return FEED_HTML;
	if (strcmp(t, "xhtml") == 0 || strcmp(t, "application/xhtml+xml") == 0)
		return FEED_XHTML;
	n = strlen(t);
	if ((n > 4 && strcmp(t + n - 4, "+xml") == 0) ||
	    (n > 4 && strcmp(t + n - 4, "/xml") == 0)) {
		*inline_xml = 1;
		return FEED_XHTML;
	}
	if (strncmp(t, "text/", 5) != 0)
		*binary = 1;
	return FEED_TEXT;
}

/*
 * Reads the text construct n into out and *type: Atom's by its type (and
 * Atom 0.3's mode: xml, escaped or base64), RSS's as def says (text for
 * titles, HTML for descriptions) unless a title plainly holds HTML or
 * the element holds naked markup.
 */
static void
feed_xml_construct(struct feed_xml *x, xmlNodePtr n, enum feed_type def,
    struct buf *out, enum feed_type *type)
{
	xmlNodePtr	 div;
	char		*t, *mode, *text;
	int		 inline_xml, binary;

	if (!feed_xml_atomish(x, n)) {
		*type = def;
		if (feed_xml_has_elements(n)) {
			*type = FEED_XHTML;
			feed_xml_html_to(n, out);
			return;
		}
		xml_text_add(n, out);
		if (def == FEED_TEXT && feed_looks_html(out->data, out->len))
			*type = FEED_HTML;
		return;
	}
	t = xml_attr(n, "type");
	mode = xml_attr(n, "mode");
	*type = feed_xml_atom_type(t, &inline_xml, &binary);
	if ((mode != NULL && strcmp(mode, "base64") == 0) ||
	    (mode == NULL && binary && !feed_xml_has_elements(n))) {
		text = xml_text(n);
		feed_base64(text, out);
		free(text);
		/* Another media type is kept only when it decodes to text. */
		if (binary && !utf8_valid(buf_str(out), out->len))
			buf_reset(out);
	} else if (mode != NULL && strcmp(mode, "escaped") == 0)
		xml_text_add(n, out);
	else if (*type == FEED_XHTML || inline_xml ||
	    feed_xml_has_elements(n)) {
		if (*type == FEED_TEXT)
			*type = FEED_XHTML;
		feed_xml_html_to((div = feed_xml_div(x, n)) != NULL ? div : n,
		    out);
	} else
		xml_text_add(n, out);
	free(t);
	free(mode);
}

/* A title or rights: text. */
static void
feed_xml_title(struct feed_xml *x, xmlNodePtr n, const char *base,
    struct feed_text *t)
{
	struct buf	out = BUF_INIT;
	enum feed_type	type;

	feed_xml_construct(x, n, FEED_TEXT, &out, &type);
	feed_set_text(t, buf_str(&out), out.len, type, base);
	buf_free(&out);
}

/* A description, summary or content: HTML. */
static void
feed_xml_prose(struct feed_xml *x, xmlNodePtr n, enum feed_type def,
    const char *base, struct feed_text *t)
{
	struct buf	out = BUF_INIT;
	enum feed_type	type;

	feed_xml_construct(x, n, def, &out, &type);
	feed_set_html(t, buf_str(&out), out.len, type, base);
	buf_free(&out);
}

/* The base in effect inside n: its xml:base resolved against parent, or
 * NULL to keep parent (also when xml:base is unsafe or does not resolve).
 * The caller frees it. */
static char *
feed_xml_base(xmlNodePtr n, const char *parent)
{
	char	*b, *r;

	if ((b = xml_attr_ns(n, "base",
	    (const char *)XML_XML_NAMESPACE)) == NULL)
		return NULL;
	r = url_resolve(b, parent);
	free(b);
	return r;
}

/* The text of n's first child element called name in RSS's, Atom's or
 * no namespace, allocated, or NULL. */
static char *
feed_xml_child_text(struct feed_xml *x, xmlNodePtr n, const char *name)
{
	xmlNodePtr	c;

	for (c = n->children; c != NULL; c = c->next)
		if (feed_xml_is(c, name) && feed_xml_core(x, c))
			return xml_text(c);
	return NULL;
}

/*
 * Splits an RSS author ("me@example.com (Me)", "Me <me@example.com>",
 * "Me") into a name and an e-mail address; each NULL when missing. The
 * caller frees both.
 */
static void
feed_xml_split_author(const char *s, char **name, char **email)
{
	struct buf	 rest = BUF_INIT;
	size_t		 at, b, e, len = strlen(s);
	const char	*p;

	*name = *email = NULL;
	if ((p = strchr(s, '@')) != NULL) {
		at = (size_t)(p - s);
		for (b = at; b > 0 && (ascii_isalpha((unsigned char)s[b - 1]) ||
		    (s[b - 1] >= '0' && s[b - 1] <= '9') ||
		    strchr("._%+-", s[b - 1]) != NULL); b--)
			;
		for (e = at + 1; e < len && (ascii_isalpha((unsigned char)
		    s[e]) || (s[e] >= '0' && s[e] <= '9') ||
		    strchr(".-", s[e]) != NULL); e++)
			;
		while (e > at + 1 && s[e - 1] == '.')
			e--;
		if (b < at && e > at + 1) {
			*email = xstrndup(s + b, e - b);
			if (b >= 7 && strncasecmp(s + b - 7, "mailto:", 7) == 0)
				b -= 7;
			buf_add(&rest, s, b);
			buf_adds(&rest, s + e);
		}
	}
	if (*email == NULL)
		buf_adds(&rest, s);
	/* What is left, without the brackets that held the address. */
	for (b = 0; b < rest.len; b++)
		if (strchr("()<>[]", rest.data[b]) != NULL)
			rest.data[b] = ' ';
	if (rest.len > 0 && text_trim(rest.data, rest.len, TEXT_HTML, &b) > 0)
		*name = buf_detach(&rest, NULL);
	buf_free(&rest);
}

/* An author: Atom's person (name, email, uri) or RSS's line of text. */
static void
feed_xml_person(struct feed_xml *x, xmlNodePtr n, const char *base, struct feed_person **v,
    size_t *nv, size_t *cap)
{
	char	*name, *email, *uri, *text;

	if (feed_xml_has_elements(n)) {
		name = feed_xml_child_text(x, n, "name");
		email = feed_xml_child_text(x, n, "email");
		if ((uri = feed_xml_child_text(x, n, "uri")) == NULL &&
		    (uri = feed_xml_child_text(x, n, "url")) == NULL)
			uri = feed_xml_child_text(x, n, "homepage");
		feed_add_person(v, nv, cap, name, email, uri, base);
	} else {
		text = xml_text(n);
		feed_xml_split_author(text, &name, &email);
		uri = NULL;
		feed_add_person(v, nv, cap, name, email, NULL, base);
		free(text);
	}
	free(name);
	free(email);
	free(uri);
}

/* A category: Atom's term, or the text (RSS, dc:subject). */
static void
feed_xml_category(xmlNodePtr n, char ***v, size_t *nv, size_t *cap)
{
	char	*s;

	if ((s = xml_attr(n, "term")) == NULL)
		s = xml_text(n);
	feed_add_category(v, nv, cap, s, strlen(s));
	free(s);
}

/* A date element: the last one that holds a date wins, as a feed that
 * gives both Atom 0.3's issued and 1.0's published means the newer. */
static void
feed_xml_date(xmlNodePtr n, int64_t *when)
{
	char	*s;
	int64_t	 t;

	s = xml_text(n);
	if ((t = feed_date(s)) != FEED_NO_DATE)
		*when = t;
	free(s);
}

/* A language: the text (RSS, dc:language) or an xml:lang attribute. */
static void
feed_xml_set_string(xmlNodePtr n, char **dst)
{
	char	*s;

	if (*dst != NULL)
		return;
	s = xml_text(n);
	feed_set(dst, s, strlen(s), 0);
	free(s);
}

/*
 * A link: Atom's (href, rel, type, title, length), or RSS's URL as text.
 * Adds it to the links and sets *link for the first alternate one; an
 * enclosure link also makes an enclosure when it is an item's.
 */
static void
feed_xml_link(xmlNodePtr n, const char *base, struct feed_link **v,
    size_t *nv, size_t *cap, char **link, struct feed_item *it)
{
	struct feed_link	*l;
	char			*href, *rel, *type, *title, *length, *text;

	if ((href = xml_attr(n, "href")) == NULL) {
		text = xml_text(n);
		if (*link == NULL)
			feed_set_url(link, text, base);
		feed_add_link(v, nv, cap, text, "alternate", "text/html",
		    NULL, base);
		free(text);
		return;
	}
	/* An empty reference is the base itself (rel="self" href=""). */
	if (*href == '\0' && base != NULL) {
		free(href);
		href = xstrdup(base);
	}
	rel = xml_attr(n, "rel");
	type = xml_attr(n, "type");
	title = xml_attr(n, "title");
	length = xml_attr(n, "length");
	if (rel == NULL || *rel == '\0') {
		free(rel);
		rel = xstrdup("alternate");
	}
	/* Atom gives no default type; these are the ones links have. */
	if (type == NULL && strcmp(rel, "self") == 0)
		type = xstrdup("application/atom+xml");
	else if (type == NULL && strcmp(rel, "alternate") == 0)
		type = xstrdup("text/html");
	if ((l = feed_add_link(v, nv, cap, href, rel, type, title,
	    base)) != NULL) {
		l->length = feed_length(length);
		if (strcmp(rel, "alternate") == 0 && *link == NULL)
			*link = xstrdup(l->href);
		if (strcmp(rel, "enclosure") == 0 && it != NULL)
			feed_add_enclosure(it, href, type, base, l->length);
	}
	free(href);
	free(rel);
	free(type);
	free(title);
	free(length);
}

/* Media RSS: media:thumbnail, media:content (an enclosure, and a
 * thumbnail when it is an image), media:group holding them. */
static void
feed_xml_media(struct feed_xml *x, xmlNodePtr n, const char *base, struct feed_item *it)
{
	xmlNodePtr	 c;
	char		*url, *type, *medium, *size;

	if (feed_xml_is(n, "group")) {
		for (c = n->children; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE &&
			    feed_xml_ns(x, c) == NS_MEDIA)
				feed_xml_media(x, c, base, it);
		return;
	}
	if ((url = xml_attr(n, "url")) == NULL)
		return;
	if (feed_xml_is(n, "thumbnail")) {
		if (it->thumbnail == NULL)
			feed_set_url(&it->thumbnail, url, base);
	} else if (feed_xml_is(n, "content")) {
		type = xml_attr(n, "type");
		medium = xml_attr(n, "medium");
		size = xml_attr(n, "fileSize");
		feed_add_enclosure(it, url, type, base, feed_length(size));
		if (((medium != NULL && strcmp(medium, "image") == 0) ||
		    (type != NULL && strncmp(type, "image/", 6) == 0)) &&
		    it->thumbnail == NULL)
			feed_set_url(&it->thumbnail, url, base);
		free(type);
		free(medium);
		free(size);
	}
	free(url);
}

/* An Atom id: an IRI, which a feed sometimes writes relative to its
 * base; an absolute one is kept exactly as written (ids are compared,
 * not fetched). */
static void
feed_xml_id(xmlNodePtr n, const char *base, char **id)
{
	char	*s;

	s = xml_text(n);
	if (url_scheme_len(s) > 0 || base == NULL ||
	    feed_set_url(id, s, base) != 0)
		feed_set(id, s, strlen(s), 0);
	free(s);
}

/* A guid: the id, and the link when it is a permalink and no <link>
 * gives one. */
static void
feed_xml_guid(xmlNodePtr n, const char *base, struct feed_item *it,
    char **permalink)
{
	char	*s, *perma;

	s = xml_text(n);
	if (it->id == NULL)
		feed_set(&it->id, s, strlen(s), 0);
	perma = xml_attr(n, "isPermaLink");
	if ((perma == NULL || strcmp(perma, "false") != 0) &&
	    *permalink == NULL && url_is_web(s))
		feed_set_url(permalink, s, base);
	free(perma);
	free(s);
}

/* One element of an item (entry): everything reel models of it. */
static void
feed_xml_item_child(struct feed_xml *x, xmlNodePtr n, const char *base,
    struct feed_item *it, char **permalink)
{
	enum feed_ns	 ns = feed_xml_ns(x, n);
	char		*s, *url, *type, *length, *save;

	if (feed_xml_core(x, n)) {
		if (feed_xml_is(n, "title"))
			feed_xml_title(x, n, base, &it->title);
		else if (feed_xml_is(n, "link"))
			feed_xml_link(n, base, &it->links, &it->nlinks,
			    &it->links_cap, &it->link, it);
		else if ((feed_xml_is(n, "description") &&
		    !feed_xml_atomish(x, n)) || feed_xml_is(n, "summary")) {
			/* An RSS item with both a description and a summary
			 * has a summary and its content. */
			if (it->summary.value == NULL)
				feed_xml_prose(x, n, FEED_HTML, base,
				    &it->summary);
			else if (it->content.value == NULL)
				feed_xml_prose(x, n, FEED_HTML, base,
				    &it->content);
		} else if (feed_xml_is(n, "content") ||
		    feed_xml_is(n, "fullitem") || feed_xml_is(n, "body")) {
			if (it->content.value == NULL)
				feed_xml_prose(x, n, feed_xml_is(n, "body") ?
				    FEED_XHTML : FEED_HTML, base,
				    &it->content);
		} else if (feed_xml_is(n, "guid"))
			feed_xml_guid(n, base, it, permalink);
		else if (feed_xml_is(n, "id"))
			feed_xml_id(n, base, &it->id);
		else if (feed_xml_is(n, "author"))
			feed_xml_person(x, n, base, &it->authors, &it->nauthors,
			    &it->authors_cap);
		else if (feed_xml_is(n, "category"))
			feed_xml_category(n, &it->categories,
			    &it->ncategories, &it->categories_cap);
		else if (feed_xml_is(n, "tags")) {
			/* A comma-separated list some feeds invent. */
			s = xml_text(n);
			for (url = strtok_r(s, ",", &save); url != NULL;
			    url = strtok_r(NULL, ",", &save))
				feed_add_category(&it->categories,
				    &it->ncategories, &it->categories_cap,
				    url, strlen(url));
			free(s);
		} else if (feed_xml_is(n, "enclosure")) {
			url = xml_attr(n, "url");
			type = xml_attr(n, "type");
			length = xml_attr(n, "length");
			if (url != NULL) {
				feed_add_enclosure(it, url, type, base,
				    feed_length(length));
				if (feed_add_link(&it->links, &it->nlinks,
				    &it->links_cap, url, "enclosure", type,
				    NULL, base) != NULL)
					it->links[it->nlinks - 1].length =
					    feed_length(length);
			}
			free(url);
			free(type);
			free(length);
		} else if (feed_xml_is(n, "pubDate") ||
		    feed_xml_is(n, "published") || feed_xml_is(n, "issued"))
			feed_xml_date(n, &it->published);
		else if (feed_xml_is(n, "updated") ||
		    feed_xml_is(n, "modified"))
			feed_xml_date(n, &it->updated);
		else if (feed_xml_is(n, "created"))
			feed_xml_date(n, &it->created);
		else if (feed_xml_is(n, "rights") ||
		    feed_xml_is(n, "copyright"))
			feed_xml_title(x, n, base, &it->rights);
		return;
	}
	switch (ns) {
	case NS_DC:
		if (feed_xml_is(n, "creator") || feed_xml_is(n, "author"))
			feed_xml_person(x, n, base, &it->authors, &it->nauthors,
			    &it->authors_cap);
		else if (feed_xml_is(n, "date"))
			feed_xml_date(n, &it->updated);
		else if (feed_xml_is(n, "subject"))
			feed_xml_category(n, &it->categories,
			    &it->ncategories, &it->categories_cap);
		else if (feed_xml_is(n, "title") && it->title.value == NULL)
			feed_xml_title(x, n, base, &it->title);
		else if (feed_xml_is(n, "description") &&
		    it->summary.value == NULL)
			feed_xml_prose(x, n, FEED_HTML, base, &it->summary);
		else if (feed_xml_is(n, "rights") && it->rights.value == NULL)
			feed_xml_title(x, n, base, &it->rights);
		break;
	case NS_DCTERMS:
		if (feed_xml_is(n, "modified"))
			feed_xml_date(n, &it->updated);
		else if (feed_xml_is(n, "issued"))
			feed_xml_date(n, &it->published);
		else if (feed_xml_is(n, "created"))
			feed_xml_date(n, &it->created);
		break;
	case NS_CONTENT:
		if (feed_xml_is(n, "encoded") && it->content.value == NULL)
			feed_xml_prose(x, n, FEED_HTML, base, &it->content);
		break;
	case NS_XHTML:
		if (feed_xml_is(n, "body") && it->content.value == NULL)
			feed_xml_prose(x, n, FEED_XHTML, base, &it->content);
		break;
	case NS_MEDIA:
		feed_xml_media(x, n, base, it);
		break;
	case NS_ITUNES:
		if (feed_xml_is(n, "author") && it->nauthors == 0)
			feed_xml_person(x, n, base, &it->authors, &it->nauthors,
			    &it->authors_cap);
		else if (feed_xml_is(n, "summary") &&
		    it->summary.value == NULL)
			feed_xml_prose(x, n, FEED_TEXT, base, &it->summary);
		else if (feed_xml_is(n, "image") && it->thumbnail == NULL) {
			s = xml_attr(n, "href");
			feed_set_url(&it->thumbnail, s, base);
			free(s);
		}
		break;
	default:
		break;
	}
}

/* An item (entry). */
static void
feed_xml_item(struct feed_xml *x, xmlNodePtr n, const char *base)
{
	struct feed_item	*it = feed_add_item(x->f);
	xmlNodePtr		 c;
	char			*own, *cown, *about, *permalink = NULL;
	const char		*b, *cb;

	own = feed_xml_base(n, base);
	b = own != NULL ? own : base;
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		cown = feed_xml_base(c, b);
		cb = cown != NULL ? cown : b;
		feed_xml_item_child(x, c, cb, it, &permalink);
		free(cown);
	}
	if (it->link == NULL && permalink != NULL) {
		it->link = permalink;
		permalink = NULL;
	}
	/* RSS 1.0 names its items by rdf:about. */
	if (it->id == NULL && (about = xml_attr_ns(n, "about",
	    "http://www.w3.org/1999/02/22-rdf-syntax-ns#")) != NULL) {
		feed_set(&it->id, about, strlen(about), 0);
		free(about);
	}
	free(permalink);
	free(own);
}

/* An RSS <image>: its URL is the feed's image; its link is not the
 * feed's link. */
static void
feed_xml_image(struct feed_xml *x, xmlNodePtr n, const char *base, struct feed *f)
{
	char	*url;

	if (f->image != NULL)
		return;
	if ((url = feed_xml_child_text(x, n, "url")) == NULL)
		url = xml_attr_ns(n, "resource",
		    "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
	feed_set_url(&f->image, url, base);
	free(url);
}

/* One element of the channel (feed): everything reel models of it. */
static void
feed_xml_feed_child(struct feed_xml *x, xmlNodePtr n, const char *base)
{
	struct feed	*f = x->f;
	enum feed_ns	 ns = feed_xml_ns(x, n);
	char		*s;

	if (feed_xml_core(x, n)) {
		if (feed_xml_is(n, "title"))
			feed_xml_title(x, n, base, &f->title);
		else if (feed_xml_is(n, "link"))
			feed_xml_link(n, base, &f->links, &f->nlinks,
			    &f->links_cap, &f->link, NULL);
		else if (feed_xml_is(n, "description") ||
		    feed_xml_is(n, "subtitle") || feed_xml_is(n, "tagline")) {
			if (f->description.value == NULL)
				feed_xml_prose(x, n, FEED_HTML, base,
				    &f->description);
		} else if (feed_xml_is(n, "rights") ||
		    feed_xml_is(n, "copyright"))
			feed_xml_title(x, n, base, &f->rights);
		else if (feed_xml_is(n, "language"))
			feed_xml_set_string(n, &f->language);
		else if (feed_xml_is(n, "id"))
			feed_xml_id(n, base, &f->id);
		else if (feed_xml_is(n, "updated") ||
		    feed_xml_is(n, "modified") ||
		    feed_xml_is(n, "lastBuildDate"))
			feed_xml_date(n, &f->updated);
		else if (feed_xml_is(n, "published") ||
		    feed_xml_is(n, "issued") || feed_xml_is(n, "pubDate"))
			feed_xml_date(n, &f->published);
		else if (feed_xml_is(n, "created"))
			feed_xml_date(n, &f->created);
		else if (feed_xml_is(n, "image"))
			feed_xml_image(x, n, base, f);
		else if (feed_xml_is(n, "logo") || feed_xml_is(n, "icon")) {
			/* A logo wins over an icon. */
			if (f->image == NULL || feed_xml_is(n, "logo")) {
				s = xml_text(n);
				feed_set_url(&f->image, s, base);
				free(s);
			}
		} else if (feed_xml_is(n, "author") ||
		    feed_xml_is(n, "managingEditor"))
			feed_xml_person(x, n, base, &f->authors, &f->nauthors,
			    &f->authors_cap);
		else if (feed_xml_is(n, "category"))
			feed_xml_category(n, &f->categories,
			    &f->ncategories, &f->categories_cap);
		return;
	}
	switch (ns) {
	case NS_DC:
		if (feed_xml_is(n, "creator") || feed_xml_is(n, "author"))
			feed_xml_person(x, n, base, &f->authors, &f->nauthors,
			    &f->authors_cap);
		else if (feed_xml_is(n, "date"))
			feed_xml_date(n, &f->updated);
		else if (feed_xml_is(n, "language"))
			feed_xml_set_string(n, &f->language);
		else if (feed_xml_is(n, "subject"))
			feed_xml_category(n, &f->categories,
			    &f->ncategories, &f->categories_cap);
		else if (feed_xml_is(n, "title") && f->title.value == NULL)
			feed_xml_title(x, n, base, &f->title);
		else if (feed_xml_is(n, "description") &&
		    f->description.value == NULL)
			feed_xml_prose(x, n, FEED_HTML, base, &f->description);
		else if (feed_xml_is(n, "rights") && f->rights.value == NULL)
			feed_xml_title(x, n, base, &f->rights);
		break;
	case NS_DCTERMS:
		if (feed_xml_is(n, "modified"))
			feed_xml_date(n, &f->updated);
		else if (feed_xml_is(n, "issued"))
			feed_xml_date(n, &f->published);
		else if (feed_xml_is(n, "created"))
			feed_xml_date(n, &f->created);
		break;
	case NS_ITUNES:
		if (feed_xml_is(n, "author") && f->nauthors == 0)
			feed_xml_person(x, n, base, &f->authors, &f->nauthors,
			    &f->authors_cap);
		else if (feed_xml_is(n, "image") && f->image == NULL) {
			s = xml_attr(n, "href");
			feed_set_url(&f->image, s, base);
			free(s);
		}
		break;
	default:
		break;
	}
}

/* The children of a channel, feed or rdf:RDF: the feed's elements, and
 * its items wherever RSS 0.9x, 1.0 and 2.0 put them. */
static void
feed_xml_channel(struct feed_xml *x, xmlNodePtr n, const char *base)
{
	xmlNodePtr	 c, next;
	char		*own;
	const char	*b;

	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if ((feed_xml_is(c, "item") || feed_xml_is(c, "entry")) &&
		    feed_xml_core(x, c)) {
			feed_xml_item(x, c, base);
			/* Nothing reads an item twice: its tree goes once it
			 * is in the model, so that the two are never both
			 * whole (issue 14). */
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			continue;
		}
		own = feed_xml_base(c, base);
		b = own != NULL ? own : base;
		if (feed_xml_is(c, "channel") && feed_xml_core(x, c))
			feed_xml_channel(x, c, b);
		else
			feed_xml_feed_child(x, c, b);
		free(own);
	}
}

/* What kind of feed the root element makes, or NULL if it is none. */
static const char *
feed_xml_version(struct feed_xml *x, xmlDocPtr doc, xmlNodePtr root)
{
	enum feed_ns	 ns = feed_xml_ns(x, root);
	xmlNsPtr	 d;
	const char	*v = NULL;
	char		*attr;

	/* A feed in a namespace reel does not know (an RSS 2.1 or Atom
	 * draft's) is read as if it had none. */
	if (ns == NS_OTHER && (feed_xml_is(root, "rss") ||
	    feed_xml_is(root, "feed"))) {
		x->own_ns = root->ns->href;
		ns = NS_NONE;
	}
	if (feed_xml_is(root, "rss") && (ns == NS_NONE || ns == NS_RSS)) {
		attr = xml_attr(root, "version");
		if (attr == NULL)
			v = "rss";
		else if (strcmp(attr, "0.91") == 0)
			v = doc->intSubset != NULL &&
			    doc->intSubset->ExternalID != NULL &&
			    strstr((const char *)doc->intSubset->ExternalID,
			    "Netscape") != NULL ? "rss091n" : "rss091u";
		else if (strcmp(attr, "0.92") == 0)
			v = "rss092";
		else if (strcmp(attr, "0.93") == 0)
			v = "rss093";
		else if (strcmp(attr, "0.94") == 0)
			v = "rss094";
		else if (strncmp(attr, "2.", 2) == 0)
			v = "rss20";
		else
			v = "rss";
		free(attr);
		return v;
	}
	if (feed_xml_is(root, "RDF") && ns == NS_RDF) {
		for (d = root->nsDef; d != NULL; d = d->next)
			if (d->href != NULL && strcmp((const char *)d->href,
			    "http://my.netscape.com/rdf/simple/0.9/") == 0)
				return "rss090";
		return "rss10";
	}
	if (feed_xml_is(root, "feed") && (ns == NS_ATOM || ns == NS_ATOM03 ||
	    ns == NS_NONE)) {
		x->atom = 1;
		if (ns == NS_ATOM)
			return "atom10";
		if (ns == NS_ATOM03)
			return "atom03";
		return "atom";
	}
	if (feed_xml_is(root, "channel") && (ns == NS_NONE || ns == NS_RSS))
		return "rss";
	return NULL;
}

/* The feed for the document's root, made once. */
static struct feed *
feed_xml_feed(struct feed_xml *x, xmlDocPtr doc, xmlNodePtr root)
{
	if (x->f == NULL)
		x->f = feed_new(feed_xml_version(x, doc, root));
	return x->f;
}

/* Is n an item that feed_xml_channel() would read: an item or entry
 * under the root, or under channels under it? */
static int
feed_xml_want(void *arg, xmlNodePtr n)
{
	struct feed_xml	*x = arg;
	xmlNodePtr	 root, p;

	if ((!feed_xml_is(n, "item") && !feed_xml_is(n, "entry")) ||
	    (root = xmlDocGetRootElement(n->doc)) == NULL || n == root ||
	    feed_xml_feed(x, n->doc, root)->version == NULL ||
	    !feed_xml_core(x, n))
		return 0;
	for (p = n->parent; p != root; p = p->parent) {
		if (p == NULL || !feed_xml_is(p, "channel") ||
		    !feed_xml_core(x, p))
			return 0;
	}
	return 1;
}

/* Reads an item as soon as it is parsed, with the base the walk of the
 * channels would give it, then frees it (and the white space before it,
 * which libxml2 would otherwise lengthen with each item's): the tree of
 * a feed of 100,000 items is never whole (issue 14). */
static void
feed_xml_take(void *arg, xmlNodePtr n)
{
	struct feed_xml	*x = arg;
	xmlNodePtr	 p, prev;
	size_t		 depth = 0, i;
	char		*own, *base;

	for (p = n->parent; p != NULL && p->type == XML_ELEMENT_NODE;
	    p = p->parent) {
		x->chain = xgrowarray(x->chain, &x->chain_cap, depth + 1,
		    sizeof *x->chain);
		x->chain[depth++] = p;
	}
	base = x->url != NULL ? xstrdup(x->url) : NULL;
	for (i = depth; i > 0; i--) {
		if ((own = feed_xml_base(x->chain[i - 1], base)) != NULL) {
			free(base);
			base = own;
		}
	}
	feed_xml_item(x, n, base);
	free(base);
	prev = n->prev;
	xmlUnlinkNode(n);
	xmlFreeNode(n);
	if (prev != NULL && prev->type == XML_TEXT_NODE) {
		xmlUnlinkNode(prev);
		xmlFreeNode(prev);
	}
}

/* Is the media type one an XML feed may be served as? */
static int
feed_xml_type(const char *type)
{
	size_t	n = strlen(type);

	return (n >= 4 && (strcmp(type + n - 4, "/xml") == 0 ||
	    strcmp(type + n - 4, "+xml") == 0)) ||
	    strstr(type, "/xml-") != NULL || strstr(type, "rss") != NULL ||
	    strstr(type, "atom") != NULL || strstr(type, "rdf") != NULL;
}

int
feed_xml_parse(const char *data, size_t len, const char *type,
    const char *charset, const char *url, struct feed **fp, char **cause)
{
	struct feed_xml	 x;
	struct xml_each	 each = { feed_xml_want, feed_xml_take, &x };
	struct xml	*xml;
	xmlNodePtr	 root;
	const char	*name = url != NULL ? url_name(url) : _("the feed");
	char		*own, *msg;
	int		 rc;

	*fp = NULL;
	memset(&x, 0, sizeof x);
	x.url = url;
	rc = xml_read_each(data, len, charset, name, &each, &xml, cause);
	free(x.chain);
	if (rc != 0) {
		feed_free(x.f);
		return -1;
	}
	root = xmlDocGetRootElement(xml->doc);
	feed_xml_feed(&x, xml->doc, root);
	if (x.f->version == NULL) {
		msg = xprintf(_("%s: not a feed: the document is <%s>, not "
		    "RSS or Atom"), name, (const char *)root->name);
		*cause = sanitize(msg, strlen(msg), 0);
		free(msg);
		feed_free(x.f);
		xml_free(xml);
		return -1;
	}
	x.f->encoding = xml->encoding;
	xml->encoding = NULL;
	if (xml->bozo)
		feed_bozo(x.f, "%s", xml->bozo_message);
	if (type != NULL && !feed_xml_type(type))
		feed_bozo(x.f, _("served as %s, not as XML"), type);
	own = feed_xml_base(root, url);
	feed_xml_channel(&x, root, own != NULL ? own : url);
	free(own);
	if (x.f->language == NULL && (own = xml_attr_ns(root, "lang",
	    (const char *)XML_XML_NAMESPACE)) != NULL) {
		feed_set(&x.f->language, own, strlen(own), 0);
		free(own);
	}
	xml_free(xml);
	*fp = x.f;
	return 0;
}
