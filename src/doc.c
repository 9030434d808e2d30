/* doc.c: the document model and its builder. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "sanitize.h"
#include "util.h"

/*
 * The blocks' texts live in chunks the document owns, of DOC_CHUNK bytes
 * or a long text's own size: one allocation for hundreds of paragraphs,
 * not one each. A page of 200,000 short paragraphs otherwise left its
 * texts scattered over the heap its tree had just given back, where
 * nothing larger (SQLite's pages, the layout's arrays) could go any more
 * (issue 14).
 */
#define DOC_CHUNK	((size_t)64 << 10)

struct doc_chunk {
	struct doc_chunk	*next;
	size_t			 used;
	size_t			 size;
	char			 data[];
};

/* A copy of len bytes of s and a NUL, owned by d. */
static char *
doc_strndup(struct doc *d, const char *s, size_t len)
{
	struct doc_chunk	*c = d->chunks;
	size_t			 size;
	char			*t;

	if (c == NULL || c->size - c->used < len + 1) {
		size = len + 1 > DOC_CHUNK / 4 ? len + 1 : DOC_CHUNK;
		if (len == SIZE_MAX || size > SIZE_MAX - sizeof *c)
			fatal(_("out of memory"));
		c = xmalloc(sizeof *c + size);
		c->used = 0;
		c->size = size;
		/* A long text's own chunk goes behind the one being
		 * filled, which keeps its room. */
		if (size != DOC_CHUNK && d->chunks != NULL) {
			c->next = d->chunks->next;
			d->chunks->next = c;
		} else {
			c->next = d->chunks;
			d->chunks = c;
		}
	}
	t = c->data + c->used;
	memcpy(t, s, len);
	t[len] = '\0';
	c->used += len + 1;
	return t;
}

struct doc *
doc_new(const char *url)
{
	struct doc	*d = xcalloc(1, sizeof *d);

	if (url != NULL)
		d->url = sanitize(url, strlen(url), 0);
	d->ws.space = TEXT_SPACE;
	d->ws.min = 1;
	buf_init(&d->cur);
	buf_init(&d->scratch);
	return d;
}

/* Frees what b holds but its text, which is the document's. */
static void
doc_free_block(struct doc_block *b)
{
	free(b->spans);
	free(b->src);
	free(b->caption);
}

void
doc_free(struct doc *d)
{
	struct doc_chunk	*c;
	size_t			 i;

	if (d == NULL)
		return;
	free(d->url);
	free(d->title);
	free(d->byline);
	free(d->site);
	free(d->published);
	free(d->lang);
	free(d->dir);
	free(d->excerpt);
	free(d->image);
	for (i = 0; i < d->nblocks; i++)
		doc_free_block(&d->blocks[i]);
	free(d->blocks);
	for (i = 0; i < d->nlinks; i++) {
		free(d->links[i].url);
		free(d->links[i].text);
	}
	free(d->links);
	for (i = 0; i < d->nsections; i++) {
		free(d->sections[i].label);
		free(d->sections[i].title);
	}
	free(d->sections);
	for (i = 0; i < d->nanchors; i++)
		free(d->anchors[i].id);
	free(d->anchors);
	for (i = 0; i < d->ninlines; i++)
		free(d->inlines[i].alt);
	free(d->inlines);
	while ((c = d->chunks) != NULL) {
		d->chunks = c->next;
		free(c);
	}
	buf_free(&d->cur);
	buf_free(&d->scratch);
	free(d->cur_spans);
	free(d);
}

void
doc_set(char **field, const char *s, size_t len)
{
	struct buf	 clean = BUF_INIT, out = BUF_INIT;
	struct text_run	 ws = { TEXT_SPACE, 1, 0, 0, { 0 }, 0 };

	free(*field);
	*field = NULL;
	if (s == NULL)
		return;
	if (len == (size_t)-1)
		len = strlen(s);
	sanitize_append(&clean, s, len, 0);
	text_collapse(&out, buf_str(&clean), clean.len, &ws);
	buf_free(&clean);
	if (out.len == 0) {
		buf_free(&out);
		return;
	}
	*field = buf_detach(&out, NULL);
}

static struct doc_block *
doc_open_block(struct doc *d)
{
	return d->open ? &d->blocks[d->nblocks - 1] : NULL;
}

