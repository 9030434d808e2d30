/* feed.c: the feed model, and RSS (0.90 to 2.0, 1.0) and Atom (0.3, 1.0)
 * read into it from the tree xml.c builds. */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "buf.h"
#include "date.h"
#include "entity.h"
#include "feed.h"
#include "feed_int.h"
#include "fetch.h"
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
	struct feed	*f;
	int		 atom;		/* the root is Atom's <feed> */
	const xmlChar	*own_ns;	/* the root's namespace when reel does
					   not know it: read as none */
};

/* The model. */

struct feed *
feed_new(const char *version)
{
	struct feed	*f = xcalloc(1, sizeof *f);

	f->version = version;
	f->updated = f->published = f->created = FEED_NO_DATE;
	return f;
}

/* Gives back the room an item's arrays do not use: xgrowarray() starts
 * at 16, and a feed of 100,000 items has one link each. */
static void
feed_trim_item(struct feed_item *it)
{
#define TRIM(v, n, cap) do {						\
	if ((n) > 0 && (n) < (cap)) {					\
		(v) = xreallocarray((v), (n), sizeof *(v));		\
		(cap) = (n);						\
	}								\
} while (0)
	TRIM(it->links, it->nlinks, it->links_cap);
	TRIM(it->authors, it->nauthors, it->authors_cap);
	TRIM(it->categories, it->ncategories, it->categories_cap);
	TRIM(it->enclosures, it->nenclosures, it->enclosures_cap);
#undef TRIM
}

struct feed_item *
feed_add_item(struct feed *f)
{
	struct feed_item	*it;

	if (f->nitems > 0)
		feed_trim_item(&f->items[f->nitems - 1]);
	f->items = xgrowarray(f->items, &f->items_cap, f->nitems + 1,
	    sizeof *f->items);
	it = &f->items[f->nitems++];
	memset(it, 0, sizeof *it);
	it->published = it->updated = it->created = FEED_NO_DATE;
	return it;
}

void
feed_bozo(struct feed *f, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	f->bozo = 1;
	if (f->bozo_message != NULL)
		return;
	va_start(ap, fmt);
	msg = xvprintf(fmt, ap);
	va_end(ap);
	f->bozo_message = sanitize(msg, strlen(msg), 0);
	free(msg);
}

/* windows-1252's characters at 0x80-0x9f, for the C1 controls a feed
 * holds when it was written in windows-1252 and declared Latin-1 or
 * converted as if it were ("don\xc2\x92t"); 0 where it has none. */
static const unsigned short feed_cp1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

