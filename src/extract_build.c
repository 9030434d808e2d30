/* extract_build.c: walks the chosen content into the document model:
 * headings, paragraphs, quotes, lists, code, images, tables and rules,
 * with emphasis, code and links as spans. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc.h"
#include "extract_int.h"
#include "util.h"

#define BUILD_MAX_LISTS	16

struct xbuild {
	struct xctx		*x;
	struct doc		*d;
	int			 open;		/* a block is open */
	size_t			 block;		/* its index in d->blocks */
	int			 has_pending;	/* the next block's kind is set */
	enum doc_block_type	 pending;
	int			 pending_level;
	int			 pending_number;
	int			 quote;		/* block-quote depth */
	int			 lists;		/* list depth */
	int			 ordered[BUILD_MAX_LISTS];
	int			 counter[BUILD_MAX_LISTS];
	int			 step[BUILD_MAX_LISTS];
	int			 pre;		/* inside <pre> */
	int			 row;		/* inside a table row */
	struct buf		 tmp;
};

static void	build_children(struct xbuild *, xmlNodePtr);
static void	build_node(struct xbuild *, xmlNodePtr);

static void
build_close(struct xbuild *b)
{
	if (b->open)
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

	blk = doc_begin(b->d, type, level);
	blk->quote = b->quote;
	b->open = 1;
	b->block = b->d->nblocks - 1;
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
build_text(struct xbuild *b, xmlNodePtr n)
{
	const char	*s = (const char *)n->content;

	if (s == NULL)
		return;
	if (!b->open) {
		if (extract_dom_blank_str(s))
			return;
		build_open(b);
	}
	doc_text(b->d, s, strlen(s));
}

/* A span over what the children add, if the block stays the same. */
static void
build_span(struct xbuild *b, xmlNodePtr n, enum doc_span_type type,
    int link)
{
	size_t	id, block;

	if (!b->open) {
		if (!build_has_text(n)) {
			build_children(b, n);
			return;
		}
		build_open(b);
	}
	block = b->block;
	id = doc_span_begin(b->d, type, link);
	build_children(b, n);
	if (b->open && b->block == block)
		doc_span_end(b->d, id);
}

static void
build_link(struct xbuild *b, xmlNodePtr n)
{
	const char	*href = extract_dom_attr(n, "href");
	char		*url;
	int		 link;

	while (href != NULL && (*href == ' ' || *href == '\t' ||
	    *href == '\n' || *href == '\r'))
		href++;
	/* Scripts are gone: a javascript: link keeps only its words. */
	if (href == NULL || *href == '\0' ||
	    strncasecmp(href, "javascript:", 11) == 0 || !build_has_text(n)) {
		build_children(b, n);
		return;
	}
	url = extract_meta_resolve(href, b->x->base);
	link = doc_add_link(b->d, url);
	free(url);
	build_span(b, n, DOC_LINK, link);
}

/* The address of an image: src, else a lazy loader's data-src, else the
 * first candidate of srcset. Allocated, absolute; NULL if none. */
static char *
build_image_src(struct xbuild *b, xmlNodePtr n)
{
	const char	*s;
	char		*first, *r;
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
		if (len == 0)
			return NULL;
		first = xstrndup(s, len);
		r = extract_meta_resolve(first, b->x->base);
		free(first);
		return r;
	}
	if (strncmp(s, "data:", 5) == 0)
		return NULL;	/* inline bytes: nothing to show or open */
	return extract_meta_resolve(s, b->x->base);
}

static void
build_image(struct xbuild *b, xmlNodePtr n)
{
	struct doc_block	*blk;
	const char		*alt = extract_dom_attr(n, "alt");
	const char		*cls = extract_dom_attr(n, "class");
	char			*src;

	if (alt == NULL)
		alt = "";
	/* An emoji drawn as a picture is a word of the text; other images in
	 * running text or a table cell (icons, formulas whose text is there
	 * too) are left out rather than splitting the text. */
	if (b->row || b->open) {
		if (cls != NULL && extract_dom_contains_ci(cls, "emoji") &&
		    *alt != '\0') {
			build_open(b);
			doc_text(b->d, alt, strlen(alt));
		}
		return;
	}
	if ((src = build_image_src(b, n)) == NULL)
		return;
	build_close(b);
	blk = build_begin(b, DOC_IMAGE, 0);
	doc_set(&blk->src, src, (size_t)-1);
	free(src);
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
	before = b->d->nblocks;
	for (c = n->children; c != NULL; c = c->next) {
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
		return;
	}
	build_start(b, DOC_PARAGRAPH, 0, 0, 1);
	build_children(b, cap);
	build_end(b);
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
	build_end(b);
}

static void
build_list(struct xbuild *b, xmlNodePtr n, int ordered)
{
	const char	*s;
	int		 depth;

	build_end(b);
	depth = b->lists < BUILD_MAX_LISTS ? b->lists : BUILD_MAX_LISTS - 1;
	b->ordered[depth] = ordered;
	b->step[depth] = ordered && extract_dom_attr(n, "reversed") != NULL ?
	    -1 : 1;
	b->counter[depth] = 1;
	if (ordered && (s = extract_dom_attr(n, "start")) != NULL)
		b->counter[depth] = (int)strtol(s, NULL, 10);
	else if (b->step[depth] < 0)
		b->counter[depth] = (int)extract_dom_count(n, XT_LI);
	b->lists++;
	build_children(b, n);
	b->lists--;
	build_end(b);
}

static void
build_item(struct xbuild *b, xmlNodePtr n)
{
	const char	*s;
	int		 depth, number = 0;

	depth = b->lists > 0 ? b->lists - 1 : 0;
	if (depth >= BUILD_MAX_LISTS)
		depth = BUILD_MAX_LISTS - 1;
	if (b->lists > 0 && b->ordered[depth]) {
		if ((s = extract_dom_attr(n, "value")) != NULL)
			b->counter[depth] = (int)strtol(s, NULL, 10);
		number = b->counter[depth];
		b->counter[depth] += b->step[depth];
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
		if (b->row) {
			doc_text(b->d, " ", 1);
			build_children(b, n);
			doc_text(b->d, " ", 1);
			return;
		}
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
		if (b->row) {
			doc_text(b->d, " ", 1);
			build_children(b, n);
			doc_text(b->d, " ", 1);
			return;
		}
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
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
		build_text(b, n);
	else if (n->type == XML_ELEMENT_NODE)
		build_element(b, n);
}

static void
build_children(struct xbuild *b, xmlNodePtr n)
{
	xmlNodePtr	c;

	for (c = n->children; c != NULL; c = c->next)
		build_node(b, c);
}

/* Walks the selected content into d, after the metadata. */
void
extract_build_walk(struct xctx *x, struct doc *d)
{
	struct xbuild	b;

	memset(&b, 0, sizeof b);
	b.x = x;
	b.d = d;
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
	buf_free(&b.tmp);
}