struct doc_block *
doc_begin(struct doc *d, enum doc_block_type type, int level)
{
	struct doc_block	*b;

	doc_end(d);
	d->blocks = xgrowarray(d->blocks, &d->blocks_cap, d->nblocks + 1,
	    sizeof *d->blocks);
	b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof *b);
	b->type = type;
	b->level = level;
	d->open = 1;
	d->ws.run = 0;
	buf_reset(&d->cur);
	/* Ids go on counting, so that one of a closed block is stale. */
	d->span_base += d->cur_nspans;
	d->cur_nspans = 0;
	return b;
}

void
doc_text(struct doc *d, const char *s, size_t len)
{
	struct doc_block	*b = doc_open_block(d);

	if (b == NULL)
		b = doc_begin(d, DOC_PARAGRAPH, 0);
	if (b->type == DOC_PRE) {
		sanitize_append(&d->cur, s, len, SANITIZE_PRE);
		return;
	}
	buf_reset(&d->scratch);
	sanitize_append(&d->scratch, s, len, 0);
	text_collapse(&d->cur, buf_str(&d->scratch), d->scratch.len, &d->ws);
}

/* Drops the trailing white space of kind of the open block's text (spans
 * are clamped when the block ends). */
static void
doc_trim_end(struct doc *d, enum text_space kind)
{
	d->cur.len = text_trim_end(buf_str(&d->cur), d->cur.len, kind);
	if (d->cur.data != NULL)
		d->cur.data[d->cur.len] = '\0';
}

/* Adds a separator byte (newline or tab) unless the text is empty or
 * already ends with one. */
static void
doc_separator(struct doc *d, char c)
{
	struct doc_block	*b = doc_open_block(d);

	if (b == NULL)
		return;
	if (b->type != DOC_PRE)
		doc_trim_end(d, TEXT_SPACE);
	d->ws.run = 0;
	if (b->type == DOC_PRE) {
		buf_addc(&d->cur, c);
		return;
	}
	if (d->cur.len == 0 && c == '\n')
		return;
	if (d->cur.len > 0 && d->cur.data[d->cur.len - 1] == c)
		return;
	buf_addc(&d->cur, c);
}

void
doc_break(struct doc *d)
{
	doc_separator(d, '\n');
}

void
doc_cell(struct doc *d)
{
	struct doc_block	*b = doc_open_block(d);

	if (b != NULL && b->type == DOC_TABLE_ROW && d->cur.len > 0)
		doc_separator(d, '\t');
	else
		d->ws.run = 1;
}

size_t
doc_span_begin(struct doc *d, enum doc_span_type type, int link)
{
	struct doc_span	*sp;

	if (doc_open_block(d) == NULL)
		doc_begin(d, DOC_PARAGRAPH, 0);
	/* The pending space belongs before the span, not inside it. */
	text_collapse_flush(&d->cur, &d->ws);
	d->cur_spans = xgrowarray(d->cur_spans, &d->cur_spans_cap,
	    d->cur_nspans + 1, sizeof *d->cur_spans);
	sp = &d->cur_spans[d->cur_nspans];
	sp->start = sp->end = d->cur.len;
	sp->type = type;
	sp->link = type == DOC_LINK ? link : -1;
	return d->span_base + d->cur_nspans++;
}

void
doc_span_end(struct doc *d, size_t id)
{
	if (!d->open || id < d->span_base ||
	    id - d->span_base >= d->cur_nspans)
		return;
	d->cur_spans[id - d->span_base].end = d->cur.len;
}

int
doc_add_link(struct doc *d, const char *url)
{
	struct doc_link	*l;

	d->links = xgrowarray(d->links, &d->links_cap, d->nlinks + 1,
	    sizeof *d->links);
	l = &d->links[d->nlinks];
	l->url = sanitize(url, strlen(url), 0);
	l->text = xstrdup("");
	return (int)d->nlinks++;
}

/* Adds the words of one of a link's spans to its text. */
static void
doc_link_words(struct doc_link *l, const char *s, size_t len)
{
	struct buf	b = BUF_INIT;

	buf_adds(&b, l->text);
	if (b.len > 0)
		buf_addc(&b, ' ');
	buf_add(&b, s, len);
	free(l->text);
	l->text = buf_detach(&b, NULL);
}

static int
doc_span_cmp(const void *a, const void *b)
{
	const struct doc_span	*x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;	/* outer span first */
	/* A link over the same words as emphasis or code goes outside
	 * it: "[`f()`](...)", not code holding the link's markup. */
	if ((x->type == DOC_LINK) != (y->type == DOC_LINK))
		return x->type == DOC_LINK ? -1 : 1;
	return 0;
}

