/* render_text.c: the dump formats of a document: wrapped text (through the
 * pager's layout), plain paragraphs, Markdown and JSON. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "buf.h"
#include "doc.h"
#include "layout.h"
#include "render.h"
#include "text.h"
#include "util.h"
#include "width.h"

int
render_format_parse(const char *s)
{
	if (strcmp(s, "text") == 0)
		return RENDER_TEXT;
	if (strcmp(s, "plain") == 0)
		return RENDER_PLAIN;
	if (strcmp(s, "markdown") == 0)
		return RENDER_MARKDOWN;
	if (strcmp(s, "json") == 0)
		return RENDER_JSON;
	return -1;
}

/* Writes s to f with any control character but newline (and tab when
 * tabs is set) turned into '?': the document is already clean, this is
 * the last guard on our own output. */
static void
render_put(FILE *f, const char *s, size_t len, int tabs)
{
	const char	*run = s, *end = s + len;

	for (; s < end; s++) {
		unsigned char	c = (unsigned char)*s;

		if (c >= 0x20 && c != 0x7f)
			continue;
		if (c == '\n' || (c == '\t' && tabs))
			continue;
		fwrite(run, 1, (size_t)(s - run), f);
		fputc('?', f);
		run = s + 1;
	}
	fwrite(run, 1, (size_t)(end - run), f);
}

static void
render_puts(FILE *f, const char *s)
{
	render_put(f, s, strlen(s), 0);
}

/* Writes the lines of a layout, trailing blanks dropped. */
static void
render_layout_lines(FILE *f, const struct layout *l)
{
	const struct layout_line	*ln;
	const char			*t;
	size_t				 i, len;

	for (i = 0; i < l->nlines; i++) {
		ln = &l->lines[i];
		t = layout_line_text(l, i);
		len = ln->len;
		while (len > 0 && t[len - 1] == ' ')
			len--;
		if (len > 0 || ln->prefix_len > 0) {
			fprintf(f, "%*s", ln->indent, "");
			render_put(f, buf_str(&l->text) + ln->prefix,
			    (size_t)ln->prefix_len, 0);
			render_put(f, t, len, 0);
		}
		fputc('\n', f);
	}
}

/* Is the first block the title already? */
static int
render_has_title(const struct doc *d)
{
	return d->title == NULL || (d->nblocks > 0 &&
	    d->blocks[0].type == DOC_HEADING &&
	    strcmp(d->blocks[0].text, d->title) == 0);
}

static void
render_text(FILE *f, const struct doc *d, int cols)
{
	struct layout_opts	 lo;
	struct layout		*l;
	size_t			 i;

	memset(&lo, 0, sizeof lo);
	lo.cols = cols;
	lo.flags = LAYOUT_LINKNUMS | LAYOUT_UNDERLINE | LAYOUT_TITLE;
	if (!width_utf8_locale())
		lo.flags |= LAYOUT_ASCII;
	l = layout_new(d, &lo);
	render_layout_lines(f, l);
	layout_free(l);
	if (d->nlinks == 0)
		return;
	/* TRANSLATORS: the heading of the numbered list of links
	 * under a dumped essay. */
	fprintf(f, "\n%s\n\n", _("Links"));
	for (i = 0; i < d->nlinks; i++) {
		fprintf(f, "[%zu] ", i + 1);
		render_puts(f, d->links[i].url);
		fputc('\n', f);
	}
}

static void
render_plain(FILE *f, const struct doc *d)
{
	const struct doc_block	*b;
	const char		*label;
	size_t			 i;
	int			 n = 0;

	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		if (b->type == DOC_RULE ||
		    (b->type == DOC_IMAGE && b->caption == NULL))
			continue;
		if (n++ > 0)
			fputc('\n', f);
		if (b->type == DOC_IMAGE) {
			/* Readability's visible text has the figcaption, not
			 * the alt text. */
			render_puts(f, b->caption);
			fputc('\n', f);
			continue;
		}
		if ((label = layout_heading_label(d, i)) != NULL) {
			render_puts(f, label);
			fputs(layout_label_sep(label), f);
		}
		render_put(f, b->text, b->len, 1);
		fputc('\n', f);
	}
}

