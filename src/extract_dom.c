/* extract_dom.c: the extractor's tree helpers: element kinds and side data,
 * text measured as a browser's DOM measures it, and tree surgery. */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "clean.h"
#include "extract_dom.h"
#include "extract_int.h"
#include "text.h"
#include "util.h"

/* Side data comes from chunks freed in one place, never one by one. */
#define XCHUNK_SIZE	512
struct xchunk {
	struct xchunk	*next;
	size_t		 used;
	struct xnode	 v[XCHUNK_SIZE];
};

/* Sorted by name for bsearch(). */
struct xtagname {
	const char	*name;
	enum xtag	 tag;
};
static const struct xtagname extract_dom_tags[] = {
	{ "a", XT_A }, { "abbr", XT_ABBR }, { "address", XT_ADDRESS },
	{ "article", XT_ARTICLE }, { "aside", XT_ASIDE },
	{ "audio", XT_AUDIO }, { "b", XT_B }, { "base", XT_BASE },
	{ "bdi", XT_BDI }, { "bdo", XT_BDO },
	{ "blockquote", XT_BLOCKQUOTE }, { "body", XT_BODY },
	{ "br", XT_BR }, { "button", XT_BUTTON }, { "canvas", XT_CANVAS },
	{ "caption", XT_CAPTION }, { "center", XT_CENTER },
	{ "cite", XT_CITE }, { "code", XT_CODE }, { "col", XT_COL },
	{ "colgroup", XT_COLGROUP }, { "data", XT_DATA },
	{ "datalist", XT_DATALIST }, { "dd", XT_DD }, { "del", XT_DEL },
	{ "details", XT_DETAILS }, { "dfn", XT_DFN },
	{ "dialog", XT_DIALOG }, { "div", XT_DIV }, { "dl", XT_DL },
	{ "dt", XT_DT }, { "em", XT_EM }, { "embed", XT_EMBED },
	{ "fieldset", XT_FIELDSET }, { "figcaption", XT_FIGCAPTION },
	{ "figure", XT_FIGURE }, { "font", XT_FONT },
	{ "footer", XT_FOOTER }, { "form", XT_FORM }, { "h1", XT_H1 },
	{ "h2", XT_H2 }, { "h3", XT_H3 }, { "h4", XT_H4 }, { "h5", XT_H5 },
	{ "h6", XT_H6 }, { "head", XT_HEAD }, { "header", XT_HEADER },
	{ "hgroup", XT_HGROUP }, { "hr", XT_HR }, { "html", XT_HTML },
	{ "i", XT_I }, { "iframe", XT_IFRAME }, { "img", XT_IMG },
	{ "input", XT_INPUT }, { "ins", XT_INS }, { "kbd", XT_KBD },
	{ "label", XT_LABEL }, { "li", XT_LI }, { "link", XT_LINK },
	{ "main", XT_MAIN }, { "map", XT_MAP }, { "mark", XT_MARK },
	{ "math", XT_MATH }, { "menu", XT_MENU }, { "meta", XT_META },
	{ "meter", XT_METER }, { "nav", XT_NAV },
	{ "noscript", XT_NOSCRIPT }, { "object", XT_OBJECT },
	{ "ol", XT_OL }, { "optgroup", XT_OPTGROUP },
	{ "option", XT_OPTION }, { "output", XT_OUTPUT }, { "p", XT_P },
	{ "param", XT_PARAM }, { "picture", XT_PICTURE },
	{ "pre", XT_PRE }, { "progress", XT_PROGRESS }, { "q", XT_Q },
	{ "rp", XT_RP }, { "rt", XT_RT }, { "ruby", XT_RUBY }, { "s", XT_S },
	{ "samp", XT_SAMP }, { "script", XT_SCRIPT },
	{ "section", XT_SECTION }, { "select", XT_SELECT },
	{ "small", XT_SMALL }, { "source", XT_SOURCE },
	{ "span", XT_SPAN }, { "strike", XT_STRIKE },
	{ "strong", XT_STRONG }, { "style", XT_STYLE }, { "sub", XT_SUB },
	{ "summary", XT_SUMMARY }, { "sup", XT_SUP }, { "svg", XT_SVG },
	{ "table", XT_TABLE }, { "tbody", XT_TBODY }, { "td", XT_TD },
	{ "template", XT_TEMPLATE }, { "textarea", XT_TEXTAREA },
	{ "tfoot", XT_TFOOT }, { "th", XT_TH }, { "thead", XT_THEAD },
	{ "time", XT_TIME }, { "title", XT_TITLE }, { "tr", XT_TR },
	{ "track", XT_TRACK }, { "tt", XT_TT }, { "u", XT_U },
	{ "ul", XT_UL }, { "var", XT_VAR }, { "video", XT_VIDEO },
	{ "wbr", XT_WBR },
};