/*
 * Makes one span of two of a kind side by side ("<em>a</em><em>b</em>"
 * reads as one, and Markdown cannot write two: "*a**b*" is neither);
 * links stay apart, each has its own place to go. sp is sorted; returns
 * the new count, still sorted.
 */
static size_t
doc_merge_spans(struct doc_span *sp, size_t n)
{
	size_t	last[DOC_LINK], i, k;
	int	merged = 0;

	for (k = 0; k < nitems(last); k++)
		last[k] = n;
	for (i = 0; i < n; i++) {
		if (sp[i].type == DOC_LINK)
			continue;
		k = (size_t)sp[i].type;
		if (last[k] < n && sp[last[k]].end == sp[i].start) {
			sp[last[k]].end = sp[i].end;
			sp[i].end = sp[i].start;	/* gone */
			merged = 1;
		} else if (last[k] == n || sp[i].end > sp[last[k]].end)
			last[k] = i;
	}
	if (!merged)
		return n;
	for (i = k = 0; i < n; i++) {
		if (sp[i].start < sp[i].end)
			sp[k++] = sp[i];
	}
	qsort(sp, k, sizeof *sp, doc_span_cmp);
	return k;
}

void
doc_end(struct doc *d)
{
	struct doc_block	*b = doc_open_block(d);
	struct doc_span		*sp;
	size_t			 i, n, start = 0;

	if (b == NULL)
		return;
	d->open = 0;
	doc_trim_end(d, TEXT_HTML);
	/* As in HTML, a newline right after <pre> is not the text's. */
	if (b->type == DOC_PRE && d->cur.len > 0 && d->cur.data[0] == '\n')
		start = 1;
	if (d->cur.len == start && b->type != DOC_RULE &&
	    b->type != DOC_IMAGE) {
		doc_free_block(b);
		d->nblocks--;
		/* Its images in running text go with it. */
		while (d->ninlines > 0 &&
		    d->inlines[d->ninlines - 1].block >= d->nblocks)
			free(d->inlines[--d->ninlines].alt);
		return;
	}
	b->text = doc_strndup(d, buf_str(&d->cur) + start, d->cur.len - start);
	b->len = d->cur.len - start;
	for (i = n = 0; i < d->cur_nspans; i++) {
		sp = &d->cur_spans[i];
		sp->start = sp->start < start ? 0 : sp->start - start;
		sp->end = sp->end < start ? 0 : sp->end - start;
		if (sp->end > b->len)
			sp->end = b->len;
		/* A span is over words: the space beside them is not its
		 * own ("on<em> Kotaku</em>"). */
		while (b->type != DOC_PRE && sp->start < sp->end &&
		    b->text[sp->start] == ' ')
			sp->start++;
		while (b->type != DOC_PRE && sp->start < sp->end &&
		    b->text[sp->end - 1] == ' ')
			sp->end--;
		if (sp->start >= sp->end)
			continue;
		if (sp->type == DOC_LINK && sp->link >= 0 &&
		    (size_t)sp->link < d->nlinks)
			doc_link_words(&d->links[sp->link], b->text + sp->start,
			    sp->end - sp->start);
		d->cur_spans[n++] = *sp;
	}
	if (n > 0) {
		qsort(d->cur_spans, n, sizeof *d->cur_spans, doc_span_cmp);
		n = doc_merge_spans(d->cur_spans, n);
		b->spans = xreallocarray(NULL, n, sizeof *b->spans);
		memcpy(b->spans, d->cur_spans, n * sizeof *b->spans);
		b->nspans = n;
	}
}

/* Drops the links that no span points to (their words were left out, or
 * they had none) and numbers the others again, in order. */
static void
doc_drop_orphan_links(struct doc *d)
{
	struct doc_span	*sp;
	int		*map;
	size_t		 i, j, n = 0, was = d->nlinks;

	if (was == 0)
		return;
	map = xreallocarray(NULL, was, sizeof *map);
	for (i = 0; i < was; i++)
		map[i] = -1;
	for (i = 0; i < d->nblocks; i++) {
		for (j = 0; j < d->blocks[i].nspans; j++) {
			sp = &d->blocks[i].spans[j];
			if (sp->type == DOC_LINK && sp->link >= 0 &&
			    (size_t)sp->link < was)
				map[sp->link] = 0;
		}
	}
	for (i = 0; i < was; i++) {
		if (map[i] == -1) {
			free(d->links[i].url);
			free(d->links[i].text);
			continue;
		}
		map[i] = (int)n;
		d->links[n++] = d->links[i];
	}
	d->nlinks = n;
	for (i = 0; i < d->nblocks; i++) {
		for (j = 0; j < d->blocks[i].nspans; j++) {
			sp = &d->blocks[i].spans[j];
			if (sp->type == DOC_LINK && sp->link >= 0 &&
			    (size_t)sp->link < was)
				sp->link = map[sp->link];
		}
	}
	free(map);
}

