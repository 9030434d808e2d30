/* extract_furniture.c: the page's furniture that survives inside the
 * chosen essay: menus, text for screen readers only, picture credits,
 * lists of links to other articles before and after the text. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "doc.h"
#include "extract_dom.h"
#include "extract_furniture.h"
#include "extract_int.h"
#include "url.h"
#include "util.h"

/* Is word in s as a whole part of a class or id (between the start, a
 * space, '-' or '_' and the end or one of them)? s and word are lower
 * case. */
static int
furniture_has_part(const char *s, const char *word)
{
	const char	*p;
	size_t		 n = strlen(word);

	for (p = s; (p = strstr(p, word)) != NULL; p++) {
		if ((p == s || strchr(" -_", p[-1]) != NULL) &&
		    (p[n] == '\0' || strchr(" -_", p[n]) != NULL))
			return 1;
	}
	return 0;
}

/* Is n, or the <div> it was made from, named as one of words (lower
 * case) by a whole part of its class or id, case ignored? A part may
 * also begin where camel case starts a word ("recipeCopyright" is
 * "recipe" and "copyright", and still "recipecopyright"). */
static int
furniture_named(struct xctx *x, xmlNodePtr n, const char *const *words,
    struct buf *mb)
{
	xmlNodePtr		 m[2] = { n, extract_dom_data(x, n)->origin };
	const char		*s;
	const char *const	*w;
	size_t			 i, j, len;
	char			 c;

	for (i = 0; i < nitems(m) && m[i] != NULL; i++) {
		extract_dom_match_string(m[i], mb);
		/* Lowered once, for every word (each pass asks for many),
		 * as written and then cut at camel case, after the name in
		 * the same buffer (read by index: adding may move it). */
		len = mb->len;
		buf_addc(mb, ' ');
		for (j = 0; j < len; j++)
			buf_addc(mb, (char)ascii_lower((unsigned char)mb->data[j]));
		buf_addc(mb, ' ');
		for (j = 0; j < len; j++) {
			c = mb->data[j];
			if (j > 0 && mb->data[j - 1] >= 'a' &&
			    mb->data[j - 1] <= 'z' && c >= 'A' && c <= 'Z')
				buf_addc(mb, '-');
			buf_addc(mb, (char)ascii_lower((unsigned char)c));
		}
		s = buf_str(mb) + len + 1;
		for (w = words; *w != NULL; w++)
			if (furniture_has_part(s, *w))
				return 1;
	}
	return 0;
}

/* Is n still in the essay, not inside a subtree dropped before? */
static int
furniture_attached(struct xctx *x, xmlNodePtr n)
{
	for (; n != NULL; n = n->parent)
		if (n == x->article)
			return 1;
	return 0;
}

static size_t
furniture_words(xmlNodePtr n, struct buf *b)
{
	buf_reset(b);
	extract_dom_text(n, 1, b);
	return doc_count_words(buf_str(b), b->len);
}

/* Text that only a screen reader reads: the page hides it by a class
 * that every framework names the same way. */
static void
furniture_drop_unseen(struct xctx *x)
{
	static const char *const unseen[] = { "sr-only", "screen-reader-text",
	    "visually-hidden", "visuallyhidden", "screenreader-only",
	    "offscreen", "hidecompletely", "a11y-hidden", "element-invisible",
	    NULL };
	struct buf	 mb = BUF_INIT;
	xmlNodePtr	 n, next;

	for (n = extract_dom_next(x->article, 0); n != NULL; n = next) {
		if (furniture_named(x, n, unseen, &mb)) {
			next = extract_dom_next(n, 1);
			extract_dom_remove(x, n);
		} else
			next = extract_dom_next(n, 0);
	}
	buf_free(&mb);
}

/* A breadcrumb trail ("Home > News > Region") is the site's navigation,
 * named so by its class or id, by ARIA or by schema.org's BreadcrumbList
 * microdata. */
static void
furniture_drop_trails(struct xctx *x)
{
	static const char *const trails[] = { "breadcrumb", "breadcrumbs",
	    NULL };
	struct buf	 mb = BUF_INIT;
	xmlNodePtr	 n, next;
	const char	*al, *it;
	size_t		 total;

	total = extract_dom_textlen(x->article, XLEN_NORMAL);
	for (n = extract_dom_next(x->article, 0); n != NULL; n = next) {
		al = extract_dom_attr(n, "aria-label");
		it = extract_dom_attr(n, "itemtype");
		if ((furniture_named(x, n, trails, &mb) || (al != NULL &&
		    extract_dom_contains_ci(al, "breadcrumb")) || (it != NULL &&
		    extract_dom_contains_ci(it, "breadcrumblist"))) &&
		    extract_dom_textlen(n, XLEN_NORMAL) * 4 < total) {
			next = extract_dom_next(n, 1);
			extract_dom_remove(x, n);
		} else
			next = extract_dom_next(n, 0);
	}
	buf_free(&mb);
}

/* A status message of the page's scripts ("Added to your basket",
 * "Loading more...") speaks of the moment, not of the essay: named an
 * alert or a loading indicator by its class or id, or by its ARIA role. */
static void
furniture_drop_status(struct xctx *x)
{
	static const char *const status[] = { "alert", "loading", NULL };
	struct buf	 mb = BUF_INIT, b = BUF_INIT;
	xmlNodePtr	 n, next;
	const char	*role;

	for (n = extract_dom_next(x->article, 0); n != NULL; n = next) {
		role = extract_dom_attr(n, "role");
		if ((furniture_named(x, n, status, &mb) || (role != NULL &&
		    (strcasecmp(role, "alert") == 0 ||
		    strcasecmp(role, "status") == 0))) &&
		    furniture_words(n, &b) <= 30) {
			next = extract_dom_next(n, 1);
			extract_dom_remove(x, n);
		} else
			next = extract_dom_next(n, 0);
	}
	buf_free(&mb);
	buf_free(&b);
}