static int
extract_dom_tag_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct xtagname *)elem)->name);
}

/* Tag of an element name. Both parsers give lower case, but a tree built
 * by hand may not, so an unknown name is tried once more folded. */
static enum xtag
extract_dom_lookup(const char *name)
{
	const struct xtagname	*hit;
	char			 lower[16];
	size_t			 i;
	int			 changed = 0;

	hit = bsearch(name, extract_dom_tags, nitems(extract_dom_tags),
	    sizeof extract_dom_tags[0], extract_dom_tag_cmp);
	if (hit != NULL)
		return hit->tag;
	for (i = 0; name[i] != '\0'; i++) {
		if (i == sizeof lower - 1)
			return XT_OTHER;
		lower[i] = (char)ascii_lower((unsigned char)name[i]);
		if (lower[i] != name[i])
			changed = 1;
	}
	lower[i] = '\0';
	if (!changed)
		return XT_OTHER;
	hit = bsearch(lower, extract_dom_tags, nitems(extract_dom_tags),
	    sizeof extract_dom_tags[0], extract_dom_tag_cmp);
	return hit != NULL ? hit->tag : XT_OTHER;
}

const char *
extract_dom_tag_name(enum xtag t)
{
	size_t	i;

	for (i = 0; i < nitems(extract_dom_tags); i++) {
		if (extract_dom_tags[i].tag == t)
			return extract_dom_tags[i].name;
	}
	return "div";
}

static struct xnode *
extract_dom_alloc(struct xctx *x)
{
	struct xchunk	*c = x->chunks;

	if (c == NULL || c->used == XCHUNK_SIZE) {
		c = xmalloc(sizeof *c);
		c->next = x->chunks;
		c->used = 0;
		x->chunks = c;
	}
	return &c->v[c->used++];
}

/* The next node of a depth-first walk of root's subtree (root excluded),
 * entering only elements. */
static xmlNodePtr
extract_dom_walk(xmlNodePtr n, xmlNodePtr root, int skip_children)
{
	if (!skip_children && n->type == XML_ELEMENT_NODE && n->children != NULL)
		return n->children;
	while (n != root && n->next == NULL) {
		n = n->parent;
		if (n == NULL)
			return NULL;
	}
	return n == root ? NULL : n->next;
}

void
extract_dom_annotate(struct xctx *x, xmlNodePtr root)
{
	struct xnode	*d;
	xmlNodePtr	 n = root;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE) {
			d = extract_dom_alloc(x);
			d->tag = extract_dom_lookup((const char *)n->name);
			d->flags = 0;
			d->score = 0;
			d->origin = NULL;
			n->_private = d;
		}
		n = n == root ? (n->type == XML_ELEMENT_NODE ? n->children :
		    NULL) : extract_dom_walk(n, root, 0);
	}
}

struct xnode *
extract_dom_data(struct xctx *x, xmlNodePtr n)
{
	if (n->_private == NULL)
		extract_dom_annotate(x, n);
	return n->_private;
}

enum xtag
extract_dom_tag(xmlNodePtr n)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return XT_OTHER;
	if (n->_private != NULL)
		return ((struct xnode *)n->_private)->tag;
	return extract_dom_lookup((const char *)n->name);
}

int
extract_dom_is(xmlNodePtr n, enum xtag t)
{
	return extract_dom_tag(n) == t;
}

int
extract_dom_is_heading(xmlNodePtr n)
{
	enum xtag	t = extract_dom_tag(n);

	return t >= XT_H1 && t <= XT_H6;
}

/* An attribute's value without copying it, or NULL when absent. */
const char *
extract_dom_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr	a;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = n->properties; a != NULL; a = a->next) {
		if (strcmp((const char *)a->name, name) != 0)
			continue;
		if (a->children != NULL && a->children->content != NULL)
			return (const char *)a->children->content;
		return "";
	}
	return NULL;
}

long
extract_dom_attr_long(xmlNodePtr n, const char *name, long lo, long hi,
    long def)
{
	const char	*s = extract_dom_attr(n, name);
	long		 v = 0;
	int		 neg = 0;

	if (s == NULL)
		return def;
	/* HTML's rules for parsing integers: white space, a sign, digits,
	 * and whatever follows ignored. */
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f' ||
	    *s == '\r')
		s++;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (*s < '0' || *s > '9')
		return def;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (v < LONG_MAX / 10 - 1)	/* saturates; clamped below */
			v = v * 10 + (*s - '0');
	}
	if (neg)
		v = -v;
	return v < lo ? lo : v > hi ? hi : v;
}