/* Markdown (CommonMark, with GitHub's tables). */

/* How render_md_text() escapes. */
#define MD_TABLE	0x1	/* a table row: '|' escaped, a tab parts cells */
#define MD_HEADING	0x2	/* an ATX heading: one line, every '#' escaped
				   (a closing run of them would be dropped) */
#define MD_BANG		0x4	/* a link opens right after: a last '!'
				   escaped, or "![" would make an image */

/* Characters that mean something anywhere in Markdown text: escapes,
 * code, emphasis, links, autolinks and HTML, and GitHub's strikethrough. */
static int
render_md_special(char c, int flags)
{
	return strchr("\\`*_[]<>~", c) != NULL ||
	    ((flags & MD_TABLE) && c == '|') ||
	    ((flags & MD_HEADING) && c == '#');
}

/* Does the '&' at s[i] start what reads as a character reference: a name
 * or number and a ';' ("&lt;", "&#60;")? */
static int
render_md_entity(const char *s, size_t len, size_t i)
{
	size_t	j = i + 1;

	if (j < len && s[j] == '#')
		j++;
	while (j < len && ((s[j] >= '0' && s[j] <= '9') ||
	    ascii_isalpha((unsigned char)s[j])))
		j++;
	return j > i + 1 && j < len && s[j] == ';';
}

/*
 * Writes text with Markdown's special characters escaped; prefix goes
 * after each line break, which becomes a backslash break (a space when
 * prefix is NULL: a heading or a table row is one line). In a table a tab
 * separates cells. *bol says a line has just begun, where '#', '-', '+',
 * '=' and "1." or "1)" would start a block. flags are MD_*.
 */
static void
render_md_text(FILE *f, const char *s, size_t len, const char *prefix,
    int flags, int *bol)
{
	size_t	i, j;

	for (i = 0; i < len; i++) {
		if (s[i] == '\n' && prefix == NULL) {
			fputc(' ', f);
			continue;
		}
		if (s[i] == '\n') {
			fputs("\\\n", f);
			fputs(prefix, f);
			*bol = 1;
			continue;
		}
		if (s[i] == '\t' && (flags & MD_TABLE)) {
			fputs(" | ", f);
			continue;
		}
		if (*bol) {
			if (s[i] == '#' || s[i] == '-' || s[i] == '+' ||
			    s[i] == '=')
				fputc('\\', f);
			else if (s[i] >= '0' && s[i] <= '9') {
				for (j = i; j < len && s[j] >= '0' &&
				    s[j] <= '9'; j++)
					;
				if (j < len && (s[j] == '.' || s[j] == ')')) {
					render_put(f, s + i, j - i, 0);
					fputc('\\', f);
					i = j - 1;
					*bol = 0;
					continue;
				}
			}
			if (s[i] != ' ')
				*bol = 0;
		}
		if (render_md_special(s[i], flags) ||
		    (s[i] == '&' && render_md_entity(s, len, i)) ||
		    (s[i] == '!' && i + 1 == len && (flags & MD_BANG)))
			fputc('\\', f);
		render_put(f, s + i, 1, 0);
	}
}

/* The longest run of backticks in s, for a code span or fence. */
static size_t
render_md_ticks(const char *s, size_t len)
{
	size_t	i, run = 0, most = 0;

	for (i = 0; i < len; i++) {
		run = s[i] == '`' ? run + 1 : 0;
		if (run > most)
			most = run;
	}
	return most;
}

/* Whether a code span's text needs a space inside each fence: it starts
 * or ends with a backtick, or with a space at both ends that Markdown
 * would strip. */
static int
render_md_code_pad(const char *s, size_t len)
{
	size_t	i;

	if (len == 0)
		return 0;
	if (s[0] == '`' || s[len - 1] == '`')
		return 1;
	if (s[0] != ' ' || s[len - 1] != ' ')
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] != ' ')
			return 1;
	}
	return 0;
}

