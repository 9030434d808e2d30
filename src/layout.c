/* layout.c: wrapping a document into display lines. Each block is first
 * turned into its display text (reel's marks added, ASCII stand-ins, tabs
 * expanded) with segments that map it back to the block's text; wrapping
 * then only cuts display text into lines, so a resize is cheap and every
 * line keeps its (block, offset) anchor. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc.h"
#include "layout.h"
#include "toc.h"
#include "unistring_dl.h"
#include "util.h"
#include "width.h"

#define LAYOUT_TABSTOP		8
#define LAYOUT_QUOTE_INDENT	4
#define LAYOUT_LIST_INDENT	4
#define LAYOUT_REPLACEMENT	"\xef\xbf\xbd"	/* U+FFFD */
#define LAYOUT_CONT		"\xe2\x86\xaa "	/* U+21AA, a continued line */
#define LAYOUT_CONT_ASCII	"-> "

/* What a long page costs: two lines a paragraph (its text and the blank
 * after it), a block and a segment. */
_Static_assert(sizeof(struct layout_line) <= 44, "a line grew");
_Static_assert(sizeof(struct layout_block) <= 44, "a block grew");
_Static_assert(sizeof(struct layout_seg) <= 20, "a segment grew");
_Static_assert(LAYOUT_SELECTED <= UINT16_MAX, "attributes take 16 bits");

/* Where display text comes from while a block is built. */
struct layout_src {
	size_t	src;		/* offset in the block's text */
	int	linear;		/* else every byte maps to src */
	int	attr;
	int	link;
	int	span;
};

/* How one block is wrapped. */
struct layout_wrap {
	size_t	block;
	int	indent1;	/* first line */
	int	indent2;	/* the lines after it */
	int	avail1;
	int	avail2;
	size_t	prefix;
	int	prefix_len;
	size_t	cont;		/* the mark of a continued line, */
	int	cont_len;	/* preformatted text's */
	int	attr;
	size_t	seg;		/* cursor in the block's segments */
	int	maxcells;	/* widest line, for an underline */
	int	ascii;
	int	head;		/* the title or byline, not a block */
};

/* Stand-ins for U+0100..U+017F, Latin Extended-A; '?' marks the four
 * ligatures handled in layout_ascii(). */
static const char layout_latin_ext_a[] =
    "AaAaAaCcCcCcCcDd" "DdEeEeEeEeEeGgGg" "GgGgHhHhIiIiIiIi"
    "Ii??JjKkkLlLlLlL" "lLlNnNnNnnNnOoOo" "Oo??RrRrRrSsSsSs"
    "SsTtTtTtUuUuUuUu" "UuUuWwYyYZzZzZzs";

/* Stand-ins for U+00C0..U+00FF. */
static const char *const layout_latin1[] = {
	"A", "A", "A", "A", "A", "A", "AE", "C",
	"E", "E", "E", "E", "I", "I", "I", "I",
	"D", "N", "O", "O", "O", "O", "O", "x",
	"O", "U", "U", "U", "U", "Y", "Th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c",
	"e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "/",
	"o", "u", "u", "u", "u", "y", "th", "y",
};

/* Punctuation and symbols, sorted by code point. */
static const struct {
	unsigned int	 cp;
	const char	*s;
} layout_symbols[] = {
	{ 0x00a0, " " }, { 0x00a1, "!" }, { 0x00a2, "c" }, { 0x00a3, "L" },
	{ 0x00a5, "Y" }, { 0x00a6, "|" }, { 0x00a7, "S" }, { 0x00a8, "\"" },
	{ 0x00a9, "(c)" }, { 0x00aa, "a" }, { 0x00ab, "<<" }, { 0x00ac, "!" },
	{ 0x00ad, "" }, { 0x00ae, "(R)" }, { 0x00af, "-" }, { 0x00b0, "o" },
	{ 0x00b1, "+-" }, { 0x00b2, "2" }, { 0x00b3, "3" }, { 0x00b4, "'" },
	{ 0x00b5, "u" }, { 0x00b6, "P" }, { 0x00b7, "." }, { 0x00b8, "," },
	{ 0x00b9, "1" }, { 0x00ba, "o" }, { 0x00bb, ">>" }, { 0x00bc, "1/4" },
	{ 0x00bd, "1/2" }, { 0x00be, "3/4" }, { 0x00bf, "?" },
	{ 0x2002, " " }, { 0x2003, " " }, { 0x2004, " " }, { 0x2005, " " },
	{ 0x2006, " " }, { 0x2007, " " }, { 0x2008, " " }, { 0x2009, " " },
	{ 0x200a, " " }, { 0x2010, "-" }, { 0x2011, "-" }, { 0x2012, "-" },
	{ 0x2013, "-" }, { 0x2014, "--" }, { 0x2015, "--" }, { 0x2016, "||" },
	{ 0x2018, "'" }, { 0x2019, "'" }, { 0x201a, "," }, { 0x201b, "'" },
	{ 0x201c, "\"" }, { 0x201d, "\"" }, { 0x201e, "\"" }, { 0x201f, "\"" },
	{ 0x2020, "+" }, { 0x2022, "*" }, { 0x2024, "." }, { 0x2025, ".." },
	{ 0x2026, "..." }, { 0x202f, " " }, { 0x2030, "%o" }, { 0x2032, "'" },
	{ 0x2033, "\"" }, { 0x2039, "<" }, { 0x203a, ">" }, { 0x2043, "-" },
	{ 0x2044, "/" }, { 0x205f, " " }, { 0x20ac, "EUR" }, { 0x2116, "No." },
	{ 0x2122, "(TM)" }, { 0x2190, "<-" }, { 0x2192, "->" },
	{ 0x2194, "<->" },
	{ 0x21d0, "<=" }, { 0x21d2, "=>" }, { 0x2212, "-" }, { 0x2215, "/" },
	{ 0x2217, "*" }, { 0x2264, "<=" }, { 0x2265, ">=" }, { 0x2260, "!=" },
	{ 0x2500, "-" }, { 0x2502, "|" }, { 0x25aa, "*" }, { 0x25cf, "*" },
	{ 0x2e3a, "----" }, { 0x2e3b, "------" }, { 0x3000, " " },
	{ 0xfeff, "" }, { 0xfffd, "?" },
};

/* Zero-width characters and combining marks: dropped in ASCII, where
 * their base letter already stands in. */
static int
layout_is_zero_width(unsigned int cp)
{
	return (cp >= 0x0300 && cp <= 0x036f) ||
	    (cp >= 0x0483 && cp <= 0x0489) ||
	    (cp >= 0x0591 && cp <= 0x05c7) ||
	    (cp >= 0x0610 && cp <= 0x061a) ||
	    (cp >= 0x064b && cp <= 0x065f) ||
	    (cp >= 0x1ab0 && cp <= 0x1aff) ||
	    (cp >= 0x1dc0 && cp <= 0x1dff) ||
	    (cp >= 0x200b && cp <= 0x200f) ||
	    (cp >= 0x2060 && cp <= 0x2064) ||
	    (cp >= 0x20d0 && cp <= 0x20ff) ||
	    (cp >= 0xfe00 && cp <= 0xfe0f) ||
	    (cp >= 0xfe20 && cp <= 0xfe2f) ||
	    (cp >= 0xe0100 && cp <= 0xe01ef);
}