/* A picture's credit ("Photo: Agency/Name") is no part of the essay,
 * nor of the caption: the page names it as a credit or a copyright. */
static void
furniture_drop_credits(struct xctx *x)
{
	static const char *const credits[] = { "credit", "credits",
	    "copyright", "photo-credit", "image-credit", "photocredit",
	    "imagecredit", "byline-image", NULL };
	struct buf	 mb = BUF_INIT, b = BUF_INIT;
	xmlNodePtr	 n, next;

	for (n = extract_dom_next(x->article, 0); n != NULL; n = next) {
		if (furniture_named(x, n, credits, &mb) &&
		    furniture_words(n, &b) <= 20) {
			next = extract_dom_next(n, 1);
			extract_dom_remove(x, n);
		} else
			next = extract_dom_next(n, 0);
	}
	buf_free(&mb);
	buf_free(&b);
}

/* Does the text end in a credit: at least three words, then the
 * copyright sign and at most six words to the end ("The harbour at
 * dawn. (c) Agency/Name")? */
static int
furniture_is_credited(const char *s, size_t len)
{
	const char	*c, *p;

	for (c = NULL, p = s; (p = strstr(p, "\xc2\xa9")) != NULL; p += 2)
		c = p;
	return c != NULL && doc_count_words(s, (size_t)(c - s)) >= 3 &&
	    doc_count_words(c + 2, len - (size_t)(c + 2 - s)) <= 6;
}

/* Is n a picture's caption by its place: in a <figure>, or right after
 * an element holding an image (its own, or that of the box it opens)? */
static int
furniture_by_picture(xmlNodePtr n)
{
	xmlNodePtr	m, prev;
	int		d;

	if (extract_dom_is(n, XT_FIGCAPTION) ||
	    extract_dom_has_ancestor(n, XT_FIGURE, -1, NULL))
		return 1;
	for (m = n, d = 0; m != NULL && d < 3; m = extract_dom_parent(m), d++) {
		if ((prev = extract_dom_prev_sibling(m)) != NULL)
			return extract_dom_is(prev, XT_IMG) ||
			    extract_dom_is(prev, XT_PICTURE) ||
			    extract_dom_count(prev, XT_IMG) > 0;
	}
	return 0;
}

/*
 * A picture's caption that ends in its credit: a short block whose last
 * words are the copyright sign and a name. The caption speaks of the
 * picture, not the essay; a copyright line alone (no caption before
 * it), or a sentence that goes on after the sign, stays.
 */
static void
furniture_drop_credited(struct xctx *x)
{
	static const enum xtag	 lines[] = { XT_P, XT_DIV, XT_FIGCAPTION,
	    XT_SPAN };
	struct xlist		 l = { NULL, 0, 0 };
	struct buf		 b = BUF_INIT;
	size_t			 i;

	extract_dom_collect(x->article, lines, nitems(lines), &l);
	for (i = 0; i < l.n; i++) {
		if (!furniture_attached(x, l.v[i]) ||
		    extract_dom_has_block(l.v[i]))
			continue;
		if (furniture_words(l.v[i], &b) <= 60 &&
		    furniture_is_credited(buf_str(&b), b.len) &&
		    furniture_by_picture(l.v[i]))
			extract_dom_remove(x, l.v[i]);
	}
	extract_dom_list_free(&l);
	buf_free(&b);
}

static int
furniture_has_heading(xmlNodePtr n)
{
	static const enum xtag	 heads[] = { XT_H1, XT_H2, XT_H3, XT_H4,
	    XT_H5, XT_H6 };
	size_t			 i;

	for (i = 0; i < nitems(heads); i++)
		if (extract_dom_count(n, heads[i]) > 0)
			return 1;
	return 0;
}

/* How many words s has without its numbers: a date line ("posted
 * 04/05/2022 05:49") is no sentence of the essay. */
static size_t
furniture_lettered_words(const char *s)
{
	char	*t = xstrdup(s), *p;
	size_t	 n;

	for (p = t; *p != '\0'; p++)
		if (*p >= '0' && *p <= '9')
			*p = ' ';
	n = doc_count_words(t, strlen(t));
	free(t);
	return n;
}

/* A caption above the essay's first paragraph belongs to the page's lead
 * picture, its furniture; captions inside the essay stay (Readability
 * keeps them, and they are part of what the essay shows). */
static void
furniture_drop_lead_captions(struct xctx *x)
{
	static const char *const caps[] = { "caption", "figcaption",
	    "wp-caption-text", "image-caption", "img-caption", NULL };
	struct buf	 mb = BUF_INIT, b = BUF_INIT;
	xmlNodePtr	 n, next;

	for (n = extract_dom_next(x->article, 0); n != NULL; n = next) {
		if ((extract_dom_is(n, XT_P) || extract_dom_is(n, XT_LI)) &&
		    furniture_words(n, &b) >= 12 &&
		    furniture_lettered_words(buf_str(&b)) >= 12)
			break;	/* the essay has begun */
		if ((extract_dom_is(n, XT_FIGCAPTION) ||
		    furniture_named(x, n, caps, &mb)) &&
		    !extract_dom_is_heading(n) && !furniture_has_heading(n) &&
		    furniture_words(n, &b) <= 60) {
			next = extract_dom_next(n, 1);
			extract_dom_remove(x, n);
		} else
			next = extract_dom_next(n, 0);
	}
	buf_free(&mb);
	buf_free(&b);
}

/* A menu: a list of three or more links of a few words each, nearly all
 * of its text in them, or a <nav>. */