/*
 * Writes a fence of the line of code span sp that holds offset at: one
 * backtick more than the span's longest run, with a space inside when
 * the line needs one, and nothing for an empty line. A code span is
 * written a line at a time, each closed before the break: a line of
 * code that went on across a break could begin a block ("# x", "> x").
 */
static void
render_md_fence(FILE *f, const struct doc_span *sp, const char *text,
    size_t at, int open)
{
	size_t	start = at, end = at, ticks, i;
	int	pad;

	while (start > sp->start && text[start - 1] != '\n')
		start--;
	while (end < sp->end && text[end] != '\n')
		end++;
	if (start == end)
		return;
	pad = render_md_code_pad(text + start, end - start);
	ticks = render_md_ticks(text + sp->start, sp->end - sp->start);
	if (pad && !open)
		fputc(' ', f);
	for (i = 0; i <= ticks; i++)
		fputc('`', f);
	if (pad && open)
		fputc(' ', f);
}

/* Writes bytes [pos, stop) of code span sp: as they are, but a line break
 * ends the line's span and begins the next line's after prefix (a space
 * in a one-line block), and a table's '|' is escaped, which GitHub's
 * tables undo inside code too. */
static void
render_md_code(FILE *f, const struct doc_span *sp, const char *text,
    size_t pos, size_t stop, const char *prefix, int flags)
{
	size_t	i;

	for (i = pos; i < stop; i++) {
		if (text[i] == '\n' && prefix == NULL)
			fputc(' ', f);
		else if (text[i] == '\n') {
			render_md_fence(f, sp, text, i, 0);
			fputs("\\\n", f);
			fputs(prefix, f);
			render_md_fence(f, sp, text, i + 1, 1);
		} else if (text[i] == '|' && (flags & MD_TABLE))
			fputs("\\|", f);
		else if (text[i] == '\t' && (flags & MD_TABLE))
			fputs(" | ", f);
		else
			render_put(f, text + i, 1, 0);
	}
}

static void
render_md_url(FILE *f, const char *url)
{
	fputs("(<", f);
	for (; *url != '\0'; url++) {
		if (*url == '<' || *url == '>' || *url == '\\')
			fputc('\\', f);
		if (*url == ' ')
			fputs("%20", f);
		else
			render_put(f, url, 1, 0);
	}
	fputs(">)", f);
}

/* Opens span sp at offset at of text. */
static void
render_md_open(FILE *f, const struct doc_span *sp, const char *text,
    size_t at)
{
	switch (sp->type) {
	case DOC_EM:
		fputc('*', f);
		break;
	case DOC_STRONG:
		fputs("**", f);
		break;
	case DOC_CODE:
		render_md_fence(f, sp, text, at, 1);
		break;
	case DOC_LINK:
		fputc('[', f);
		break;
	}
}

/* Closes span sp at offset at of text. */
static void
render_md_close(FILE *f, const struct doc *d, const struct doc_span *sp,
    const char *text, size_t at)
{
	switch (sp->type) {
	case DOC_EM:
		fputc('*', f);
		break;
	case DOC_STRONG:
		fputs("**", f);
		break;
	case DOC_CODE:
		render_md_fence(f, sp, text, at, 0);
		break;
	case DOC_LINK:
		fputc(']', f);
		if (sp->link >= 0 && (size_t)sp->link < d->nlinks)
			render_md_url(f, d->links[sp->link].url);
		else
			fputs("()", f);
		break;
	}
}