const char *
layout_ascii(unsigned int cp)
{
	/* The sanitizer's Control Pictures, as a terminal user writes them. */
	static const char	 carets[32][3] = {
		"^@", "^A", "^B", "^C", "^D", "^E", "^F", "^G",
		"^H", "^I", "^J", "^K", "^L", "^M", "^N", "^O",
		"^P", "^Q", "^R", "^S", "^T", "^U", "^V", "^W",
		"^X", "^Y", "^Z", "^[", "^\\", "^]", "^^", "^_",
	};
	static char		 one[0x80][2];
	size_t			 lo, hi, mid;

	if (cp < 0x80) {
		one[cp][0] = (char)cp;
		one[cp][1] = '\0';
		return one[cp];
	}
	if (cp >= 0xc0 && cp <= 0xff)
		return layout_latin1[cp - 0xc0];
	if (cp >= 0x100 && cp <= 0x17f) {
		switch (cp) {
		case 0x132:
			return "IJ";
		case 0x133:
			return "ij";
		case 0x152:
			return "OE";
		case 0x153:
			return "oe";
		}
		cp = (unsigned char)layout_latin_ext_a[cp - 0x100];
		one[cp][0] = (char)cp;
		one[cp][1] = '\0';
		return one[cp];
	}
	if (cp >= 0x2400 && cp <= 0x241f)
		return carets[cp - 0x2400];
	if (cp == 0x2421)
		return "^?";
	if (layout_is_zero_width(cp))
		return "";
	lo = 0;
	hi = nitems(layout_symbols);
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (layout_symbols[mid].cp == cp)
			return layout_symbols[mid].s;
		if (layout_symbols[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Decodes the character at s and says how it is shown: *out and *outlen
 * (the bytes to show, maybe none) and *w, its cells. Returns the bytes of
 * s it takes, at least 1. */
static size_t
layout_char(const char *s, size_t len, int ascii, const char **out,
    size_t *outlen, int *w)
{
	unsigned int	 cp;
	const char	*st;
	size_t		 n;

	n = utf8_next(s, len, &cp);
	if (cp == '\n' || cp == '\t') {
		*out = " ";
		*outlen = 1;
		*w = 1;
		return n;
	}
	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f)) {
		/* Never a control character, whatever the caller passed. */
		*out = "?";
		*outlen = 1;
		*w = 1;
		return n;
	}
	if (ascii) {
		if ((st = layout_ascii(cp)) == NULL)
			st = "?";
		*out = st;
		*outlen = strlen(st);
		*w = (int)*outlen;
		return n;
	}
	if (cp == 0xad) {
		/* A soft hyphen is a hint for a hyphenating renderer. */
		*out = "";
		*outlen = 0;
		*w = 0;
		return n;
	}
	if (cp == 0xfffd || (*w = width_cp(cp)) < 0) {
		*out = LAYOUT_REPLACEMENT;
		*outlen = sizeof LAYOUT_REPLACEMENT - 1;
		*w = 1;
		return n;
	}
	*out = s;
	*outlen = n;
	return n;
}

/* Returns n, an offset or index the layout keeps in 32 bits (layout.h);
 * past LAYOUT_MAX reel stops, as it does when memory runs out. */
static uint32_t
layout_u32(const struct layout *l, size_t n)
{
	if (n > LAYOUT_MAX)
		fatal(_("%s: too long to lay out (more than 4 GiB of text)"),
		    l->doc->url != NULL ? l->doc->url : "-");
	return (uint32_t)n;
}

static void
layout_seg_add(struct layout *l, size_t first, const struct layout_src *from,
    size_t src)
{
	struct layout_seg	*s;
	size_t			 at = l->text.len;

	if (l->nsegs > first) {
		s = &l->segs[l->nsegs - 1];
		if (s->dstart == at) {
			/* The last segment is empty: reuse it. */
			l->nsegs--;
		} else if (s->linear && from->linear && s->attr == from->attr &&
		    s->link == from->link && s->span == from->span &&
		    s->src + (at - s->dstart) == src)
			return;
	}
	l->segs = xgrowarray(l->segs, &l->segs_cap, l->nsegs + 1,
	    sizeof *l->segs);
	s = &l->segs[l->nsegs++];
	s->dstart = layout_u32(l, at);
	s->src = layout_u32(l, src);
	s->attr = (uint16_t)from->attr;
	s->link = from->link;
	s->span = from->span;
	s->linear = from->linear;
}

/* A table cell of the row being built ends at the end of the display
 * text, cells wide: its end is kept (for the labelled form), then it is
 * padded to its column's width (when the widths are known), then " | "
 * and the next cell's start is kept. */
static void
layout_cell_end(struct layout *l, size_t first, const struct layout_src *from,
    size_t src)
{
	struct layout_src	sep = *from;
	int			pad = 0, cells;

	cells = (l->opts.flags & LAYOUT_ASCII) ?
	    (int)(l->text.len - l->cellstart) :
	    (int)width_str(l->text.data + l->cellstart,
	    l->text.len - l->cellstart);
	sep.linear = 0;
	sep.src = src;
	l->cellpos = xgrowarray(l->cellpos, &l->cellpos_cap,
	    l->ncellpos + 2, sizeof *l->cellpos);
	l->cellpos[l->ncellpos++] = layout_u32(l, l->text.len);
	if (l->colw != NULL && l->col < l->ncolw)
		pad = l->colw[l->col] - cells;
	l->col++;
	layout_seg_add(l, first, &sep, src);
	for (; pad > 0; pad--)
		buf_addc(&l->text, ' ');
	buf_add(&l->text, " | ", 3);
	l->cellpos[l->ncellpos++] = layout_u32(l, l->text.len);
	l->cellstart = l->text.len;
}

/* Appends len bytes at s, which come from from->src on, to the display
 * text of the block being built: unchanged where possible, else through
 * layout_char(). tabs says what a tab is: a table cell boundary (1) or a
 * tab stop in preformatted text (2). *col counts cells since the last
 * newline for the tab stops. */
static void
layout_put(struct layout *l, size_t first, const char *s, size_t len,
    const struct layout_src *from, int tabs, int *col)
{
	struct layout_src	 piece = *from;
	const char		*p = s, *end = s + len, *run = s, *out;
	size_t			 n, outlen;
	int			 w, ascii = l->opts.flags & LAYOUT_ASCII;
	int			 cells = *col;

	while (p < end) {
		unsigned char	c = (unsigned char)*p;

		if (c >= 0x20 && c < 0x7f) {
			cells++;
			p++;
			continue;
		}
		if (c == '\n') {
			cells = 0;
			p++;
			continue;
		}
		if (c >= 0x80 && !ascii) {
			n = layout_char(p, (size_t)(end - p), 0, &out, &outlen,
			    &w);
			if (out == p) {
				cells += w;
				p += n;
				continue;
			}
		}
		/* Flush the unchanged run, then the changed character. */
		if (p > run) {
			layout_seg_add(l, first, &piece, from->src +
			    (from->linear ? (size_t)(run - s) : 0));
			buf_add(&l->text, run, (size_t)(p - run));
		}
		piece.linear = 0;
		if (c == '\t' && tabs == 1) {
			/* A cell ends: padded to its column, then " | ". */
			layout_cell_end(l, first, &piece, from->src +
			    (from->linear ? (size_t)(p - s) : 0));
			cells = 0;
			p++;
			run = p;
			piece.linear = from->linear;
			continue;
		} else if (c == '\t' && tabs == 2) {
			out = "        ";
			w = LAYOUT_TABSTOP - cells % LAYOUT_TABSTOP;
			outlen = (size_t)w;
			n = 1;
		} else
			n = layout_char(p, (size_t)(end - p), ascii, &out,
			    &outlen, &w);
		if (outlen > 0) {
			layout_seg_add(l, first, &piece, from->src +
			    (from->linear ? (size_t)(p - s) : 0));
			buf_add(&l->text, out, outlen);
		}
		cells += w;
		piece.linear = from->linear;
		p += n;
		run = p;
	}
	if (p > run) {
		layout_seg_add(l, first, &piece, from->src +
		    (from->linear ? (size_t)(run - s) : 0));
		buf_add(&l->text, run, (size_t)(p - run));
	}
	*col = cells;
}

/* Puts reel's own text (a mark) mapped to offset src of the block. */
static void
layout_put_mark(struct layout *l, size_t first, const char *s, size_t src,
    int attr, int link, int span)
{
	struct layout_src	from = { src, 0, attr, link, span };
	int			col = 0;

	layout_put(l, first, s, strlen(s), &from, 0, &col);
}

static int
layout_span_attr(const struct doc *d, const struct doc_span *sp)
{
	switch (sp->type) {
	case DOC_EM:
		return LAYOUT_EM;
	case DOC_STRONG:
		return LAYOUT_STRONG;
	case DOC_CODE:
		return LAYOUT_CODE;
	case DOC_LINK:
		if (sp->link >= 0 && (size_t)sp->link < d->nlinks)
			return LAYOUT_LINK;
		break;
	}
	return 0;
}

/* Puts a block's text with its spans: a sweep over span boundaries with
 * the spans open at each point, link numbers where links end. */
static void
layout_put_spans(struct layout *l, size_t first, const struct doc_block *b,
    int tabs, size_t **active, size_t *cap)
{
	const struct doc	*d = l->doc;
	const struct doc_span	*sp;
	struct layout_src	 from;
	size_t			 pos = 0, next = 0, nactive = 0, stop, i, j;
	size_t			 bi = (size_t)(b - d->blocks), im;
	int			 col = 0, attr;
	char			 mark[32];

	if (b->nspans > *cap) {
		*cap = b->nspans;
		*active = xreallocarray(*active, *cap, sizeof **active);
	}
	for (;;) {
		/* Close the spans that end here, inner ones first. */
		for (i = nactive; i > 0; i--) {
			sp = &b->spans[(*active)[i - 1]];
			if (sp->end > pos)
				continue;
			if (layout_span_attr(d, sp) == LAYOUT_LINK &&
			    (l->opts.flags & LAYOUT_LINKNUMS)) {
				snprintf(mark, sizeof mark, "[%d]",
				    sp->link + 1);
				layout_put_mark(l, first, mark, pos,
				    LAYOUT_MARK | LAYOUT_LINK, sp->link,
				    (int)(*active)[i - 1]);
			}
			for (j = i - 1; j + 1 < nactive; j++)
				(*active)[j] = (*active)[j + 1];
			nactive--;
		}
		/* Images in the words, where they were. */
		while ((im = l->inline_next) < d->ninlines &&
		    d->inlines[im].block == bi &&
		    d->inlines[im].offset <= pos) {
			layout_put_mark(l, first, pos > 0 && b->text[pos - 1] !=
			    ' ' ? " [image: " : "[image: ", pos, LAYOUT_MARK,
			    -1, -1);
			layout_put_mark(l, first, d->inlines[im].alt, pos,
			    LAYOUT_MARK, -1, -1);
			layout_put_mark(l, first, pos < b->len &&
			    b->text[pos] != ' ' ? "] " : "]", pos, LAYOUT_MARK,
			    -1, -1);
			l->inline_next++;
		}
		if (pos >= b->len)
			break;
		while (next < b->nspans && b->spans[next].start <= pos)
			(*active)[nactive++] = next++;
		stop = b->len;
		if ((im = l->inline_next) < d->ninlines &&
		    d->inlines[im].block == bi && d->inlines[im].offset > pos &&
		    d->inlines[im].offset < stop)
			stop = d->inlines[im].offset;
		if (next < b->nspans && b->spans[next].start < stop)
			stop = b->spans[next].start;
		from.attr = 0;
		from.link = from.span = -1;
		for (i = 0; i < nactive; i++) {
			sp = &b->spans[(*active)[i]];
			if (sp->end < stop)
				stop = sp->end;
			attr = layout_span_attr(d, sp);
			from.attr |= attr;
			if (attr == LAYOUT_LINK) {
				from.link = sp->link;
				from.span = (int)(*active)[i];
			}
		}
		from.src = pos;
		from.linear = 1;
		layout_put(l, first, b->text + pos, stop - pos, &from, tabs,
		    &col);
		pos = stop;
	}
}

const char *
layout_heading_label(const struct doc *d, size_t block)
{
	const struct doc_block	*b;
	const char		*label;
	long			 i;
	size_t			 n;

	if (block >= d->nblocks || d->blocks[block].type != DOC_HEADING)
		return NULL;
	if ((i = doc_section_of(d, block)) < 0 ||
	    d->sections[i].block != block || d->sections[i].label == NULL)
		return NULL;
	b = &d->blocks[block];
	label = d->sections[i].label;
	n = strlen(label);
	if (n == 0)
		return NULL;
	if (b->len >= n && strncmp(b->text, label, n) == 0 &&
	    (b->len == n || !((b->text[n] >= '0' && b->text[n] <= '9') ||
	    ascii_isalpha((unsigned char)b->text[n]))))
		return NULL;
	return label;
}

const char *
layout_label_sep(const char *label)
{
	size_t		n = strlen(label);
	unsigned char	c = (unsigned char)label[n - 1];

	if (strchr(label, ' ') != NULL && c != ')' && c != '.' && c != ':')
		return ": ";
	if ((c >= '0' && c <= '9') || ascii_isalpha(c) || c >= 0x80)
		return ". ";
	return " ";
}

static int
layout_digits(int n)
{
	int	d = 1;

	for (; n >= 10; n /= 10)
		d++;
	return d;
}

/* The width of the numbers of each ordered list, so that they are
 * right-aligned ("9." under "10."): the widest number among the items
 * of one level of one list, nested lists between them skipped. */
static void
layout_list_numbers(struct layout *l)
{
	const struct doc	*d = l->doc;
	size_t			 i, j;
	int			 level, w;

	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].type != DOC_LIST_ITEM ||
		    d->blocks[i].number <= 0 || l->blocks[i].numw > 0)
			continue;
		level = d->blocks[i].level;
		w = 0;
		for (j = i; j < d->nblocks && d->blocks[j].type ==
		    DOC_LIST_ITEM && d->blocks[j].level >= level; j++)
			if (d->blocks[j].level == level &&
			    d->blocks[j].number > 0 &&
			    layout_digits(d->blocks[j].number) > w)
				w = layout_digits(d->blocks[j].number);
		for (j = i; j < d->nblocks && d->blocks[j].type ==
		    DOC_LIST_ITEM && d->blocks[j].level >= level; j++)
			if (d->blocks[j].level == level &&
			    d->blocks[j].number > 0)
				l->blocks[j].numw = w;
	}
}

