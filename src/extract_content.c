/* extract_content.c: picking the essay out of a page, after Mozilla's
 * Readability: prepare the page, score paragraphs into their containers,
 * take the best container and its kin, clean it; retry with looser rules
 * when too little text comes out. */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "buf.h"
#include "doc.h"
#include "extract_content.h"
#include "extract_dom.h"
#include "extract_int.h"
#include "util.h"

/* How many best candidates are weighed against each other. */
#define CONTENT_TOP		5
/* Rows or columns of a table counted at most. */
#define CONTENT_CELLS_MAX	1000000L

/* Class and id words of what is never the essay. */
static const char *const content_unlikely[] = { "-ad-", "ai2html",
    "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap",
    "disqus", "extra", "footer", "gdpr", "header", "legends", "menu",
    "related", "remark", "replies", "rss", "shoutbox", "sidebar",
    "skyscraper", "social", "sponsor", "supplemental", "ad-break",
    "agegate", "pagination", "pager", "popup", "yom-remote", NULL };
/* ... unless one of these says it may hold it after all. */
static const char *const content_maybe[] = { "and", "article", "body",
    "column", "content", "main", "shadow", NULL };
/* Class and id words that make a container more or less likely. */
static const char *const content_positive[] = { "article", "body",
    "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
    "post", "text", "blog", "story", NULL };
static const char *const content_negative[] = { "-ad-", "hidden",
    "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
    "masthead", "media", "meta", "outbrain", "promo", "related", "scroll",
    "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
    "tags", "widget", NULL };
static const char *const content_byline[] = { "byline", "author",
    "dateline", "writtenby", "p-author", NULL };
/* ARIA roles of menus and dialogs. */
static const char *const content_roles[] = { "menu", "menubar",
    "complementary", "navigation", "alert", "alertdialog", "dialog", NULL };

/* HTML's phrasing content as Readability lists it, with the old inline
 * elements it forgets (u, s, tt, font): they must not split a paragraph. */
static const unsigned char content_is_phrasing[XT_COUNT] = {
	[XT_ABBR] = 1, [XT_AUDIO] = 1, [XT_B] = 1, [XT_BDI] = 1,
	[XT_BDO] = 1, [XT_BR] = 1, [XT_BUTTON] = 1, [XT_CITE] = 1,
	[XT_CODE] = 1, [XT_DATA] = 1, [XT_DATALIST] = 1, [XT_DFN] = 1,
	[XT_EM] = 1, [XT_EMBED] = 1, [XT_FONT] = 1, [XT_I] = 1,
	[XT_IMG] = 1, [XT_INPUT] = 1, [XT_KBD] = 1, [XT_LABEL] = 1,
	[XT_MARK] = 1, [XT_MATH] = 1, [XT_METER] = 1, [XT_NOSCRIPT] = 1,
	[XT_OBJECT] = 1, [XT_OUTPUT] = 1, [XT_PROGRESS] = 1, [XT_Q] = 1,
	[XT_RUBY] = 1, [XT_S] = 1, [XT_SAMP] = 1, [XT_SCRIPT] = 1,
	[XT_SELECT] = 1, [XT_SMALL] = 1, [XT_SPAN] = 1, [XT_STRIKE] = 1,
	[XT_STRONG] = 1, [XT_SUB] = 1, [XT_SUP] = 1, [XT_TEXTAREA] = 1,
	[XT_TIME] = 1, [XT_TT] = 1, [XT_U] = 1, [XT_VAR] = 1, [XT_WBR] = 1,
};

static int
content_is_text(xmlNodePtr n)
{
	return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}

static int
content_phrasing(xmlNodePtr n)
{
	xmlNodePtr	c;
	enum xtag	t;

	if (content_is_text(n))
		return 1;
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	t = extract_dom_tag(n);
	if (content_is_phrasing[t])
		return 1;
	if (t != XT_A && t != XT_DEL && t != XT_INS)
		return 0;
	for (c = n->children; c != NULL; c = c->next) {
		if (!content_phrasing(c))
			return 0;
	}
	return 1;
}

/* White space or a <br>: what may trail a paragraph. */
static int
content_whitespace(xmlNodePtr n)
{
	if (content_is_text(n))
		return extract_dom_is_blank(n);
	return extract_dom_is(n, XT_BR);
}

/* Skips text and comments that hold only white space. */
static xmlNodePtr
content_next_node(xmlNodePtr n)
{
	while (n != NULL && n->type != XML_ELEMENT_NODE &&
	    (n->content == NULL ||
	    extract_dom_blank_str((const char *)n->content)))
		n = n->next;
	return n;
}

/* "hid" as a whole space-separated word. */
static int
content_hid(const char *s)
{
	const char	*p;

	for (p = s; *p != '\0'; p++) {
		if ((p == s || p[-1] == ' ') && strncasecmp(p, "hid", 3) == 0 &&
		    (p[3] == '\0' || p[3] == ' '))
			return 1;
	}
	return 0;
}

static int
content_role(const char *role)
{
	size_t	i;

	for (i = 0; content_roles[i] != NULL; i++) {
		if (strcmp(role, content_roles[i]) == 0)
			return 1;
	}
	return 0;
}

/*
 * The class or id s with the names of a hidden part blanked out: a
 * "label-hidden" or "title-hidden" element (as content systems mark
 * every field whose label is not shown) hides its label, not itself, and
 * is no more likely clutter than any other. The caller frees the copy.
 */
static char *
content_shown(const char *s)
{
	static const char *const parts[] = { "label-hidden", "title-hidden",
	    NULL };
	char	*c = xstrdup(s), *p, *q;
	size_t	 i, len;

	for (p = c; *p != '\0'; p++)
		*p = ascii_lower((unsigned char)*p);
	for (i = 0; parts[i] != NULL; i++) {
		len = strlen(parts[i]);
		for (q = c; (q = strstr(q, parts[i])) != NULL; q += len)
			memset(q, ' ', len);
	}
	return c;
}

static int
content_weigh(const char *s)
{
	char	*shown = content_shown(s);
	int	 w = 0;

	if (extract_dom_match_any(shown, content_negative) || content_hid(s))
		w -= 25;
	free(shown);
	if (extract_dom_match_any(s, content_positive))
		w += 25;
	return w;
}

/* -25 to +25 for each of class and id by the words in them. */
static int
content_class_weight(struct xctx *x, xmlNodePtr n)
{
	const char	*s;
	int		 w = 0;

	if (!(x->flags & XF_WEIGHT_CLASSES))
		return 0;
	if ((s = extract_dom_attr(n, "class")) != NULL && *s != '\0')
		w += content_weigh(s);
	if ((s = extract_dom_attr(n, "id")) != NULL && *s != '\0')
		w += content_weigh(s);
	return w;
}

/* The last value of a CSS property in a style attribute, trimmed and
 * without !important, into out; 0 if absent. */
static int
content_css(const char *style, const char *prop, char *out, size_t size)
{
	const char	*p = style, *colon, *end, *v;
	size_t		 plen = strlen(prop), len;
	int		 found = 0;

	while (*p != '\0') {
		end = strchr(p, ';');
		if (end == NULL)
			end = p + strlen(p);
		colon = memchr(p, ':', (size_t)(end - p));
		if (colon != NULL) {
			while (p < colon && (*p == ' ' || *p == '\t' ||
			    *p == '\n' || *p == '\r'))
				p++;
			len = (size_t)(colon - p);
			while (len > 0 && (p[len - 1] == ' ' ||
			    p[len - 1] == '\t'))
				len--;
			if (len == plen && strncasecmp(p, prop, plen) == 0) {
				for (v = colon + 1; v < end && (*v == ' ' ||
				    *v == '\t' || *v == '\n'); v++)
					;
				len = (size_t)(end - v);
				while (len > 0 && (v[len - 1] == ' ' ||
				    v[len - 1] == '\t' || v[len - 1] == '\n'))
					len--;
				if (len >= 10 && strncasecmp(v + len - 10,
				    "!important", 10) == 0) {
					len -= 10;
					while (len > 0 && v[len - 1] == ' ')
						len--;
				}
				if (len >= size)
					len = size - 1;
				memcpy(out, v, len);
				out[len] = '\0';
				found = 1;
			}
		}
		p = *end == ';' ? end + 1 : end;
	}
	return found;
}

/* Hidden by style, the hidden attribute or aria-hidden (except the
 * fallback images of Wikipedia's formulas). */
static int
content_visible(xmlNodePtr n)
{
	const char	*style, *s;
	char		 v[32];

	if ((style = extract_dom_attr(n, "style")) != NULL) {
		if (content_css(style, "display", v, sizeof v) &&
		    strcasecmp(v, "none") == 0)
			return 0;
		if (content_css(style, "visibility", v, sizeof v) &&
		    strcasecmp(v, "hidden") == 0)
			return 0;
	}
	if (extract_dom_attr(n, "hidden") != NULL)
		return 0;
	if ((s = extract_dom_attr(n, "aria-hidden")) != NULL &&
	    strcmp(s, "true") == 0) {
		s = extract_dom_attr(n, "class");
		return s != NULL && strstr(s, "fallback-image") != NULL;
	}
	return 1;
}