static int
furniture_is_menu(xmlNodePtr n, struct buf *b)
{
	static const enum xtag	 anchor[] = { XT_A };
	struct xlist		 l = { NULL, 0, 0 };
	size_t			 words;
	int			 menu;

	if (extract_dom_is(n, XT_NAV))
		return 1;
	if (!extract_dom_is(n, XT_UL) && !extract_dom_is(n, XT_OL))
		return 0;
	extract_dom_collect(n, anchor, nitems(anchor), &l);
	words = furniture_words(n, b);
	menu = l.n >= 3 && words <= 4 * l.n &&
	    extract_dom_link_density(n) >= 0.8;
	extract_dom_list_free(&l);
	return menu;
}

static void
furniture_drop_menus(struct xctx *x)
{
	static const enum xtag	 lists[] = { XT_UL, XT_OL, XT_NAV };
	struct xlist		 l = { NULL, 0, 0 };
	struct buf		 b = BUF_INIT;
	size_t			 i;

	extract_dom_collect(x->article, lists, nitems(lists), &l);
	for (i = 0; i < l.n; i++) {
		if (furniture_attached(x, l.v[i]) && furniture_is_menu(l.v[i], &b))
			extract_dom_remove(x, l.v[i]);
	}
	extract_dom_list_free(&l);
	buf_free(&b);
}

/* Is n a part of a table of layout (the page's columns), not of data? */
static int
furniture_layout_cell(xmlNodePtr n)
{
	xmlNodePtr	t;

	if (!extract_dom_is(n, XT_TABLE) && !extract_dom_is(n, XT_TBODY) &&
	    !extract_dom_is(n, XT_THEAD) && !extract_dom_is(n, XT_TFOOT) &&
	    !extract_dom_is(n, XT_TR) && !extract_dom_is(n, XT_TD) &&
	    !extract_dom_is(n, XT_TH))
		return 0;
	for (t = n; t != NULL && !extract_dom_is(t, XT_TABLE);
	    t = extract_dom_parent(t))
		;
	/* A cell taken out of its table with the essay is a column. */
	return t == NULL || t->_private == NULL ||
	    !(((struct xnode *)t->_private)->flags & XN_DATATABLE);
}

/* The blocks of the essay in order, leaves only: a container's blocks
 * stand for it, and so do a layout table's. */
static void
furniture_blocks(xmlNodePtr n, struct xlist *l)
{
	xmlNodePtr	c;

	for (c = extract_dom_first(n); c != NULL;
	    c = extract_dom_next_sibling(c)) {
		if (extract_dom_is_blank(c) &&
		    extract_dom_count(c, XT_IMG) == 0)
			continue;
		if ((extract_dom_is(c, XT_DIV) || extract_dom_is(c, XT_SECTION)
		    || extract_dom_is(c, XT_ARTICLE) ||
		    furniture_layout_cell(c)) &&
		    extract_dom_has_block(c))
			furniture_blocks(c, l);
		else
			extract_dom_list_add(l, c);
	}
}

/* What a block at the end of the essay is, seen from the end. */
enum furniture_tail {
	TAIL_TEXT,	/* the essay's: the pass stops */
	TAIL_LINKS,	/* a list of links, or a line that is one link */
	TAIL_LABEL,	/* a few bold words, or words ending in ':' */
	TAIL_EMPTY
};

static enum furniture_tail
furniture_tail_kind(xmlNodePtr n, struct buf *b)
{
	size_t	words = furniture_words(n, b);

	if ((extract_dom_is(n, XT_UL) || extract_dom_is(n, XT_OL)) &&
	    extract_dom_count(n, XT_A) > 0 &&
	    extract_dom_link_density(n) >= 0.6)
		return TAIL_LINKS;
	/* A line that is one link; a sentence of many stays the essay's. */
	if (extract_dom_count(n, XT_A) + extract_dom_is(n, XT_A) == 1 &&
	    extract_dom_link_density(n) >= 0.9)
		return TAIL_LINKS;
	if (extract_dom_is_heading(n))
		return TAIL_TEXT;	/* a part of the essay, links or not */
	if (words == 0)
		return TAIL_EMPTY;
	if (words <= 8 && (buf_str(b)[b->len - 1] == ':' ||
	    extract_dom_count(n, XT_STRONG) + extract_dom_count(n, XT_B) > 0))
		return TAIL_LABEL;
	return TAIL_TEXT;
}

/* Links to other articles after the essay's last line: from the end,
 * lists of links, lines that are a link, and the labels over them ("More from us:"),
 * up to the last line of text or a heading; only when they hold two links
 * or more and are less than a third of the whole. */
static void
furniture_drop_tail_links(struct xctx *x)
{
	struct xlist		 l = { NULL, 0, 0 };
	struct buf		 b = BUF_INIT;
	size_t			 i, total, gone = 0, cut, links = 0;
	enum furniture_tail	 k;

	total = extract_dom_textlen(x->article, XLEN_NORMAL);
	furniture_blocks(x->article, &l);
	for (cut = l.n; cut > 0; cut--) {
		k = furniture_tail_kind(l.v[cut - 1], &b);
		if (k == TAIL_TEXT || (k == TAIL_LABEL && !links))
			break;
		if (k == TAIL_LINKS)
			links += extract_dom_count(l.v[cut - 1], XT_A) +
			    extract_dom_is(l.v[cut - 1], XT_A);
	}
	/* Links right under a heading are that part's ("Sources"). */
	if (cut > 0 && extract_dom_is_heading(l.v[cut - 1]))
		while (cut < l.n && furniture_tail_kind(l.v[cut], &b) !=
		    TAIL_LABEL)
			cut++;
	for (i = cut; i < l.n; i++)
		gone += extract_dom_textlen(l.v[i], XLEN_NORMAL);
	/* One link can be the essay's last word; a list is two or more. */
	if (links >= 2 && gone * 3 < total)
		for (i = cut; i < l.n; i++)
			extract_dom_remove(x, l.v[i]);
	extract_dom_list_free(&l);
	buf_free(&b);
}

