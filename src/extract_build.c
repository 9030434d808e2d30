/* extract_build.c: walks the chosen content into the document model:
 * headings, paragraphs, quotes, lists, code, images, tables and rules,
 * with emphasis, code and links as spans. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "extract_build.h"
#include "extract_dom.h"
#include "extract_int.h"
#include "sections.h"
#include "url.h"
#include "util.h"

#define BUILD_MAX_LISTS	16
/* List numbers stay within this, whatever start and value say, so that
 * counting on from them cannot overflow. */
#define BUILD_NUMBER_MAX	999999999L

/* An inline element being walked: its span in the open block, if any. A
 * span covers one block; an element that holds blocks (a link around a
 * heading or a card of paragraphs) has a span in each. */
struct xspan {
	enum doc_span_type	 type;
	int			 link;
	int			 live;		/* it has a span in the open block */
	size_t			 id;		/* its doc_span_begin() id */
};

struct xbuild {
	struct xctx		*x;
	struct doc		*d;
	int			 open;		/* a block is open */
	int			 has_pending;	/* the next block's kind is set */
	enum doc_block_type	 pending;
	int			 pending_level;
	int			 pending_number;
	int			 quote;		/* block-quote depth */
	int			 lists;		/* list depth */
	int			 ordered[BUILD_MAX_LISTS];
	long			 counter[BUILD_MAX_LISTS];
	int			 step[BUILD_MAX_LISTS];
	int			 pre;		/* inside <pre> */
	int			 row;		/* inside a table row */
	struct xspan		*spans;		/* the inline elements walked */
	size_t			 nspans, spans_cap;
	struct buf		 tmp;
	int			 consume;	/* free each node once built */
	int			 hold;		/* but not inside this many
						   walks that keep nodes */
};

static void	build_children(struct xbuild *, xmlNodePtr);
static void	build_node(struct xbuild *, xmlNodePtr);

/* Ends the spans in the open block, then the block. */
static void
build_close(struct xbuild *b)
{
	size_t	i;

	if (!b->open)
		return;
	for (i = 0; i < b->nspans; i++) {
		if (b->spans[i].live)
			doc_span_end(b->d, b->spans[i].id);
		b->spans[i].live = 0;
	}
	doc_end(b->d);
	b->open = 0;
}

/* Ends a block element: what follows starts afresh. */
static void
build_end(struct xbuild *b)
{
	if (b->row)
		return;
	build_close(b);
	b->has_pending = 0;
}

/* A block element starts: the next text opens a block of this kind. An
 * outer kind already pending (the item of <li><p>) is kept unless
 * override. */
static void
build_start(struct xbuild *b, enum doc_block_type type, int level,
    int number, int override)
{
	if (b->row)
		return;
	build_close(b);
	if (b->has_pending && !override)
		return;
	b->has_pending = 1;
	b->pending = type;
	b->pending_level = level;
	b->pending_number = number;
}

static struct doc_block *
build_begin(struct xbuild *b, enum doc_block_type type, int level)
{
	struct doc_block	*blk;
	size_t			 i;

	blk = doc_begin(b->d, type, level);
	blk->quote = b->quote;
	b->open = 1;
	/* The inline elements around the block go on inside it; an image
	 * or a rule has no words for them. */
	if (type != DOC_IMAGE && type != DOC_RULE) {
		for (i = 0; i < b->nspans; i++) {
			b->spans[i].id = doc_span_begin(b->d, b->spans[i].type,
			    b->spans[i].link);
			b->spans[i].live = 1;
		}
	}
	return blk;
}

/* Opens the block that text is about to enter. */
static void
build_open(struct xbuild *b)
{
	struct doc_block	*blk;
	enum doc_block_type	 type = DOC_PARAGRAPH;
	int			 level = 0, number = 0;

	if (b->open)
		return;
	if (b->has_pending) {
		type = b->pending;
		level = b->pending_level;
		number = b->pending_number;
	}
	if (type == DOC_PARAGRAPH && b->quote > 0)
		type = DOC_QUOTE;
	blk = build_begin(b, type, level);
	blk->number = number;
	b->has_pending = 0;
}