/* An embedded player from a video site people want to see. */
static int
content_video(const char *s)
{
	static const char *const hosts[] = { "dailymotion.com",
	    "youtube.com", "youtube-nocookie.com", "player.vimeo.com",
	    "v.qq.com", "archive.org", "upload.wikimedia.org",
	    "player.twitch.tv", NULL };
	const char	*p;
	size_t		 i;

	for (p = s; (p = strstr(p, "//")) != NULL; p++) {
		p += 2;
		if (strncasecmp(p, "www.", 4) == 0)
			p += 4;
		for (i = 0; hosts[i] != NULL; i++) {
			if (strncasecmp(p, hosts[i], strlen(hosts[i])) == 0)
				return 1;
		}
		p--;
	}
	return 0;
}

static int
content_video_attrs(xmlNodePtr n)
{
	xmlAttrPtr	a;

	for (a = n->properties; a != NULL; a = a->next) {
		if (a->children != NULL && a->children->content != NULL &&
		    content_video((const char *)a->children->content))
			return 1;
	}
	return 0;
}

/* An <object>'s inner markup names a video site (its <param>s and
 * <embed>s). */
static int
content_video_inside(xmlNodePtr root)
{
	xmlNodePtr	n;

	for (n = extract_dom_next(root, 0); n != NULL &&
	    n != extract_dom_next(root, 1); n = extract_dom_next(n, 0)) {
		if (content_video_attrs(n))
			return 1;
	}
	return 0;
}

static void
content_init(struct xctx *x, xmlNodePtr n)
{
	struct xnode	*d = extract_dom_data(x, n);

	d->flags |= XN_SCORED;
	switch (d->tag) {
	case XT_DIV:
		d->score = 5;
		break;
	case XT_PRE:
	case XT_TD:
	case XT_BLOCKQUOTE:
		d->score = 3;
		break;
	case XT_ADDRESS:
	case XT_OL:
	case XT_UL:
	case XT_DL:
	case XT_DD:
	case XT_DT:
	case XT_LI:
	case XT_FORM:
		d->score = -3;
		break;
	case XT_H1:
	case XT_H2:
	case XT_H3:
	case XT_H4:
	case XT_H5:
	case XT_H6:
	case XT_TH:
		d->score = -5;
		break;
	default:
		d->score = 0;
		break;
	}
	d->score += content_class_weight(x, n);
}

static int
content_scored(struct xctx *x, xmlNodePtr n)
{
	return (extract_dom_data(x, n)->flags & XN_SCORED) != 0;
}

static double
content_score(struct xctx *x, xmlNodePtr n)
{
	return extract_dom_data(x, n)->score;
}

static xmlNodePtr
content_remove_next(struct xctx *x, xmlNodePtr n)
{
	xmlNodePtr	next = extract_dom_next(n, 1);

	extract_dom_remove(x, n);
	return next;
}

/* Exactly one element child, of tag t, and no text that ends in
 * something other than white space. */
static int
content_single_inside(xmlNodePtr n, enum xtag t)
{
	xmlNodePtr	 c, first = extract_dom_first(n);

	if (first == NULL || extract_dom_tag(first) != t ||
	    extract_dom_next_sibling(first) != NULL)
		return 0;
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL &&
		    extract_dom_ends_nonspace((const char *)c->content))
			return 0;
	}
	return 1;
}

/* An element with no text and no children but <br> and <hr>. */
static int
content_without_content(xmlNodePtr n)
{
	size_t	kids;

	if (!extract_dom_is_blank(n))
		return 0;
	kids = extract_dom_nchildren(n);
	return kids == 0 || kids == extract_dom_count(n, XT_BR) +
	    extract_dom_count(n, XT_HR);
}

/* <br><br> runs become paragraph breaks: the first <br> turns into a <p>
 * holding what follows up to the next run. */
static void
content_replace_brs(struct xctx *x)
{
	static const enum xtag	 br[] = { XT_BR };
	struct xlist		 l = { NULL, 0, 0 };
	xmlNodePtr		 b, next, sib, p, parent;
	size_t			 i;
	int			 replaced;

	extract_dom_collect(x->body, br, 1, &l);
	for (i = 0; i < l.n; i++) {
		b = l.v[i];
		if (b->parent == NULL)
			continue;
		replaced = 0;
		next = b->next;
		while ((next = content_next_node(next)) != NULL &&
		    extract_dom_is(next, XT_BR)) {
			replaced = 1;
			sib = next->next;
			extract_dom_remove(x, next);
			next = sib;
		}
		if (!replaced)
			continue;
		p = extract_dom_new(x, XT_P);
		extract_dom_replace(b, p);
		extract_dom_list_add(&x->dead, b);
		next = p->next;
		while (next != NULL) {
			if (extract_dom_is(next, XT_BR)) {
				sib = content_next_node(next->next);
				if (sib != NULL && extract_dom_is(sib, XT_BR))
					break;
			}
			if (!content_phrasing(next))
				break;
			sib = next->next;
			extract_dom_append_spaced(p, next);
			next = sib;
		}
		/* The spaces before where it stopped went into p, and are
		 * trimmed off its end. */
		if (next != NULL)
			extract_dom_spaces_drop(next);
		while (p->last != NULL && content_whitespace(p->last))
			extract_dom_remove(x, p->last);
		if ((parent = extract_dom_parent(p)) != NULL &&
		    extract_dom_is(parent, XT_P))
			extract_dom_rename(x, parent, XT_DIV);
	}
	extract_dom_list_free(&l);
}

/* Readies the whole page: scripts, styles and templates out (none is
 * text a reader sees), <br> runs into paragraphs, <font> into <span>.
 * Ruby's annotations go too: a terminal cannot set a reading above its
 * base, and inline it splits the base's word ("子こども") for the reader
 * and for search; the base text stays. Runs after JSON-LD is read. */
void
extract_content_prepare(struct xctx *x)
{
	static const enum xtag	 tags[] = { XT_SCRIPT, XT_NOSCRIPT,
	    XT_STYLE, XT_TEMPLATE, XT_FONT, XT_RT, XT_RP };
	struct xlist		 l = { NULL, 0, 0 };
	xmlNodePtr		 root = xmlDocGetRootElement(x->doc);
	size_t			 i;

	if (root == NULL)
		return;
	extract_dom_collect(root, tags, nitems(tags), &l);
	for (i = l.n; i > 0; i--) {
		if (extract_dom_is(l.v[i - 1], XT_FONT))
			extract_dom_rename(x, l.v[i - 1], XT_SPAN);
		else
			extract_dom_remove(x, l.v[i - 1]);
	}
	extract_dom_list_free(&l);
	if (x->body != NULL)
		content_replace_brs(x);
}

/* Whether n is named or marked as the author's and short. */
static int
content_bylike(xmlNodePtr n, const char *match)
{
	const char	*rel = extract_dom_attr(n, "rel");
	const char	*prop = extract_dom_attr(n, "itemprop");
	size_t		 len;

	if (!((rel != NULL && strcmp(rel, "author") == 0) ||
	    (prop != NULL && strstr(prop, "author") != NULL) ||
	    extract_dom_match_any(match, content_byline)))
		return 0;
	len = extract_dom_textlen(n, XLEN_TRIM);
	return len > 0 && len < 100;
}

/*
 * Whether n holds blocks (a list, a date line, a job title) and, inside,
 * an element that is a byline itself. Readability's 100 characters are
 * counted on the page as written, where the indentation of such blocks
 * takes a wrapper over the limit and the byline inside is taken instead;
 * tidy keeps no indentation, so the structure has to say it.
 */
static int
content_byline_wrapper(xmlNodePtr n)
{
	struct buf	 mb = BUF_INIT;
	xmlNodePtr	 c, end;
	int		 blocks = 0, inner = 0;

	for (c = extract_dom_first(n); c != NULL && !blocks;
	    c = extract_dom_next_sibling(c))
		blocks = !content_phrasing(c);
	if (!blocks)
		return 0;
	end = extract_dom_next(n, 1);
	for (c = extract_dom_next(n, 0); c != NULL && c != end && !inner;
	    c = extract_dom_next(c, 0))
		inner = content_bylike(c, extract_dom_match_string(c, &mb));
	buf_free(&mb);
	return inner;
}

/* A short element named or marked as the author's: the byline. */
static int
content_is_byline(xmlNodePtr n, const char *match)
{
	return content_bylike(n, match) && !content_byline_wrapper(n);
}

/* Keeps the byline's text, preferring a child marked itemprop="name". */
static void
content_take_byline(struct xctx *x, xmlNodePtr n)
{
	xmlNodePtr	 c, end = extract_dom_next(n, 1), who = n;
	const char	*prop;
	struct buf	 b = BUF_INIT;

	for (c = extract_dom_next(n, 0); c != NULL && c != end;
	    c = extract_dom_next(c, 0)) {
		if ((prop = extract_dom_attr(c, "itemprop")) != NULL &&
		    strstr(prop, "name") != NULL) {
			who = c;
			break;
		}
	}
	extract_dom_text(who, 0, &b);
	free(x->byline);
	x->byline = buf_detach(&b, NULL);
}

/* An h1 or h2 that repeats the title (shown apart from the text). */
static int
content_duplicates_title(struct xctx *x, xmlNodePtr n)
{
	struct buf	b = BUF_INIT;
	int		dup;

	if (!extract_dom_is(n, XT_H1) && !extract_dom_is(n, XT_H2))
		return 0;
	extract_dom_text(n, 0, &b);
	dup = extract_dom_similarity(x->meta.title != NULL ? x->meta.title :
	    "", buf_str(&b)) > 0.75;
	buf_free(&b);
	return dup;
}