void
feed_set(char **dst, const char *s, size_t len, int flags)
{
	struct buf	 fixed = BUF_INIT;
	size_t		 start, n, i, j;
	unsigned int	 cp;
	char		 enc[4];

	free(*dst);
	*dst = NULL;
	if (s == NULL || (n = text_trim(s, len, TEXT_HTML, &start)) == 0)
		return;
	s += start;
	/* No text means a C1 control: it is windows-1252 read wrongly. */
	for (i = 0; i + 1 < n; i++)
		if ((unsigned char)s[i] == 0xc2 &&
		    (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9f)
			break;
	if (i + 1 >= n) {
		*dst = sanitize(s, n, flags);
		return;
	}
	buf_add(&fixed, s, i);
	for (j = i; j < n; j++) {
		if (j + 1 < n && (unsigned char)s[j] == 0xc2 &&
		    (unsigned char)s[j + 1] >= 0x80 &&
		    (unsigned char)s[j + 1] <= 0x9f &&
		    (cp = feed_cp1252[(unsigned char)s[j + 1] - 0x80]) != 0) {
			buf_add(&fixed, enc, utf8_encode(cp, enc));
			j++;
		} else
			buf_addc(&fixed, s[j]);
	}
	*dst = sanitize(fixed.data, fixed.len, flags);
	buf_free(&fixed);
}

int
feed_set_url(char **dst, const char *href, const char *base)
{
	size_t	 start;
	char	*u;

	if (href == NULL || text_trim(href, strlen(href), TEXT_HTML,
	    &start) == 0)
		return -1;
	if ((u = url_resolve(href, base)) == NULL)
		return -1;
	feed_set(dst, u, strlen(u), 0);
	free(u);
	return *dst != NULL ? 0 : -1;
}

static void
feed_text_clear(struct feed_text *t)
{
	free(t->value);
	free(t->base);
	t->value = t->base = NULL;
	t->type = FEED_TEXT;
}

static void
feed_text_base(struct feed_text *t, enum feed_type type, const char *base)
{
	t->type = type;
	t->base = base != NULL ? sanitize(base, strlen(base), 0) : NULL;
}

void
feed_set_text(struct feed_text *t, const char *s, size_t len,
    enum feed_type type, const char *base)
{
	char	*text;

	feed_text_clear(t);
	if (type == FEED_TEXT)
		feed_set(&t->value, s, len, 0);
	else {
		text = feed_html_text(s, len);
		feed_set(&t->value, text, strlen(text), 0);
		free(text);
	}
	feed_text_base(t, type, base);
}

void
feed_set_html(struct feed_text *t, const char *s, size_t len,
    enum feed_type type, const char *base)
{
	struct buf	 html = BUF_INIT;
	size_t		 start, n, i;

	feed_text_clear(t);
	if (type != FEED_TEXT)
		feed_set(&t->value, s, len, SANITIZE_PRE);
	else if ((n = text_trim(s, len, TEXT_HTML, &start)) > 0) {
		/* Text escaped into HTML; its line breaks stay breaks. */
		for (i = start; i < start + n; i++) {
			switch (s[i]) {
			case '&':
				buf_adds(&html, "&amp;");
				break;
			case '<':
				buf_adds(&html, "&lt;");
				break;
			case '>':
				buf_adds(&html, "&gt;");
				break;
			case '\n':
				buf_adds(&html, "<br>\n");
				break;
			default:
				buf_addc(&html, s[i]);
				break;
			}
		}
		feed_set(&t->value, html.data, html.len, SANITIZE_PRE);
		buf_free(&html);
	}
	feed_text_base(t, type, base);
}

int64_t
feed_date(const char *s)
{
	struct date	d;

	if (s == NULL || date_parse(s, &d) != 0)
		return FEED_NO_DATE;
	return date_utc(&d);
}

int64_t
feed_length(const char *s)
{
	int64_t	v = 0;

	if (s == NULL)
		return FEED_NO_LENGTH;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (*s < '0' || *s > '9')
		return FEED_NO_LENGTH;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (v > (INT64_MAX - 9) / 10)
			return FEED_NO_LENGTH;
		v = v * 10 + (*s - '0');
	}
	return v;
}

void
feed_add_person(struct feed_person **v, size_t *n, size_t *cap,
    const char *name, const char *email, const char *uri, const char *base)
{
	struct feed_person	p;

	memset(&p, 0, sizeof p);
	if (name != NULL)
		feed_set(&p.name, name, strlen(name), 0);
	if (email != NULL) {
		if (strprefix_ci(email, "mailto:"))
			email += 7;
		feed_set(&p.email, email, strlen(email), 0);
	}
	if (uri != NULL)
		feed_set_url(&p.uri, uri, base);
	if (p.name == NULL && p.email == NULL && p.uri == NULL)
		return;
	*v = xgrowarray(*v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = p;
}

void
feed_add_category(char ***v, size_t *n, size_t *cap, const char *s,
    size_t len)
{
	char	*c = NULL;
	size_t	 i;

	feed_set(&c, s, len, 0);
	if (c == NULL)
		return;
	for (i = 0; i < *n; i++) {
		if (strcmp((*v)[i], c) == 0) {
			free(c);
			return;
		}
	}
	*v = xgrowarray(*v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = c;
}

struct feed_link *
feed_add_link(struct feed_link **v, size_t *n, size_t *cap,
    const char *href, const char *rel, const char *type, const char *title,
    const char *base)
{
	struct feed_link	l;

	memset(&l, 0, sizeof l);
	l.length = FEED_NO_LENGTH;
	if (feed_set_url(&l.href, href, base) != 0)
		return NULL;
	if (rel != NULL)
		feed_set(&l.rel, rel, strlen(rel), 0);
	if (l.rel == NULL)
		l.rel = xstrdup("alternate");
	if (type != NULL)
		feed_set(&l.type, type, strlen(type), 0);
	if (title != NULL)
		feed_set(&l.title, title, strlen(title), 0);
	*v = xgrowarray(*v, cap, *n + 1, sizeof **v);
	(*v)[*n] = l;
	return &(*v)[(*n)++];
}

void
feed_add_enclosure(struct feed_item *it, const char *url, const char *type,
    const char *base, int64_t length)
{
	struct feed_enclosure	e;
	size_t			i;

	memset(&e, 0, sizeof e);
	if (feed_set_url(&e.url, url, base) != 0)
		return;
	for (i = 0; i < it->nenclosures; i++) {
		if (strcmp(it->enclosures[i].url, e.url) == 0) {
			free(e.url);
			return;
		}
	}
	if (type != NULL)
		feed_set(&e.type, type, strlen(type), 0);
	e.length = length;
	it->enclosures = xgrowarray(it->enclosures, &it->enclosures_cap,
	    it->nenclosures + 1, sizeof *it->enclosures);
	it->enclosures[it->nenclosures++] = e;
}

static void
feed_free_people(struct feed_person *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].email);
		free(v[i].uri);
	}
	free(v);
}