/* Whether a subtree has any text but white space. */
static int
build_has_text(xmlNodePtr n)
{
	return !extract_dom_is_blank(n);
}

static void
build_text(struct xbuild *b, const char *s)
{
	if (s == NULL)
		return;
	if (!b->open) {
		if (extract_dom_blank_str(s))
			return;
		build_open(b);
	}
	doc_text(b->d, s, strlen(s));
}

/* The spaces that stand before n (extract_dom_space()). */
static void
build_spaces(struct xbuild *b, xmlNodePtr n)
{
	if (extract_dom_spaces(n) > 0)
		build_text(b, extract_dom_spaces_text(n));
}

/* The elements that begin blocks of their own (see build_element()). */
static const unsigned char build_is_block[XT_COUNT] = {
	[XT_ADDRESS] = 1, [XT_ARTICLE] = 1, [XT_ASIDE] = 1,
	[XT_BLOCKQUOTE] = 1, [XT_CAPTION] = 1, [XT_CENTER] = 1,
	[XT_DD] = 1, [XT_DETAILS] = 1, [XT_DIALOG] = 1, [XT_DIV] = 1,
	[XT_DL] = 1, [XT_DT] = 1, [XT_FIELDSET] = 1, [XT_FIGCAPTION] = 1,
	[XT_FIGURE] = 1, [XT_FOOTER] = 1, [XT_FORM] = 1, [XT_H1] = 1,
	[XT_H2] = 1, [XT_H3] = 1, [XT_H4] = 1, [XT_H5] = 1, [XT_H6] = 1,
	[XT_HEADER] = 1, [XT_HGROUP] = 1, [XT_HR] = 1, [XT_LI] = 1,
	[XT_MAIN] = 1, [XT_MENU] = 1, [XT_NAV] = 1, [XT_OL] = 1, [XT_P] = 1,
	[XT_PRE] = 1, [XT_SECTION] = 1, [XT_SUMMARY] = 1, [XT_TABLE] = 1,
	[XT_UL] = 1,
};

/* Whether an element holds blocks, not only words. */
static int
build_holds_block(xmlNodePtr n)
{
	xmlNodePtr	c;

	for (c = extract_dom_first(n); c != NULL;
	    c = extract_dom_next_sibling(c)) {
		if (build_is_block[extract_dom_tag(c)] || build_holds_block(c))
			return 1;
	}
	return 0;
}

/* A span over what the children add, in each block they add to. */
static void
build_span(struct xbuild *b, xmlNodePtr n, enum doc_span_type type,
    int link)
{
	struct xspan	*sp;
	size_t		 i;

	if (!b->open) {
		if (!build_has_text(n)) {
			build_children(b, n);
			return;
		}
		/* Words begin a block here and the span with it; blocks
		 * inside open their own, the span in each. */
		if (!build_holds_block(n))
			build_open(b);
	}
	b->spans = xgrowarray(b->spans, &b->spans_cap, b->nspans + 1,
	    sizeof *b->spans);
	i = b->nspans++;
	sp = &b->spans[i];
	sp->type = type;
	sp->link = link;
	sp->live = b->open;
	if (b->open)
		sp->id = doc_span_begin(b->d, type, link);
	build_children(b, n);
	sp = &b->spans[i];		/* the array may have moved */
	if (sp->live)
		doc_span_end(b->d, sp->id);
	b->nspans--;
}

/* A link: its words, and a span to the link when it leads anywhere a
 * reader can go. */
static void
build_link(struct xbuild *b, xmlNodePtr n)
{
	const char	*href = extract_dom_attr(n, "href");
	char		*url;
	int		 link;

	if (!build_has_text(n) ||
	    (url = url_resolve(href, b->x->base)) == NULL) {
		build_children(b, n);
		return;
	}
	link = doc_add_link(b->d, url);
	free(url);
	build_span(b, n, DOC_LINK, link);
}