/* class + " " + id, what the class-name patterns look at. */
const char *
extract_dom_match_string(xmlNodePtr n, struct buf *b)
{
	const char	*cls = extract_dom_attr(n, "class");
	const char	*id = extract_dom_attr(n, "id");

	buf_reset(b);
	buf_adds(b, cls != NULL ? cls : "");
	buf_addc(b, ' ');
	buf_adds(b, id != NULL ? id : "");
	return buf_str(b);
}

xmlNodePtr
extract_dom_first(xmlNodePtr n)
{
	for (n = n->children; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE)
			return n;
	}
	return NULL;
}

xmlNodePtr
extract_dom_next_sibling(xmlNodePtr n)
{
	for (n = n->next; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE)
			return n;
	}
	return NULL;
}

xmlNodePtr
extract_dom_prev_sibling(xmlNodePtr n)
{
	for (n = n->prev; n != NULL; n = n->prev) {
		if (n->type == XML_ELEMENT_NODE)
			return n;
	}
	return NULL;
}

size_t
extract_dom_nchildren(xmlNodePtr n)
{
	size_t	count = 0;

	for (n = extract_dom_first(n); n != NULL; n = extract_dom_next_sibling(n))
		count++;
	return count;
}

/* The parent if it is an element; the document above <html> is not. */
xmlNodePtr
extract_dom_parent(xmlNodePtr n)
{
	if (n->parent == NULL || n->parent->type != XML_ELEMENT_NODE)
		return NULL;
	return n->parent;
}

/* Depth-first walk over elements only, as Readability's _getNextNode: the
 * first child unless skip_children, else the next sibling, else the next
 * sibling of the nearest ancestor that has one. */
xmlNodePtr
extract_dom_next(xmlNodePtr n, int skip_children)
{
	xmlNodePtr	c;

	if (!skip_children && (c = extract_dom_first(n)) != NULL)
		return c;
	do {
		if ((c = extract_dom_next_sibling(n)) != NULL)
			return c;
		n = extract_dom_parent(n);
	} while (n != NULL);
	return NULL;
}

/* Whether an ancestor within max_depth levels (unlimited if negative) has
 * tag t and passes filter. */
int
extract_dom_has_ancestor(xmlNodePtr n, enum xtag t, int max_depth,
    int (*filter)(xmlNodePtr))
{
	xmlNodePtr	p;
	int		depth = 0;

	for (p = extract_dom_parent(n); p != NULL; p = extract_dom_parent(p)) {
		if (max_depth > 0 && depth > max_depth)
			return 0;
		if (extract_dom_tag(p) == t && (filter == NULL || filter(p)))
			return 1;
		depth++;
	}
	return 0;
}