/* A <div> holding only phrasing content is a paragraph; phrasing runs
 * beside blocks are wrapped into paragraphs. Returns the node that stands
 * in its place, scoring it when it became a paragraph. */
static xmlNodePtr
content_div_to_p(struct xctx *x, xmlNodePtr n, struct xlist *score)
{
	xmlNodePtr	c, next, p = NULL, only;

	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		/* The spaces before c go into p with what comes before. */
		if (content_phrasing(c)) {
			if (p != NULL)
				extract_dom_append_spaced(p, c);
			else if (!content_whitespace(c)) {
				p = extract_dom_new(x, XT_P);
				extract_dom_replace(c, p);
				extract_dom_append(p, c);
			}
		} else if (p != NULL) {
			/* ... and are trimmed off its end. */
			extract_dom_spaces_drop(c);
			while (p->last != NULL && content_whitespace(p->last))
				extract_dom_remove(x, p->last);
			p = NULL;
		}
	}
	if (content_single_inside(n, XT_P) &&
	    extract_dom_link_density(n) < 0.25) {
		only = extract_dom_first(n);
		extract_dom_replace(n, only);
		extract_dom_list_add(&x->dead, n);
		extract_dom_data(x, only)->origin = n;
		extract_dom_list_add(score, only);
		return only;
	}
	if (!extract_dom_has_block(n)) {
		extract_dom_rename(x, n, XT_P);
		extract_dom_list_add(score, n);
	}
	return n;
}

/* The next element after n in a depth-first walk of root's subtree (root
 * excluded), not entering n when skip is set. */
static xmlNodePtr
content_walk(xmlNodePtr n, xmlNodePtr root, int skip)
{
	xmlNodePtr	c;

	if (!skip && (c = extract_dom_first(n)) != NULL)
		return c;
	for (; n != NULL && n != root; n = extract_dom_parent(n)) {
		if ((c = extract_dom_next_sibling(n)) != NULL)
			return c;
	}
	return NULL;
}

/* The text of the paragraphs under root that the scoring counts (25
 * characters or more each). */
static size_t
content_ptext(xmlNodePtr root)
{
	xmlNodePtr	n;
	size_t		sum = 0, len;

	for (n = extract_dom_first(root); n != NULL;) {
		if (extract_dom_is(n, XT_P)) {
			if ((len = extract_dom_textlen(n, XLEN_NORMAL)) >= 25)
				sum += len;
			n = content_walk(n, root, 1);
		} else
			n = content_walk(n, root, 0);
	}
	return sum;
}

/* Whether a word of the space-separated list s is one of words whole. */
static int
content_word_is(const char *s, const char *const *words)
{
	size_t	len, i;

	while (s != NULL && *s != '\0') {
		s += strspn(s, " \t\n");
		len = strcspn(s, " \t\n");
		for (i = 0; len > 0 && words[i] != NULL; i++) {
			if (strlen(words[i]) == len &&
			    strncasecmp(s, words[i], len) == 0)
				return 1;
		}
		s += len;
	}
	return 0;
}

/*
 * Whether n, named like page furniture only by part of a word, holds most
 * of the page's paragraphs: such a name is a guess ("above-footer" or
 * "extra-wide" wrapping the whole article would else take it away, and
 * leave a notice to be taken for the essay), where the text stands is a
 * fact. A name that is the word itself ("sidebar") and an <aside> are
 * statements, and stay unlikely.
 */
static int
content_holds_most(xmlNodePtr n, const char *match, size_t page)
{
	return page >= EXTRACT_MIN_CHARS && !extract_dom_is(n, XT_ASIDE) &&
	    !content_word_is(match, content_unlikely) &&
	    content_ptext(n) * 2 >= page;
}

/* Removes n in the sweep and returns the next node to look at; *after,
 * the title's next sibling, moves on when n is it, so that it stays in
 * the page. */
static xmlNodePtr
content_sweep_remove(struct xctx *x, xmlNodePtr n, xmlNodePtr *after)
{
	if (n == *after)
		*after = extract_dom_next_sibling(n);
	return content_remove_next(x, n);
}

/* First pass of an attempt: drop what cannot be content, take the byline,
 * and list the elements whose text is scored. The heading that repeated
 * the title, taken out, goes into *title, and the first of its next
 * siblings still in the page into *after; returns where it stood, or
 * NULL. */
static xmlNodePtr
content_sweep(struct xctx *x, struct xlist *score, xmlNodePtr *title,
    xmlNodePtr *after)
{
	struct buf	 mb = BUF_INIT;
	xmlNodePtr	 title_at = NULL, next;
	xmlNodePtr	 n = xmlDocGetRootElement(x->doc);
	const char	*match, *role, *s;
	enum xtag	 t;
	size_t		 page;
	int		 title_header = 1;

	page = x->body != NULL && (x->flags & XF_STRIP_UNLIKELY) ?
	    content_ptext(x->body) : 0;
	while (n != NULL) {
		t = extract_dom_tag(n);
		match = extract_dom_match_string(n, &mb);
		if (t == XT_HTML || t == XT_BODY)
			;	/* never removed: the rest hangs on them */
		else if (!content_visible(n) ||
		    ((s = extract_dom_attr(n, "aria-modal")) != NULL &&
		    strcmp(s, "true") == 0 &&
		    (role = extract_dom_attr(n, "role")) != NULL &&
		    strcmp(role, "dialog") == 0)) {
			n = content_sweep_remove(x, n, after);
			continue;
		} else if (x->byline == NULL && x->meta.byline == NULL &&
		    content_is_byline(n, match)) {
			content_take_byline(x, n);
			n = content_sweep_remove(x, n, after);
			continue;
		} else if (title_header && content_duplicates_title(x, n)) {
			title_header = 0;
			title_at = extract_dom_parent(n);
			*title = n;
			*after = extract_dom_next_sibling(n);
			n = content_sweep_remove(x, n, after);
			continue;
		} else if ((x->flags & XF_STRIP_UNLIKELY) &&
		    ((extract_dom_match_any(match, content_unlikely) &&
		    !extract_dom_match_any(match, content_maybe) &&
		    !extract_dom_has_ancestor(n, XT_TABLE, 3, NULL) &&
		    !extract_dom_has_ancestor(n, XT_CODE, 3, NULL) &&
		    t != XT_A && !content_holds_most(n, match, page)) ||
		    ((role = extract_dom_attr(n, "role")) != NULL &&
		    content_role(role)))) {
			n = content_sweep_remove(x, n, after);
			continue;
		} else if ((t == XT_DIV || t == XT_SECTION || t == XT_HEADER ||
		    (t >= XT_H1 && t <= XT_H6)) && content_without_content(n)) {
			n = content_sweep_remove(x, n, after);
			continue;
		}
		if (t == XT_SECTION || (t >= XT_H2 && t <= XT_H6) ||
		    t == XT_P || t == XT_TD || t == XT_PRE)
			extract_dom_list_add(score, n);
		if (t == XT_DIV) {
			next = content_div_to_p(x, n, score);
			if (n == *after)
				*after = next;
			n = next;
		}
		n = extract_dom_next(n, 0);
	}
	buf_free(&mb);
	return title_at;
}

/*
 * A list written with <br>: five lines or more of four words or fewer on
 * average (names with their colleges, addresses, the signatories under a
 * letter). It is not prose, and is not scored as a paragraph, as a list's
 * items are not: its commas part a name from a title, and a few hundred
 * of them took the letter's place.
 */
static int
content_br_list(xmlNodePtr e)
{
	struct buf	 b = BUF_INIT;
	size_t		 brs, words;

	if ((brs = extract_dom_count(e, XT_BR)) < 4)
		return 0;
	extract_dom_text(e, 1, &b);
	words = doc_count_words(buf_str(&b), b.len);
	buf_free(&b);
	return words <= (brs + 1) * 4;
}

/* Scores each listed paragraph into its parent (in full), grandparent
 * (half) and farther ancestors (less), and lists those candidates; a
 * list written with <br> scores nothing. */
static void
content_score_paragraphs(struct xctx *x, struct xlist *score,
    struct xlist *cands)
{
	xmlNodePtr	 e, a;
	size_t		 i, len;
	double		 points;
	int		 level;

	for (i = 0; i < score->n; i++) {
		e = score->v[i];
		if (extract_dom_parent(e) == NULL)
			continue;
		if ((len = extract_dom_textlen(e, XLEN_NORMAL)) < 25)
			continue;
		if (content_br_list(e))
			continue;
		points = 1 + (double)(extract_dom_commas(e, 1) + 1) +
		    (double)(len / 100 < 3 ? len / 100 : 3);
		for (a = extract_dom_parent(e), level = 0; a != NULL &&
		    level < 5; a = extract_dom_parent(a), level++) {
			if (extract_dom_parent(a) == NULL)
				continue;	/* <html>: never a candidate */
			if (!content_scored(x, a)) {
				content_init(x, a);
				extract_dom_list_add(cands, a);
			}
			extract_dom_data(x, a)->score += points /
			    (level == 0 ? 1 : level == 1 ? 2 : level * 3);
		}
	}
}