/* Is n one link whose words are a title (a space in them, not an address
 * or a name), or a list each of whose items is one? */
static int
furniture_is_title_links(xmlNodePtr n, struct buf *b)
{
	xmlNodePtr	c;
	size_t		items = 0;

	if (!extract_dom_is(n, XT_UL) && !extract_dom_is(n, XT_OL))
		return extract_dom_count(n, XT_A) + extract_dom_is(n, XT_A) ==
		    1 && extract_dom_link_density(n) >= 0.9 &&
		    furniture_words(n, b) > 0 && strchr(buf_str(b), ' ') != NULL;
	for (c = extract_dom_first(n); c != NULL;
	    c = extract_dom_next_sibling(c)) {
		if (extract_dom_is_blank(c))
			continue;
		if (extract_dom_count(c, XT_A) != 1 ||
		    extract_dom_link_density(c) < 0.8 ||
		    furniture_words(c, b) == 0 || strchr(buf_str(b), ' ') == NULL)
			return 0;
		items++;
	}
	return items > 0;
}

/* Do all the links in blocks v[0..n) lead to one site: the page's own
 * when the page is on the web, else the first link's (a saved page's
 * links name the site it came from)? */
static int
furniture_links_one_site(struct xctx *x, xmlNodePtr *v, size_t n)
{
	static const enum xtag	 anchor[] = { XT_A };
	struct xlist		 l = { NULL, 0, 0 };
	const char		*href;
	char			*url, *host, *site = NULL;
	size_t			 i;
	int			 one = 1, known;

	if ((known = x->base != NULL && url_is_web(x->base)))
		site = url_host(x->base);
	for (i = 0; i < n; i++) {
		if (extract_dom_is(v[i], XT_A))
			extract_dom_list_add(&l, v[i]);
		else
			extract_dom_collect(v[i], anchor, nitems(anchor), &l);
	}
	for (i = 0; i < l.n && one; i++) {
		if ((href = extract_dom_attr(l.v[i], "href")) == NULL ||
		    (url = url_resolve(href, x->base)) == NULL) {
			one = 0;
			break;
		}
		host = url_host(url);
		free(url);
		if (!known) {
			site = host;
			known = 1;
			continue;
		}
		one = host == NULL ? site == NULL :
		    site != NULL && strcasecmp(host, site) == 0;
		free(host);
	}
	extract_dom_list_free(&l);
	free(site);
	return one;
}

/*
 * A box of links to the site's other articles inside the essay: a short
 * heading ("Related stories") and right under it only links whose words
 * are titles, two or more, all to one site (the page's own). The essay's
 * sentences are not all links, and the sources a part lists lead to other
 * sites.
 */
static void
furniture_drop_link_boxes(struct xctx *x)
{
	struct xlist	 l = { NULL, 0, 0 };
	struct buf	 b = BUF_INIT;
	size_t		 i, j, k, links, total, gone;

	total = extract_dom_textlen(x->article, XLEN_NORMAL);
	furniture_blocks(x->article, &l);
	for (i = 0; i + 1 < l.n; i++) {
		if (!extract_dom_is_heading(l.v[i]) ||
		    furniture_words(l.v[i], &b) > 8)
			continue;
		links = 0;
		gone = extract_dom_textlen(l.v[i], XLEN_NORMAL);
		for (j = i + 1; j < l.n && furniture_is_title_links(l.v[j], &b);
		    j++) {
			links += extract_dom_count(l.v[j], XT_A) +
			    extract_dom_is(l.v[j], XT_A);
			gone += extract_dom_textlen(l.v[j], XLEN_NORMAL);
		}
		if (links < 2 || gone * 3 >= total ||
		    !furniture_links_one_site(x, l.v + i + 1, j - i - 1))
			continue;
		for (k = i; k < j; k++)
			extract_dom_remove(x, l.v[k]);
		i = j - 1;
	}
	extract_dom_list_free(&l);
	buf_free(&b);
}

/*
 * A teaser of another article: a box the page names a teaser that holds
 * a heading (the other article's title) and a link to it. A lede named
 * so is a paragraph under no heading of its own, and stays; a box that
 * is most of the essay is the essay.
 */
static void
furniture_drop_teasers(struct xctx *x)
{
	static const char *const teasers[] = { "teaser", "teasers", NULL };
	struct buf	 mb = BUF_INIT;
	xmlNodePtr	 n, next;
	size_t		 total;

	total = extract_dom_textlen(x->article, XLEN_NORMAL);
	for (n = extract_dom_next(x->article, 0); n != NULL; n = next) {
		if (furniture_named(x, n, teasers, &mb) &&
		    furniture_has_heading(n) &&
		    extract_dom_count(n, XT_A) + extract_dom_is(n, XT_A) > 0 &&
		    extract_dom_textlen(n, XLEN_NORMAL) * 3 < total) {
			next = extract_dom_next(n, 1);
			extract_dom_remove(x, n);
		} else
			next = extract_dom_next(n, 0);
	}
	buf_free(&mb);
}

/* Lists n itself when its tag is one of tags, else its descendants that
 * are: the links of a line that may be one link, the cells of a block
 * that may be one cell. */
static void
furniture_collect(xmlNodePtr n, const enum xtag *tags, size_t ntags,
    struct xlist *l)
{
	size_t	i;

	for (i = 0; i < ntags; i++) {
		if (extract_dom_is(n, tags[i])) {
			extract_dom_list_add(l, n);
			return;
		}
	}
	extract_dom_collect(n, tags, ntags, l);
}

