/* doc.h: the document model. An essay is a list of blocks with inline
 * spans, a link table and a section list. Every string in it has passed
 * sanitize(); nothing here knows about HTML, libxml2 or curses. */
#ifndef REEL_DOC_H
#define REEL_DOC_H

#include <stddef.h>

#include "buf.h"
#include "text.h"

enum doc_block_type {
	DOC_HEADING,		/* level 1-6 */
	DOC_PARAGRAPH,
	DOC_QUOTE,		/* a paragraph inside a block quote */
	DOC_LIST_ITEM,		/* level = nesting depth from 1, number */
	DOC_PRE,		/* preformatted: keeps '\n' and '\t' */
	DOC_IMAGE,		/* text = alt text; src, caption */
	DOC_RULE,
	DOC_TABLE_ROW,		/* cells separated by '\t'; level 1 = header */
};

enum doc_span_type {
	DOC_EM,
	DOC_STRONG,
	DOC_CODE,
	DOC_LINK,		/* last: doc.c merges the kinds before it */
};

/* An inline span over bytes [start, end) of its block's text. */
struct doc_span {
	size_t			 start;
	size_t			 end;
	enum doc_span_type	 type;
	int			 link;	/* DOC_LINK: index in doc->links */
};

struct doc_block {
	enum doc_block_type	 type;
	int			 level;
	int			 quote;		/* block-quote depth, 0 outside */
	int			 number;	/* list item number, 0 = bullet */
	char			*text;		/* never NULL; '\n' = line break;
						   the doc's (doc.c) */
	size_t			 len;
	struct doc_span		*spans;		/* sorted by start */
	size_t			 nspans;
	char			*src;		/* DOC_IMAGE: absolute URL (a path
						   for a file's), or NULL */
	char			*caption;	/* DOC_IMAGE: caption or NULL */
};

struct doc_link {
	char	*url;		/* absolute, or a path when the essay is a file */
	char	*text;		/* the linked words; those of every block the
				   link covers, joined by spaces */
};

/* Where an element with an id (or an <a name>) of the page begins: a
 * link's #fragment leads there. */
struct doc_anchor {
	char	*id;		/* sanitized */
	size_t	 block;		/* may be nblocks: after the last block */
	size_t	 offset;	/* bytes of the block's text */
};

/* An image in the words of a block: shown as "[image: alt]" where it
 * was, but not part of the block's text (a dump of the text, the word
 * count and the library's text have the words alone). */
struct doc_inline {
	char	*alt;		/* sanitized, never empty */
	size_t	 block;
	size_t	 offset;	/* bytes of the block's text */
};

/* A part of the essay: a heading, or a paragraph found to be a numbered
 * part title (then turned into a heading block). */
struct doc_section {
	char	*label;		/* the essay's own number: "3", "IV", "Part 2"; or NULL */
	char	*title;		/* the heading without its label */
	long	 number;	/* the label's value ("IV" is 4, "Part Three"
				   3), 0 if none */
	int	 level;
	size_t	 block;		/* index of its heading in blocks */
};

struct doc_chunk;

struct doc {
	char			*url;		/* final URL, or the file name */
	char			*title;
	char			*byline;
	char			*site;
	char			*published;	/* ISO 8601 */
	char			*lang;
	char			*dir;		/* "ltr", "rtl" or NULL */
	char			*excerpt;
	char			*image;		/* lead image URL */
	size_t			 word_count;

	struct doc_block	*blocks;
	size_t			 nblocks;
	struct doc_link		*links;
	size_t			 nlinks;
	struct doc_section	*sections;
	size_t			 nsections;
	struct doc_anchor	*anchors;	/* in the order of the page */
	size_t			 nanchors;
	struct doc_inline	*inlines;	/* in the order of the page */
	size_t			 ninlines;