/* Whether anc is an ancestor of n. */
static int
content_is_ancestor(xmlNodePtr anc, xmlNodePtr n)
{
	for (n = extract_dom_parent(n); n != NULL; n = extract_dom_parent(n)) {
		if (n == anc)
			return 1;
	}
	return 0;
}

/*
 * Whether n has two siblings or more of its shape (same tag, same
 * non-empty class) that hold text, as many posts of a thread or many
 * parts of an essay that a page cuts into blocks of one kind: then the
 * text is split among them, not in n alone.
 */
static int
content_has_twins(xmlNodePtr n)
{
	const char	*cls = extract_dom_attr(n, "class"), *c;
	xmlNodePtr	 p = extract_dom_parent(n), s;
	size_t		 twins = 0, len, sum = 0;

	if (cls == NULL || *cls == '\0' || p == NULL)
		return 0;
	for (s = extract_dom_first(p); s != NULL;
	    s = extract_dom_next_sibling(s)) {
		if (s == n || extract_dom_tag(s) != extract_dom_tag(n) ||
		    (c = extract_dom_attr(s, "class")) == NULL ||
		    strcmp(c, cls) != 0)
			continue;
		if ((len = extract_dom_textlen(s, XLEN_NORMAL)) >= 100) {
			twins++;
			sum += len;
		}
	}
	/* Together they weigh as much as n: small boxes of one kind after
	 * an essay (a site's footer cards) are not its parts. */
	return twins >= 2 && sum >= extract_dom_textlen(n, XLEN_NORMAL);
}

/* Whether n is a or inside it. */
static int
content_within(xmlNodePtr n, xmlNodePtr a)
{
	return n == a || content_is_ancestor(a, n);
}

/* Whether root holds an element of the tag and class of h. */
static int
content_holds_like(xmlNodePtr root, xmlNodePtr h)
{
	const char	*hc = extract_dom_attr(h, "class"), *c;
	xmlNodePtr	 n, end = extract_dom_next(root, 1);

	for (n = extract_dom_next(root, 0); n != NULL && n != end;
	    n = extract_dom_next(n, 0)) {
		if (extract_dom_tag(n) != extract_dom_tag(h))
			continue;
		c = extract_dom_attr(n, "class");
		if ((hc == NULL || *hc == '\0') ? (c == NULL || *c == '\0') :
		    (c != NULL && strcmp(c, hc) == 0))
			return 1;
	}
	return 0;
}

/*
 * When t stands in one of several blocks of one shape (same tag, same
 * class, each with a heading like the title's: the articles of a page
 * that loads the next ones below it) and the heading that repeats the
 * page's title (title, taken out of title_at) stood in one of them before
 * it, that one is the page's article, whichever is longer: returns the
 * best candidate inside it (or the block itself). Else NULL.
 */
static xmlNodePtr
content_titled_twin(struct xctx *x, xmlNodePtr t, struct xlist *cands,
    xmlNodePtr title_at, xmlNodePtr title)
{
	xmlNodePtr	 a, s, best = NULL;
	const char	*cls, *c;
	size_t		 i;

	/* The title stood inside t, or above it. */
	if (title_at == NULL || content_within(title_at, t) ||
	    content_is_ancestor(title_at, t))
		return NULL;
	for (a = t; a != NULL && !extract_dom_is(a, XT_BODY);
	    a = extract_dom_parent(a)) {
		if ((cls = extract_dom_attr(a, "class")) == NULL ||
		    *cls == '\0' || !content_holds_like(a, title))
			continue;
		for (s = extract_dom_first(extract_dom_parent(a)); s != NULL &&
		    s != a; s = extract_dom_next_sibling(s)) {
			if (extract_dom_tag(s) != extract_dom_tag(a) ||
			    (c = extract_dom_attr(s, "class")) == NULL ||
			    strcmp(c, cls) != 0 || !content_within(title_at, s))
				continue;
			for (i = 0; i < cands->n; i++) {
				if (content_within(cands->v[i], s) &&
				    (best == NULL || content_score(x,
				    cands->v[i]) > content_score(x, best)))
					best = cands->v[i];
			}
			return best != NULL ? best : s;
		}
	}
	return NULL;
}

/*
 * The element marked as the article's body by schema.org microdata
 * (itemprop="articleBody") above t, when the text its paragraphs hold is
 * half as much again as what t's parent holds: the page says where its
 * essay is, and the essay is cut into blocks t is only one of. Else NULL.
 */
static xmlNodePtr
content_article_body(xmlNodePtr t)
{
	xmlNodePtr	 p;
	const char	*ip;

	for (p = extract_dom_parent(t); p != NULL &&
	    !extract_dom_is(p, XT_BODY); p = extract_dom_parent(p)) {
		if ((ip = extract_dom_attr(p, "itemprop")) == NULL ||
		    !content_word_is(ip, (const char *const []){
		    "articleBody", NULL }))
			continue;
		return content_ptext(p) * 2 >=
		    content_ptext(extract_dom_parent(t)) * 3 ? p : NULL;
	}
	return NULL;
}

/* Picks the container of the essay among the candidates (title_at and
 * title as content_titled_twin() takes them). Returns it, or NULL when
 * the body itself must be wrapped. */
static xmlNodePtr
content_pick(struct xctx *x, struct xlist *cands, xmlNodePtr title_at,
    xmlNodePtr title)
{
	xmlNodePtr	 top[CONTENT_TOP], alts[CONTENT_TOP], t, p;
	double		 s, last, threshold;
	size_t		 ntop = 0, i, j, alt, holders;

	for (i = 0; i < cands->n; i++) {
		t = cands->v[i];
		s = content_score(x, t) * (1 - extract_dom_link_density(t));
		extract_dom_data(x, t)->score = s;
		for (j = 0; j < CONTENT_TOP; j++) {
			if (j >= ntop || s > content_score(x, top[j])) {
				if (ntop == CONTENT_TOP)
					ntop--;
				memmove(&top[j + 1], &top[j],
				    (ntop - j) * sizeof top[0]);
				top[j] = t;
				ntop++;
				break;
			}
		}
	}
	if (ntop == 0 || extract_dom_is(top[0], XT_BODY))
		return NULL;
	t = top[0];

	/* When three or more near-equal candidates share an ancestor, the
	 * essay is likely split among them: take the ancestor. */
	for (i = 1, alt = 0; i < ntop; i++) {
		if (content_score(x, top[i]) / content_score(x, t) >= 0.75)
			alts[alt++] = top[i];
	}
	if (alt >= 3) {
		for (p = extract_dom_parent(t); p != NULL &&
		    !extract_dom_is(p, XT_BODY); p = extract_dom_parent(p)) {
			for (i = holders = 0; i < alt && holders < 3; i++)
				holders += content_is_ancestor(p, alts[i]);
			if (holders >= 3) {
				t = p;
				break;
			}
		}
	}
	/* The essay split among blocks of one shape: their parent. */
	for (i = 0, p = t; i < 6 && p != NULL && !extract_dom_is(p, XT_BODY);
	    i++, p = extract_dom_parent(p)) {
		if (content_has_twins(p)) {
			t = extract_dom_parent(p);
			break;
		}
	}
	if (extract_dom_is(t, XT_BODY))
		return NULL;
	if (!content_scored(x, t))
		content_init(x, t);

	/* A parent scoring higher than its child on the way up holds more
	 * of the essay. */
	last = content_score(x, t);
	threshold = last / 3;
	for (p = extract_dom_parent(t); p != NULL &&
	    !extract_dom_is(p, XT_BODY); p = extract_dom_parent(p)) {
		if (!content_scored(x, p))
			continue;
		if (content_score(x, p) < threshold)
			break;
		if (content_score(x, p) > last) {
			t = p;
			break;
		}
		last = content_score(x, p);
	}

	/* An only child: its parent's siblings are its siblings. */
	for (p = extract_dom_parent(t); p != NULL &&
	    !extract_dom_is(p, XT_BODY) && extract_dom_nchildren(p) == 1;
	    p = extract_dom_parent(t))
		t = p;
	if ((p = content_titled_twin(x, t, cands, title_at, title)) != NULL)
		t = p;
	if ((p = content_article_body(t)) != NULL)
		t = p;
	if (!content_scored(x, t))
		content_init(x, t);
	return t;
}

/* A short paragraph that reads as a sentence ("." then a space or the
 * end). */
static int
content_sentence(const char *s)
{
	const char	*p;

	for (p = s; (p = strchr(p, '.')) != NULL; p++) {
		if (p[1] == ' ' || p[1] == '\0')
			return 1;
	}
	return 0;
}

/* Whether a sibling of the top candidate belongs to the essay. */
static int
content_sibling_joins(struct xctx *x, xmlNodePtr s, xmlNodePtr top,
    double threshold)
{
	const char	*cls = extract_dom_attr(s, "class");
	const char	*tcls = extract_dom_attr(top, "class");
	struct buf	 b = BUF_INIT;
	double		 bonus = 0, ld;
	size_t		 len;
	int		 join = 0;

	if (s == top)
		return 1;
	if (tcls != NULL && *tcls != '\0' && cls != NULL &&
	    strcmp(cls, tcls) == 0)
		bonus = content_score(x, top) * 0.2;
	if (content_scored(x, s) && content_score(x, s) + bonus >= threshold)
		return 1;
	if (!extract_dom_is(s, XT_P))
		return 0;
	ld = extract_dom_link_density(s);
	len = extract_dom_textlen(s, XLEN_NORMAL);
	if (len > 80 && ld < 0.25)
		join = 1;
	else if (len < 80 && len > 0 && ld == 0) {
		extract_dom_text(s, 1, &b);
		join = content_sentence(buf_str(&b));
		buf_free(&b);
	}
	return join;
}