/* Has n links, and are they all permalinks: rel "bookmark", HTML's
 * link type for the address of an article? */
static int
furniture_all_bookmarks(xmlNodePtr n)
{
	static const enum xtag	 anchor[] = { XT_A };
	struct xlist		 l = { NULL, 0, 0 };
	const char		*rel;
	size_t			 i;
	int			 all;

	furniture_collect(n, anchor, nitems(anchor), &l);
	all = l.n > 0;
	for (i = 0; i < l.n && all; i++)
		all = (rel = extract_dom_attr(l.v[i], "rel")) != NULL &&
		    extract_dom_contains_ci(rel, "bookmark");
	extract_dom_list_free(&l);
	return all;
}

/*
 * Lines of permalinks inside the essay: blocks that are all links whose
 * rel is "bookmark" (HTML's link type for the address of an article).
 * A theme puts it on the titles of its posts; inside one post's text,
 * such links list other posts ("See also" and their titles), or repeat
 * this one's title.
 */
static void
furniture_drop_bookmarks(struct xctx *x)
{
	struct xlist	 l = { NULL, 0, 0 };
	struct buf	 b = BUF_INIT;
	size_t		 i, total;

	total = extract_dom_textlen(x->article, XLEN_NORMAL);
	furniture_blocks(x->article, &l);
	for (i = 0; i < l.n; i++) {
		if (furniture_words(l.v[i], &b) > 0 &&
		    extract_dom_link_density(l.v[i]) >= 0.8 &&
		    furniture_all_bookmarks(l.v[i]) &&
		    extract_dom_textlen(l.v[i], XLEN_NORMAL) * 4 < total)
			extract_dom_remove(x, l.v[i]);
	}
	extract_dom_list_free(&l);
	buf_free(&b);
}

/*
 * A quotation that is one link and nothing else quotes no words: it is
 * the card a page shows for another article it embeds (a blog's
 * embedded post), its title and address.
 */
static void
furniture_drop_link_quotes(struct xctx *x)
{
	static const enum xtag	 quotes[] = { XT_BLOCKQUOTE };
	struct xlist		 l = { NULL, 0, 0 };
	struct buf		 b = BUF_INIT;
	size_t			 i, total;

	total = extract_dom_textlen(x->article, XLEN_NORMAL);
	extract_dom_collect(x->article, quotes, nitems(quotes), &l);
	for (i = 0; i < l.n; i++) {
		if (furniture_attached(x, l.v[i]) &&
		    extract_dom_count(l.v[i], XT_A) == 1 &&
		    furniture_words(l.v[i], &b) > 0 &&
		    extract_dom_link_density(l.v[i]) >= 0.9 &&
		    extract_dom_textlen(l.v[i], XLEN_NORMAL) * 4 < total)
			extract_dom_remove(x, l.v[i]);
	}
	extract_dom_list_free(&l);
	buf_free(&b);
}

/* Does the text end a label: ':' or '?' after its last word? */
static int
furniture_label_end(const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n'))
		len--;
	return len > 0 && (s[len - 1] == ':' || s[len - 1] == '?');
}

/* A paragraph that is a label and a link to another article ("See this:
 * <a>Title</a>"): a few words ending in ':' or '?', then one link that
 * holds the rest. */
static int
furniture_is_teaser_line(xmlNodePtr n, struct buf *b)
{
	xmlNodePtr	c, link = NULL;
	struct buf	lead = BUF_INIT;
	size_t		words;
	int		ok;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && extract_dom_is(c, XT_A) &&
		    link == NULL) {
			link = c;
			continue;
		}
		if (link != NULL && !extract_dom_is_blank(c)) {
			buf_free(&lead);
			return 0;
		}
		if (link == NULL)
			extract_dom_text(c, 1, &lead);
	}
	words = lead.len > 0 ? doc_count_words(buf_str(&lead), lead.len) : 0;
	ok = link != NULL && words > 0 && words <= 5 &&
	    furniture_label_end(buf_str(&lead), lead.len) &&
	    furniture_words(link, b) >= 3;
	buf_free(&lead);
	return ok;
}

static void
furniture_drop_teaser_lines(struct xctx *x)
{
	static const enum xtag	 paras[] = { XT_P, XT_DIV };
	struct xlist		 l = { NULL, 0, 0 };
	struct buf		 b = BUF_INIT;
	size_t			 i;

	extract_dom_collect(x->article, paras, nitems(paras), &l);
	for (i = 0; i < l.n; i++) {
		if (furniture_attached(x, l.v[i]) &&
		    !extract_dom_has_block(l.v[i]) &&
		    furniture_is_teaser_line(l.v[i], &b))
			extract_dom_remove(x, l.v[i]);
	}
	extract_dom_list_free(&l);
	buf_free(&b);
}

/* Small boxes a page names for what they are: a disclaimer, a licence,
 * a consent or cookie notice, a placeholder for a blocked embed, a
 * rating or print button, a post's meta line (its date, categories,
 * permalink and comment count, by the names blog themes give it), an
 * author's card by microdata (schema.org's Person, or the author
 * property), which may have the name as its heading: other boxes with a
 * heading are a part of the essay. Runs before the tail's links are
 * read, so that links left above a card are the tail. */