/* The widths of the columns of the table whose first row is block first:
 * each row is put once to measure its cells (display width, marks and
 * stand-ins included), then taken back. Sets l->colw, l->ncolw, the
 * table's width (columns and " | " between them) and its first row. */
static void
layout_table_widths(struct layout *l, size_t first, size_t **active,
    size_t *cap)
{
	const struct doc	*d = l->doc;
	size_t			 i, len, nsegs, k, start, end, ncell, im;
	int			 w, ascii = l->opts.flags & LAYOUT_ASCII;

	free(l->colw);
	l->colw = NULL;
	l->ncolw = 0;
	for (i = first; i < d->nblocks && d->blocks[i].type ==
	    DOC_TABLE_ROW; i++) {
		len = l->text.len;
		nsegs = l->nsegs;
		ncell = l->ncellpos;
		l->col = 0;
		l->cellstart = len;
		im = l->inline_next;
		while (l->inline_next < d->ninlines &&
		    d->inlines[l->inline_next].block < i)
			l->inline_next++;
		layout_put_spans(l, nsegs, &d->blocks[i], 1, active, cap);
		l->inline_next = im;
		start = len;
		for (k = ncell; k <= l->ncellpos; k += 2) {
			end = k < l->ncellpos ? l->cellpos[k] : l->text.len;
			w = ascii ? (int)(end - start) :
			    (int)width_str(l->text.data + start, end - start);
			if ((k - ncell) / 2 >= l->ncolw) {
				l->colw = xreallocarray(l->colw, l->ncolw + 1,
				    sizeof *l->colw);
				l->colw[l->ncolw++] = 0;
			}
			if (w > l->colw[(k - ncell) / 2])
				l->colw[(k - ncell) / 2] = w;
			if (k < l->ncellpos)
				start = l->cellpos[k + 1];
		}
		l->text.len = len;
		l->text.data[len] = '\0';
		l->nsegs = nsegs;
		l->ncellpos = ncell;
	}
	l->twidth = 0;
	for (k = 0; k < l->ncolw; k++)
		l->twidth += l->colw[k] + (k > 0 ? 3 : 0);
	l->table = first;
}