static int
content_data_table(xmlNodePtr n)
{
	return n->_private != NULL &&
	    (((struct xnode *)n->_private)->flags & XN_DATATABLE);
}

/* A sum of spans, saturated at CONTENT_CELLS_MAX. */
static long
content_add(long sum, long span)
{
	return sum < CONTENT_CELLS_MAX - span ? sum + span : CONTENT_CELLS_MAX;
}

/* A cell's colspan or rowspan, clamped as browsers clamp them. */
static long
content_span(xmlNodePtr n, const char *name)
{
	return extract_dom_attr_long(n, name, 1,
	    strcmp(name, "colspan") == 0 ? 1000 : 65534, 1);
}

/* Tells data tables (kept whole) from layout tables, by the signs a
 * screen reader uses: headers, captions, summaries and size. */
static void
content_mark_tables(struct xctx *x, xmlNodePtr root)
{
	static const enum xtag	 ttags[] = { XT_TABLE };
	static const enum xtag	 data[] = { XT_COL, XT_COLGROUP, XT_TFOOT,
	    XT_THEAD, XT_TH };
	static const enum xtag	 trs[] = { XT_TR };
	static const enum xtag	 tds[] = { XT_TD };
	struct xlist		 l = { NULL, 0, 0 }, rl = { NULL, 0, 0 };
	struct xlist		 cl = { NULL, 0, 0 }, dl = { NULL, 0, 0 };
	xmlNodePtr		 t, cap;
	const char		*s;
	long			 rows, cols, c;
	size_t			 i, j, k;
	int			 is;

	extract_dom_collect(root, ttags, 1, &l);
	for (i = 0; i < l.n; i++) {
		t = l.v[i];
		is = 0;
		rl.n = cl.n = dl.n = 0;
		if ((s = extract_dom_attr(t, "role")) != NULL &&
		    strcmp(s, "presentation") == 0)
			goto done;
		if ((s = extract_dom_attr(t, "datatable")) != NULL &&
		    strcmp(s, "0") == 0)
			goto done;
		if ((s = extract_dom_attr(t, "summary")) != NULL && *s != '\0') {
			is = 1;
			goto done;
		}
		extract_dom_collect(t, (const enum xtag[]){ XT_CAPTION }, 1,
		    &dl);
		cap = dl.n > 0 ? dl.v[0] : NULL;
		dl.n = 0;
		if (cap != NULL && cap->children != NULL) {
			is = 1;
			goto done;
		}
		extract_dom_collect(t, data, nitems(data), &dl);
		if (dl.n > 0) {
			is = 1;
			goto done;
		}
		if (extract_dom_count(t, XT_TABLE) > 0)
			goto done;
		extract_dom_collect(t, trs, 1, &rl);
		rows = cols = 0;
		/* The sums stop growing at CONTENT_CELLS_MAX: past 10 rows
		 * and 4 columns the answer is the same. */
		for (j = 0; j < rl.n; j++) {
			rows = content_add(rows, content_span(rl.v[j],
			    "rowspan"));
			cl.n = 0;
			extract_dom_collect(rl.v[j], tds, 1, &cl);
			for (k = 0, c = 0; k < cl.n; k++)
				c = content_add(c, content_span(cl.v[k],
				    "colspan"));
			if (c > cols)
				cols = c;
		}
		if (cols == 1 || rows == 1)
			is = 0;
		else if (rows >= 10 || cols > 4)
			is = 1;
		else
			is = rows * cols > 10;
done:
		if (is)
			extract_dom_data(x, t)->flags |= XN_DATATABLE;
		else
			extract_dom_data(x, t)->flags &= ~XN_DATATABLE;
	}
	extract_dom_list_free(&l);
	extract_dom_list_free(&rl);
	extract_dom_list_free(&cl);
	extract_dom_list_free(&dl);
}

static int
content_image_url(const char *s)
{
	static const char *const exts[] = { ".jpg", ".jpeg", ".png", ".webp",
	    NULL };

	return extract_dom_match_any(s, exts);
}

/* Where a lazy image's attribute value belongs: "srcset" for "a.jpg 2x,
 * ...", "src" for a lone image URL, else NULL. */
static const char *
content_lazy_target(const char *v)
{
	static const char *const exts[] = { ".jpg", ".jpeg", ".png", ".webp",
	    NULL };
	const char	*p, *q;
	size_t		 i, len;

	for (i = 0; exts[i] != NULL; i++) {
		len = strlen(exts[i]);
		for (p = v; (p = strstr(p, exts[i])) != NULL; p++) {
			for (q = p + len; *q == ' ' || *q == '\t' ||
			    *q == '\n'; q++)
				;
			if (q > p + len && *q >= '0' && *q <= '9')
				return "srcset";
		}
	}
	/* One word and nothing else: a lone URL. */
	for (p = v; *p == ' ' || *p == '\t' || *p == '\n'; p++)
		;
	for (q = p; *q != '\0' && *q != ' ' && *q != '\t' && *q != '\n'; q++)
		;
	while (*q == ' ' || *q == '\t' || *q == '\n')
		q++;
	if (*q != '\0')
		return NULL;
	for (i = 0; exts[i] != NULL; i++) {
		if ((q = strstr(p, exts[i])) != NULL && q > p)
			return "src";
	}
	return NULL;
}

/* Lazy images keep their address in data-src and kin: copy it to src or
 * srcset so the image can be shown. */
static void
content_lazy_images(struct xctx *x, xmlNodePtr root)
{
	static const enum xtag	 tags[] = { XT_IMG, XT_PICTURE, XT_FIGURE };
	struct xlist		 l = { NULL, 0, 0 };
	xmlNodePtr		 e, img;
	xmlAttrPtr		 a;
	const char		*src, *srcset, *cls, *v, *to, *b64;
	char			*copy;
	size_t			 i;
	int			 is_img;

	extract_dom_collect(root, tags, nitems(tags), &l);
	for (i = 0; i < l.n; i++) {
		e = l.v[i];
		is_img = extract_dom_is(e, XT_IMG);
		src = is_img ? extract_dom_attr(e, "src") : NULL;
		srcset = is_img ? extract_dom_attr(e, "srcset") : NULL;
		cls = extract_dom_attr(e, "class");
		/* A tiny base64 placeholder is no image when another
		 * attribute names the real one. */
		if (src != NULL && strncasecmp(src, "data:", 5) == 0 &&
		    strncasecmp(src, "data:image/svg+xml", 18) != 0 &&
		    (b64 = strstr(src, "base64,")) != NULL &&
		    strlen(b64 + 7) < 133) {
			for (a = e->properties; a != NULL; a = a->next) {
				if (strcmp((const char *)a->name, "src") != 0 &&
				    a->children != NULL &&
				    a->children->content != NULL &&
				    content_image_url((const char *)
				    a->children->content))
					break;
			}
			if (a != NULL) {
				xmlUnsetProp(e, BAD_CAST "src");
				src = NULL;
			}
		}
		if (((src != NULL && *src != '\0') || (srcset != NULL &&
		    *srcset != '\0' && strcmp(srcset, "null") != 0)) &&
		    (cls == NULL || !extract_dom_contains_ci(cls, "lazy")))
			continue;
		for (a = e->properties; a != NULL; a = a->next) {
			if (strcmp((const char *)a->name, "src") == 0 ||
			    strcmp((const char *)a->name, "srcset") == 0 ||
			    strcmp((const char *)a->name, "alt") == 0 ||
			    a->children == NULL ||
			    (v = (const char *)a->children->content) == NULL ||
			    (to = content_lazy_target(v)) == NULL)
				continue;
			copy = xstrdup(v);	/* v dies when set on itself */
			if (is_img || extract_dom_is(e, XT_PICTURE))
				xmlSetProp(e, BAD_CAST to, BAD_CAST copy);
			else if (extract_dom_count(e, XT_IMG) == 0 &&
			    extract_dom_count(e, XT_PICTURE) == 0) {
				img = extract_dom_new(x, XT_IMG);
				xmlSetProp(img, BAD_CAST to, BAD_CAST copy);
				extract_dom_append(e, img);
			}
			free(copy);
		}
	}
	extract_dom_list_free(&l);
}

/* Removes every element of the given tags, except embedded videos. */
static void
content_clean(struct xctx *x, xmlNodePtr root, const enum xtag *tags,
    size_t ntags)
{
	struct xlist	l = { NULL, 0, 0 };
	xmlNodePtr	n;
	size_t		i;
	enum xtag	t;

	extract_dom_collect(root, tags, ntags, &l);
	for (i = l.n; i > 0; i--) {
		n = l.v[i - 1];
		t = extract_dom_tag(n);
		if ((t == XT_OBJECT || t == XT_EMBED || t == XT_IFRAME) &&
		    (content_video_attrs(n) || (t == XT_OBJECT &&
		    content_video_inside(n))))
			continue;
		extract_dom_remove(x, n);
	}
	extract_dom_list_free(&l);
}