void
doc_finish(struct doc *d)
{
	size_t	i;

	doc_end(d);
	d->word_count = 0;
	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].type != DOC_IMAGE)
			d->word_count += doc_count_words(d->blocks[i].text,
			    d->blocks[i].len);
	}
	doc_drop_orphan_links(d);
	/* An anchor after the last block, or past its block's trimmed
	 * text, is the end of what is there. */
	for (i = 0; i < d->nanchors && d->nblocks > 0; i++) {
		if (d->anchors[i].block >= d->nblocks) {
			d->anchors[i].block = d->nblocks - 1;
			d->anchors[i].offset = d->blocks[d->nblocks - 1].len;
		}
		if (d->anchors[i].offset > d->blocks[d->anchors[i].block].len)
			d->anchors[i].offset =
			    d->blocks[d->anchors[i].block].len;
	}
	for (i = 0; i < d->ninlines; i++) {
		if (d->inlines[i].block >= d->nblocks)
			d->inlines[i].block = d->nblocks - 1;
		if (d->inlines[i].offset > d->blocks[d->inlines[i].block].len)
			d->inlines[i].offset =
			    d->blocks[d->inlines[i].block].len;
	}
	buf_free(&d->cur);
	buf_free(&d->scratch);
}

struct doc_section *
doc_add_section(struct doc *d, const char *label, const char *title,
    int level, size_t block)
{
	struct doc_section	*s;

	d->sections = xgrowarray(d->sections, &d->sections_cap,
	    d->nsections + 1, sizeof *d->sections);
	s = &d->sections[d->nsections++];
	s->label = label != NULL ? xstrdup(label) : NULL;
	s->title = xstrdup(title != NULL ? title : "");
	s->number = 0;
	s->level = level;
	s->block = block;
	return s;
}

void
doc_split_block(struct doc *d, size_t b, size_t at)
{
	struct doc_block	*first, *second;
	struct doc_span		*sp;
	size_t			 i, n1 = 0, n2 = 0, skip, len;

	if (b >= d->nblocks || (d->open && b == d->nblocks - 1))
		fatal("doc_split_block: block %zu is not closed", b);
	if (at == 0 || at >= d->blocks[b].len)
		fatal("doc_split_block: offset %zu out of range", at);
	d->blocks = xgrowarray(d->blocks, &d->blocks_cap, d->nblocks + 1,
	    sizeof *d->blocks);
	memmove(&d->blocks[b + 2], &d->blocks[b + 1],
	    (d->nblocks - b - 1) * sizeof *d->blocks);
	d->nblocks++;
	first = &d->blocks[b];
	second = &d->blocks[b + 1];
	*second = *first;
	len = first->len;
	skip = first->text[at] == '\n' ? 1 : 0;
	second->text = doc_strndup(d, first->text + at + skip,
	    len - at - skip);
	second->len = len - at - skip;
	first->text[at] = '\0';
	first->len = at;
	second->spans = NULL;
	second->nspans = 0;
	if (first->nspans > 0)
		second->spans = xreallocarray(NULL, first->nspans,
		    sizeof *second->spans);
	/* A span over the cut is cut too; what falls on the dropped
	 * newline alone goes. Spans stay sorted on each side. */
	for (i = 0; i < first->nspans; i++) {
		sp = &first->spans[i];
		if (sp->end > at + skip) {
			second->spans[n2] = *sp;
			second->spans[n2].start = sp->start > at + skip ?
			    sp->start - at - skip : 0;
			second->spans[n2++].end = sp->end - at - skip;
		}
		if (sp->start < at) {
			if (sp->end > at)
				sp->end = at;
			first->spans[n1++] = *sp;
		}
	}
	first->nspans = n1;
	second->nspans = n2;
	if (n2 == 0) {
		free(second->spans);
		second->spans = NULL;
	}
	if (n1 == 0) {
		free(first->spans);
		first->spans = NULL;
	}
	/* src and caption belong to images, which have no text to split;
	 * they are not shared. */
	second->src = first->src != NULL ? xstrdup(first->src) : NULL;
	second->caption = first->caption != NULL ?
	    xstrdup(first->caption) : NULL;
	for (i = 0; i < d->nsections; i++) {
		if (d->sections[i].block > b)
			d->sections[i].block++;
	}
	for (i = 0; i < d->nanchors; i++) {
		if (d->anchors[i].block > b)
			d->anchors[i].block++;
		else if (d->anchors[i].block == b &&
		    d->anchors[i].offset >= at + skip) {
			d->anchors[i].block++;
			d->anchors[i].offset -= at + skip;
		}
	}
	for (i = 0; i < d->ninlines; i++) {
		if (d->inlines[i].block > b)
			d->inlines[i].block++;
		else if (d->inlines[i].block == b &&
		    d->inlines[i].offset >= at + skip) {
			d->inlines[i].block++;
			d->inlines[i].offset -= at + skip;
		}
	}
}