char *
extract_build_image_src(xmlNodePtr n)
{
	const char	*s;
	size_t		 len;

	s = extract_dom_attr(n, "src");
	if (s == NULL || *s == '\0' || strncmp(s, "data:", 5) == 0)
		s = extract_dom_attr(n, "data-src");
	if (s == NULL || *s == '\0') {
		if ((s = extract_dom_attr(n, "srcset")) == NULL)
			return NULL;
		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		len = strcspn(s, " \t\n,");
		return len > 0 ? xstrndup(s, len) : NULL;
	}
	return strncmp(s, "data:", 5) != 0 ? xstrdup(s) : NULL;
}

static void
build_image(struct xbuild *b, xmlNodePtr n)
{
	struct doc_block	*blk;
	const char		*alt = extract_dom_attr(n, "alt");
	const char		*cls = extract_dom_attr(n, "class");
	char			*src, *url;

	if (alt == NULL)
		alt = "";
	/* An emoji drawn as a picture is a word of the text. Another image
	 * in running text or a table cell keeps its alt text there for the
	 * layout, shown as "[image: alt]", rather than splitting the text;
	 * but icons (32 pixels or less) and formulas, whose text is there
	 * too, are left out. */
	if (b->row || b->open) {
		if (*alt == '\0')
			return;
		if (cls != NULL && extract_dom_contains_ci(cls, "emoji")) {
			build_open(b);
			doc_text(b->d, alt, strlen(alt));
			return;
		}
		if ((cls != NULL && (extract_dom_contains_ci(cls, "math") ||
		    extract_dom_contains_ci(cls, "tex"))) ||
		    extract_dom_attr_long(n, "width", 0, 100000, 100) <= 32 ||
		    extract_dom_attr_long(n, "height", 0, 100000, 100) <= 32)
			return;
		build_open(b);
		doc_add_inline(b->d, alt);
		return;
	}
	if ((src = extract_build_image_src(n)) == NULL)
		return;
	url = url_resolve(src, b->x->base);
	free(src);
	build_close(b);
	/* An address that resolves to nothing usable leaves the picture
	 * without one, but it is still there, and so is its caption. */
	blk = build_begin(b, DOC_IMAGE, 0);
	if (url != NULL)
		doc_set(&blk->src, url, (size_t)-1);
	free(url);
	doc_text(b->d, alt, strlen(alt));
	build_close(b);
}

/* A figure: its images, with the caption on the last of them; without an
 * image the caption is a paragraph like any other. */
static void
build_figure(struct xbuild *b, xmlNodePtr n)
{
	xmlNodePtr	 c, cap = NULL;
	size_t		 before, i;

	for (c = extract_dom_first(n); c != NULL;
	    c = extract_dom_next_sibling(c)) {
		if (extract_dom_is(c, XT_FIGCAPTION)) {
			cap = c;
			break;
		}
	}
	if (b->row || cap == NULL) {
		build_end(b);
		build_children(b, n);
		build_end(b);
		return;
	}
	build_end(b);
	b->hold++;
	before = b->d->nblocks;
	for (c = n->children; c != NULL; c = c->next) {
		build_spaces(b, c);
		if (c != cap)
			build_node(b, c);
	}
	build_end(b);
	for (i = b->d->nblocks; i > before; i--) {
		if (b->d->blocks[i - 1].type == DOC_IMAGE)
			break;
	}
	if (i > before) {
		buf_reset(&b->tmp);
		extract_dom_text(cap, 1, &b->tmp);
		doc_set(&b->d->blocks[i - 1].caption, buf_str(&b->tmp),
		    b->tmp.len);
	} else {
		build_start(b, DOC_PARAGRAPH, 0, 0, 1);
		build_children(b, cap);
		build_end(b);
	}
	b->hold--;
}

/* Whether a table lays out a page (blocks in its cells) rather than
 * holding data. */