	/* Builder state, private to doc.c. */
	size_t			 blocks_cap, links_cap, sections_cap;
	size_t			 anchors_cap, inlines_cap;
	int			 open;		/* the last block is open */
	struct text_run		 ws;		/* white space pending */
	struct buf		 cur;		/* text of the open block */
	struct buf		 scratch;
	struct doc_span		*cur_spans;
	size_t			 cur_nspans, cur_spans_cap;
	size_t			 span_base;	/* spans of earlier blocks */
	struct doc_chunk	*chunks;	/* where the blocks' texts are */
};

/* Returns a new empty document; url may be NULL. Free with doc_free(). */
struct doc	*doc_new(const char *);
/* Frees d and every string in it; NULL is allowed. */
void		 doc_free(struct doc *);

/* Replaces *field with remote text s (len bytes, or strlen when len is
 * (size_t)-1): sanitized, white space collapsed, trimmed; NULL if empty. */
void	 doc_set(char **, const char *, size_t);

/* Ends any open block and opens a new one. The pointer is valid until the
 * next block is opened; set quote, number, src or caption through it. */
struct doc_block *doc_begin(struct doc *, enum doc_block_type, int);
/* Appends remote text to the open block; white space collapses outside
 * DOC_PRE. */
void	 doc_text(struct doc *, const char *, size_t);
/* A line break (<br>) inside the open block. */
void	 doc_break(struct doc *);
/* A table cell boundary inside a DOC_TABLE_ROW. */
void	 doc_cell(struct doc *);
/* Opens an inline span at the current end of the text; returns its id for
 * doc_span_end(). link is the link index for DOC_LINK, else -1. */
size_t	 doc_span_begin(struct doc *, enum doc_span_type, int);
/* Ends span id at the current end of the text; nothing if its block has
 * been closed since (a span never crosses blocks). */
void	 doc_span_end(struct doc *, size_t);
/* Adds a URL to the link table; returns its index. A link that no span
 * points to when the document is finished is dropped from the table. */
int	 doc_add_link(struct doc *, const char *);
/* Closes the open block: trailing white space trimmed, empty spans
 * dropped, a block with no text dropped (not rules and images). */
void	 doc_end(struct doc *);
/* Closes the document: counts words and drops the links no span points
 * to. It finds no sections: whoever builds the document calls
 * sections_find() (sections.h) after it, or adds its own. */
void	 doc_finish(struct doc *);

/* Appends a section with number 0; takes no ownership of label or title
 * (copied). Returns the section, valid until the next one is added. */
struct doc_section *doc_add_section(struct doc *, const char *, const char *,
	    int, size_t);
/* Splits a closed text block in two at byte offset at of its text (not
 * 0 nor its length); a '\n' there is dropped. The second part becomes
 * block b + 1, of the same type, and later blocks and sections move one
 * up. Spans are cut at the split. */
void	 doc_split_block(struct doc *, size_t, size_t);
/* Records that the element id (remote text; empty is ignored) begins
 * here: in the open block at the end of its text so far, else at the
 * start of the next block. The first of two equal ids counts. */
void	 doc_add_anchor(struct doc *, const char *);
/* Records an image with alt text (remote text; empty is ignored) at the
 * end of the open block's text so far; nothing when no block is open. */
void	 doc_add_inline(struct doc *, const char *);
/* Returns the anchor that id (as a URL's fragment gives it, percent-
 * encoded or not) names, with its block below nblocks, or NULL; owned
 * by the doc. */
const struct doc_anchor *doc_anchor(const struct doc *, const char *);
/* Returns the index of the section that holds block b, or -1 when b comes
 * before the first section. */
long	 doc_section_of(const struct doc *, size_t);
/* Returns non-zero for a code point that counts as a word by itself: a CJK
 * ideograph or kana. */
int	 doc_is_cjk(unsigned int);
/* Counts the words of a UTF-8 text (a CJK character counts as a word). */
size_t	 doc_count_words(const char *, size_t);

#endif