/* CommonMark's Unicode white space, as sanitized text may hold it. */
static int
render_md_space(unsigned int cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xa0 ||
	    cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
	    cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

/* Letters and digits for certain: of the Latin, Greek, Cyrillic, Hebrew,
 * Arabic, CJK and Hangul scripts. What is not sure to be one may be
 * punctuation to Markdown. */
static int
render_md_letter(unsigned int cp)
{
	if (cp < 0x80)
		return ascii_isalpha((int)cp) || (cp >= '0' && cp <= '9');
	return (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7) ||
	    (cp >= 0x391 && cp <= 0x3c9) || (cp >= 0x400 && cp <= 0x481) ||
	    (cp >= 0x48a && cp <= 0x4ff) || (cp >= 0x5d0 && cp <= 0x5ea) ||
	    (cp >= 0x620 && cp <= 0x64a) || doc_is_cjk(cp) ||
	    (cp >= 0xac00 && cp <= 0xd7a3);
}

/* ASCII punctuation: punctuation for certain. */
static int
render_md_punct(unsigned int cp)
{
	return cp < 0x80 && cp > ' ' && cp != 0x7f &&
	    !render_md_letter(cp);
}

/*
 * Whether Markdown can write emphasis span sp (index i) as "*...*": the
 * opener must be left-flanking and the closer right-flanking, as
 * CommonMark says; markup that begins or ends inside with it ("*[a](u)*")
 * counts as punctuation. When it cannot, the words go without it rather
 * than with stray asterisks.
 */
static int
render_md_can_emphasize(const struct doc_block *b, size_t i)
{
	const struct doc_span	*sp = &b->spans[i];
	unsigned int		 first, last, prev = ' ', next = ' ';
	size_t			 j;
	int			 first_letter, last_letter;

	utf8_next(b->text + sp->start, b->len - sp->start, &first);
	text_last(b->text, sp->end, &last);
	if (sp->start > 0)
		text_last(b->text, sp->start, &prev);
	if (sp->end < b->len)
		utf8_next(b->text + sp->end, b->len - sp->end, &next);
	if (text_is_space(first, TEXT_JS) || render_md_space(first) ||
	    text_is_space(last, TEXT_JS) || render_md_space(last))
		return 0;
	first_letter = render_md_letter(first);
	last_letter = render_md_letter(last);
	for (j = i + 1; j < b->nspans && b->spans[j].start < sp->end; j++) {
		if (b->spans[j].start == sp->start)
			first_letter = 0;
		if (b->spans[j].end == sp->end)
			last_letter = 0;
	}
	if (!first_letter && !render_md_space(prev) && !render_md_punct(prev))
		return 0;
	if (!last_letter && !render_md_space(next) && !render_md_punct(next))
		return 0;
	return 1;
}

/* Whether the span at stack[j] is written without markup: inside code,
 * where Markdown has none (its words are the code's), or emphasis that
 * Markdown cannot write there. */
static int
render_md_quiet(const struct doc_block *b, const size_t *stack, size_t j)
{
	const struct doc_span	*sp = &b->spans[stack[j]];
	size_t			 i;

	for (i = 0; i < j; i++) {
		if (b->spans[stack[i]].type == DOC_CODE)
			return 1;
	}
	return (sp->type == DOC_EM || sp->type == DOC_STRONG) &&
	    !render_md_can_emphasize(b, stack[j]);
}

/* Writes a block's text with its spans as Markdown. Spans nest as the
 * HTML they came from did; one that ends inside another closes and
 * reopens the inner ones. flags are MD_TABLE or MD_HEADING. */
static void
render_md_inline(FILE *f, const struct doc *d, const struct doc_block *b,
    const char *prefix, int flags)
{
	const struct doc_span	*sp, *code;
	size_t			*stack, depth = 0, next = 0, pos = 0, stop;
	size_t			 i, j, k, n;
	int			 bol = prefix != NULL, bang;

	stack = xreallocarray(NULL, b->nspans + 1, sizeof *stack);
	while (pos <= b->len) {
		/* Close from the outermost span that ends here, then reopen
		 * the inner ones that go on. */
		for (k = 0; k < depth; k++)
			if (b->spans[stack[k]].end <= pos)
				break;
		if (k < depth) {
			for (j = depth; j > k; j--) {
				if (!render_md_quiet(b, stack, j - 1))
					render_md_close(f, d,
					    &b->spans[stack[j - 1]], b->text,
					    pos);
			}
			for (n = j = k; j < depth; j++) {
				if (b->spans[stack[j]].end <= pos)
					continue;
				stack[n++] = stack[j];
				if (!render_md_quiet(b, stack, n - 1))
					render_md_open(f, &b->spans[stack[j]],
					    b->text, pos);
			}
			depth = n;
		}
		if (pos == b->len)
			break;
		while (next < b->nspans && b->spans[next].start <= pos) {
			stack[depth++] = next;
			if (!render_md_quiet(b, stack, depth - 1))
				render_md_open(f, &b->spans[next], b->text,
				    pos);
			next++;
		}
		stop = b->len;
		if (next < b->nspans && b->spans[next].start < stop)
			stop = b->spans[next].start;
		code = NULL;
		for (i = 0; i < depth; i++) {
			sp = &b->spans[stack[i]];
			if (sp->end < stop)
				stop = sp->end;
			if (sp->type == DOC_CODE && code == NULL)
				code = sp;
		}
		/* Does a link open at stop with nothing closing first? */
		bang = next < b->nspans && b->spans[next].start == stop &&
		    b->spans[next].type == DOC_LINK;
		for (i = 0; bang && i < depth; i++)
			bang = b->spans[stack[i]].end > stop;
		if (code != NULL)
			render_md_code(f, code, b->text, pos, stop, prefix,
			    flags);
		else
			render_md_text(f, b->text + pos, stop - pos, prefix,
			    flags | (bang ? MD_BANG : 0), &bol);
		pos = stop;
	}
	free(stack);
}

/* Lists nest at most this deep in Markdown. */
#define MD_MAX_DEPTH	32

/* What the Markdown writer carries from block to block. */
struct render_md {
	size_t	row;			/* rows of the table so far */
	int	depth;			/* the list depth of the block before;
					   0 when it is no list item */
	size_t	content[MD_MAX_DEPTH];	/* where each depth's text begins */
	int	ordered[MD_MAX_DEPTH];	/* the kind of each depth's list */
};

/* The depth at which list item b is written after what st has seen. */
static int
render_md_level(const struct doc_block *b, const struct render_md *st)
{
	int	level = b->level < 1 ? 1 : b->level;

	if (level > st->depth + 1)
		level = st->depth + 1;
	return level < MD_MAX_DEPTH ? level : MD_MAX_DEPTH;
}

/* Whether list item b begins an ordered list at another number than 1
 * right under an item's text, which it cannot interrupt: such a list
 * needs a blank line before it. */
static int
render_md_needs_blank(const struct doc_block *b, const struct render_md *st)
{
	int	level = render_md_level(b, st);

	if (st->depth == 0 || b->number <= 1)
		return 0;
	return level > st->depth || !st->ordered[level - 1];
}

/* The cells of a table row. */
static size_t
render_md_cells(const struct doc_block *b)
{
	const char	*p;
	size_t		 cells = 1;

	for (p = b->text; *p != '\0'; p++)
		cells += *p == '\t';
	return cells;
}

/* The cells of the widest row of the table that starts at block bi: its
 * first row, the header, must have them all, or GitHub drops the cells
 * of longer rows. */
static size_t
render_md_columns(const struct doc *d, size_t bi)
{
	size_t	i, cells, most = 0;

	for (i = bi; i < d->nblocks && d->blocks[i].type == DOC_TABLE_ROW &&
	    d->blocks[i].quote == d->blocks[bi].quote; i++) {
		if ((cells = render_md_cells(&d->blocks[i])) > most)
			most = cells;
	}
	return most;
}

/* Writes a list item's marker, indented under the item it belongs to. An
 * item deeper than the one before it is taken one level down only: four
 * spaces after a paragraph would make it that paragraph's text. */
static void
render_md_item(FILE *f, const struct doc_block *b, struct render_md *st,
    struct buf *prefix)
{
	char	marker[32];
	size_t	indent, i;
	int	level = render_md_level(b, st);

	indent = level > 1 ? st->content[level - 2] : 0;
	if (b->number > 0)
		snprintf(marker, sizeof marker, "%d. ", b->number);
	else
		snprintf(marker, sizeof marker, "- ");
	for (i = 0; i < indent + strlen(marker); i++)
		buf_addc(prefix, ' ');
	for (i = 0; i < indent; i++)
		fputc(' ', f);
	fputs(marker, f);
	st->content[level - 1] = indent + strlen(marker);
	st->ordered[level - 1] = b->number > 0;
	st->depth = level;
}

static void
render_md_block(FILE *f, const struct doc *d, size_t bi, struct render_md *st)
{
	const struct doc_block	*b = &d->blocks[bi];
	struct buf		 prefix = BUF_INIT;
	const char		*label, *p, *nl, *end;
	size_t			 ticks, i, cells;
	int			 bol = 1, q;

	for (q = 0; q < b->quote || (q == 0 && b->type == DOC_QUOTE); q++)
		buf_adds(&prefix, "> ");
	fputs(buf_str(&prefix), f);
	switch (b->type) {
	case DOC_HEADING:
		for (i = 0; i < (size_t)(b->level < 1 ? 1 : b->level > 6 ? 6 :
		    b->level); i++)
			fputc('#', f);
		fputc(' ', f);
		bol = 0;
		if ((label = layout_heading_label(d, bi)) != NULL) {
			render_md_text(f, label, strlen(label), NULL,
			    MD_HEADING, &bol);
			fputs(layout_label_sep(label), f);
		}
		render_md_inline(f, d, b, NULL, MD_HEADING);
		break;
	case DOC_LIST_ITEM:
		render_md_item(f, b, st, &prefix);
		render_md_inline(f, d, b, buf_str(&prefix), 0);
		break;
	case DOC_PRE:
		ticks = render_md_ticks(b->text, b->len);
		for (i = 0; i < (ticks < 3 ? 3 : ticks + 1); i++)
			fputc('`', f);
		fputc('\n', f);
		for (p = b->text, end = b->text + b->len; p < end; p = nl + 1) {
			if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
				nl = end;
			fputs(buf_str(&prefix), f);
			render_put(f, p, (size_t)(nl - p), 1);
			fputc('\n', f);
		}
		fputs(buf_str(&prefix), f);
		for (i = 0; i < (ticks < 3 ? 3 : ticks + 1); i++)
			fputc('`', f);
		break;
	case DOC_IMAGE:
		fputs("![", f);
		render_md_text(f, b->text, b->len, "", 0, &bol);
		fputc(']', f);
		render_md_url(f, b->src != NULL ? b->src : "");
		if (b->caption != NULL) {
			fprintf(f, "\n%s\n%s*", buf_str(&prefix),
			    buf_str(&prefix));
			bol = 0;
			render_md_text(f, b->caption, strlen(b->caption), "",
			    0, &bol);
			fputc('*', f);
		}
		break;
	case DOC_RULE:
		fputs("* * *", f);
		break;
	case DOC_TABLE_ROW:
		fputs("| ", f);
		render_md_inline(f, d, b, NULL, MD_TABLE);
		if (st->row++ == 0) {
			cells = render_md_columns(d, bi);
			for (i = render_md_cells(b); i < cells; i++)
				fputs(" | ", f);
			fputs(" |", f);
			fprintf(f, "\n%s|", buf_str(&prefix));
			for (i = 0; i < cells; i++)
				fputs(" --- |", f);
		} else
			fputs(" |", f);
		break;
	default:
		render_md_inline(f, d, b, buf_str(&prefix), 0);
		break;
	}
	if (b->type != DOC_LIST_ITEM)
		st->depth = 0;
	if (b->type != DOC_TABLE_ROW)
		st->row = 0;
	fputc('\n', f);
	buf_free(&prefix);
}

static void
render_markdown(FILE *f, const struct doc *d)
{
	const struct doc_block	*b, *prev = NULL;
	struct render_md	 st;
	size_t			 i;
	int			 bol = 1, any = 0;

	memset(&st, 0, sizeof st);

	if (!render_has_title(d)) {
		fputs("# ", f);
		bol = 0;
		render_md_text(f, d->title, strlen(d->title), NULL, MD_HEADING,
		    &bol);
		fputc('\n', f);
		any = 1;
	}
	if (d->byline != NULL) {
		if (any)
			fputc('\n', f);
		bol = 1;
		render_md_text(f, d->byline, strlen(d->byline), "", 0, &bol);
		fputc('\n', f);
		any = 1;
	}
	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		/* A table in another quote is another table. */
		if (prev != NULL && prev->quote != b->quote)
			st.row = 0;
		/* Tables and lists stay together; the rest is separated. */
		if (any && (!(prev != NULL && prev->type == b->type &&
		    (b->type == DOC_LIST_ITEM || b->type == DOC_TABLE_ROW)) ||
		    (b->type == DOC_LIST_ITEM &&
		    render_md_needs_blank(b, &st))))
			fputc('\n', f);
		render_md_block(f, d, i, &st);
		prev = b;
		any = 1;
	}
}