static void
feed_free_links(struct feed_link *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].href);
		free(v[i].rel);
		free(v[i].type);
		free(v[i].title);
	}
	free(v);
}

static void
feed_free_strings(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
feed_free_item(struct feed_item *it)
{
	size_t	i;

	free(it->id);
	feed_text_clear(&it->title);
	free(it->link);
	feed_free_links(it->links, it->nlinks);
	feed_free_people(it->authors, it->nauthors);
	feed_text_clear(&it->summary);
	feed_text_clear(&it->content);
	feed_text_clear(&it->rights);
	feed_free_strings(it->categories, it->ncategories);
	for (i = 0; i < it->nenclosures; i++) {
		free(it->enclosures[i].url);
		free(it->enclosures[i].type);
	}
	free(it->enclosures);
	free(it->thumbnail);
}

void
feed_free(struct feed *f)
{
	size_t	i;

	if (f == NULL)
		return;
	free(f->encoding);
	free(f->bozo_message);
	free(f->id);
	feed_text_clear(&f->title);
	feed_text_clear(&f->description);
	feed_text_clear(&f->rights);
	free(f->link);
	feed_free_links(f->links, f->nlinks);
	free(f->language);
	free(f->image);
	feed_free_people(f->authors, f->nauthors);
	feed_free_strings(f->categories, f->ncategories);
	for (i = 0; i < f->nitems; i++)
		feed_free_item(&f->items[i]);
	free(f->items);
	free(f);
}

/* HTML reduced to text, for titles. */

/* Elements whose edges part words ("<p>a</p><p>b</p>" is "a b"). */
static int
feed_html_block(const char *name, size_t n)
{
	static const char	*blocks[] = {
		"address", "article", "blockquote", "br", "dd", "div", "dl",
		"dt", "figcaption", "figure", "footer", "h1", "h2", "h3",
		"h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre",
		"section", "table", "td", "th", "tr", "ul",
	};
	size_t			 i;

	for (i = 0; i < nitems(blocks); i++)
		if (strlen(blocks[i]) == n && ascii_prefix_ci(name, n,
		    blocks[i]))
			return 1;
	return 0;
}

/* Returns the end of the tag that starts at s[i] ('<'): past its '>',
 * quoted attribute values skipped, or len. */
static size_t
feed_html_tag_end(const char *s, size_t len, size_t i)
{
	char	q;

	for (i++; i < len && s[i] != '>'; i++) {
		/* A quote opens a value only after '=' ("alt=\"a>b\""); in
		 * href=x" it is part of the value. */
		if ((s[i] == '"' || s[i] == '\'') && s[i - 1] == '=') {
			q = s[i];
			while (++i < len && s[i] != q)
				;
			if (i == len)
				return len;
		}
	}
	return i < len ? i + 1 : len;
}

/* Skips to past "</name" ... '>' after s[i], or to len. */
static size_t
feed_html_skip_to_end(const char *s, size_t len, size_t i, const char *name)
{
	size_t	n = strlen(name);

	for (; i + 2 + n <= len; i++)
		if (s[i] == '<' && s[i + 1] == '/' &&
		    ascii_prefix_ci(s + i + 2, len - i - 2, name))
			return feed_html_tag_end(s, len, i);
	return len;
}

char *
feed_html_text(const char *s, size_t len)
{
	struct buf	 raw = BUF_INIT, dec = BUF_INIT, out = BUF_INIT;
	struct text_run	 run;
	const char	*end;
	size_t		 i = 0, j, k, n;

	while (i < len) {
		if (s[i] != '<' || i + 1 == len || !(ascii_isalpha(
		    (unsigned char)s[i + 1]) || s[i + 1] == '/' ||
		    s[i + 1] == '!' || s[i + 1] == '?')) {
			for (j = i + 1; j < len && s[j] != '<'; j++)
				;
			buf_add(&raw, s + i, j - i);
			i = j;
			continue;
		}
		if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			end = memmem(s + i + 4, len - i - 4, "-->", 3);
			i = end != NULL ? (size_t)(end - s) + 3 : len;
			continue;
		}
		k = i + 1 + (s[i + 1] == '/');
		for (n = 0; k + n < len && (ascii_isalpha((unsigned char)
		    s[k + n]) || (s[k + n] >= '0' && s[k + n] <= '9')); n++)
			;
		if (feed_html_block(s + k, n))
			buf_addc(&raw, ' ');
		j = feed_html_tag_end(s, len, i);
		/* What scripts and styles hold is not text. */
		if (s[i + 1] != '/' && n == 6 && ascii_prefix_ci(s + k, n,
		    "script"))
			j = feed_html_skip_to_end(s, len, j, "script");
		else if (s[i + 1] != '/' && n == 5 && ascii_prefix_ci(s + k,
		    n, "style"))
			j = feed_html_skip_to_end(s, len, j, "style");
		i = j;
	}
	entity_decode(&dec, buf_str(&raw), raw.len, ENTITY_HTML);
	memset(&run, 0, sizeof run);
	run.space = TEXT_HTML;
	run.min = 1;
	text_collapse(&out, buf_str(&dec), dec.len, &run);
	buf_free(&raw);
	buf_free(&dec);
	return buf_detach(&out, NULL);
}

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
	char		*s, *url, *type, *length;

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
			for (url = strtok(s, ","); url != NULL;
			    url = strtok(NULL, ","))
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
	xmlNodePtr	 c;
	char		*own;
	const char	*b;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if ((feed_xml_is(c, "item") || feed_xml_is(c, "entry")) &&
		    feed_xml_core(x, c)) {
			feed_xml_item(x, c, base);
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

static int
feed_xml_parse(const char *data, size_t len, const char *type,
    const char *charset, const char *url, struct feed **fp, char **cause)
{
	struct feed_xml	 x;
	struct xml	*xml;
	xmlNodePtr	 root;
	const char	*name = url != NULL ? url_name(url) : _("the feed");
	char		*own, *msg;

	*fp = NULL;
	if (xml_read(data, len, charset, name, &xml, cause) != 0)
		return -1;
	memset(&x, 0, sizeof x);
	root = xmlDocGetRootElement(xml->doc);
	x.f = feed_new(feed_xml_version(&x, xml->doc, root));
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

/*
 * The charset parameter of a Content-Type, lower case, or NULL. Read
 * more loosely than fetch_content_type() reads it: feeds come from
 * servers that write "charset = x" and "charset='x'".
 */
static char *
feed_charset(const char *ct)
{
	struct buf	 out = BUF_INIT;
	const char	*p;

	for (p = strchr(ct, ';'); p != NULL; p = strchr(p, ';')) {
		p++;
		p += strspn(p, " \t");
		if (strncasecmp(p, "charset", 7) != 0)
			continue;
		p += 7;
		p += strspn(p, " \t");
		if (*p != '=')
			continue;
		p++;
		p += strspn(p, " \t\"'");
		for (; *p != '\0' && strchr(" \t;\"'", *p) == NULL; p++)
			buf_addc(&out, ascii_lower((unsigned char)*p));
		break;
	}
	if (out.len == 0) {
		buf_free(&out);
		return NULL;
	}
	return buf_detach(&out, NULL);
}

/* Is the media type a JSON one? */
static int
feed_json_type(const char *type)
{
	size_t	n = strlen(type);

	return (n >= 5 && (strcmp(type + n - 5, "/json") == 0 ||
	    strcmp(type + n - 5, "+json") == 0));
}

int
feed_parse(const char *data, size_t len, const char *content_type,
    const char *url, struct feed **fp, char **cause)
{
	char		*type = NULL, *charset = NULL, *msg;
	const char	*name = url != NULL ? url_name(url) : _("the feed");
	size_t		 start;
	int		 rc;

	*fp = NULL;
	*cause = NULL;
	if (text_trim(data, len, TEXT_HTML, &start) == 0) {
		msg = xprintf(_("%s: empty document, not a feed"), name);
		*cause = sanitize(msg, strlen(msg), 0);
		free(msg);
		return -1;
	}
	if (content_type != NULL) {
		fetch_content_type(content_type, &type, &msg);
		free(msg);
		charset = feed_charset(content_type);
	}
	/* The first byte says more than a server's type. */
	if (data[start] == '{' || (type != NULL && feed_json_type(type) &&
	    data[start] != '<'))
		rc = feed_json_parse(data, len, url, fp, cause);
	else
		rc = feed_xml_parse(data, len, type, charset, url, fp, cause);
	if (rc == 0 && (*fp)->nitems > 0)
		feed_trim_item(&(*fp)->items[(*fp)->nitems - 1]);
	free(type);
	free(charset);
	return rc;
}