/* Text that is only "Advertisement" or "Loading…" in some language. */
static int
content_filler(const char *s)
{
	static const char *const words[] = { "ad", "advertising",
	    "advertisement", "pub", "publicit\xc3\xa9", "werb", "werbung",
	    "\xe5\xb9\xbf\xe5\x91\x8a",
	    "\xd1\x80\xd0\xb5\xd0\xba\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb0",
	    "\xd0\xa0\xd0\xb5\xd0\xba\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb0",
	    "anuncio", NULL };
	static const char *const loading[] = { "loading",
	    "\xe6\xad\xa3\xe5\x9c\xa8\xe5\x8a\xa0\xe8\xbd\xbd",
	    "\xd0\x97\xd0\xb0\xd0\xb3\xd1\x80\xd1\x83\xd0\xb7\xd0\xba\xd0\xb0",
	    "\xd0\xb7\xd0\xb0\xd0\xb3\xd1\x80\xd1\x83\xd0\xb7\xd0\xba\xd0\xb0",
	    "chargement", "cargando", NULL };
	size_t	i, len;

	for (i = 0; words[i] != NULL; i++) {
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	}
	for (i = 0; loading[i] != NULL; i++) {
		len = strlen(loading[i]);
		if (strncasecmp(s, loading[i], len) != 0)
			continue;
		if (s[len] == '\0' || strcmp(s + len, "...") == 0 ||
		    strcmp(s + len, "\xe2\x80\xa6") == 0)
			return 1;
	}
	return 0;
}

/* What one walk of a subtree tells about it. */
struct xstats {
	long	 p, img, li, input, embeds;
	size_t	 listlen;	/* text in <ul> and <ol> */
	size_t	 headlen;	/* text in headings */
	size_t	 textish;	/* text in text-holding elements */
	int	 video;		/* an embedded video player */
	int	 datatable;	/* a data table */
};

/* Counts element n, whose text is len long, into st. */
static void
content_stats_count(xmlNodePtr n, size_t len, struct xstats *st)
{
	enum xtag	t;

	t = extract_dom_tag(n);
	switch (t) {
	case XT_P:
		st->p++;
		break;
	case XT_IMG:
		st->img++;
		break;
	case XT_LI:
		st->li++;
		break;
	case XT_INPUT:
		st->input++;
		break;
	case XT_OBJECT:
	case XT_EMBED:
	case XT_IFRAME:
		if (content_video_attrs(n) || (t == XT_OBJECT &&
		    content_video_inside(n)))
			st->video = 1;
		st->embeds++;
		break;
	case XT_TABLE:
		st->datatable |= content_data_table(n);
		break;
	default:
		break;
	}
	switch (t) {
	case XT_SPAN: case XT_LI: case XT_TD: case XT_BLOCKQUOTE:
	case XT_DL: case XT_DIV: case XT_IMG: case XT_OL: case XT_P:
	case XT_PRE: case XT_TABLE: case XT_UL:
	case XT_H1: case XT_H2: case XT_H3: case XT_H4: case XT_H5:
	case XT_H6:
		if (t >= XT_H1 && t <= XT_H6)
			st->headlen += len;
		else
			st->textish += len;
		if (t == XT_UL || t == XT_OL)
			st->listlen += len;
		break;
	default:
		break;
	}
}

/* Counts the elements under n into st and measures n's text into *out:
 * each element's text is measured once, from its children's (measuring
 * it anew for each element was cubic in the depth: a page of 250 nested
 * <div> and 64 KB of text took 6 s). The tree is at most CLEAN_MAX_DEPTH
 * deep, so this may recurse. */
static void
content_stats_walk(xmlNodePtr n, struct xstats *st, struct xtextlen *out)
{
	struct xtextlen	 t;
	xmlNodePtr	 c;

	memset(out, 0, sizeof *out);
	for (c = n->children; c != NULL; c = c->next) {
		if (extract_dom_spaces(c) > 0) {
			extract_dom_textlen_str(" ", &t);
			extract_dom_textlen_join(out, &t);
		}
		if (c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE)
			extract_dom_textlen_text(c, &t);
		else if (c->type == XML_ELEMENT_NODE) {
			content_stats_walk(c, st, &t);
			content_stats_count(c, t.len, st);
		} else
			continue;
		extract_dom_textlen_join(out, &t);
	}
}

/* Counts root's descendants into st; returns root's text length, as
 * extract_dom_textlen(root, XLEN_NORMAL) does. */
static size_t
content_stats(xmlNodePtr root, struct xstats *st)
{
	struct xtextlen	t;

	memset(st, 0, sizeof *st);
	content_stats_walk(root, st, &t);
	return t.len;
}

/* Whether a form, table, list or div inside the essay looks like clutter:
 * few commas and more images, list items, inputs, links or embeds than a
 * passage of prose would have. */
static int
content_fishy(struct xctx *x, xmlNodePtr n, enum xtag t)
{
	struct xstats	 st;
	struct buf	 b = BUF_INIT;
	xmlNodePtr	 c;
	size_t		 total;
	long		 li;
	double		 heading, ld, td;
	int		 is_list, weight, figure, remove;

	if (extract_dom_has_ancestor(n, XT_TABLE, -1, content_data_table) ||
	    extract_dom_has_ancestor(n, XT_CODE, 3, NULL) ||
	    (t == XT_TABLE && content_data_table(n)))
		return 0;
	total = content_stats(n, &st);
	if (st.datatable)
		return 0;
	if ((weight = content_class_weight(x, n)) < 0)
		return 1;
	if (extract_dom_commas(n, 0) >= 10)
		return 0;
	if (st.video)
		return 0;
	is_list = t == XT_UL || t == XT_OL || (total > 0 &&
	    (double)st.listlen / (double)total > 0.9);
	/* Only a short text is a filler word: the longest is 13 long. */
	if (total <= 32) {
		extract_dom_text(n, 1, &b);
		remove = content_filler(buf_str(&b));
		buf_free(&b);
		if (remove)
			return 1;
	}
	heading = total > 0 ? (double)st.headlen / (double)total : 0;
	td = total > 0 ? (double)st.textish / (double)total : 0;
	ld = extract_dom_link_density(n);
	figure = extract_dom_has_ancestor(n, XT_FIGURE, 3, NULL);
	li = st.li - 100;

	remove = (!figure && st.img > 1 &&
	    (double)st.p / (double)st.img < 0.5) ||
	    (!is_list && li > st.p) ||
	    (st.input > st.p / 3) ||
	    (!is_list && !figure && heading < 0.9 && total < 25 &&
	    (st.img == 0 || st.img > 2) && ld > 0) ||
	    (!is_list && weight < 25 && ld > 0.2) ||
	    (weight >= 25 && ld > 0.5) ||
	    ((st.embeds == 1 && total < 75) || st.embeds > 1) ||
	    (st.img == 0 && td == 0);

	/* A list whose every item is an image is a gallery: kept. */
	if (is_list && remove) {
		for (c = extract_dom_first(n); c != NULL;
		    c = extract_dom_next_sibling(c)) {
			if (extract_dom_nchildren(c) > 1)
				return 1;
		}
		if (st.img == st.li)
			return 0;
	}
	return remove;
}

static void
content_clean_conditionally(struct xctx *x, xmlNodePtr root, enum xtag t)
{
	struct xlist	l = { NULL, 0, 0 };
	size_t		i;

	if (!(x->flags & XF_CLEAN_CONDITIONALLY))
		return;
	extract_dom_collect(root, &t, 1, &l);
	for (i = l.n; i > 0; i--) {
		if (l.v[i - 1]->parent != NULL &&
		    content_fishy(x, l.v[i - 1], t))
			extract_dom_remove(x, l.v[i - 1]);
	}
	extract_dom_list_free(&l);
}

static int
content_word_char(char c)
{
	return ascii_isalpha((unsigned char)c) || (c >= '0' && c <= '9') ||
	    c == '_';
}

/* "share" or "sharedaddy" as a word of class or id; an underscore also
 * bounds the word ("post_share_bar"). */
static int
content_share(const char *s)
{
	const char	*p;

	for (p = s; *p != '\0'; p++) {
		if (strncasecmp(p, "share", 5) != 0)
			continue;
		if (p > s && p[-1] != '_' && content_word_char(p[-1]))
			continue;
		if (strncasecmp(p, "sharedaddy", 10) == 0 &&
		    (p[10] == '_' || !content_word_char(p[10])))
			return 1;
		if (p[5] == '_' || !content_word_char(p[5]))
			return 1;
	}
	return 0;
}

/* Share bars: small elements named for sharing, below each part. */
static void
content_clean_share(struct xctx *x, xmlNodePtr article)
{
	struct buf	 mb = BUF_INIT;
	xmlNodePtr	 part, n, end;

	for (part = extract_dom_first(article); part != NULL;
	    part = extract_dom_next_sibling(part)) {
		end = extract_dom_next(part, 1);
		n = extract_dom_next(part, 0);
		while (n != NULL && n != end) {
			if (content_share(extract_dom_match_string(n, &mb)) &&
			    extract_dom_textlen(n, XLEN_RAW) <
			    EXTRACT_MIN_CHARS)
				n = content_remove_next(x, n);
			else
				n = extract_dom_next(n, 0);
		}
	}
	buf_free(&mb);
}