static int
build_layout_table(xmlNodePtr t)
{
	static const enum xtag	 blocks[] = { XT_P, XT_DIV, XT_UL, XT_OL,
	    XT_TABLE, XT_H1, XT_H2, XT_H3, XT_H4, XT_H5, XT_H6,
	    XT_BLOCKQUOTE, XT_PRE, XT_SECTION, XT_ARTICLE, XT_DL, XT_FIGURE };
	struct xlist		 l = { NULL, 0, 0 };
	int			 layout;

	extract_dom_collect(t, blocks, nitems(blocks), &l);
	layout = l.n > 0;
	extract_dom_list_free(&l);
	return layout;
}

static xmlNodePtr
build_table_of(xmlNodePtr n)
{
	while ((n = extract_dom_parent(n)) != NULL &&
	    !extract_dom_is(n, XT_TABLE))
		;
	return n;
}

/* A data table: one row block per <tr>, cells apart, header rows marked;
 * the caption before them. */
static void
build_table(struct xbuild *b, xmlNodePtr t)
{
	static const enum xtag	 rowtags[] = { XT_TR, XT_CAPTION };
	struct xlist		 l = { NULL, 0, 0 };
	xmlNodePtr		 r, c, p;
	size_t			 i;
	int			 header, cells;

	if (b->row || build_layout_table(t)) {
		build_end(b);
		build_children(b, t);
		build_end(b);
		return;
	}
	build_end(b);
	b->hold++;
	extract_dom_collect(t, rowtags, nitems(rowtags), &l);
	for (i = 0; i < l.n; i++) {
		r = l.v[i];
		if (build_table_of(r) != t)
			continue;
		if (extract_dom_is(r, XT_CAPTION)) {
			build_start(b, DOC_PARAGRAPH, 0, 0, 1);
			build_children(b, r);
			build_end(b);
			continue;
		}
		/* A header row: in <thead>, or of <th> cells only. */
		p = extract_dom_parent(r);
		header = 1;
		for (c = extract_dom_first(r), cells = 0; c != NULL;
		    c = extract_dom_next_sibling(c)) {
			if (extract_dom_is(c, XT_TD))
				header = 0;
			if (extract_dom_is(c, XT_TD) ||
			    extract_dom_is(c, XT_TH))
				cells++;
		}
		if (cells == 0)
			continue;
		if (p != NULL && extract_dom_is(p, XT_THEAD))
			header = 1;
		build_begin(b, DOC_TABLE_ROW, header);
		b->row = 1;
		for (c = extract_dom_first(r), cells = 0; c != NULL;
		    c = extract_dom_next_sibling(c)) {
			if (!extract_dom_is(c, XT_TD) &&
			    !extract_dom_is(c, XT_TH))
				continue;
			if (cells++ > 0)
				doc_cell(b->d);
			build_children(b, c);
		}
		b->row = 0;
		build_close(b);
	}
	extract_dom_list_free(&l);
	b->hold--;
	build_end(b);
}

/* A list number as HTML reads it, kept where counting cannot overflow. */
static long
build_number(xmlNodePtr n, const char *name, long def)
{
	return extract_dom_attr_long(n, name, -BUILD_NUMBER_MAX,
	    BUILD_NUMBER_MAX, def);
}

static void
build_list(struct xbuild *b, xmlNodePtr n, int ordered)
{
	size_t	items;
	int	depth;

	build_end(b);
	depth = b->lists < BUILD_MAX_LISTS ? b->lists : BUILD_MAX_LISTS - 1;
	b->ordered[depth] = ordered;
	b->step[depth] = ordered && extract_dom_attr(n, "reversed") != NULL ?
	    -1 : 1;
	b->counter[depth] = 1;
	if (ordered && b->step[depth] < 0) {
		items = extract_dom_count(n, XT_LI);
		b->counter[depth] = items < (size_t)BUILD_NUMBER_MAX ?
		    (long)items : BUILD_NUMBER_MAX;
	}
	if (ordered)
		b->counter[depth] = build_number(n, "start", b->counter[depth]);
	b->lists++;
	build_children(b, n);
	b->lists--;
	build_end(b);
}