static void
furniture_drop_boxes(struct xctx *x)
{
	static const char *const boxes[] = { "disclaimer", "disclosure",
	    "licence", "license", "consent", "cookie", "cookies",
	    "placeholder", "rating", "print", "entry-meta", "entrymeta",
	    "post-meta", "postmeta", "entry-utility", "entry-footer",
	    "entryfooter", "post-footer", "postfooter", "article-footer",
	    "reading-time", "readingtime", "read-time", "readtime",
	    "time-to-read", NULL };
	static const enum xtag	 tags[] = { XT_DIV, XT_SECTION, XT_ASIDE,
	    XT_P, XT_SPAN, XT_A, XT_UL };
	struct xlist		 l = { NULL, 0, 0 };
	struct buf		 mb = BUF_INIT, b = BUF_INIT;
	const char		*ip, *it;
	size_t			 i, total;
	int			 box, person;

	total = extract_dom_textlen(x->article, XLEN_NORMAL);
	extract_dom_collect(x->article, tags, nitems(tags), &l);
	for (i = 0; i < l.n; i++) {
		if (!furniture_attached(x, l.v[i]))
			continue;
		ip = extract_dom_attr(l.v[i], "itemprop");
		it = extract_dom_attr(l.v[i], "itemtype");
		person = (ip != NULL && strcasecmp(ip, "author") == 0) ||
		    (it != NULL && extract_dom_contains_ci(it, "/person"));
		box = person || furniture_named(x, l.v[i], boxes, &mb);
		if (box && furniture_words(l.v[i], &b) <= 80 &&
		    (person || !furniture_has_heading(l.v[i])) &&
		    extract_dom_textlen(l.v[i], XLEN_NORMAL) * 4 < total)
			extract_dom_remove(x, l.v[i]);
	}
	extract_dom_list_free(&l);
	buf_free(&mb);
	buf_free(&b);
}

/* Is the text three or more short fields (eight words at most) between
 * vertical bars: "Monday | 14 June | By Sam | 3 comments"? */
static int
furniture_is_bar_line(const char *s)
{
	const char	*p, *bar;
	size_t		 fields = 0;

	for (p = s;; p = bar + 1) {
		bar = strchr(p, '|');
		if (doc_count_words(p, bar != NULL ? (size_t)(bar - p) :
		    strlen(p)) > 8)
			return 0;
		fields++;
		if (bar == NULL)
			break;
	}
	return fields >= 3;
}

/* Is n inside a table of data (not one of layout)? */
static int
furniture_in_data_table(struct xctx *x, xmlNodePtr n)
{
	for (n = extract_dom_parent(n); n != NULL && n != x->article;
	    n = extract_dom_parent(n))
		if (extract_dom_is(n, XT_TABLE) &&
		    (extract_dom_data(x, n)->flags & XN_DATATABLE))
			return 1;
	return 0;
}

/*
 * A line of short fields between vertical bars is a post's meta line
 * (its date, author, category and comment count) or a row of the site's
 * links (imprint, privacy, copyright): an essay's sentences are not cut
 * so. Preformatted text and tables keep their bars.
 */
static void
furniture_drop_bar_lines(struct xctx *x)
{
	static const enum xtag	 lines[] = { XT_P, XT_DIV, XT_LI };
	struct xlist		 l = { NULL, 0, 0 };
	struct buf		 b = BUF_INIT;
	size_t			 i;

	extract_dom_collect(x->article, lines, nitems(lines), &l);
	for (i = 0; i < l.n; i++) {
		if (!furniture_attached(x, l.v[i]) ||
		    extract_dom_has_block(l.v[i]) ||
		    extract_dom_count(l.v[i], XT_CODE) > 0 ||
		    extract_dom_has_ancestor(l.v[i], XT_PRE, -1, NULL) ||
		    furniture_in_data_table(x, l.v[i]))
			continue;
		if (furniture_words(l.v[i], &b) <= 40 &&
		    furniture_is_bar_line(buf_str(&b)))
			extract_dom_remove(x, l.v[i]);
	}
	extract_dom_list_free(&l);
	buf_free(&b);
}

/* A short line that holds the page's date (a <time>, or microdata's
 * datePublished) is the page's furniture: the date is shown apart. */
static void
furniture_drop_dates(struct xctx *x)
{
	static const enum xtag	 tags[] = { XT_P, XT_DIV, XT_SPAN, XT_TIME,
	    XT_UL, XT_LI, XT_SECTION };
	struct xlist		 l = { NULL, 0, 0 };
	struct buf		 b = BUF_INIT;
	const char		*ip;
	size_t			 i;
	int			 date;

	extract_dom_collect(x->article, tags, nitems(tags), &l);
	for (i = 0; i < l.n; i++) {
		if (!furniture_attached(x, l.v[i]))
			continue;
		ip = extract_dom_attr(l.v[i], "itemprop");
		date = extract_dom_is(l.v[i], XT_TIME) ||
		    extract_dom_count(l.v[i], XT_TIME) > 0 || (ip != NULL &&
		    (strcasecmp(ip, "datePublished") == 0 ||
		    strcasecmp(ip, "dateModified") == 0));
		/* A line of its own: a <time> inside a sentence stays. */
		if (extract_dom_is(l.v[i], XT_TIME) ||
		    extract_dom_is(l.v[i], XT_SPAN))
			date = date && l.v[i]->parent != NULL &&
			    extract_dom_has_block(l.v[i]->parent);
		if (date && !extract_dom_has_block(l.v[i]) &&
		    furniture_words(l.v[i], &b) <= 12)
			extract_dom_remove(x, l.v[i]);
	}
	extract_dom_list_free(&l);
	buf_free(&b);
}

/*
 * Labels that head nothing, at the end of the essay: a line or heading
 * of 8 words at most that ends in ':' or '?' ("Read more:", "Related
 * articles:"). What it announced was a box of links or teasers that is
 * gone, or never was the essay's. A heading without ':' stays: a part
 * may be empty on purpose. Runs after the passes that drop boxes.
 */