static int
content_all_phrasing(xmlNodePtr n)
{
	xmlNodePtr	c;

	for (c = n->children; c != NULL; c = c->next) {
		if (!content_phrasing(c))
			return 0;
	}
	return 1;
}

/* Cleans the chosen content for reading (Readability's _prepArticle). */
static void
content_prep_article(struct xctx *x, xmlNodePtr article)
{
	static const enum xtag	 clean[] = { XT_OBJECT, XT_EMBED, XT_FOOTER,
	    XT_LINK, XT_ASIDE };
	static const enum xtag	 controls[] = { XT_IFRAME, XT_INPUT,
	    XT_TEXTAREA, XT_SELECT, XT_BUTTON };
	static const enum xtag	 h12[] = { XT_H1, XT_H2 };
	static const enum xtag	 media[] = { XT_IMG, XT_EMBED, XT_OBJECT,
	    XT_IFRAME };
	struct xlist		 l = { NULL, 0, 0 }, m = { NULL, 0, 0 };
	xmlNodePtr		 n, next, body, row, cell;
	size_t			 i;

	content_mark_tables(x, article);
	content_lazy_images(x, article);
	content_clean_conditionally(x, article, XT_FORM);
	content_clean_conditionally(x, article, XT_FIELDSET);
	content_clean(x, article, clean, nitems(clean));
	content_clean_share(x, article);
	content_clean(x, article, controls, nitems(controls));

	/* Headings that class names call clutter. */
	extract_dom_collect(article, h12, nitems(h12), &l);
	for (i = l.n; i > 0; i--) {
		if (content_class_weight(x, l.v[i - 1]) < 0)
			extract_dom_remove(x, l.v[i - 1]);
	}
	l.n = 0;

	content_clean_conditionally(x, article, XT_TABLE);
	content_clean_conditionally(x, article, XT_UL);
	content_clean_conditionally(x, article, XT_DIV);

	/* The title is shown apart: h1 in the text becomes h2. */
	extract_dom_collect(article, (const enum xtag[]){ XT_H1 }, 1, &l);
	for (i = 0; i < l.n; i++)
		extract_dom_rename(x, l.v[i], XT_H2);
	l.n = 0;

	/* Empty paragraphs. */
	extract_dom_collect(article, (const enum xtag[]){ XT_P }, 1, &l);
	for (i = l.n; i > 0; i--) {
		n = l.v[i - 1];
		m.n = 0;
		extract_dom_collect(n, media, nitems(media), &m);
		if (m.n == 0 && extract_dom_is_blank(n))
			extract_dom_remove(x, n);
	}
	l.n = 0;

	/* A <br> just before a paragraph. */
	extract_dom_collect(article, (const enum xtag[]){ XT_BR }, 1, &l);
	for (i = 0; i < l.n; i++) {
		next = content_next_node(l.v[i]->next);
		if (next != NULL && extract_dom_is(next, XT_P))
			extract_dom_remove(x, l.v[i]);
	}
	l.n = 0;

	/* A table of one cell is only a frame around its content. */
	extract_dom_collect(article, (const enum xtag[]){ XT_TABLE }, 1, &l);
	for (i = 0; i < l.n; i++) {
		n = l.v[i];
		if (n->parent == NULL)
			continue;
		body = content_single_inside(n, XT_TBODY) ?
		    extract_dom_first(n) : n;
		if (!content_single_inside(body, XT_TR))
			continue;
		row = extract_dom_first(body);
		if (!content_single_inside(row, XT_TD))
			continue;
		cell = extract_dom_first(row);
		extract_dom_rename(x, cell, content_all_phrasing(cell) ?
		    XT_P : XT_DIV);
		extract_dom_replace(n, cell);
		extract_dom_list_add(&x->dead, n);
	}
	extract_dom_list_free(&l);
	extract_dom_list_free(&m);
}

/* Names of a lede: the paragraph that sums the essay up above it. */
static const char *const content_lede_words[] = { "lead", "intro",
    "excerpt", "standfirst", "subtitle", "subheadline", "teaser-text",
    "chapo", "abstract", "hero-text", NULL };

/* Is one of words a whole part of s (between the start, a space, '-' or
 * '_' and the end or one of them), ASCII case ignored? */
static int
content_has_part(const char *s, const char *const *words)
{
	const char	*p;
	size_t		 i, len;

	for (i = 0; words[i] != NULL; i++) {
		len = strlen(words[i]);
		for (p = s; (p = strcasestr(p, words[i])) != NULL; p++) {
			if ((p == s || strchr(" -_", p[-1]) != NULL) &&
			    (p[len] == '\0' || strchr(" -_", p[len]) != NULL))
				return 1;
		}
	}
	return 0;
}

/* Whether n reads as the essay's lede: named so (or microdata's
 * description), a sentence or a few of them (8 to 150 words), few
 * links. */
static int
content_is_lede(struct xctx *x, xmlNodePtr n, struct buf *b)
{
	const char	*match, *ip;
	size_t		 words;

	match = extract_dom_match_string(n, b);
	ip = extract_dom_attr(n, "itemprop");
	if (!content_has_part(match, content_lede_words) &&
	    (ip == NULL || !content_has_part(ip, (const char *const [])
	    { "description", "abstract", NULL })))
		return 0;
	if (extract_dom_is(n, XT_A) || extract_dom_is(n, XT_IMG) ||
	    extract_dom_is(n, XT_FIGURE) || extract_dom_is(n, XT_FIGCAPTION))
		return 0;
	extract_dom_text(n, 1, b);
	words = doc_count_words(buf_str(b), b->len);
	return words >= 8 && words <= 150 &&
	    extract_dom_link_density(n) < 0.25;
}

/*
 * The lede above the chosen container, outside it: the last element
 * before top that reads as one, outside pictures (a caption is named a
 * description too), in the same part of the page (their nearest common
 * ancestor is not the body). Pages put the lede in the
 * article's header, apart from the body of the text, and Readability's
 * choice leaves it out; a reader wants it. Returns it or NULL.
 */
static xmlNodePtr
content_find_lede(struct xctx *x, xmlNodePtr top)
{
	struct buf	 b = BUF_INIT;
	xmlNodePtr	 n, lede = NULL, a;

	for (n = x->body != NULL ? extract_dom_first(x->body) : NULL;
	    n != NULL && n != top;) {
		if (content_is_ancestor(n, top)) {
			n = extract_dom_next(n, 0);
			continue;
		}
		/* A picture's caption describes the picture. */
		if (extract_dom_is(n, XT_FIGURE))
			n = extract_dom_next(n, 1);
		else if (content_is_lede(x, n, &b)) {
			lede = n;
			n = extract_dom_next(n, 1);
		} else
			n = extract_dom_next(n, 0);
	}
	buf_free(&b);
	if (lede == NULL)
		return NULL;
	/* The nearest ancestor of the lede that holds top too. */
	for (a = extract_dom_parent(lede); a != NULL &&
	    !content_is_ancestor(a, top); a = extract_dom_parent(a))
		;
	if (a == NULL || extract_dom_is(a, XT_BODY) ||
	    extract_dom_is(a, XT_HTML))
		return NULL;
	return lede;
}

/*
 * The subtitle: the first element after the heading that repeated the
 * title (after it, taken out) that holds text other than links, when it
 * is a heading of 10 to 150 words outside top, in the same part of the
 * page, and not in a sibling of top that joins the essay anyway. A page
 * sets its lede so too (a deck under the title); no sibling rule takes a
 * heading in. It stays a heading. Returns it or NULL.
 */
static xmlNodePtr
content_subtitle(struct xctx *x, xmlNodePtr after, xmlNodePtr top,
    double threshold)
{
	struct buf	 b = BUF_INIT;
	xmlNodePtr	 n, a;
	size_t		 words;

	for (n = after; n != NULL; n = extract_dom_next_sibling(n)) {
		if (extract_dom_is_blank(n) ||
		    extract_dom_link_density(n) > 0.5)
			continue;
		break;
	}
	if (n == NULL || !extract_dom_is_heading(n) ||
	    content_within(n, top) || content_is_ancestor(n, top))
		return NULL;
	extract_dom_text(n, 1, &b);
	words = doc_count_words(buf_str(&b), b.len);
	buf_free(&b);
	if (words < 10 || words > 150)
		return NULL;
	/* Already in as a part of a sibling that joins. */
	for (a = n; a != NULL && extract_dom_parent(a) !=
	    extract_dom_parent(top); a = extract_dom_parent(a))
		;
	if (a != NULL && content_sibling_joins(x, a, top, threshold))
		return NULL;
	for (a = extract_dom_parent(n); a != NULL &&
	    !content_is_ancestor(a, top); a = extract_dom_parent(a))
		;
	if (a == NULL || extract_dom_is(a, XT_BODY) ||
	    extract_dom_is(a, XT_HTML))
		return NULL;
	return n;
}

/* One attempt with the current flags. Returns the detached content and
 * the text direction found around it in *dir (allocated or NULL). */