void
extract_dom_list_add(struct xlist *l, xmlNodePtr n)
{
	l->v = xgrowarray(l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = n;
}

void
extract_dom_list_free(struct xlist *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Appends to l the descendants of root (in document order) whose tag is
 * one of tags. */
void
extract_dom_collect(xmlNodePtr root, const enum xtag *tags, size_t ntags,
    struct xlist *l)
{
	unsigned char	want[XT_COUNT];
	xmlNodePtr	n;
	size_t		i;

	memset(want, 0, sizeof want);
	for (i = 0; i < ntags; i++)
		want[tags[i]] = 1;
	if (root->type != XML_ELEMENT_NODE)
		return;
	for (n = root->children; n != NULL; n = extract_dom_walk(n, root, 0)) {
		if (n->type == XML_ELEMENT_NODE && want[extract_dom_tag(n)])
			extract_dom_list_add(l, n);
	}
}

size_t
extract_dom_count(xmlNodePtr root, enum xtag t)
{
	xmlNodePtr	n;
	size_t		count = 0;

	if (root->type != XML_ELEMENT_NODE)
		return 0;
	for (n = root->children; n != NULL; n = extract_dom_walk(n, root, 0)) {
		if (n->type == XML_ELEMENT_NODE && extract_dom_tag(n) == t)
			count++;
	}
	return count;
}

/* Readability's hasChildBlockElement: a descendant that makes a <div>
 * more than a paragraph. */
int
extract_dom_has_block(xmlNodePtr root)
{
	static const unsigned char	 block[XT_COUNT] = {
		[XT_BLOCKQUOTE] = 1, [XT_DL] = 1, [XT_DIV] = 1, [XT_IMG] = 1,
		[XT_OL] = 1, [XT_P] = 1, [XT_PRE] = 1, [XT_TABLE] = 1,
		[XT_UL] = 1,
	};
	xmlNodePtr			 n, end = extract_dom_next(root, 1);

	for (n = extract_dom_next(root, 0); n != NULL && n != end;
	    n = extract_dom_next(n, 0)) {
		if (block[extract_dom_tag(n)])
			return 1;
	}
	return 0;
}

/* Text nodes of a subtree, in order; the node itself if it is text. */
#define EXTRACT_DOM_IS_TEXT(n) \
	((n)->type == XML_TEXT_NODE || (n)->type == XML_CDATA_SECTION_NODE)

struct xmeasure {
	enum xlen	 mode;
	size_t		 len;
	size_t		 pending;
	int		 started;
};

static void
extract_dom_measure(struct xmeasure *m, const char *s)
{
	size_t		 len = strlen(s), n;
	unsigned int	 cp;

	int		 space;

	while (len > 0) {
		/* Scoring measures every text many times: a run of ASCII
		 * letters and marks at once, ASCII white space without a
		 * call. */
		if ((unsigned char)*s > ' ' && (unsigned char)*s < 0x80) {
			for (n = 1; n < len && (unsigned char)s[n] > ' ' &&
			    (unsigned char)s[n] < 0x80; n++)
				;
			if (m->pending > 0) {
				m->len += m->mode == XLEN_NORMAL ? 1 :
				    m->pending;
				m->pending = 0;
			}
			m->started = 1;
			m->len += n;
			s += n;
			len -= n;
			continue;
		}
		if ((unsigned char)*s < 0x80) {
			cp = (unsigned char)*s;
			n = 1;
			space = cp == ' ' || (cp >= '\t' && cp <= '\r');
		} else {
			n = utf8_next(s, len, &cp);
			space = text_is_space(cp, TEXT_JS);
		}
		s += n;
		len -= n;
		if (m->mode != XLEN_RAW && space) {
			if (m->started)
				m->pending++;
			continue;
		}
		if (m->pending > 0) {
			m->len += m->mode == XLEN_NORMAL ? 1 : m->pending;
			m->pending = 0;
		}
		m->started = 1;
		m->len += cp > 0xffff ? 2 : 1;	/* UTF-16 units, as JS counts */
	}
}

/* k spaces, as extract_dom_measure() would count a text of them. */
static void
extract_dom_measure_spaces(struct xmeasure *m, unsigned k)
{
	if (m->mode == XLEN_RAW) {
		m->len += k;
		m->started = 1;
	} else if (m->started)
		m->pending += k;
}

/* The length of n's text as Readability measures it (JavaScript string
 * length, so thresholds mean the same as in Readability.js). */
size_t
extract_dom_textlen(xmlNodePtr root, enum xlen mode)
{
	struct xmeasure	m = { mode, 0, 0, 0 };
	xmlNodePtr	n;

	if (EXTRACT_DOM_IS_TEXT(root)) {
		if (root->content != NULL)
			extract_dom_measure(&m, (const char *)root->content);
		return m.len;
	}
	if (root->type != XML_ELEMENT_NODE)
		return 0;
	for (n = root->children; n != NULL; n = extract_dom_walk(n, root, 0)) {
		if (EXTRACT_DOM_IS_TEXT(n) && n->content != NULL)
			extract_dom_measure(&m, (const char *)n->content);
		else if (extract_dom_spaces(n) > 0)
			extract_dom_measure_spaces(&m, extract_dom_spaces(n));
	}
	return m.len;
}

void
extract_dom_textlen_text(xmlNodePtr n, struct xtextlen *t)
{
	extract_dom_textlen_str((const char *)n->content, t);
}

void
extract_dom_textlen_str(const char *s, struct xtextlen *t)
{
	struct xmeasure	 m = { XLEN_NORMAL, 0, 0, 0 };
	unsigned int	 cp;

	memset(t, 0, sizeof *t);
	if (s == NULL || *s == '\0')
		return;
	/* The first code point as extract_dom_measure() reads it. */
	if ((unsigned char)*s < 0x80)
		cp = (unsigned char)*s;
	else
		utf8_next(s, strlen(s), &cp);
	extract_dom_measure(&m, s);
	t->len = m.len;
	t->text = m.started;
	t->lead = text_is_space(cp, TEXT_JS);
	t->trail = m.started ? m.pending > 0 : t->lead;
}

void
extract_dom_textlen_join(struct xtextlen *a, const struct xtextlen *b)
{
	int	lead;

	if (!b->text) {
		if (b->lead && a->text)
			a->trail = 1;
		else if (b->lead)
			a->lead = a->trail = 1;
		return;
	}
	if (!a->text) {
		lead = a->lead || b->lead;
		*a = *b;
		a->lead = lead;
		return;
	}
	/* A run of white space between two words counts one. */
	a->len += b->len + (a->trail || b->lead ? 1 : 0);
	a->trail = b->trail;
}

/* Whether cp is a comma: only ',' unless all, else also the commas of
 * Arabic, Chinese and other scripts. */
static int
extract_dom_is_comma(unsigned int cp, int all)
{
	if (cp == ',')
		return 1;
	return all && (cp == 0x060c || cp == 0xfe50 || cp == 0xfe10 ||
	    cp == 0xfe11 || cp == 0x2e41 || cp == 0x2e34 || cp == 0x2e32 ||
	    cp == 0xff0c);
}

size_t
extract_dom_commas(xmlNodePtr root, int all)
{
	xmlNodePtr	 n;
	const char	*s;
	size_t		 len, k, count = 0;
	unsigned int	 cp;

	if (root->type != XML_ELEMENT_NODE)
		return 0;
	for (n = root->children; n != NULL; n = extract_dom_walk(n, root, 0)) {
		if (!EXTRACT_DOM_IS_TEXT(n) || n->content == NULL)
			continue;
		s = (const char *)n->content;
		len = strlen(s);
		while (len > 0) {
			k = utf8_next(s, len, &cp);
			if (extract_dom_is_comma(cp, all))
				count++;
			s += k;
			len -= k;
		}
	}
	return count;
}

static void
extract_dom_text_add(const char *s, struct text_run *ws, struct buf *b)
{
	if (s == NULL)
		return;
	if (ws != NULL)
		text_collapse(b, s, strlen(s), ws);
	else
		buf_adds(b, s);
}

/* Appends n's text, trimmed; with normalize, white-space runs of two or
 * more become one space (Readability's _getInnerText). */
void
extract_dom_text(xmlNodePtr root, int normalize, struct buf *b)
{
	struct text_run	 ws = { TEXT_JS, 2, b->len, 0, { 0 }, 0 };
	xmlNodePtr	 n;
	size_t		 start = b->len, len, off;

	if (EXTRACT_DOM_IS_TEXT(root))
		extract_dom_text_add((const char *)root->content,
		    normalize ? &ws : NULL, b);
	else if (root->type == XML_ELEMENT_NODE) {
		for (n = root->children; n != NULL;
		    n = extract_dom_walk(n, root, 0)) {
			if (EXTRACT_DOM_IS_TEXT(n))
				extract_dom_text_add(
				    (const char *)n->content,
				    normalize ? &ws : NULL, b);
			else if (extract_dom_spaces(n) > 0)
				extract_dom_text_add(extract_dom_spaces_text(n),
				    normalize ? &ws : NULL, b);
		}
	}
	if (!normalize) {
		len = text_trim(buf_str(b) + start, b->len - start, TEXT_JS,
		    &off);
		if (len > 0)
			memmove(b->data + start, b->data + start + off, len);
		b->len = start + len;
	}
	buf_reserve(b, 1);
	b->data[b->len] = '\0';
}

/* Whether s holds only white space. */
int
extract_dom_blank_str(const char *s)
{
	size_t		 len = strlen(s), n;
	unsigned int	 cp;

	while (len > 0) {
		n = utf8_next(s, len, &cp);
		if (!text_is_space(cp, TEXT_JS))
			return 0;
		s += n;
		len -= n;
	}
	return 1;
}

/* Whether the last character of s is not white space. */
int
extract_dom_ends_nonspace(const char *s)
{
	size_t	len = strlen(s);

	return len > 0 && text_trim_end(s, len, TEXT_JS) == len;
}

/* Whether n's text is empty once trimmed; stops at the first letter. */
int
extract_dom_is_blank(xmlNodePtr root)
{
	xmlNodePtr	n;

	if (EXTRACT_DOM_IS_TEXT(root))
		return root->content == NULL ||
		    extract_dom_blank_str((const char *)root->content);
	if (root->type != XML_ELEMENT_NODE)
		return 1;
	for (n = root->children; n != NULL; n = extract_dom_walk(n, root, 0)) {
		if (EXTRACT_DOM_IS_TEXT(n) && n->content != NULL &&
		    !extract_dom_blank_str((const char *)n->content))
			return 0;
	}
	return 1;
}

/*
 * The elements tidy keeps in the run of text: next to every other element
 * (blocks, <br>, <link>, <style>, <canvas>, unknown tags) it drops the
 * page's white space, which a browser's DOM keeps. Measured on tidy 5.6.
 */
static const unsigned char extract_dom_inline[XT_COUNT] = {
	[XT_A] = 1, [XT_ABBR] = 1, [XT_AUDIO] = 1, [XT_B] = 1, [XT_BDI] = 1,
	[XT_BDO] = 1, [XT_BUTTON] = 1, [XT_CITE] = 1, [XT_CODE] = 1,
	[XT_DATALIST] = 1, [XT_DEL] = 1, [XT_DFN] = 1, [XT_EM] = 1,
	[XT_EMBED] = 1, [XT_FONT] = 1, [XT_I] = 1, [XT_IFRAME] = 1,
	[XT_IMG] = 1, [XT_INPUT] = 1, [XT_INS] = 1, [XT_KBD] = 1,
	[XT_LABEL] = 1, [XT_MAP] = 1, [XT_MARK] = 1, [XT_MATH] = 1,
	[XT_METER] = 1, [XT_NOSCRIPT] = 1, [XT_OBJECT] = 1, [XT_OUTPUT] = 1,
	[XT_PICTURE] = 1, [XT_PROGRESS] = 1, [XT_Q] = 1, [XT_RP] = 1,
	[XT_RT] = 1, [XT_RUBY] = 1, [XT_S] = 1, [XT_SAMP] = 1,
	[XT_SCRIPT] = 1, [XT_SELECT] = 1, [XT_SMALL] = 1, [XT_SOURCE] = 1,
	[XT_SPAN] = 1, [XT_STRIKE] = 1, [XT_STRONG] = 1, [XT_SUB] = 1,
	[XT_SUP] = 1, [XT_SVG] = 1, [XT_TEXTAREA] = 1, [XT_TIME] = 1,
	[XT_TT] = 1, [XT_U] = 1, [XT_VAR] = 1, [XT_VIDEO] = 1, [XT_WBR] = 1,
};
/* ... and the old inline elements the extractor has no tag for. */
static const char *const extract_dom_inline_names[] = { "acronym",
    "applet", "basefont", "big", "blink", "comment", "ilayer", "marquee",
    "nobr", "noembed", "nolayer", "rb", "rtc", "server", "spacer", NULL };

/* Whether tidy drops the white space around element n. */
static int
extract_dom_cuts_space(xmlNodePtr n)
{
	enum xtag		 t = extract_dom_tag(n);
	const char *const	*s;

	if (t != XT_OTHER)
		return !extract_dom_inline[t];
	for (s = extract_dom_inline_names; *s != NULL; s++) {
		if (strcasecmp((const char *)n->name, *s) == 0)
			return 0;
	}
	return 1;
}

/* Whether the text node n begins (end 0) or ends (end 1) with white
 * space; an empty one does neither. */
static int
extract_dom_space_edge(xmlNodePtr n, int end)
{
	const char	*s = (const char *)n->content;
	size_t		 len;
	unsigned int	 cp;

	if (s == NULL || *s == '\0')
		return 0;
	if (end)
		return !extract_dom_ends_nonspace(s);
	len = strlen(s);
	utf8_next(s, len, &cp);
	return text_is_space(cp, TEXT_JS);
}

/* Links the new text node t in before next (at the end if NULL). */
static void
extract_dom_link_text(xmlNodePtr parent, xmlNodePtr next, xmlNodePtr t)
{
	t->parent = parent;
	t->next = next;
	t->prev = next != NULL ? next->prev : parent->last;
	if (t->prev != NULL)
		t->prev->next = t;
	else
		parent->children = t;
	if (next != NULL)
		next->prev = t;
	else
		parent->last = t;
}

/* The side data of element n, if it has any. */
static struct xnode *
extract_dom_side(xmlNodePtr n)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	return n->_private;
}

unsigned
extract_dom_spaces(xmlNodePtr n)
{
	struct xnode	*d = extract_dom_side(n);

	return d != NULL ? (d->flags & XN_SPACES) >> XN_SPACE_SHIFT : 0;
}

void
extract_dom_spaces_drop(xmlNodePtr n)
{
	struct xnode	*d = extract_dom_side(n);

	if (d != NULL)
		d->flags &= ~(unsigned)XN_SPACES;
}

const char *
extract_dom_spaces_text(xmlNodePtr n)
{
#define SP16	"                "
	static const char	sp[] = SP16 SP16 SP16 SP16 SP16 SP16 SP16
				    SP16 SP16 SP16 SP16 SP16 SP16 SP16 SP16
				    SP16;
#undef SP16

	return sp + sizeof sp - 1 - extract_dom_spaces(n);
}

/* Puts k spaces right before n (its parent's first child if n is NULL):
 * counted on n when it is an element that has room, else as a text
 * node. */
static void
extract_dom_spaces_put(xmlNodePtr parent, xmlNodePtr n, unsigned k)
{
	struct xnode	*d = extract_dom_side(n);
	unsigned	 have = extract_dom_spaces(n);
	xmlNodePtr	 t;
	char		 sp[XN_SPACE_MAX + 1];

	if (k == 0)
		return;
	if (d != NULL && have + k <= XN_SPACE_MAX) {
		d->flags = (d->flags & ~(unsigned)XN_SPACES) |
		    (have + k) << XN_SPACE_SHIFT;
		return;
	}
	if (k > XN_SPACE_MAX)
		k = XN_SPACE_MAX;
	if (k == 1)
		t = clean_space(parent->doc);
	else {
		memset(sp, ' ', k);
		if ((t = xmlNewDocTextLen(parent->doc, BAD_CAST sp, (int)k)) ==
		    NULL)
			fatal(_("out of memory"));
	}
	extract_dom_link_text(parent, n, t);
}

/* n leaves its place: the spaces before it stay there, before whatever
 * follows, as the text nodes they stand for would. */
static void
extract_dom_unhook(xmlNodePtr n)
{
	unsigned	k = extract_dom_spaces(n);

	if (k == 0)
		return;
	extract_dom_spaces_drop(n);
	if (n->parent != NULL)
		extract_dom_spaces_put(n->parent, n->next, k);
}

/* Puts a space beside n, after it or before, unless the text there
 * starts or ends with white space or a space is there already. */
static void
extract_dom_space_beside(xmlNodePtr n, int after)
{
	xmlNodePtr	s = after ? n->next : n->prev;

	if (s != NULL && s->type == XML_TEXT_NODE &&
	    extract_dom_space_edge(s, !after))
		return;
	if (extract_dom_spaces(after ? s : n) > 0)
		return;
	extract_dom_spaces_put(n->parent, after ? s : n, 1);
}

/*
 * Puts back a space where tidy dropped the page's white space: on both
 * sides of <br> and of every element it does not keep inline, unless the
 * text there already has one. Readability measures and joins text as the
 * DOM of the page as written has it, where "Willis</b>\n<br>March" is two
 * words; without this they would glue ("WillisMarch") in bylines,
 * excerpts, captions and the essay. Preformatted text, scripts, styles
 * and foreign markup are left alone. A space before an element is counted
 * on it (XN_SPACES), a space before text or at the end is a text node.
 */
void
extract_dom_space(xmlNodePtr root)
{
	xmlNodePtr	n;
	enum xtag	t;
	int		enter = 0;

	if (root->type != XML_ELEMENT_NODE)
		return;
	for (n = root->children; n != NULL;
	    n = extract_dom_walk(n, root, !enter)) {
		enter = 0;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		t = extract_dom_tag(n);
		enter = t != XT_PRE && t != XT_TEXTAREA && t != XT_SCRIPT &&
		    t != XT_STYLE && t != XT_SVG && t != XT_MATH &&
		    t != XT_TEMPLATE;
		if (extract_dom_cuts_space(n)) {
			extract_dom_space_beside(n, 0);
			extract_dom_space_beside(n, 1);
		}
	}
}

/* The share of n's text that sits inside links; in-page links (#x) count
 * for less, they are footnotes and tables of contents. */
double
extract_dom_link_density(xmlNodePtr root)
{
	xmlNodePtr	 n;
	const char	*href;
	size_t		 total;
	double		 links = 0;

	if ((total = extract_dom_textlen(root, XLEN_NORMAL)) == 0)
		return 0;
	for (n = root->children; n != NULL; n = extract_dom_walk(n, root, 0)) {
		if (n->type != XML_ELEMENT_NODE || extract_dom_tag(n) != XT_A)
			continue;
		href = extract_dom_attr(n, "href");
		links += (double)extract_dom_textlen(n, XLEN_NORMAL) *
		    (href != NULL && href[0] == '#' && href[1] != '\0' ?
		    0.3 : 1);
	}
	return links / (double)total;
}

xmlNodePtr
extract_dom_new(struct xctx *x, enum xtag t)
{
	xmlNodePtr	n;

	n = xmlNewDocNode(x->doc, NULL, BAD_CAST extract_dom_tag_name(t),
	    NULL);
	if (n == NULL)
		fatal(_("out of memory"));
	n->_private = NULL;
	extract_dom_annotate(x, n);
	return n;
}

/* Takes n out of the tree; it is freed with the extraction, so pointers
 * still held to it stay valid (as a detached node in a DOM). */
void
extract_dom_remove(struct xctx *x, xmlNodePtr n)
{
	extract_dom_unhook(n);
	xmlUnlinkNode(n);
	extract_dom_list_add(&x->dead, n);
}

/* Moves child to the end of parent's children. Unlike xmlAddChild() it
 * never merges text nodes, so no node is freed under the caller. */
void
extract_dom_append(xmlNodePtr parent, xmlNodePtr child)
{
	extract_dom_unhook(child);
	extract_dom_append_spaced(parent, child);
}

void
extract_dom_append_spaced(xmlNodePtr parent, xmlNodePtr child)
{
	xmlUnlinkNode(child);
	child->parent = parent;
	child->prev = parent->last;
	child->next = NULL;
	if (parent->last != NULL)
		parent->last->next = child;
	else
		parent->children = child;
	parent->last = child;
}

/* Puts repl where old is; old is left detached (the caller decides). */
void
extract_dom_replace(xmlNodePtr old, xmlNodePtr repl)
{
	xmlNodePtr	parent = old->parent;
	unsigned	k;

	extract_dom_unhook(repl);
	/* The spaces before old are before repl now. */
	k = extract_dom_spaces(old);
	extract_dom_spaces_drop(old);
	xmlUnlinkNode(repl);
	repl->parent = parent;
	repl->prev = old->prev;
	repl->next = old->next;
	if (old->prev != NULL)
		old->prev->next = repl;
	else if (parent != NULL)
		parent->children = repl;
	if (old->next != NULL)
		old->next->prev = repl;
	else if (parent != NULL)
		parent->last = repl;
	old->parent = old->prev = old->next = NULL;
	if (parent != NULL)
		extract_dom_spaces_put(parent, repl, k);
}

void
extract_dom_rename(struct xctx *x, xmlNodePtr n, enum xtag t)
{
	xmlNodeSetName(n, BAD_CAST extract_dom_tag_name(t));
	extract_dom_data(x, n)->tag = t;
}

/* ASCII case-insensitive substring test; needle is lower case. */
int
extract_dom_contains_ci(const char *hay, const char *needle)
{
	size_t	i;

	for (; *hay != '\0'; hay++) {
		for (i = 0; needle[i] != '\0' &&
		    ascii_lower((unsigned char)hay[i]) == needle[i]; i++)
			;
		if (needle[i] == '\0')
			return 1;
	}
	return 0;
}

/* Whether s contains any of the NULL-terminated words. */
int
extract_dom_match_any(const char *s, const char *const *words)
{
	char	 stack[256], *low;
	size_t	 len = strlen(s), i;
	int	 found = 0;

	/* Every element is matched against several lists: lower s once
	 * and let strstr() search (the words are lower case). */
	low = len < sizeof stack ? stack : xmalloc(len + 1);
	for (i = 0; i < len; i++)
		low[i] = (char)ascii_lower((unsigned char)s[i]);
	low[len] = '\0';
	for (; *words != NULL && !found; words++)
		found = strstr(low, *words) != NULL;
	if (low != stack)
		free(low);
	return found;
}

/* Splits s into lower-case ASCII word tokens ([A-Za-z0-9_]+), as
 * JavaScript's split(/\W+/) does. Returns the count; *out is allocated. */
static size_t
extract_dom_tokens(const char *s, char ***out)
{
	char	**v = NULL, *t;
	size_t	  n = 0, cap = 0, len;

	while (*s != '\0') {
		for (len = 0; ascii_isalpha((unsigned char)s[len]) ||
		    (s[len] >= '0' && s[len] <= '9') || s[len] == '_'; len++)
			;
		if (len == 0) {
			s++;
			continue;
		}
		v = xgrowarray(v, &cap, n + 1, sizeof *v);
		t = xstrndup(s, len);
		for (len = 0; t[len] != '\0'; len++)
			t[len] = (char)ascii_lower((unsigned char)t[len]);
		v[n++] = t;
		s += len;
	}
	*out = v;
	return n;
}

/* How much of b is made of a's words: 1 same, 0 nothing shared
 * (Readability's _textSimilarity). */
double
extract_dom_similarity(const char *a, const char *b)
{
	char	**ta, **tb;
	size_t	  na, nb, i, j, all = 0, uniq = 0, nuniq = 0;
	double	  r;

	na = extract_dom_tokens(a, &ta);
	nb = extract_dom_tokens(b, &tb);
	if (na == 0 || nb == 0)
		r = 0;
	else {
		for (i = 0; i < nb; i++) {
			all += strlen(tb[i]);
			for (j = 0; j < na; j++) {
				if (strcmp(tb[i], ta[j]) == 0)
					break;
			}
			if (j == na) {
				uniq += strlen(tb[i]);
				nuniq++;
			}
		}
		all += nb - 1;
		if (nuniq > 0)
			uniq += nuniq - 1;
		r = 1 - (double)uniq / (double)all;
	}
	for (i = 0; i < na; i++)
		free(ta[i]);
	for (i = 0; i < nb; i++)
		free(tb[i]);
	free(ta);
	free(tb);
	return r;
}

/* Frees the side data and every removed subtree. */
void
extract_dom_free(struct xctx *x)
{
	struct xchunk	*c, *next;
	size_t		 i;

	for (i = 0; i < x->dead.n; i++)
		xmlFreeNode(x->dead.v[i]);
	extract_dom_list_free(&x->dead);
	for (c = x->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	x->chunks = NULL;
}