static void
furniture_drop_orphans(struct xctx *x)
{
	struct xlist	 l = { NULL, 0, 0 };
	struct buf	 b = BUF_INIT;
	xmlNodePtr	 n;
	size_t		 i, words;

	furniture_blocks(x->article, &l);
	for (i = l.n; i > 1; i--) {
		n = l.v[i - 1];
		words = furniture_words(n, &b);
		if (words == 0 && extract_dom_count(n, XT_IMG) == 0 &&
		    !extract_dom_is_heading(n))
			continue;
		if (words == 0 || words > 8 ||
		    !furniture_label_end(buf_str(&b), b.len))
			break;
		extract_dom_remove(x, n);
	}
	extract_dom_list_free(&l);
	buf_free(&b);
}

/* Is the text a label of one word (letters, not a time's digits), a
 * colon and one to eight words: "Source: Agency", "Photos: A. Name"? */
static int
furniture_is_source_line(const char *s, size_t len)
{
	const char	*c = memchr(s, ':', len), *p;
	size_t		 after;
	int		 letter = 0;

	if (c == NULL || memchr(s, ' ', (size_t)(c - s)) != NULL)
		return 0;
	for (p = s; p < c; p++)
		if ((unsigned char)*p >= 0x80 ||
		    ascii_isalpha((unsigned char)*p))
			letter = 1;
	after = doc_count_words(c + 1, len - (size_t)(c + 1 - s));
	return letter && doc_count_words(s, (size_t)(c - s)) == 1 &&
	    after >= 1 && after <= 8;
}

/* How many cells under n (n too) hold more than white space? */
static size_t
furniture_full_cells(xmlNodePtr n)
{
	static const enum xtag	 cells[] = { XT_TD, XT_TH };
	struct xlist		 l = { NULL, 0, 0 };
	size_t			 i, full = 0;

	furniture_collect(n, cells, nitems(cells), &l);
	for (i = 0; i < l.n; i++)
		if (!extract_dom_is_blank(l.v[i]))
			full++;
	extract_dom_list_free(&l);
	return full;
}

/* Is n a line of text: not a list, a table, a quotation, a figure or
 * preformatted text, whose short items or cells can end an essay? A
 * table of layout (the page's columns, not data) with one cell that is
 * not empty is a line: the cell is a box of the page. */
static int
furniture_is_line(xmlNodePtr n)
{
	static const enum xtag	 parts[] = { XT_UL, XT_OL, XT_DL, XT_LI,
	    XT_TABLE, XT_TR, XT_TD, XT_PRE, XT_CODE, XT_BLOCKQUOTE,
	    XT_FIGURE };
	size_t			 i;
	int			 cell;

	cell = furniture_layout_cell(n) && furniture_full_cells(n) == 1;
	for (i = 0; i < nitems(parts); i++) {
		if (cell && (parts[i] == XT_TABLE || parts[i] == XT_TR ||
		    parts[i] == XT_TD))
			continue;
		if (extract_dom_is(n, parts[i]) ||
		    extract_dom_count(n, parts[i]) > 0)
			return 0;
	}
	return 1;
}

/* Does the text end as a sentence or a quotation does? */
static int
furniture_sentence_end(const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n'))
		len--;
	if (len == 0)
		return 0;
	if (strchr(".!?:;)\"", s[len - 1]) != NULL)
		return 1;
	/* ” “ (German's closing quote) ’ » « 。 ！ ？ */
	return (len >= 3 && (memcmp(s + len - 3, "\xe2\x80\x9d", 3) == 0 ||
	    memcmp(s + len - 3, "\xe2\x80\x9c", 3) == 0 ||
	    memcmp(s + len - 3, "\xe2\x80\x99", 3) == 0 ||
	    memcmp(s + len - 3, "\xe3\x80\x82", 3) == 0 ||
	    memcmp(s + len - 3, "\xef\xbc\x81", 3) == 0 ||
	    memcmp(s + len - 3, "\xef\xbc\x9f", 3) == 0)) ||
	    (len >= 2 && (memcmp(s + len - 2, "\xc2\xbb", 2) == 0 ||
	    memcmp(s + len - 2, "\xc2\xab", 2) == 0));
}

/* n's only child when it is emphasis (<b>, <strong>, <em>, <i>) and n
 * holds nothing else; else n. */
static xmlNodePtr
furniture_unwrap(xmlNodePtr n)
{
	xmlNodePtr	c, only = NULL;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (only != NULL)
				return n;
			only = c;
		} else if (c->type == XML_TEXT_NODE &&
		    !extract_dom_is_blank(c))
			return n;
	}
	if (only == NULL || !(extract_dom_is(only, XT_B) ||
	    extract_dom_is(only, XT_STRONG) || extract_dom_is(only, XT_EM) ||
	    extract_dom_is(only, XT_I)))
		return n;
	return only;
}

/*
 * The essay's last line when it is a label and a few words ("Source:
 * Agency", "Photos: A. Name", "Updated: 25.01.2022", "Tags: a b c"):
 * the page's apparatus after the text, its source, credits, date or
 * tags; or four words at most that end no sentence ("Advertisement",
 * "Share this article", "Related topics", "Read the rest"): a label or
 * button of the page left over when what it led to went; or a label
 * and a link to another article set all in bold or italics ("See also:
 * Title"; inside the essay such a line can be the essay's own note, and
 * stays when emphasised). An essay ends on a sentence of its own. Only
 * the very last line, and never a heading (a part may be empty on
 * purpose): the same line inside the essay is a part of it ("Family:
 * Nyctaginaceae" in a plant's facts).
 */