/* Builds the display text of every block. */
static void
layout_display(struct layout *l)
{
	const struct doc	*d = l->doc;
	const struct doc_block	*b;
	struct layout_block	*lb;
	struct layout_src	 from;
	const char		*label;
	size_t			*active = NULL, cap = 0, i;
	int			 col, ascii = l->opts.flags & LAYOUT_ASCII;

	l->blocks = xcalloc(d->nblocks == 0 ? 1 : d->nblocks,
	    sizeof *l->blocks);
	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		lb = &l->blocks[i];
		lb->dstart = layout_u32(l, l->text.len);
		lb->seg = layout_u32(l, l->nsegs);
		while (l->inline_next < d->ninlines &&
		    d->inlines[l->inline_next].block < i)
			l->inline_next++;
		col = 0;
		switch (b->type) {
		case DOC_HEADING:
			if ((label = layout_heading_label(d, i)) != NULL) {
				layout_put_mark(l, lb->seg, label, 0, 0, -1,
				    -1);
				layout_put_mark(l, lb->seg,
				    layout_label_sep(label), 0, 0, -1, -1);
			}
			layout_put_spans(l, lb->seg, b, 0, &active, &cap);
			break;
		case DOC_IMAGE:
			/* TRANSLATORS: the mark of an image in the text,
			 * "[image: its description]"; the bracket stays. */
			layout_put_mark(l, lb->seg, _("[image"), 0, LAYOUT_MARK,
			    -1, -1);
			if (b->len > 0 || b->caption != NULL)
				layout_put_mark(l, lb->seg, ": ", 0,
				    LAYOUT_MARK, -1, -1);
			from.src = 0;
			from.linear = 1;
			from.attr = LAYOUT_MARK;
			from.link = from.span = -1;
			layout_put(l, lb->seg, b->text, b->len, &from, 0, &col);
			if (b->caption != NULL) {
				if (b->len > 0)
					layout_put_mark(l, lb->seg, ascii ?
					    " -- " : " \xe2\x80\x94 ", b->len,
					    LAYOUT_MARK, -1, -1);
				from.src = b->len;
				from.linear = 0;
				layout_put(l, lb->seg, b->caption,
				    strlen(b->caption), &from, 0, &col);
			}
			layout_put_mark(l, lb->seg, "]", b->len, LAYOUT_MARK,
			    -1, -1);
			break;
		case DOC_RULE:
			layout_put_mark(l, lb->seg, "* * *", 0, LAYOUT_MARK, -1,
			    -1);
			break;
		case DOC_PRE:
			layout_put_spans(l, lb->seg, b, 2, &active, &cap);
			break;
		case DOC_TABLE_ROW:
			if (i == 0 || d->blocks[i - 1].type != DOC_TABLE_ROW)
				layout_table_widths(l, i, &active, &cap);
			lb->cell = layout_u32(l, l->ncellpos);
			l->col = 0;
			l->cellstart = l->text.len;
			layout_put_spans(l, lb->seg, b, 1, &active, &cap);
			lb->ncells = layout_u32(l, (l->ncellpos - lb->cell) /
			    2);
			lb->twidth = l->twidth;
			lb->table = layout_u32(l, l->table);
			break;
		default:
			layout_put_spans(l, lb->seg, b, 0, &active, &cap);
			break;
		}
		/* A trailing empty segment would end past the block. */
		if (l->nsegs > lb->seg &&
		    l->segs[l->nsegs - 1].dstart == l->text.len)
			l->nsegs--;
		lb->nsegs = layout_u32(l, l->nsegs - lb->seg);
		lb->dlen = layout_u32(l, l->text.len - lb->dstart);
		buf_addc(&l->text, '\n');
		/* Its end, a blank line's text, too. */
		(void)layout_u32(l, l->text.len);
	}
	free(active);
	free(l->colw);
	l->colw = NULL;
	l->ncolw = 0;
	l->dtotal = l->text.len;
	layout_list_numbers(l);
}

static struct layout_line *
layout_line_add(struct layout *l)
{
	struct layout_line	*ln;

	(void)layout_u32(l, l->nlines + 1);	/* indexes of lines, too */
	l->lines = xgrowarray(l->lines, &l->lines_cap, l->nlines + 1,
	    sizeof *l->lines);
	ln = &l->lines[l->nlines++];
	memset(ln, 0, sizeof *ln);
	return ln;
}

static void
layout_run_add(struct layout *l, struct layout_line *ln, size_t start,
    size_t len, const struct layout_seg *s)
{
	struct layout_run	*r;

	if (ln->nruns > 0) {
		r = &l->runs[l->nruns - 1];
		if (r->start + r->len == start && r->attr == s->attr &&
		    r->link == s->link && r->span == s->span) {
			r->len += len;
			return;
		}
	}
	l->runs = xgrowarray(l->runs, &l->runs_cap, l->nruns + 1,
	    sizeof *l->runs);
	r = &l->runs[l->nruns++];
	r->start = layout_u32(l, start);
	r->len = layout_u32(l, len);
	r->attr = s->attr;
	r->link = s->link;
	r->span = s->span;
	ln->nruns++;
}

/* Adds the line of display text [a, b) of the block being wrapped. */
static void
layout_emit(struct layout *l, struct layout_wrap *w, size_t a, size_t b,
    int first)
{
	const struct layout_block	*lb = &l->blocks[w->block];
	const struct layout_seg		*s;
	struct layout_line		*ln = layout_line_add(l);
	size_t				 end = lb->seg + lb->nsegs, k, sa, sb;
	int				 cells;

	ln->block = layout_u32(l, w->block);
	ln->text = layout_u32(l, a);
	ln->len = layout_u32(l, b - a);
	ln->attr = (uint16_t)w->attr;
	ln->indent = first ? w->indent1 : w->indent2;
	ln->run = layout_u32(l, l->nruns);
	if (w->head) {
		/* Anchored where block 0 begins; no runs of its own. */
		ln->kind = LAYOUT_DECOR;
		goto cells;
	}
	ln->doff = layout_u32(l, a - lb->dstart);
	ln->kind = LAYOUT_TEXT;
	if (first && w->prefix_len > 0) {
		ln->prefix = layout_u32(l, w->prefix);
		ln->prefix_len = w->prefix_len;
	} else if (!first && w->cont_len > 0) {
		ln->prefix = layout_u32(l, w->cont);
		ln->prefix_len = w->cont_len;
	}
	while (w->seg + 1 < end && l->segs[w->seg + 1].dstart <= a)
		w->seg++;
	if (w->seg < end) {
		s = &l->segs[w->seg];
		ln->offset = layout_u32(l, s->linear && a >= s->dstart ?
		    s->src + (a - s->dstart) : s->src);
	}
	for (k = w->seg; k < end; k++) {
		s = &l->segs[k];
		sa = s->dstart;
		sb = k + 1 < end ? l->segs[k + 1].dstart :
		    lb->dstart + lb->dlen;
		if (sa >= b)
			break;
		if (sb <= a || s->attr == 0)
			continue;
		if (sa < a)
			sa = a;
		if (sb > b)
			sb = b;
		if (sb > sa)
			layout_run_add(l, ln, sa - a, sb - sa, s);
	}
cells:
	if (w->maxcells >= 0) {
		cells = (int)(w->ascii ? ln->len :
		    width_str(l->text.data + a, ln->len));
		if (cells > w->maxcells)
			w->maxcells = cells;
	}
}

/* May a line break come between prev and cp, wide characters both or
 * one of them? Not before closing or after opening punctuation, nor
 * after a zero width joiner. */
static int
layout_break_ok(unsigned int prev, unsigned int cp)
{
	static const unsigned int	 no_before[] = {
		0x3001, 0x3002, 0x3009, 0x300b, 0x300d, 0x300f, 0x3011,
		0x3015, 0x30fc, 0xff01, 0xff09, 0xff0c, 0xff0e, 0xff1a,
		0xff1b, 0xff1f, 0x2019, 0x201d,
	};
	static const unsigned int	 no_after[] = {
		0x3008, 0x300a, 0x300c, 0x300e, 0x3010, 0x3014, 0xff08,
		0x2018, 0x201c, 0x200d,
	};
	size_t				 i;

	for (i = 0; i < nitems(no_before); i++)
		if (cp == no_before[i])
			return 0;
	for (i = 0; i < nitems(no_after); i++)
		if (prev == no_after[i])
			return 0;
	return 1;
}