static xmlNodePtr
content_attempt(struct xctx *x, char **dir)
{
	struct xlist	 score = { NULL, 0, 0 }, cands = { NULL, 0, 0 };
	xmlNodePtr	 top, parent, s, next, article, a, lede, title_at, title;
	xmlNodePtr	 after;
	const char	*d;
	double		 threshold;

	*dir = NULL;
	title = after = NULL;
	title_at = content_sweep(x, &score, &title, &after);
	content_score_paragraphs(x, &score, &cands);
	top = content_pick(x, &cands, title_at, title);
	extract_dom_list_free(&score);
	extract_dom_list_free(&cands);

	if (top == NULL) {
		/* No container stands out: all of the body. */
		top = extract_dom_new(x, XT_DIV);
		while (x->body->children != NULL)
			extract_dom_append_spaced(top, x->body->children);
		extract_dom_append(x->body, top);
		content_init(x, top);
	}
	/* The direction of the first of the parent, the candidate and the
	 * parent's ancestors that states one. */
	parent = extract_dom_parent(top);
	d = parent != NULL ? extract_dom_attr(parent, "dir") : NULL;
	if (d == NULL || *d == '\0')
		d = extract_dom_attr(top, "dir");
	for (a = parent != NULL ? extract_dom_parent(parent) : NULL;
	    (d == NULL || *d == '\0') && a != NULL; a = extract_dom_parent(a))
		d = extract_dom_attr(a, "dir");
	/* Only a stated direction: "auto" and others say nothing. */
	if (d != NULL && strcasecmp(d, "rtl") == 0)
		*dir = xstrdup("rtl");
	else if (d != NULL && strcasecmp(d, "ltr") == 0)
		*dir = xstrdup("ltr");

	article = extract_dom_new(x, XT_DIV);
	threshold = content_score(x, top) * 0.2;
	if (threshold < 10)
		threshold = 10;
	if ((lede = content_find_lede(x, top)) != NULL) {
		extract_dom_rename(x, lede, extract_dom_has_block(lede) ?
		    XT_DIV : XT_P);
		extract_dom_append(article, lede);
	} else if ((lede = content_subtitle(x, after, top, threshold)) !=
	    NULL)
		extract_dom_append(article, lede);
	for (s = parent != NULL ? extract_dom_first(parent) : top; s != NULL;
	    s = next) {
		next = extract_dom_next_sibling(s);
		if (!content_sibling_joins(x, s, top, threshold))
			continue;
		switch (extract_dom_tag(s)) {
		case XT_DIV:
		case XT_ARTICLE:
		case XT_SECTION:
		case XT_P:
		case XT_OL:
		case XT_UL:
			break;
		default:
			/* Not a common block: a div, so no later pass
			 * mistakes it for clutter. */
			extract_dom_rename(x, s, XT_DIV);
			break;
		}
		extract_dom_append(article, s);
	}
	content_prep_article(x, article);
	return article;
}

/* The page's body as it was, kept for the next attempt as XML text: a
 * copy of the tree took 360 bytes for each short paragraph, its text
 * about as much as the page (issue 14). */
static void
content_save_node(struct xctx *x, xmlNodePtr n, xmlBufferPtr b,
    struct buf *saved)
{
	xmlNodePtr	 c;
	xmlAttrPtr	 a;
	xmlChar		*v;

	/* An element without elements inside has no spaces counted in it
	 * (XN_SPACES): libxml2 writes it whole. */
	if (n->type != XML_ELEMENT_NODE || extract_dom_first(n) == NULL) {
		if (xmlNodeDump(b, x->doc, n, 0, 0) == -1)
			fatal(_("out of memory"));
	} else {
		buf_printf(saved, "<%s", (const char *)n->name);
		for (a = n->properties; a != NULL; a = a->next) {
			buf_printf(saved, " %s=\"", (const char *)a->name);
			v = xmlNodeListGetString(x->doc, a->children, 1);
			xmlAttrSerializeTxtContent(b, x->doc, a,
			    v != NULL ? v : BAD_CAST "");
			xmlFree(v);
			xmlBufferCCat(b, "\"");
			buf_add(saved, xmlBufferContent(b),
			    (size_t)xmlBufferLength(b));
			xmlBufferEmpty(b);
		}
		buf_addc(saved, '>');
		for (c = n->children; c != NULL; c = c->next) {
			buf_adds(saved, extract_dom_spaces_text(c));
			content_save_node(x, c, b, saved);
		}
		buf_printf(saved, "</%s>", (const char *)n->name);
	}
	buf_add(saved, xmlBufferContent(b), (size_t)xmlBufferLength(b));
	xmlBufferEmpty(b);
}

static void
content_save(struct xctx *x, struct buf *saved)
{
	xmlBufferPtr	b;
	xmlNodePtr	c;

	if ((b = xmlBufferCreate()) == NULL)
		fatal(_("out of memory"));
	buf_adds(saved, "<body>");
	for (c = x->body->children; c != NULL; c = c->next) {
		buf_adds(saved, extract_dom_spaces_text(c));
		content_save_node(x, c, b, saved);
	}
	buf_adds(saved, "</body>");
	xmlBufferFree(b);
}

/* Puts a fresh copy of the page's body back for the next attempt. What
 * XML cannot hold (a control character) is lost on the way. */
static void
content_restore(struct xctx *x, const struct buf *saved)
{
	xmlDocPtr	doc;
	xmlNodePtr	root, copy, next;

	while (x->body->children != NULL) {
		extract_dom_spaces_drop(x->body->children);
		extract_dom_remove(x, x->body->children);
	}
	if (saved->len > INT_MAX)
		return;
	doc = xmlReadMemory(saved->data, (int)saved->len, NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_RECOVER |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL)
		return;
	if ((root = xmlDocGetRootElement(doc)) != NULL &&
	    root->children != NULL) {
		if ((copy = xmlDocCopyNodeList(x->doc, root->children)) ==
		    NULL)
			fatal(_("out of memory"));
		for (; copy != NULL; copy = next) {
			next = copy->next;
			copy->next = copy->prev = NULL;
			copy->parent = NULL;
			extract_dom_append(x->body, copy);
		}
	}
	xmlFreeDoc(doc);
	extract_dom_annotate(x, x->body);
}

/* The text of the longest paragraph under article, allocated, when it is
 * long enough to be scored (25 characters); else NULL. */
static char *
content_key(xmlNodePtr article)
{
	struct xlist	 l = { NULL, 0, 0 };
	struct buf	 b = BUF_INIT;
	xmlNodePtr	 best = NULL;
	size_t		 i, len, max = 0;

	extract_dom_collect(article, (const enum xtag[]){ XT_P }, 1, &l);
	for (i = 0; i < l.n; i++) {
		if ((len = extract_dom_textlen(l.v[i], XLEN_NORMAL)) > max) {
			max = len;
			best = l.v[i];
		}
	}
	extract_dom_list_free(&l);
	if (best == NULL || max < 25)
		return NULL;
	extract_dom_text(best, 1, &b);
	return buf_detach(&b, NULL);
}

/*
 * Finds the essay: tries with all rules, then drops the strictest one at a
 * time while the text found is too short, and finally takes the longest
 * text any attempt found that holds the longest paragraph of the first:
 * the looser rules are there to find more of the essay the strict ones
 * found too little of, and a short post must not give way to a longer box
 * elsewhere that only they let through (a cookie notice, an author's
 * card). Sets x->article; returns -1 if there is no body or no text at
 * all.
 */
int
extract_content_grab(struct xctx *x)
{
	struct {
		xmlNodePtr	 article;
		size_t		 len;
		char		*dir;
		char		*text;
	}		 tries[4];
	struct buf	 saved = BUF_INIT, text = BUF_INIT;
	xmlNodePtr	 article;
	size_t		 ntries = 0, len, best, i;
	char		*dir, *key = NULL;

	if (x->body == NULL)
		return -1;
	content_save(x, &saved);
	x->flags = XF_ALL;
	for (;;) {
		article = content_attempt(x, &dir);
		len = extract_dom_textlen(article, XLEN_NORMAL);
		if (len >= EXTRACT_MIN_CHARS) {
			x->article = article;
			x->meta.dir = dir;
			break;
		}
		if (ntries == 0)
			key = content_key(article);
		extract_dom_text(article, 1, &text);
		tries[ntries].article = article;
		tries[ntries].len = len;
		tries[ntries].dir = dir;
		tries[ntries++].text = buf_detach(&text, NULL);
		if (x->flags & XF_STRIP_UNLIKELY)
			x->flags &= ~XF_STRIP_UNLIKELY;
		else if (x->flags & XF_WEIGHT_CLASSES)
			x->flags &= ~XF_WEIGHT_CLASSES;
		else if (x->flags & XF_CLEAN_CONDITIONALLY)
			x->flags &= ~XF_CLEAN_CONDITIONALLY;
		else {
			for (i = 1, best = 0; i < ntries; i++) {
				if (key != NULL && (tries[i].text == NULL ||
				    strstr(tries[i].text, key) == NULL))
					continue;
				if (tries[i].len > tries[best].len)
					best = i;
			}
			x->article = tries[best].article;
			x->meta.dir = tries[best].dir;
			tries[best].article = NULL;
			tries[best].dir = NULL;
			break;
		}
		content_restore(x, &saved);
	}
	for (i = 0; i < ntries; i++) {
		if (tries[i].article != NULL)
			extract_dom_list_add(&x->dead, tries[i].article);
		free(tries[i].dir);
		free(tries[i].text);
	}
	free(key);
	buf_free(&saved);
	return extract_dom_textlen(x->article, XLEN_NORMAL) > 0 ? 0 : -1;
}