/* JSON. */

static json_object *
render_json_string(const char *s)
{
	return s != NULL ? json_object_new_string(s) : NULL;
}

static void
render_json_add(json_object *o, const char *key, json_object *v)
{
	if (json_object_object_add(o, key, v) != 0)
		fatal(_("out of memory"));
}

static json_object *
render_json_new(json_object *o)
{
	if (o == NULL)
		fatal(_("out of memory"));
	return o;
}

/* The names of the block types in JSON, documented in reel(1). */
static const char *
render_json_type(enum doc_block_type t)
{
	switch (t) {
	case DOC_HEADING:
		return "heading";
	case DOC_PARAGRAPH:
		return "paragraph";
	case DOC_QUOTE:
		return "quote";
	case DOC_LIST_ITEM:
		return "list_item";
	case DOC_PRE:
		return "pre";
	case DOC_IMAGE:
		return "image";
	case DOC_RULE:
		return "rule";
	case DOC_TABLE_ROW:
		return "table_row";
	}
	return "paragraph";
}

/* What "level" means, per type (reel(1) OUTPUT FORMATS). */
static int
render_json_level(const struct doc_block *b)
{
	switch (b->type) {
	case DOC_HEADING:
	case DOC_LIST_ITEM:
		return b->level;
	case DOC_TABLE_ROW:
		return b->level == 1;
	case DOC_QUOTE:
		return b->quote > 0 ? b->quote : 1;
	default:
		return 0;
	}
}