/* Returns where the link mark ("[13]") that holds display offset pos
 * of the block being wrapped begins, or (size_t)-1 when pos is in no
 * mark. A mark is never split, nor put on a line of its own by a break
 * that wide characters allow. */
static size_t
layout_mark_at(const struct layout *l, const struct layout_wrap *w,
    size_t pos)
{
	const struct layout_block	*lb = &l->blocks[w->block];
	const struct layout_seg		*s;
	size_t				 lo = lb->seg, hi = lb->seg + lb->nsegs;
	size_t				 mid, end;

	if (w->head || lb->nsegs == 0)
		return (size_t)-1;
	/* The last segment that starts at pos or before. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (l->segs[mid].dstart <= pos)
			lo = mid;
		else
			hi = mid;
	}
	s = &l->segs[lo];
	end = lo + 1 < lb->seg + lb->nsegs ? l->segs[lo + 1].dstart :
	    lb->dstart + lb->dlen;
	if (s->dstart > pos || pos >= end ||
	    (s->attr & (LAYOUT_MARK | LAYOUT_LINK)) !=
	    (LAYOUT_MARK | LAYOUT_LINK))
		return (size_t)-1;
	return s->dstart;
}

/* Greedy word wrap of display text [start, end): breaks at spaces and
 * around wide characters; a word longer than the line is cut, never
 * inside a link mark. */
static void
layout_wrap_words(struct layout *l, struct layout_wrap *w, size_t start,
    size_t end)
{
	const char	*t = l->text.data;
	unsigned int	 cp, prev_cp;
	size_t		 pos = start, i, n, line_start, brk_end, brk_next, m;
	int		 first = 1, col, avail, cw, prev_wide, emitted = 0;

	for (;;) {
		if (!first)
			while (pos < end && t[pos] == ' ')
				pos++;
		if (pos >= end)
			break;
		avail = first ? w->avail1 : w->avail2;
		line_start = brk_end = brk_next = pos;
		col = prev_wide = 0;
		prev_cp = 0;
		i = pos;
		for (;;) {
			unsigned char	c;
			size_t		run = i;

			/* The common case, in a tight loop: printable ASCII,
			 * a cell each, a break after each space, none before
			 * a letter unless a wide character came first. A
			 * space that would pass the margin is left to the
			 * general case, which ends the line there. */
			if (!prev_wide) {
				while (i < end && col < avail &&
				    (c = (unsigned char)t[i]) >= ' ' &&
				    c < 0x80) {
					if (c == ' ') {
						brk_end = i;
						brk_next = i + 1;
					}
					col++;
					i++;
				}
				if (i > run)
					prev_cp = (unsigned char)t[i - 1];
			}
			if (i >= end) {
				layout_emit(l, w, line_start, end, first);
				pos = end;
				break;
			}
			c = (unsigned char)t[i];
			if (c == '\n') {
				layout_emit(l, w, line_start, i, first);
				pos = i + 1;
				break;
			}
			if (c == ' ') {
				if (col + 1 > avail) {
					layout_emit(l, w, line_start, i, first);
					pos = i + 1;
					break;
				}
				brk_end = i;
				brk_next = i + 1;
				col++;
				prev_wide = 0;
				prev_cp = ' ';
				i++;
				continue;
			}
			if (c < 0x80) {		/* nothing to decode */
				n = 1;
				cp = c;
				cw = 1;
			} else {
				n = utf8_next(t + i, end - i, &cp);
				if ((cw = width_cp(cp)) < 0)
					cw = 1;
			}
			if (cw > 0 && i > line_start && prev_cp != ' ' &&
			    (cw == 2 || prev_wide) &&
			    layout_break_ok(prev_cp, cp) &&
			    layout_mark_at(l, w, i) != i) {
				brk_end = i;
				brk_next = i;
			}
			if (cw > 0 && col + cw > avail && i > line_start) {
				if (brk_end > line_start) {
					layout_emit(l, w, line_start, brk_end,
					    first);
					pos = brk_next;
				} else {
					/* Cut before a mark, not inside. */
					m = layout_mark_at(l, w, i);
					if (m != (size_t)-1 && m > line_start)
						i = m;
					layout_emit(l, w, line_start, i, first);
					pos = i;
				}
				break;
			}
			col += cw;
			if (cw > 0) {
				prev_wide = cw == 2;
				prev_cp = cp;
			} else if (cp == 0x200d)
				prev_cp = cp;
			i += n;
		}
		first = 0;
		emitted = 1;
	}
	if (!emitted)
		layout_emit(l, w, start, start, 1);
}

/* Preformatted text: its own lines. One longer than the width goes on
 * under a continuation mark (w->prefix, kept for lines after the
 * first), broken after its last space that fits, or cut where none
 * does. */
static void
layout_wrap_pre(struct layout *l, struct layout_wrap *w, size_t start,
    size_t end)
{
	const char	*t = l->text.data, *nl;
	unsigned int	 cp;
	size_t		 pos = start, eol, i, n, line_start, brk;
	int		 col, cw, avail, cont;

	for (;;) {
		nl = memchr(t + pos, '\n', end - pos);
		eol = nl != NULL ? (size_t)(nl - t) : end;
		line_start = i = pos;
		col = 0;
		cont = 0;
		brk = 0;
		avail = w->avail1;
		while (i < eol) {
			n = utf8_next(t + i, eol - i, &cp);
			if ((cw = width_cp(cp)) < 0)
				cw = 1;
			if (cw > 0 && col + cw > avail && i > line_start) {
				/* After the last space, unless the line
				 * would be all spaces. */
				if (brk > line_start && brk < i)
					i = brk;
				layout_emit(l, w, line_start, i, !cont);
				line_start = i;
				cont = 1;
				avail = w->avail2;
				col = 0;
				brk = 0;
				continue;
			}
			col += cw;
			i += n;
			if (cp == ' ')
				brk = i;
		}
		layout_emit(l, w, line_start, eol, !cont);
		if (eol >= end)
			break;
		pos = eol + 1;
	}
}

/* Adds a line of reel's own text (kept after the display texts) or a
 * blank line after block bi. */
static void
layout_after(struct layout *l, size_t bi, const char *s, size_t len,
    int indent, int attr)
{
	struct layout_line	*ln = layout_line_add(l);
	const struct layout_block *lb = &l->blocks[bi];

	ln->block = layout_u32(l, bi);
	/* The head's underline when there is no block: at the start. */
	ln->offset = layout_u32(l, bi < l->doc->nblocks ?
	    l->doc->blocks[bi].len : 0);
	ln->doff = lb->dlen;
	ln->run = layout_u32(l, l->nruns);
	ln->indent = indent;
	ln->attr = (uint16_t)attr;
	if (s == NULL) {
		ln->kind = LAYOUT_BLANK;
		ln->text = lb->dstart + lb->dlen;	/* its '\n' */
		return;
	}
	ln->kind = LAYOUT_DECOR;
	ln->text = layout_u32(l, l->text.len);
	ln->len = layout_u32(l, len);
	buf_add(&l->text, s, len);
}

/* An underline of c as wide as the widest line of what was just wrapped;
 * its text goes after the display texts. */
static void
layout_underline(struct layout *l, size_t bi, const struct layout_wrap *w,
    char c)
{
	char	*under;

	if (w->maxcells <= 0)
		return;
	under = xmalloc((size_t)w->maxcells);
	memset(under, c, (size_t)w->maxcells);
	layout_after(l, bi, under, (size_t)w->maxcells, w->indent1,
	    LAYOUT_HEADING);
	free(under);
}

/* Is the table of row block bi shown as labelled blocks, its columns
 * too wide for avail cells? */
static int
layout_table_labelled(const struct layout *l, size_t bi, int avail)
{
	return l->blocks[bi].twidth > avail;
}

/* No blank line inside a list or an aligned table; between the rows of
 * a labelled one, a blank line. */
static int
layout_blank_between(const struct layout *l, size_t a, int avail)
{
	const struct doc_block	*x = &l->doc->blocks[a];
	const struct doc_block	*y = &l->doc->blocks[a + 1];

	if (x->type == DOC_LIST_ITEM && y->type == DOC_LIST_ITEM)
		return 0;
	if (x->type == DOC_TABLE_ROW && y->type == DOC_TABLE_ROW)
		return layout_table_labelled(l, a, avail);
	return 1;
}

/* A row of a table too wide for the window: each cell on lines of its
 * own, after its column's header ("Year: 1972") when the table has a
 * header row, which then has no lines of its own. */
static void
layout_wrap_table_row(struct layout *l, struct layout_wrap *w, int indent,
    int avail)
{
	const struct layout_block	*lb = &l->blocks[w->block];
	const struct layout_block	*hb;
	const struct doc_block		*head;
	const char			*t = l->text.data;
	char				*label;
	size_t				 k, s, e, hs, he, emitted = 0;
	int				 lw, hang;

	head = &l->doc->blocks[lb->table];
	hb = &l->blocks[lb->table];
	if (w->block == lb->table || lb->ncells == 0) {
		layout_wrap_words(l, w, lb->dstart, lb->dstart + lb->dlen);
		return;
	}
	for (k = 0; k <= lb->ncells; k++) {
		s = k == 0 ? lb->dstart : l->cellpos[lb->cell + 2 * k - 1];
		e = k < lb->ncells ? l->cellpos[lb->cell + 2 * k] :
		    lb->dstart + lb->dlen;
		while (s < e && t[s] == ' ')
			s++;
		while (e > s && t[e - 1] == ' ')
			e--;
		if (s == e)
			continue;
		/* The label: the header's cell of this column. */
		w->prefix_len = 0;
		lw = 0;
		if (head->level == 1 && k <= hb->ncells && avail >= 8) {
			hs = k == 0 ? hb->dstart :
			    l->cellpos[hb->cell + 2 * k - 1];
			he = k < hb->ncells ? l->cellpos[hb->cell + 2 * k] :
			    hb->dstart + hb->dlen;
			while (hs < he && t[hs] == ' ')
				hs++;
			while (he > hs && t[he - 1] == ' ')
				he--;
			if (he > hs) {
				/* A copy: the label is appended to the
				 * text it is read from, which may move
				 * (fuzz_doc). */
				label = xstrndup(t + hs, he - hs);
				w->prefix = l->text.len;
				lw = layout_fit(&l->text, label, he - hs,
				    w->ascii, avail / 2 > 1 ? avail / 2 : 1);
				free(label);
				buf_add(&l->text, ": ", 2);
				lw += 2;
				w->prefix_len = (int)(l->text.len - w->prefix);
				t = l->text.data;
			}
		}
		/* A cell's lines after its first hang under the label. */
		hang = avail >= 8 ? 2 : 0;
		w->indent1 = indent;
		w->indent2 = indent + hang;
		w->avail1 = avail - lw > 1 ? avail - lw : 1;
		w->avail2 = avail - hang > 1 ? avail - hang : 1;
		layout_wrap_words(l, w, s, e);
		t = l->text.data;
		emitted = 1;
	}
	w->prefix_len = 0;
	if (!emitted)
		layout_emit(l, w, lb->dstart, lb->dstart, 1);
}

/* Is block bi the byline again, which the head (and the pager's header)
 * shows already: one of the first three blocks, a paragraph that says
 * the byline, "By " before it or not, case aside? The first such block
 * only; it gets no lines. */
static int
layout_byline_again(const struct layout *l, size_t bi)
{
	const struct doc	*d = l->doc;
	const struct doc_block	*b = &d->blocks[bi];
	const char		*t = b->text;
	size_t			 n, i;

	if (!(l->opts.flags & LAYOUT_TITLE) || d->byline == NULL ||
	    bi >= 3 || bi + 1 >= d->nblocks || b->type != DOC_PARAGRAPH)
		return 0;
	for (i = 0; i < bi; i++)
		if (layout_byline_again(l, i))
			return 0;
	if (strprefix_ci(t, "by "))
		t += 3;
	n = strlen(d->byline);
	return strlen(t) == n && strncasecmp(t, d->byline, n) == 0;
}

static void
layout_wrap_block(struct layout *l, size_t bi)
{
	const struct doc_block	*b = &l->doc->blocks[bi];
	struct layout_block	*lb = &l->blocks[bi];
	struct layout_wrap	 w;
	char			 mark[32];
	int			 indent, cells = 0, minavail, width = l->width;
	int			 cont_cells = 0;
	size_t			 k;

	/* The byline said again, a table of contents box: no lines of
	 * their own. */
	if (layout_byline_again(l, bi) || (l->toc != NULL && l->toc[bi])) {
		lb->line = layout_u32(l, l->nlines);
		lb->nlines = 0;
		return;
	}
	memset(&w, 0, sizeof w);
	w.block = bi;
	w.seg = lb->seg;
	w.maxcells = -1;
	w.ascii = l->opts.flags & LAYOUT_ASCII;
	indent = LAYOUT_QUOTE_INDENT * (b->quote > 0 ? b->quote :
	    b->type == DOC_QUOTE);
	switch (b->type) {
	case DOC_HEADING:
		w.attr = LAYOUT_HEADING;
		if ((l->opts.flags & LAYOUT_UNDERLINE) && b->level <= 2)
			w.maxcells = 0;
		break;
	case DOC_LIST_ITEM:
		indent += 2 + LAYOUT_LIST_INDENT * (b->level > 1 ?
		    b->level - 1 : 0);
		if (b->number > 0)
			snprintf(mark, sizeof mark, "%*d. ", lb->numw,
			    b->number);
		else
			snprintf(mark, sizeof mark, "%s", w.ascii ? "* " :
			    "\xe2\x80\xa2 ");
		w.prefix = l->text.len;
		w.prefix_len = (int)strlen(mark);
		buf_add(&l->text, mark, strlen(mark));
		cells = b->number > 0 || w.ascii ? w.prefix_len : 2;
		break;
	case DOC_PRE:
		w.attr = LAYOUT_CODE;
		/* A line too long for the window goes on after a mark. */
		w.cont = l->text.len;
		buf_adds(&l->text, w.ascii ? LAYOUT_CONT_ASCII : LAYOUT_CONT);
		w.cont_len = (int)(l->text.len - w.cont);
		cont_cells = (int)width_str(l->text.data + w.cont,
		    (size_t)w.cont_len);
		break;
	case DOC_TABLE_ROW:
		if (b->level == 1)
			w.attr = LAYOUT_STRONG;
		break;
	default:
		break;
	}
	/* Deep nesting never squeezes the text below half the column. */
	minavail = width / 2 > 0 ? width / 2 : 1;
	if (indent + cells > width - minavail)
		indent = width - minavail - cells > 0 ?
		    width - minavail - cells : 0;
	if (cells > width - 1)
		cells = w.prefix_len = 0;
	/* A labelled table's header row, whose cells label every row:
	 * no lines of its own either. */
	if (b->type == DOC_TABLE_ROW && b->level == 1 && lb->table == bi &&
	    bi + 1 < l->doc->nblocks &&
	    l->doc->blocks[bi + 1].type == DOC_TABLE_ROW &&
	    layout_table_labelled(l, bi, width - indent)) {
		lb->line = layout_u32(l, l->nlines);
		lb->nlines = 0;
		return;
	}
	w.indent1 = indent;
	w.indent2 = indent + cells;
	w.avail1 = w.avail2 = width - indent - cells;
	if (w.avail1 < 1)
		w.avail1 = w.avail2 = 1;
	if (cont_cells > 0) {
		/* The mark before the text, when there is room for both. */
		if (w.avail1 > cont_cells + 1)
			w.avail2 = w.avail1 - cont_cells;
		else
			w.cont_len = 0;
	}
	lb->line = layout_u32(l, l->nlines);
	if (b->type == DOC_RULE) {
		/* Fewer stars in a window narrower than "* * *": a line is
		 * never wider than the window. */
		k = layout_clip(l->text.data + lb->dstart, lb->dlen,
		    width - indent);
		while (k > 1 && l->text.data[lb->dstart + k - 1] == ' ')
			k--;
		w.indent1 = indent + (width - indent - (int)k) / 2;
		layout_emit(l, &w, lb->dstart, lb->dstart + k, 1);
	} else if (b->type == DOC_PRE)
		layout_wrap_pre(l, &w, lb->dstart, lb->dstart + lb->dlen);
	else if (b->type == DOC_TABLE_ROW) {
		/* Aligned when the columns fit, else labelled blocks. */
		if (!layout_table_labelled(l, bi, width - indent))
			layout_emit(l, &w, lb->dstart, lb->dstart + lb->dlen,
			    1);
		else
			layout_wrap_table_row(l, &w, indent, width - indent);
	} else
		layout_wrap_words(l, &w, lb->dstart, lb->dstart + lb->dlen);
	/* A right-to-left paragraph's lines end at the right margin. */
	if ((b->type == DOC_PARAGRAPH || b->type == DOC_QUOTE ||
	    b->type == DOC_HEADING || b->type == DOC_LIST_ITEM) &&
	    layout_block_rtl(l->doc, bi)) {
		for (k = lb->line; k < l->nlines; k++) {
			if (l->lines[k].kind != LAYOUT_TEXT)
				continue;
			l->lines[k].rtl = 1;
			cells = layout_line_cells(l, k);
			if (cells < width)
				l->lines[k].indent += width - cells;
		}
	}
	layout_underline(l, bi, &w, b->level == 1 ? '=' : '-');
	if (bi + 1 < l->doc->nblocks &&
	    layout_blank_between(l, bi, width - indent))
		layout_after(l, bi, NULL, 0, 0, 0);
	lb->nlines = layout_u32(l, l->nlines - lb->line);
}

/* The title and the byline before block 0, when LAYOUT_TITLE asks and the
 * document does not begin with its title already. */
static void
layout_head(struct layout *l)
{
	const struct doc	*d = l->doc;
	struct layout_wrap	 w;
	struct layout_line	*ln;
	size_t			 start;
	int			 ascii = l->opts.flags & LAYOUT_ASCII, title;

	if (!(l->opts.flags & LAYOUT_TITLE))
		return;
	title = d->title != NULL && !(d->nblocks > 0 &&
	    d->blocks[0].type == DOC_HEADING &&
	    strcmp(d->blocks[0].text, d->title) == 0);
	if (!title && d->byline == NULL)
		return;
	memset(&w, 0, sizeof w);
	w.head = 1;
	w.ascii = ascii;
	w.avail1 = w.avail2 = l->width;
	if (title) {
		w.attr = LAYOUT_HEADING;
		w.maxcells = (l->opts.flags & LAYOUT_UNDERLINE) ? 0 : -1;
		start = l->text.len;
		layout_fit(&l->text, d->title, strlen(d->title), ascii,
		    1 << 30);
		layout_wrap_words(l, &w, start, l->text.len);
		layout_underline(l, 0, &w, '=');
		l->lines[l->nlines - 1].doff = 0;
		l->lines[l->nlines - 1].offset = 0;
	}
	if (d->byline != NULL) {
		if (title)
			layout_line_add(l)->kind = LAYOUT_BLANK;
		w.attr = 0;
		w.maxcells = -1;
		start = l->text.len;
		layout_fit(&l->text, d->byline, strlen(d->byline), ascii,
		    1 << 30);
		layout_wrap_words(l, &w, start, l->text.len);
	}
	if (d->nblocks == 0)
		return;		/* nothing to set the head apart from */
	ln = layout_line_add(l);
	ln->kind = LAYOUT_BLANK;
	ln->run = layout_u32(l, l->nruns);
}

void
layout_resize(struct layout *l, int cols)
{
	size_t	i;

	int	width;

	if (cols < 1)
		cols = 1;
	width = l->opts.measure > 0 && l->opts.measure < cols ?
	    l->opts.measure : cols;
	l->opts.cols = cols;
	l->margin = (l->opts.flags & LAYOUT_CENTRE) ? (cols - width) / 2 : 0;
	/* A wider window that the measure keeps at the same width moves
	 * the column; the lines stay as they are. */
	if (l->nlines > 0 && width == l->width)
		return;
	l->width = width;
	l->nlines = 0;
	l->nruns = 0;
	l->text.len = l->dtotal;
	if (l->text.data != NULL)
		l->text.data[l->dtotal] = '\0';
	if (!(l->opts.flags & LAYOUT_ASCII))
		width_sync();
	layout_head(l);
	for (i = 0; i < l->doc->nblocks; i++)
		layout_wrap_block(l, i);
	if (l->doc->nblocks > 0 && l->blocks[0].line > 0) {
		/* The head's lines count as block 0's. */
		l->blocks[0].nlines += l->blocks[0].line;
		l->blocks[0].line = 0;
	}
}

struct layout *
layout_new(const struct doc *d, const struct layout_opts *opts)
{
	struct layout	*l = xcalloc(1, sizeof *l);

	l->doc = d;
	l->opts = *opts;
	buf_init(&l->text);
	if (!(l->opts.flags & LAYOUT_ASCII))
		width_sync();
	if (l->opts.flags & LAYOUT_NOTOC)
		l->toc = toc_find(d);
	layout_display(l);
	layout_resize(l, opts->cols);
	return l;
}

void
layout_free(struct layout *l)
{
	if (l == NULL)
		return;
	buf_free(&l->text);
	free(l->blocks);
	free(l->segs);
	free(l->lines);
	free(l->runs);
	free(l->cellpos);
	free(l->colw);
	free(l->toc);
	free(l);
}

const char *
layout_line_text(const struct layout *l, size_t n)
{
	return buf_str(&l->text) + l->lines[n].text;
}

/* The first of the block's lines with the greatest key not above want;
 * key is the doff (by_doff) or the offset of a line. */
static size_t
layout_search(const struct layout *l, size_t block, size_t want, int by_doff)
{
	const struct layout_block	*lb;
	size_t				 lo, hi, mid, key;

	if (l->nlines == 0)
		return 0;
	if (block >= l->doc->nblocks)
		return l->nlines - 1;
	lb = &l->blocks[block];
	/* A block shown by no line of its own: the line after it. */
	if (lb->nlines == 0)
		return lb->line < l->nlines ? lb->line : l->nlines - 1;
	lo = lb->line;
	hi = lb->line + lb->nlines;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		key = by_doff ? l->lines[mid].doff : l->lines[mid].offset;
		if (key <= want)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > lb->line)
		lo--;
	key = by_doff ? l->lines[lo].doff : l->lines[lo].offset;
	while (lo > lb->line && (by_doff ? l->lines[lo - 1].doff :
	    l->lines[lo - 1].offset) == key)
		lo--;
	return lo;
}

