/* layout.c: wrapping a document into display lines. Each block is first
 * turned into its display text (reel's marks added, ASCII stand-ins, tabs
 * expanded) with segments that map it back to the block's text; wrapping
 * then only cuts display text into lines, so a resize is cheap and every
 * line keeps its (block, offset) anchor. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "layout.h"
#include "util.h"
#include "width.h"

#define LAYOUT_TABSTOP		8
#define LAYOUT_QUOTE_INDENT	4
#define LAYOUT_LIST_INDENT	4
#define LAYOUT_REPLACEMENT	"\xef\xbf\xbd"	/* U+FFFD */

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
	s->dstart = at;
	s->src = src;
	s->attr = from->attr;
	s->link = from->link;
	s->span = from->span;
	s->linear = from->linear;
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
			out = " | ";
			outlen = 3;
			n = 1;
			w = 3;
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
		if (pos >= b->len)
			break;
		while (next < b->nspans && b->spans[next].start <= pos)
			(*active)[nactive++] = next++;
		stop = b->len;
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
		lb->dstart = l->text.len;
		lb->seg = l->nsegs;
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
			layout_put_spans(l, lb->seg, b, 1, &active, &cap);
			break;
		default:
			layout_put_spans(l, lb->seg, b, 0, &active, &cap);
			break;
		}
		/* A trailing empty segment would end past the block. */
		if (l->nsegs > lb->seg &&
		    l->segs[l->nsegs - 1].dstart == l->text.len)
			l->nsegs--;
		lb->nsegs = l->nsegs - lb->seg;
		lb->dlen = l->text.len - lb->dstart;
		buf_addc(&l->text, '\n');
	}
	free(active);
	l->dtotal = l->text.len;
}

static struct layout_line *
layout_line_add(struct layout *l)
{
	struct layout_line	*ln;

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
	r->start = start;
	r->len = len;
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

	ln->block = w->block;
	ln->text = a;
	ln->len = b - a;
	ln->attr = w->attr;
	ln->indent = first ? w->indent1 : w->indent2;
	ln->run = l->nruns;
	if (w->head) {
		/* Anchored where block 0 begins; no runs of its own. */
		ln->kind = LAYOUT_DECOR;
		goto cells;
	}
	ln->doff = a - lb->dstart;
	ln->kind = LAYOUT_TEXT;
	if (first && w->prefix_len > 0) {
		ln->prefix = w->prefix;
		ln->prefix_len = w->prefix_len;
	}
	while (w->seg + 1 < end && l->segs[w->seg + 1].dstart <= a)
		w->seg++;
	if (w->seg < end) {
		s = &l->segs[w->seg];
		ln->offset = s->linear && a >= s->dstart ?
		    s->src + (a - s->dstart) : s->src;
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

/* Greedy word wrap of display text [start, end): breaks at spaces and
 * around wide characters; a word longer than the line is cut. */
static void
layout_wrap_words(struct layout *l, struct layout_wrap *w, size_t start,
    size_t end)
{
	const char	*t = l->text.data;
	unsigned int	 cp, prev_cp;
	size_t		 pos = start, i, n, line_start, brk_end, brk_next;
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
			    layout_break_ok(prev_cp, cp)) {
				brk_end = i;
				brk_next = i;
			}
			if (cw > 0 && col + cw > avail && i > line_start) {
				if (brk_end > line_start) {
					layout_emit(l, w, line_start, brk_end,
					    first);
					pos = brk_next;
				} else {
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

/* Preformatted text: its own lines, each cut at the width if longer. */
static void
layout_wrap_pre(struct layout *l, struct layout_wrap *w, size_t start,
    size_t end)
{
	const char	*t = l->text.data, *nl;
	unsigned int	 cp;
	size_t		 pos = start, eol, i, n, line_start;
	int		 col, cw;

	for (;;) {
		nl = memchr(t + pos, '\n', end - pos);
		eol = nl != NULL ? (size_t)(nl - t) : end;
		line_start = i = pos;
		col = 0;
		while (i < eol) {
			n = utf8_next(t + i, eol - i, &cp);
			if ((cw = width_cp(cp)) < 0)
				cw = 1;
			if (cw > 0 && col + cw > w->avail1 && i > line_start) {
				layout_emit(l, w, line_start, i, 1);
				line_start = i;
				col = 0;
			}
			col += cw;
			i += n;
		}
		layout_emit(l, w, line_start, eol, 1);
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

	ln->block = bi;
	/* The head's underline when there is no block: at the start. */
	ln->offset = bi < l->doc->nblocks ? l->doc->blocks[bi].len : 0;
	ln->doff = lb->dlen;
	ln->run = l->nruns;
	ln->indent = indent;
	ln->attr = attr;
	if (s == NULL) {
		ln->kind = LAYOUT_BLANK;
		ln->text = lb->dstart + lb->dlen;
		return;
	}
	ln->kind = LAYOUT_DECOR;
	ln->text = l->text.len;
	ln->len = len;
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

/* No blank line inside a list or a table. */
static int
layout_blank_between(const struct doc_block *a, const struct doc_block *b)
{
	if (a->type == DOC_LIST_ITEM && b->type == DOC_LIST_ITEM)
		return 0;
	if (a->type == DOC_TABLE_ROW && b->type == DOC_TABLE_ROW)
		return 0;
	return 1;
}

static void
layout_wrap_block(struct layout *l, size_t bi)
{
	const struct doc_block	*b = &l->doc->blocks[bi];
	struct layout_block	*lb = &l->blocks[bi];
	struct layout_wrap	 w;
	char			 mark[32];
	int			 indent, cells = 0, minavail, width = l->width;

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
			snprintf(mark, sizeof mark, "%d. ", b->number);
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
	w.indent1 = indent;
	w.indent2 = indent + cells;
	w.avail1 = w.avail2 = width - indent - cells;
	if (w.avail1 < 1)
		w.avail1 = w.avail2 = 1;
	lb->line = l->nlines;
	if (b->type == DOC_RULE) {
		w.indent1 = indent + (width - indent - 5) / 2;
		if (w.indent1 < 0)
			w.indent1 = 0;
		layout_emit(l, &w, lb->dstart, lb->dstart + lb->dlen, 1);
	} else if (b->type == DOC_PRE)
		layout_wrap_pre(l, &w, lb->dstart, lb->dstart + lb->dlen);
	else
		layout_wrap_words(l, &w, lb->dstart, lb->dstart + lb->dlen);
	layout_underline(l, bi, &w, b->level == 1 ? '=' : '-');
	if (bi + 1 < l->doc->nblocks &&
	    layout_blank_between(b, &l->doc->blocks[bi + 1]))
		layout_after(l, bi, NULL, 0, 0, 0);
	lb->nlines = l->nlines - lb->line;
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
	ln->run = l->nruns;
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
