/* layout.h: word wrap of a document into display lines with attribute
 * runs and anchors, shared by the pager and the text dump. No curses. */
#ifndef REEL_LAYOUT_H
#define REEL_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct doc;

/* Attributes of a run of text; view_pager.c makes them term.c's styles. */
#define LAYOUT_EM	0x001
#define LAYOUT_STRONG	0x002
#define LAYOUT_CODE	0x004
#define LAYOUT_LINK	0x008		/* the run's link is set */
#define LAYOUT_HEADING	0x010
#define LAYOUT_MARK	0x020		/* reel's marks: [3], bullets */
#define LAYOUT_MATCH	0x040		/* a search match */
#define LAYOUT_CURRENT	0x080		/* the current search match */
#define LAYOUT_SELECTED	0x100		/* the selected link */

/* Options of a layout. */
#define LAYOUT_CENTRE		0x01	/* centre the text column */
#define LAYOUT_ASCII		0x02	/* ASCII stand-ins for all else */
#define LAYOUT_LINKNUMS		0x04	/* mark each link with [n] */
#define LAYOUT_UNDERLINE	0x08	/* underline h1 and h2 (text dump) */
#define LAYOUT_TITLE		0x10	/* the title and byline first, unless
					 * the first block is the title */
#define LAYOUT_NOTOC		0x20	/* no lines for a table of contents
					 * box (toc.h): the pager's */

struct layout_opts {
	int	cols;		/* window width in cells */
	int	measure;	/* at most this many cells of text, 0 = cols */
	int	flags;
};

enum layout_kind {
	LAYOUT_TEXT,		/* a line of a block */
	LAYOUT_BLANK,		/* the space after a block */
	LAYOUT_DECOR,		/* an underline, the title, the byline */
};

/*
 * Offsets into the layout's text and the document's blocks, and indexes
 * of its blocks, segments, lines and runs, are kept in 32 bits: a long
 * page has two lines a paragraph and a block each, and they were most of
 * the pager's memory. No option bounds a page below 4 GiB (max-size goes
 * to LONG_MAX / 2, and a table's padding makes display text longer than
 * the page), so layout.c checks every value it narrows and stops reel
 * with a message past LAYOUT_MAX, as running out of memory does.
 */
#define LAYOUT_MAX	UINT32_MAX

struct layout_run {
	uint32_t	start;		/* bytes of the line's text */
	uint32_t	len;
	int		attr;
	int		link;		/* index in doc->links, or -1 */
	int		span;		/* the link's span in its block, or -1 */
};

struct layout_line {
	uint32_t	block;		/* anchor: the block of the line */
	uint32_t	offset;		/* anchor: byte offset in the block's
					   text */
	uint32_t	doff;		/* offset in the block's display text */
	uint32_t	text;		/* the line's text in layout->text */
	uint32_t	len;
	uint32_t	prefix;		/* a list marker in layout->text */
	uint32_t	run;		/* first run in layout->runs */
	int		nruns;
	int		prefix_len;
	int		indent;		/* blank cells before the prefix */
	uint16_t	attr;		/* attributes of the whole line */
	uint8_t		kind;		/* enum layout_kind */
	uint8_t		rtl;		/* of a right-to-left paragraph: aligned
					   right, its text to be shown
					   reordered */
};

/* A block's display text: its text as shown, with reel's marks added. It
 * does not depend on the width, so a resize only wraps again. */
struct layout_block {
	uint32_t	dstart;		/* in layout->text, followed by '\n' */
	uint32_t	dlen;
	uint32_t	seg;		/* first segment */
	uint32_t	nsegs;
	uint32_t	line;		/* first line, blank lines after it
					   included */
	uint32_t	nlines;
	uint32_t	cell;		/* a table row: its cells' bounds in */
	uint32_t	ncells;		/* layout->cellpos, pairs (end, next
					   start) */
	uint32_t	table;		/* its table's first row */
	int		twidth;		/* its table's width aligned */
	int		numw;		/* digits of its list's widest number */
};

/* A stretch of display text with one source mapping and attribute. */
struct layout_seg {
	uint32_t	dstart;		/* in layout->text */
	uint32_t	src;		/* byte offset in the block's text */
	int		link;
	int		span;
	uint16_t	attr;
	uint8_t		linear;		/* bytes map one to one, else all to
					   src */
};