static void
build_item(struct xbuild *b, xmlNodePtr n)
{
	long	*counter;
	int	 depth, number = 0;

	depth = b->lists > 0 ? b->lists - 1 : 0;
	if (depth >= BUILD_MAX_LISTS)
		depth = BUILD_MAX_LISTS - 1;
	if (b->lists > 0 && b->ordered[depth]) {
		counter = &b->counter[depth];
		*counter = build_number(n, "value", *counter);
		number = (int)*counter;
		/* Past the bound the numbers stop rather than wrap. */
		if (*counter + b->step[depth] <= BUILD_NUMBER_MAX &&
		    *counter + b->step[depth] >= -BUILD_NUMBER_MAX)
			*counter += b->step[depth];
	}
	build_start(b, DOC_LIST_ITEM, b->lists > 0 ? b->lists : 1, number, 1);
	build_children(b, n);
	build_end(b);
}

static void
build_pre(struct xbuild *b, xmlNodePtr n)
{
	if (b->row || b->pre) {
		build_children(b, n);
		return;
	}
	build_end(b);
	build_begin(b, DOC_PRE, 0);
	b->pre++;
	build_children(b, n);
	b->pre--;
	build_end(b);
}

/* Inside a table cell a block is text of the row: spaced from what is
 * around it, no block of its own. Returns 1 when n was taken so. */
static int
build_cell_text(struct xbuild *b, xmlNodePtr n)
{
	if (!b->row)
		return 0;
	doc_text(b->d, " ", 1);
	build_children(b, n);
	doc_text(b->d, " ", 1);
	return 1;
}

static void
build_element(struct xbuild *b, xmlNodePtr n)
{
	enum xtag	t = extract_dom_tag(n);

	switch (t) {
	case XT_SCRIPT: case XT_STYLE: case XT_NOSCRIPT: case XT_TEMPLATE:
	case XT_HEAD: case XT_TITLE: case XT_META: case XT_LINK:
	case XT_BASE: case XT_BUTTON: case XT_INPUT: case XT_SELECT:
	case XT_TEXTAREA: case XT_OPTION: case XT_OPTGROUP: case XT_DATALIST:
	case XT_IFRAME: case XT_OBJECT: case XT_EMBED: case XT_PARAM:
	case XT_SVG: case XT_CANVAS: case XT_AUDIO: case XT_VIDEO:
	case XT_SOURCE: case XT_TRACK: case XT_MAP: case XT_RP:
		return;	/* nothing a reader reads */
	case XT_BR:
		if (b->pre)
			doc_text(b->d, "\n", 1);
		else if (b->row)
			doc_text(b->d, " ", 1);
		else if (b->open)
			doc_break(b->d);
		return;
	case XT_WBR:
		return;
	case XT_HR:
		if (b->row)
			return;
		build_end(b);
		build_begin(b, DOC_RULE, 0);
		build_end(b);
		return;
	case XT_H1: case XT_H2: case XT_H3: case XT_H4: case XT_H5:
	case XT_H6:
		if (b->pre)
			break;
		build_start(b, DOC_HEADING, (int)(t - XT_H1) + 1, 0, 1);
		build_children(b, n);
		build_end(b);
		return;
	case XT_BLOCKQUOTE:
		if (b->row || b->pre)
			break;
		build_end(b);
		b->quote++;
		build_children(b, n);
		build_end(b);
		b->quote--;
		return;
	case XT_UL: case XT_OL: case XT_MENU:
		if (b->row || b->pre)
			break;
		build_list(b, n, t == XT_OL);
		return;
	case XT_LI:
		if (b->row || b->pre)
			break;
		build_item(b, n);
		return;
	case XT_PRE:
		build_pre(b, n);
		return;
	case XT_TABLE:
		if (b->pre)
			break;
		build_table(b, n);
		return;
	case XT_FIGURE:
		if (b->pre)
			break;
		build_figure(b, n);
		return;
	case XT_IMG:
		build_image(b, n);
		return;
	case XT_A:
		build_link(b, n);
		return;
	case XT_EM: case XT_I: case XT_CITE: case XT_DFN: case XT_VAR:
		build_span(b, n, DOC_EM, -1);
		return;
	case XT_STRONG: case XT_B:
		build_span(b, n, DOC_STRONG, -1);
		return;
	case XT_CODE: case XT_KBD: case XT_SAMP: case XT_TT:
		if (b->pre)
			break;
		build_span(b, n, DOC_CODE, -1);
		return;
	case XT_P: case XT_DT: case XT_DD: case XT_SUMMARY:
	case XT_FIGCAPTION: case XT_CAPTION: case XT_ADDRESS:
		if (b->pre)
			break;
		if (build_cell_text(b, n))
			return;
		build_start(b, DOC_PARAGRAPH, 0, 0, 0);
		build_children(b, n);
		build_end(b);
		return;
	case XT_DIV: case XT_SECTION: case XT_ARTICLE: case XT_MAIN:
	case XT_HEADER: case XT_FOOTER: case XT_NAV: case XT_ASIDE:
	case XT_CENTER: case XT_DETAILS: case XT_DIALOG: case XT_DL:
	case XT_FORM: case XT_FIELDSET: case XT_HGROUP: case XT_TR:
	case XT_TD: case XT_TH: case XT_THEAD: case XT_TBODY:
	case XT_TFOOT:
		if (b->pre)
			break;
		if (build_cell_text(b, n))
			return;
		/* A container: its text is a paragraph of the pending
		 * kind, what follows it starts afresh. */
		build_close(b);
		build_children(b, n);
		build_end(b);
		return;
	default:
		break;
	}
	build_children(b, n);
}