#define RENDER_JSON_FLAGS	(JSON_C_TO_STRING_PRETTY | \
	JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE)

/* Writes o as json-c writes it, indented by indent more spaces after
 * each newline (strings hold none: JSON escapes them). */
static void
render_json_write(FILE *f, json_object *o, const char *indent)
{
	const char	*s, *nl;

	if ((s = json_object_to_json_string_ext(o, RENDER_JSON_FLAGS)) ==
	    NULL)
		fatal(_("out of memory"));
	while ((nl = strchr(s, '\n')) != NULL) {
		render_put(f, s, (size_t)(nl + 1 - s), 0);
		fputs(indent, f);
		s = nl + 1;
	}
	render_puts(f, s);
}

/* Writes element i of a top-level array, as json-c would inside the
 * whole tree, and frees it: one element at a time, the tree of a long
 * essay is never whole in memory (40 bytes of text took 1.6 KB). */
static void
render_json_element(FILE *f, json_object *o, size_t i)
{
	fputs(i == 0 ? "\n    " : ",\n    ", f);
	render_json_write(f, o, "    ");
	json_object_put(o);
}

static json_object *
render_json_block(const struct doc_block *b)
{
	json_object	*o;

	o = render_json_new(json_object_new_object());
	render_json_add(o, "type", render_json_new(
	    json_object_new_string(render_json_type(b->type))));
	render_json_add(o, "level", render_json_new(
	    json_object_new_int(render_json_level(b))));
	render_json_add(o, "quote", render_json_new(
	    json_object_new_int(b->quote)));
	render_json_add(o, "text", render_json_new(
	    json_object_new_string_len(b->text, (int)b->len)));
	if (b->type == DOC_LIST_ITEM)
		render_json_add(o, "number", render_json_new(
		    json_object_new_int(b->number)));
	if (b->type == DOC_IMAGE) {
		render_json_add(o, "src", render_json_string(b->src));
		render_json_add(o, "caption", render_json_string(b->caption));
	}
	return o;
}