size_t
layout_find(const struct layout *l, size_t block, size_t offset)
{
	return layout_search(l, block, offset, 0);
}

size_t
layout_find_doff(const struct layout *l, size_t block, size_t doff)
{
	return layout_search(l, block, doff, 1);
}

size_t
layout_block_line(const struct layout *l, size_t block)
{
	const struct layout_block	*lb;
	size_t				 i;

	if (l->nlines == 0)
		return 0;
	if (block >= l->doc->nblocks)
		return l->nlines - 1;
	lb = &l->blocks[block];
	for (i = lb->line; i < lb->line + lb->nlines; i++)
		if (l->lines[i].kind == LAYOUT_TEXT)
			return i;
	return lb->line;
}

size_t
layout_line_at(const struct layout *l, size_t pos)
{
	size_t	lo = 0, hi = l->doc->nblocks, mid, n, doff;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (l->blocks[mid].dstart <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return 0;
	doff = pos - l->blocks[lo - 1].dstart;
	n = layout_find_doff(l, lo - 1, doff);
	/* Past the title before block 0, to the text. */
	while (n + 1 < l->nlines && l->lines[n].kind != LAYOUT_TEXT &&
	    l->lines[n + 1].block == lo - 1 && l->lines[n + 1].doff <= doff)
		n++;
	return n;
}

int
layout_line_cells(const struct layout *l, size_t n)
{
	const struct layout_line	*ln = &l->lines[n];
	const char			*t = buf_str(&l->text);

	if (l->opts.flags & LAYOUT_ASCII)
		return ln->indent + ln->prefix_len + (int)ln->len;
	return ln->indent + (int)width_str(t + ln->prefix,
	    (size_t)ln->prefix_len) + (int)width_str(t + ln->text, ln->len);
}

int
layout_fit(struct buf *out, const char *s, size_t len, int ascii, int cells)
{
	const char	*p, *end = s + len, *piece;
	const char	*ell = ascii ? "..." : "\xe2\x80\xa6";
	size_t		 n, plen;
	int		 w, total = 0, ew = ascii ? 3 : 1, fits;

	if (cells <= 0)
		return 0;
	if (!ascii)
		width_sync();
	for (p = s; p < end; p += n) {
		n = layout_char(p, (size_t)(end - p), ascii, &piece, &plen, &w);
		total += w;
	}
	fits = total <= cells;
	total = 0;
	for (p = s; p < end; p += n) {
		n = layout_char(p, (size_t)(end - p), ascii, &piece, &plen, &w);
		if (!fits && total + w > cells - (cells > ew ? ew : 0))
			break;
		buf_add(out, piece, plen);
		total += w;
	}
	if (!fits && cells > ew) {
		buf_add(out, ell, strlen(ell));
		total += ew;
	}
	return total;
}

size_t
layout_clip(const char *s, size_t len, int cells)
{
	unsigned int	cp;
	size_t		i = 0, n;
	int		col = 0, w;

	while (i < len) {
		n = utf8_next(s + i, len - i, &cp);
		if ((w = width_cp(cp)) < 0)
			w = 1;
		if (w > 0 && col + w > cells)
			break;
		col += w;
		i += n;
	}
	return i;
}

int
layout_block_rtl(const struct doc *d, size_t b)
{
	const struct doc_block	*blk = &d->blocks[b];
	unsigned int		 cp;
	size_t			 i, n;
	int			 c;

	/* UAX #9's P2 and P3: the first strong character decides. In ASCII
	 * the letters are the strong ones, all left to right: most blocks
	 * are answered without loading libunistring. */
	for (i = 0; i < blk->len; i += n) {
		n = utf8_next(blk->text + i, blk->len - i, &cp);
		if (cp < 0x80) {
			if (ascii_isalpha(cp))
				return 0;
			continue;
		}
		unistring_dl_need();
		c = unistring_dl.bidi_category(cp);
		if (c == UC_BIDI_L)
			return 0;
		if (c == UC_BIDI_R || c == UC_BIDI_AL)
			return 1;
	}
	return d->dir != NULL && strcmp(d->dir, "rtl") == 0;
}

/* A character of a line being reordered, with its marks. */
struct layout_unit {
	size_t	start;
	size_t	len;
	int	level;		/* 1: right to left, 2: left to right */
	int	cls;		/* 'R', 'L', 'N' (numbers), or 0: neutral */
	size_t	run;		/* the run it is in, or (size_t)-1 */
};

size_t
layout_visual(const char *text, size_t len, const struct layout_run *runs,
    size_t nruns, struct buf *out, struct layout_run **vr, size_t *vcap)
{
	struct layout_unit	*u = NULL, tmp;
	size_t			 nu = 0, cap = 0, i, j, k, r, n, base, nvr = 0;
	unsigned int		 cp, m;
	int			 c, before, after;
	char			 enc[4];

	unistring_dl_need();
	/* Characters, each with the marks after it, and their class. */
	for (i = 0, r = 0; i < len; i += n) {
		n = utf8_next(text + i, len - i, &cp);
		c = unistring_dl.bidi_category(cp);
		if (nu > 0 && (c == UC_BIDI_NSM || c == UC_BIDI_BN ||
		    width_cp(cp) == 0)) {
			u[nu - 1].len += n;
			continue;
		}
		u = xgrowarray(u, &cap, nu + 1, sizeof *u);
		u[nu].start = i;
		u[nu].len = n;
		u[nu].cls = c == UC_BIDI_R || c == UC_BIDI_AL ? 'R' :
		    c == UC_BIDI_L ? 'L' : c == UC_BIDI_EN ||
		    c == UC_BIDI_AN ? 'N' : 0;
		while (r < nruns && runs[r].start + runs[r].len <= i)
			r++;
		u[nu].run = r < nruns && runs[r].start <= i ? r : (size_t)-1;
		nu++;
	}
	/* W4, W5: a separator between digits, a terminator beside them,
	 * are part of the number ("1,000", "5%"). */
	for (i = 0; i < nu; i++) {
		if (u[i].cls != 0)
			continue;
		utf8_next(text + u[i].start, u[i].len, &cp);
		c = unistring_dl.bidi_category(cp);
		if ((c == UC_BIDI_CS || c == UC_BIDI_ES) && i > 0 &&
		    i + 1 < nu && u[i - 1].cls == 'N' && u[i + 1].cls == 'N')
			u[i].cls = 'N';
		else if (c == UC_BIDI_ET && ((i > 0 && u[i - 1].cls == 'N') ||
		    (i + 1 < nu && u[i + 1].cls == 'N')))
			u[i].cls = 'N';
	}
	/* Levels: letters of a right-to-left script 1, others and numbers
	 * 2; a run of neutrals takes the direction of both sides when they
	 * agree (numbers count as right to left here, N1), else the line's
	 * (right to left). */
	for (i = 0; i < nu; i = j) {
		if (u[i].cls != 0) {
			u[i].level = u[i].cls == 'R' ? 1 : 2;
			j = i + 1;
			continue;
		}
		for (j = i; j < nu && u[j].cls == 0; j++)
			;
		before = i > 0 ? (u[i - 1].cls == 'L' ? 2 : 1) : 1;
		after = j < nu ? (u[j].cls == 'L' ? 2 : 1) : 1;
		for (k = i; k < j; k++)
			u[k].level = before == after ? before : 1;
	}
	/* L2: reverse each run at level 2, then the whole line. */
	for (i = 0; i < nu; i = j) {
		for (j = i; j < nu && u[j].level == u[i].level; j++)
			;
		if (u[i].level == 2)
			for (k = 0; k < (j - i) / 2; k++) {
				tmp = u[i + k];
				u[i + k] = u[j - 1 - k];
				u[j - 1 - k] = tmp;
			}
	}
	for (k = 0; k < nu / 2; k++) {
		tmp = u[k];
		u[k] = u[nu - 1 - k];
		u[nu - 1 - k] = tmp;
	}
	/* The text in that order, brackets mirrored where they run right
	 * to left (L4), and its runs. */
	base = out->len;
	for (i = 0; i < nu; i++) {
		k = out->len - base;
		n = utf8_next(text + u[i].start, u[i].len, &cp);
		if (u[i].level == 1 && unistring_dl.mirror_char(cp, &m)) {
			buf_add(out, enc, utf8_encode(m, enc));
			buf_add(out, text + u[i].start + n, u[i].len - n);
		} else
			buf_add(out, text + u[i].start, u[i].len);
		if (u[i].run == (size_t)-1)
			continue;
		r = u[i].run;
		if (nvr > 0 && (*vr)[nvr - 1].start + (*vr)[nvr - 1].len == k &&
		    (*vr)[nvr - 1].attr == runs[r].attr &&
		    (*vr)[nvr - 1].link == runs[r].link &&
		    (*vr)[nvr - 1].span == runs[r].span) {
			(*vr)[nvr - 1].len += out->len - base - k;
			continue;
		}
		*vr = xgrowarray(*vr, vcap, nvr + 1, sizeof **vr);
		(*vr)[nvr] = runs[r];
		(*vr)[nvr].start = k;
		(*vr)[nvr].len = out->len - base - k;
		nvr++;
	}
	free(u);
	return nvr;
}
