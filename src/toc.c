/* toc.c: a table of contents box: a run of three or more list items (or
 * table rows) whose words are mostly links to the page's own anchors,
 * and the short heading just before it that introduces it alone. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "toc.h"
#include "util.h"

/* At least this many links to the page itself... */
#define TOC_LINKS	3
/* ...holding at least this share (in tenths) of the box's words. */
#define TOC_LINKED	7
/* A heading that introduces the box is short ("Contents", "On this
 * page"): at most this many words. */
#define TOC_TITLE_WORDS	4

/* Does url lead into this page: "#frag", or the page's own address and
 * a fragment? */
static int
toc_self_link(const struct doc *d, const char *url)
{
	const char	*hash = strchr(url, '#');
	size_t		 n;

	if (hash == NULL || hash[1] == '\0')
		return 0;
	if (hash == url)
		return 1;
	if (d->url == NULL)
		return 0;
	n = strcspn(d->url, "#");
	return (size_t)(hash - url) == n && strncmp(url, d->url, n) == 0;
}

/* Adds the words of block b to *all and those in links into the page to
 * *linked; returns the number of such links. */
static size_t
toc_block_words(const struct doc *d, const struct doc_block *b,
    size_t *all, size_t *linked)
{
	const struct doc_span	*s;
	size_t			 i, links = 0;

	*all += doc_count_words(b->text, b->len);
	for (i = 0; i < b->nspans; i++) {
		s = &b->spans[i];
		if (s->type != DOC_LINK || s->link < 0 ||
		    (size_t)s->link >= d->nlinks ||
		    !toc_self_link(d, d->links[s->link].url))
			continue;
		*linked += doc_count_words(b->text + s->start,
		    s->end - s->start);
		links++;
	}
	return links;
}

/* Does block h only introduce the box of blocks [from, to): a short
 * heading (or a short paragraph with no link) just before it, with no
 * text of its own after the box: the end, or a heading as high? */
static int
toc_title(const struct doc *d, size_t h, size_t to)
{
	const struct doc_block	*b = &d->blocks[h];

	if (b->type != DOC_HEADING &&
	    (b->type != DOC_PARAGRAPH || b->nspans > 0))
		return 0;
	if (doc_count_words(b->text, b->len) > TOC_TITLE_WORDS)
		return 0;
	if (b->type == DOC_PARAGRAPH || to >= d->nblocks)
		return 1;
	return d->blocks[to].type == DOC_HEADING &&
	    d->blocks[to].level <= b->level;
}

unsigned char *
toc_find(const struct doc *d)
{
	unsigned char		*mark = NULL;
	enum doc_block_type	 type;
	size_t			 i, j, k, all, linked, links;

	for (i = 0; i < d->nblocks; i = j) {
		type = d->blocks[i].type;
		j = i + 1;
		if (type != DOC_LIST_ITEM && type != DOC_TABLE_ROW)
			continue;
		all = linked = links = 0;
		for (j = i; j < d->nblocks && d->blocks[j].type == type; j++)
			links += toc_block_words(d, &d->blocks[j], &all,
			    &linked);
		if (links < TOC_LINKS || all == 0 ||
		    linked * 10 < all * TOC_LINKED)
			continue;
		if (mark == NULL)
			mark = xcalloc(d->nblocks, 1);
		for (k = i; k < j; k++)
			mark[k] = 1;
		if (i > 0 && toc_title(d, i - 1, j))
			mark[i - 1] = 1;
	}
	return mark;
}