struct layout {
	const struct doc	*doc;
	struct layout_opts	 opts;
	int			 width;		/* cells of the text column */
	int			 margin;	/* cells left of the column */
	struct buf		 text;		/* display texts, then marks */
	size_t			 dtotal;	/* end of the display texts */
	struct layout_block	*blocks;
	struct layout_seg	*segs;
	size_t			 nsegs, segs_cap;
	struct layout_line	*lines;
	size_t			 nlines, lines_cap;
	struct layout_run	*runs;
	size_t			 nruns, runs_cap;
	uint32_t		*cellpos;	/* table cells' bounds */
	size_t			 ncellpos, cellpos_cap;
	int			*colw;		/* while a table is built: */
	size_t			 ncolw;		/* its columns' widths, */
	size_t			 col;		/* the cell being put, */
	size_t			 cellstart;	/* where it starts, */
	int			 twidth;	/* its width, */
	size_t			 table;		/* its first row */
	size_t			 inline_next;	/* the next doc->inlines to put */
	unsigned char		*toc;		/* LAYOUT_NOTOC: the blocks of a
						   table of contents, or NULL */
};

/* Lays d out; d must outlive the layout. Free with layout_free(). */
struct layout	*layout_new(const struct doc *, const struct layout_opts *);
/* Frees l and its lines, runs and text, not the document; NULL is
 * allowed. */
void		 layout_free(struct layout *);
/* Wraps again for a window of cols cells; lines and runs are replaced. */
void		 layout_resize(struct layout *, int);
/* Returns the text of line n; owned by the layout, not NUL-terminated. */
const char	*layout_line_text(const struct layout *, size_t);
/* Returns the line that shows byte offset off of block b's text. */
size_t		 layout_find(const struct layout *, size_t, size_t);
/* Returns the line that shows offset doff of block b's display text. */
size_t		 layout_find_doff(const struct layout *, size_t, size_t);
/* Returns block b's first line of text (after the title for block 0). */
size_t		 layout_block_line(const struct layout *, size_t);
/* Returns the line that holds byte pos of layout->text (a display text). */
size_t		 layout_line_at(const struct layout *, size_t);
/* Returns non-zero when block b of d is written right to left: its first
 * strong character is of a right-to-left script (UAX #9, P2), or it has
 * none and the page says dir="rtl". */
int		 layout_block_rtl(const struct doc *, size_t);
/* Appends to out the visual order of a line of a right-to-left paragraph
 * (text, len bytes, in logical order, with runs over it): a simplified
 * UAX #9 at paragraph level 1 (letters of right-to-left scripts at level
 * 1, other letters and numbers at 2, neutrals resolved by their
 * neighbours, brackets mirrored), and its runs, starting from out's old
 * end, to *vr (grown as xgrowarray() does). Returns the runs. */
size_t		 layout_visual(const char *, size_t, const struct layout_run *,
		    size_t, struct buf *, struct layout_run **, size_t *);
/* Returns the cells a line takes, indent and marker included. */
int		 layout_line_cells(const struct layout *, size_t);

/* Returns the label to put before heading block b (a section label that
 * its text does not already start with), or NULL; owned by the doc. */
const char	*layout_heading_label(const struct doc *, size_t);
/* Returns what goes between a label and its title: "3. Title",
 * "IV. Title", but "Part 2: Title" and "(a) Title". */
const char	*layout_label_sep(const char *);
/* Returns the ASCII stand-in for a non-ASCII code point: "" to drop it,
 * NULL when there is none (shown as '?'). */
const char	*layout_ascii(unsigned int);
/* Appends UTF-8 text s (len bytes) to out as it may be shown in at most
 * cells cells: ASCII stand-ins when ascii is set, cut with an ellipsis
 * when too wide. Returns the cells taken. */
int		 layout_fit(struct buf *, const char *, size_t, int, int);
/* Returns how many bytes of s (len bytes) fit in cells cells, never
 * splitting a character or leaving its combining marks behind. */
size_t		 layout_clip(const char *, size_t, int);

#endif