/* The document as one JSON object: its metadata, then its sections,
 * blocks and links, each array written an element at a time. */
static int
render_json(FILE *f, const struct doc *d)
{
	json_object	*root, *o;
	const char	*s;
	size_t		 i, n;

	root = render_json_new(json_object_new_object());
	render_json_add(root, "url", render_json_string(d->url));
	render_json_add(root, "title", render_json_string(d->title));
	render_json_add(root, "byline", render_json_string(d->byline));
	render_json_add(root, "site", render_json_string(d->site));
	render_json_add(root, "published", render_json_string(d->published));
	render_json_add(root, "lang", render_json_string(d->lang));
	render_json_add(root, "dir", render_json_string(d->dir));
	render_json_add(root, "excerpt", render_json_string(d->excerpt));
	render_json_add(root, "image", render_json_string(d->image));
	render_json_add(root, "word_count",
	    render_json_new(json_object_new_int64((int64_t)d->word_count)));
	/* The scalars as json-c writes them, without the closing "\n}". */
	if ((s = json_object_to_json_string_ext(root, RENDER_JSON_FLAGS)) ==
	    NULL)
		fatal(_("out of memory"));
	n = strlen(s);
	if (n < 2 || strcmp(s + n - 2, "\n}") != 0)
		fatal("json-c wrote an object without \"\\n}\"");
	render_put(f, s, n - 2, 0);
	json_object_put(root);

	fputs(",\n  \"sections\": [", f);
	for (i = 0; i < d->nsections; i++) {
		o = render_json_new(json_object_new_object());
		render_json_add(o, "label",
		    render_json_string(d->sections[i].label));
		render_json_add(o, "title",
		    render_json_string(d->sections[i].title));
		render_json_add(o, "level", render_json_new(
		    json_object_new_int(d->sections[i].level)));
		render_json_add(o, "block", render_json_new(
		    json_object_new_int64((int64_t)d->sections[i].block)));
		render_json_element(f, o, i);
	}
	fputs("\n  ],\n  \"blocks\": [", f);
	for (i = 0; i < d->nblocks; i++)
		render_json_element(f, render_json_block(&d->blocks[i]), i);
	fputs("\n  ],\n  \"links\": [", f);
	for (i = 0; i < d->nlinks; i++) {
		o = render_json_new(json_object_new_object());
		render_json_add(o, "n", render_json_new(
		    json_object_new_int64((int64_t)i + 1)));
		render_json_add(o, "url", render_json_string(d->links[i].url));
		render_json_add(o, "text",
		    render_json_string(d->links[i].text));
		render_json_element(f, o, i);
	}
	fputs("\n  ]\n}\n", f);
	return 0;
}

int
render(FILE *f, const struct doc *d, enum render_format fmt, int cols)
{
	switch (fmt) {
	case RENDER_TEXT:
		render_text(f, d, cols > 0 ? cols : 80);
		break;
	case RENDER_PLAIN:
		render_plain(f, d);
		break;
	case RENDER_MARKDOWN:
		render_markdown(f, d);
		break;
	case RENDER_JSON:
		render_json(f, d);
		break;
	}
	return ferror(f) ? -1 : 0;
}