static void
build_node(struct xbuild *b, xmlNodePtr n)
{
	const char	*id;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
		build_text(b, (const char *)n->content);
	else if (n->type == XML_ELEMENT_NODE) {
		/* Where a link's #fragment leads: an id, or <a name>. A
		 * block element's anchor is at the start of its block. */
		if ((id = extract_dom_attr(n, "id")) != NULL ||
		    (extract_dom_is(n, XT_A) &&
		    (id = extract_dom_attr(n, "name")) != NULL)) {
			if (build_is_block[extract_dom_tag(n)] && !b->row &&
			    !b->pre)
				build_close(b);
			doc_add_anchor(b->d, id);
		}
		build_element(b, n);
	}
}

/* With consume, each child is freed once it is in the document: a long
 * page's tree and its document are never both whole (issue 14). Nothing
 * of the build looks back at a sibling or at a child already built, but
 * tables and figures walk lists of their nodes, so they hold it. */
static void
build_children(struct xbuild *b, xmlNodePtr n)
{
	xmlNodePtr	c, next;

	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		build_spaces(b, c);
		build_node(b, c);
		if (b->consume && b->hold == 0) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
}

/* Walks the selected content into d, after the metadata; with consume,
 * freeing it as it goes. */
static void
build_walk(struct xctx *x, struct doc *d, int consume)
{
	struct xbuild	b;

	memset(&b, 0, sizeof b);
	b.x = x;
	b.d = d;
	b.consume = consume;
	buf_init(&b.tmp);
	doc_set(&d->title, x->meta.title, (size_t)-1);
	doc_set(&d->byline, x->meta.byline, (size_t)-1);
	doc_set(&d->site, x->meta.site, (size_t)-1);
	doc_set(&d->published, x->meta.published, (size_t)-1);
	doc_set(&d->lang, x->meta.lang, (size_t)-1);
	doc_set(&d->dir, x->meta.dir, (size_t)-1);
	doc_set(&d->excerpt, x->meta.excerpt, (size_t)-1);
	doc_set(&d->image, x->meta.image, (size_t)-1);
	if (x->article != NULL)
		build_children(&b, x->article);
	build_end(&b);
	free(b.spans);
	buf_free(&b.tmp);
}

struct doc *
extract_build_finish(struct doc *d)
{
	doc_finish(d);
	sections_find(d);
	return d;
}

struct doc *
extract_build(struct extract *e)
{
	struct doc	*d = doc_new(e->url);

	build_walk(&e->x, d, 0);
	return extract_build_finish(d);
}

struct doc *
extract_build_free(struct extract *e)
{
	struct doc	*d = doc_new(e->url);

	build_walk(&e->x, d, 1);
	return d;
}