static void
furniture_drop_last_line(struct xctx *x)
{
	struct xlist	 l = { NULL, 0, 0 };
	struct buf	 b = BUF_INIT, t = BUF_INIT;
	xmlNodePtr	 n;
	size_t		 i, words;

	furniture_blocks(x->article, &l);
	for (i = l.n; i > 1; i--) {
		n = l.v[i - 1];
		words = furniture_words(n, &b);
		if (words == 0 && extract_dom_count(n, XT_IMG) == 0)
			continue;
		if (words > 0 && !extract_dom_is_heading(n) &&
		    !furniture_has_heading(n) &&
		    (furniture_is_source_line(buf_str(&b), b.len) ||
		    (extract_dom_is(n, XT_P) &&
		    furniture_is_teaser_line(furniture_unwrap(n), &t)) ||
		    (words <= 4 && furniture_is_line(n) &&
		    !furniture_sentence_end(buf_str(&b), b.len))))
			extract_dom_remove(x, n);
		break;
	}
	extract_dom_list_free(&l);
	buf_free(&b);
	buf_free(&t);
}

/* The text of n with a NUL where a <br> cuts the line (text nodes hold
 * none, and a word may span text nodes). */
static void
furniture_line_text(xmlNodePtr n, struct buf *b)
{
	xmlNodePtr	c;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL)
			buf_add(b, (const char *)c->content,
			    strlen((const char *)c->content));
		else if (c->type == XML_ELEMENT_NODE) {
			if (extract_dom_is(c, XT_BR))
				buf_add(b, "", 1);
			else
				furniture_line_text(c, b);
		}
	}
}

/* The most words on one line of n, lines being cut at <br>; each line's
 * words are counted once, however many nodes it is made of. */
static size_t
furniture_longest_line(xmlNodePtr n, struct buf *b)
{
	const char	*s, *end, *cut;
	size_t		 words, most = 0;

	buf_reset(b);
	furniture_line_text(n, b);
	for (s = buf_str(b), end = s + b->len; s <= end; s = cut + 1) {
		if ((cut = memchr(s, '\0', end - s)) == NULL)
			cut = end;
		if ((words = doc_count_words(s, cut - s)) > most)
			most = words;
	}
	return most;
}

/* Does the text hold an e-mail address: a word with letters or digits
 * on both sides of an '@' and a dot after it? */
static int
furniture_has_address(const char *s)
{
	const char	*at, *p;

	for (at = s; (at = strchr(at, '@')) != NULL; at++) {
		if (at == s || !(ascii_isalpha((unsigned char)at[-1]) ||
		    (at[-1] >= '0' && at[-1] <= '9')))
			continue;
		for (p = at + 1; *p != '\0' && *p != ' ' && *p != '\n'; p++)
			if (*p == '.' && ascii_isalpha((unsigned char)p[1]))
				return 1;
	}
	return 0;
}

/* Does n hold a way to write or call someone: an e-mail address, or a
 * mailto: or tel: link? */
static int
furniture_has_contact(xmlNodePtr n, struct buf *b)
{
	static const enum xtag	 anchor[] = { XT_A };
	struct xlist		 l = { NULL, 0, 0 };
	const char		*href;
	size_t			 i;
	int			 found;

	furniture_words(n, b);
	found = furniture_has_address(buf_str(b));
	furniture_collect(n, anchor, nitems(anchor), &l);
	for (i = 0; i < l.n && !found; i++)
		found = (href = extract_dom_attr(l.v[i], "href")) != NULL &&
		    (strprefix_ci(href, "mailto:") || strprefix_ci(href, "tel:"));
	extract_dom_list_free(&l);
	return found;
}

/*
 * A contact box at the end of the essay: a label of a few words ending
 * in ':' ("Contact:", "Press office:"), then to the end only short lines
 * (names, offices, addresses, numbers, fifteen words at most each), one
 * of them an e-mail address or a link to write or call. It tells whom
 * to ask, not what the essay says. Preformatted text keeps its lines.
 */
static void
furniture_drop_contacts(struct xctx *x)
{
	struct xlist	 l = { NULL, 0, 0 };
	struct buf	 b = BUF_INIT, line = BUF_INIT;
	xmlNodePtr	 n;
	size_t		 i, start, cut, words, total, gone = 0;
	int		 contact = 0;

	total = extract_dom_textlen(x->article, XLEN_NORMAL);
	furniture_blocks(x->article, &l);
	/* The run of short lines that ends the essay. */
	for (start = l.n; start > 0; start--) {
		n = l.v[start - 1];
		if (extract_dom_is(n, XT_PRE) || extract_dom_count(n, XT_PRE) ||
		    furniture_longest_line(n, &line) > 15)
			break;
	}
	/* Its first label with a way to reach someone after it. */
	for (cut = start; cut < l.n; cut++) {
		words = furniture_words(l.v[cut], &b);
		if (words == 0 || words > 4 || buf_str(&b)[b.len - 1] != ':')
			continue;
		for (i = cut + 1; i < l.n && !contact; i++)
			contact = furniture_has_contact(l.v[i], &b);
		break;
	}
	for (i = cut; i < l.n; i++)
		gone += extract_dom_textlen(l.v[i], XLEN_NORMAL);
	if (contact && gone * 3 < total)
		for (i = cut; i < l.n; i++)
			extract_dom_remove(x, l.v[i]);
	extract_dom_list_free(&l);
	buf_free(&b);
	buf_free(&line);
}

void
extract_furniture_drop(struct xctx *x)
{
	if (x->article == NULL)
		return;
	furniture_drop_unseen(x);
	furniture_drop_trails(x);
	furniture_drop_status(x);
	furniture_drop_credits(x);
	furniture_drop_credited(x);
	furniture_drop_lead_captions(x);
	furniture_drop_menus(x);
	furniture_drop_contacts(x);
	furniture_drop_boxes(x);
	furniture_drop_tail_links(x);
	furniture_drop_link_boxes(x);
	furniture_drop_teasers(x);
	furniture_drop_teaser_lines(x);
	furniture_drop_bookmarks(x);
	furniture_drop_link_quotes(x);
	furniture_drop_dates(x);
	furniture_drop_bar_lines(x);
	furniture_drop_last_line(x);
	furniture_drop_orphans(x);
}