void
doc_add_inline(struct doc *d, const char *alt)
{
	struct doc_inline	*im;
	char			*s = NULL;

	if (!d->open)
		return;
	doc_set(&s, alt, (size_t)-1);
	if (s == NULL)
		return;
	d->inlines = xgrowarray(d->inlines, &d->inlines_cap,
	    d->ninlines + 1, sizeof *d->inlines);
	im = &d->inlines[d->ninlines++];
	im->alt = s;
	im->block = d->nblocks - 1;
	/* White space pending before the image comes before it. */
	im->offset = d->cur.len;
}

static int
doc_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

void
doc_add_anchor(struct doc *d, const char *id)
{
	struct doc_anchor	*a;
	char			*s = NULL;

	doc_set(&s, id, (size_t)-1);
	if (s == NULL)
		return;
	d->anchors = xgrowarray(d->anchors, &d->anchors_cap,
	    d->nanchors + 1, sizeof *d->anchors);
	a = &d->anchors[d->nanchors++];
	a->id = s;
	if (d->open) {
		a->block = d->nblocks - 1;
		a->offset = d->cur.len;
	} else {
		a->block = d->nblocks;
		a->offset = 0;
	}
}

const struct doc_anchor *
doc_anchor(const struct doc *d, const char *id)
{
	struct buf	 b = BUF_INIT;
	const char	*p;
	size_t		 i;
	int		 hi, lo;

	if (id == NULL || *id == '\0' || d->nblocks == 0)
		return NULL;
	/* A fragment may be percent-encoded ("caf%C3%A9"). */
	for (p = id; *p != '\0'; p++) {
		if (p[0] == '%' && (hi = doc_hexval(p[1])) >= 0 &&
		    (lo = doc_hexval(p[2])) >= 0) {
			buf_addc(&b, (char)(hi * 16 + lo));
			p += 2;
		} else
			buf_addc(&b, *p);
	}
	for (i = 0; i < d->nanchors; i++) {
		if (strcmp(d->anchors[i].id, id) == 0 ||
		    strcmp(d->anchors[i].id, buf_str(&b)) == 0) {
			buf_free(&b);
			return d->anchors[i].block < d->nblocks ?
			    &d->anchors[i] : NULL;
		}
	}
	buf_free(&b);
	return NULL;
}

long
doc_section_of(const struct doc *d, size_t block)
{
	size_t	lo = 0, hi = d->nsections, mid;

	/* The last section whose heading is at or before block. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->sections[mid].block <= block)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo - 1;
}

int
doc_is_cjk(unsigned int cp)
{
	return (cp >= 0x3040 && cp <= 0x30ff) ||
	    (cp >= 0x3400 && cp <= 0x4dbf) ||
	    (cp >= 0x4e00 && cp <= 0x9fff) ||
	    (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0x20000 && cp <= 0x3ffff);
}

/* Code points that separate words: spaces and punctuation. */
static int
doc_is_separator(unsigned int cp)
{
	if (cp < 0x80)
		return !((cp >= '0' && cp <= '9') || ascii_isalpha((int)cp) ||
		    cp == '\'' || cp == '_');
	return cp == 0xa0 || (cp >= 0x2000 && cp <= 0x206f) ||
	    (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xff0f) ||
	    cp == 0xfffd || (cp >= 0x2400 && cp <= 0x2426);
}

size_t
doc_count_words(const char *s, size_t len)
{
	unsigned int	cp;
	size_t		n, words = 0;
	int		inword = 0;

	while (len > 0) {
		n = utf8_next(s, len, &cp);
		s += n;
		len -= n;
		if (doc_is_cjk(cp)) {
			words++;
			inword = 0;
		} else if (doc_is_separator(cp))
			inword = 0;
		else if (!inword) {
			words++;
			inword = 1;
		}
	}
	return words;
}
