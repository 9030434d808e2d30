/* pager.c: the pager's state and what every action does to it: motion,
 * search, sections, links, lists, history. Plain data, no curses; the
 * pager view draws what is here and carries out the requests. */
#include <config.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "layout.h"
#include "list.h"
#include "pager.h"
#include "search.h"
#include "url.h"
#include "util.h"
#include "width.h"

#define PAGER_MEASURE	80	/* default text column, in cells */
#define PAGER_WPM	230	/* reading speed for the reading time */
#define PAGER_CTRL(c)	((c) & 0x1f)

static const char *
pager_sep(const struct pager *p)
{
	return (p->opts.flags & LAYOUT_ASCII) ? " - " : " \xc2\xb7 ";
}

/* Digits call sections by the essay's own numbers when it has them, else
 * by their position. */
static void
pager_number_sections(struct pager *p)
{
	const struct doc	*d = p->doc;
	size_t			 i;
	int			 any = 0;

	free(p->numbers);
	p->numbers = xcalloc(d->nsections + 1, sizeof *p->numbers);
	for (i = 0; i < d->nsections; i++) {
		/* sections.c read the label's value ("IV" is 4). */
		p->numbers[i] = d->sections[i].number;
		if (p->numbers[i] > 0)
			any = 1;
	}
	if (!any)
		for (i = 0; i < d->nsections; i++)
			p->numbers[i] = (long)i + 1;
}

int
pager_text_rows(const struct pager *p)
{
	return p->rows > 3 ? p->rows - 2 : 1;
}

static size_t
pager_max_top(const struct pager *p)
{
	size_t	rows = (size_t)pager_text_rows(p);

	return p->layout->nlines > rows ? p->layout->nlines - rows : 0;
}

/* Remembers where the top line is, in terms a resize does not change. */
static void
pager_anchor(struct pager *p)
{
	const struct layout_line	*ln;

	if (p->layout->nlines == 0) {
		p->anchor_block = p->anchor_doff = 0;
		return;
	}
	if (p->top >= p->layout->nlines)
		p->top = p->layout->nlines - 1;
	ln = &p->layout->lines[p->top];
	p->anchor_block = ln->block;
	p->anchor_doff = ln->doff;
}

static void
pager_set_top(struct pager *p, size_t top)
{
	p->top = top;
	pager_anchor(p);
}

/* Moves by delta lines; never past the last page going down, but a
 * section jump may have put the top lower, and that stays. */
static void
pager_scroll(struct pager *p, long delta)
{
	size_t	max = pager_max_top(p);

	if (delta > 0) {
		if (p->top < max)
			p->top = p->top + (size_t)delta < max ?
			    p->top + (size_t)delta : max;
	} else
		p->top = p->top >= (size_t)-delta ? p->top - (size_t)-delta : 0;
	pager_anchor(p);
}

static void pager_find_all(struct pager *);
static const struct list_ops pager_list_ops;

/* Lays out the current document and forgets what belonged to the last. */
static void
pager_set_layout(struct pager *p)
{
	struct layout_opts	lo;

	memset(&lo, 0, sizeof lo);
	lo.cols = p->cols;
	lo.measure = p->opts.measure > 0 ? p->opts.measure : PAGER_MEASURE;
	lo.flags = (p->opts.flags & (LAYOUT_CENTRE | LAYOUT_ASCII)) |
	    LAYOUT_LINKNUMS | LAYOUT_TITLE | LAYOUT_NOTOC;
	layout_free(p->layout);
	p->layout = layout_new(p->doc, &lo);
	pager_number_sections(p);
	p->sel_block = -1;
	p->sel_span = -1;
	search_reset(&p->search);
	pager_find_all(p);
}

struct pager *
pager_new(struct doc *d, int cols, int rows, const struct pager_opts *opts)
{
	struct pager	*p = xcalloc(1, sizeof *p);

	p->doc = d;
	p->cols = cols > 0 ? cols : 1;
	p->rows = rows > 0 ? rows : 1;
	if (opts != NULL)
		p->opts = *opts;
	p->current = -1;
	search_init(&p->search);
	buf_init(&p->input);
	list_init(&p->list, &pager_list_ops, p, 0);
	pager_set_layout(p);
	pager_set_top(p, 0);
	return p;
}

void
pager_free(struct pager *p)
{
	size_t	i;

	if (p == NULL)
		return;
	layout_free(p->layout);
	doc_free(p->doc);
	for (i = 0; i < p->nhistory; i++)
		doc_free(p->history[i].doc);
	free(p->history);
	free(p->numbers);
	free(p->pattern);
	free(p->matches);
	search_free(&p->search);
	buf_free(&p->visual);
	free(p->vruns);
	buf_free(&p->input);
	keys_help_free(p->help, p->nhelp);
	list_free(&p->list);
	free(p->message);
	free(p->request_url);
	free(p->runs);
	free(p->cells);
	free(p);
}

static void	pager_help_lines(struct pager *);

void
pager_resize(struct pager *p, int cols, int rows)
{
	p->cols = cols > 0 ? cols : 1;
	p->rows = rows > 0 ? rows : 1;
	layout_resize(p->layout, p->cols);
	p->top = layout_find_doff(p->layout, p->anchor_block, p->anchor_doff);
	if (p->menu == PAGER_MENU_HELP) {
		pager_help_lines(p);
		list_resize(&p->list, p->nhelp, pager_text_rows(p));
	} else
		list_set_height(&p->list, pager_text_rows(p));
}

void
pager_set_opts(struct pager *p, const struct pager_opts *opts)
{
	if (opts->measure == p->opts.measure &&
	    opts->flags == p->opts.flags)
		return;
	p->opts = *opts;
	pager_set_layout(p);
	pager_resize(p, p->cols, p->rows);
}

void
pager_message(struct pager *p, int error, const char *fmt, ...)
{
	va_list	ap;

	free(p->message);
	va_start(ap, fmt);
	p->message = xvprintf(fmt, ap);
	va_end(ap);
	p->message_error = error;
}

/* Is the document from a local file, whose links may lead to other
 * local files? Not standard input: it may hold a page from anywhere. */
static int
pager_from_file(const struct pager *p)
{
	const char	*u = p->doc->url;

	return u != NULL && strcmp(u, "-") != 0 && !url_is_web(u) &&
	    strstr(u, "://") == NULL;
}

/*
 * May the reader be taken to url from this document? This is the last
 * check before a load or a browser, whatever the extractor made of the
 * page: a page from the network (or standard input) leads to http and
 * https only, never to a local file or another scheme; a local file may
 * lead to local files too; nothing leads to "-", which would read
 * standard input (the terminal, while the pager runs). Returns 0, or -1
 * with the reason on the status line.
 */
static int
pager_may_go(struct pager *p, const char *url)
{
	if (strcmp(url, "-") == 0) {
		pager_message(p, 1, _("Refused %s: it would read standard "
		    "input"), url);
		return -1;
	}
	if (!url_is_web(url) && !pager_from_file(p)) {
		pager_message(p, 1, _("Refused %s: not an http or https "
		    "link"), url);
		return -1;
	}
	return 0;
}

/* The address a link or the essay has outside reel, for a browser and
 * for the status line: a local file's path as a file: URL, absolute,
 * its fragment kept; else the URL itself. Allocated. */
static char *
pager_outside_url(const struct pager *p, const char *url)
{
	if (pager_from_file(p) && !url_is_web(url) &&
	    strncmp(url, "file:", 5) != 0 && strncmp(url, "mailto:", 7) != 0)
		return url_from_path(url);
	return xstrdup(url);
}

static void pager_follow(struct pager *, const char *);

static void
pager_request(struct pager *p, int request, const char *url)
{
	if ((request == PAGER_REQ_LOAD || request == PAGER_REQ_OPEN) &&
	    pager_may_go(p, url) != 0)
		return;
	free(p->request_url);
	p->request = request;
	p->request_url = url != NULL ? xstrdup(url) : NULL;
}

void
pager_goto_anchor(struct pager *p, const char *fragment)
{
	const struct doc_anchor	*a;
	size_t			 line, first;

	if ((a = doc_anchor(p->doc, fragment)) == NULL) {
		pager_message(p, 1, _("No #%s on this page"), fragment);
		return;
	}
	/* The block's own lines, not the title before block 0. */
	line = layout_find(p->layout, a->block, a->offset);
	first = layout_block_line(p->layout, a->block);
	pager_set_top(p, line > first ? line : first);
}

/* Follows a link: to a place on this page (a footnote and back) at once,
 * with no load and no history; else by a load, for the view. */
static void
pager_follow(struct pager *p, const char *url)
{
	const char	*frag, *here_frag;
	char		*there, *here;
	int		 same = 0;

	if (pager_may_go(p, url) != 0)
		return;
	there = url_split_fragment(url, &frag);
	if (frag != NULL && *frag != '\0' && p->doc->url != NULL) {
		here = url_split_fragment(p->doc->url, &here_frag);
		same = strcmp(here, there) == 0;
		free(here);
	}
	free(there);
	if (same)
		pager_goto_anchor(p, frag);
	else
		pager_request(p, PAGER_REQ_LOAD, url);
}

int
pager_take_request(struct pager *p, char **url)
{
	int	request = p->request;

	*url = p->request_url;
	p->request = PAGER_REQ_NONE;
	p->request_url = NULL;
	return request;
}

/* Sections. */

long
pager_section(const struct pager *p)
{
	if (p->layout->nlines == 0)
		return -1;
	return doc_section_of(p->doc, p->layout->lines[p->top].block);
}

long
pager_section_read(const struct pager *p)
{
	size_t	last;

	if (p->layout->nlines == 0)
		return -1;
	/* At the end, the last screen is read to its bottom line. */
	if (p->top >= pager_max_top(p)) {
		last = p->top + (size_t)pager_text_rows(p) - 1;
		if (last >= p->layout->nlines)
			last = p->layout->nlines - 1;
		return doc_section_of(p->doc, p->layout->lines[last].block);
	}
	return pager_section(p);
}

size_t
pager_section_line(const struct pager *p, size_t i)
{
	return layout_block_line(p->layout, p->doc->sections[i].block);
}

void
pager_goto_section(struct pager *p, size_t i)
{
	if (i < p->doc->nsections)
		pager_set_top(p, pager_section_line(p, i));
}

static int
pager_no_sections(struct pager *p)
{
	if (p->doc->nsections > 0)
		return 0;
	pager_message(p, 1, "%s", _("This essay has no sections"));
	return 1;
}

static void
pager_next_section(struct pager *p, int forward)
{
	size_t	i, n = p->doc->nsections;

	if (pager_no_sections(p))
		return;
	if (forward) {
		for (i = 0; i < n; i++) {
			if (pager_section_line(p, i) > p->top) {
				pager_goto_section(p, i);
				return;
			}
		}
		pager_message(p, 0, "%s", _("This is the last section"));
		return;
	}
	for (i = n; i > 0; i--) {
		if (pager_section_line(p, i - 1) < p->top) {
			pager_goto_section(p, i - 1);
			return;
		}
	}
	/* Before the first section: the essay's opening. */
	if (p->top > 0)
		pager_set_top(p, 0);
	else
		pager_message(p, 0, "%s", _("This is the first section"));
}

/* Goes to section n; of parts and their sub-parts that share a number
 * ("2. The Sound Era" and its "2. Blimps"), to the outermost first. */
static void
pager_goto_number(struct pager *p, long n)
{
	const struct doc_section	*s = p->doc->sections;
	size_t				 i, best = p->doc->nsections;

	for (i = 0; i < p->doc->nsections; i++) {
		if (p->numbers[i] == n && (best == p->doc->nsections ||
		    s[i].level < s[best].level))
			best = i;
	}
	if (best < p->doc->nsections)
		pager_goto_section(p, best);
	else
		/* TRANSLATORS: %ld is the section number the reader
		 * typed. */
		pager_message(p, 1, _("No section %ld"), n);
}

/* Does a section's number start with the digits of n and go on? */
static int
pager_number_extends(const struct pager *p, long n)
{
	size_t	i;
	long	m;

	for (i = 0; i < p->doc->nsections; i++) {
		for (m = p->numbers[i]; m > n; m /= 10)
			if (m / 10 == n)
				return 1;
	}
	return 0;
}

/* A digit goes to its section at once unless a longer number starts
 * with it; then the Section prompt waits PAGER_DIGIT_WAIT ms for another
 * digit (the view calls pager_wait_over()), and Enter takes the number
 * at once. 0 is the last section. */
static void
pager_digit(struct pager *p, int digit)
{
	if (pager_no_sections(p))
		return;
	if (digit == 0) {
		pager_goto_section(p, p->doc->nsections - 1);
		return;
	}
	if (pager_number_extends(p, digit)) {
		p->prompt = PAGER_PROMPT_SECTION;
		buf_reset(&p->input);
		buf_addc(&p->input, (char)('0' + digit));
		return;
	}
	pager_goto_number(p, digit);
}

/* Search: over the display texts, folded by search.c (smart case,
 * accents, typographic quotes and dashes). */

static void
pager_find_all(struct pager *p)
{
	const struct layout	*l = p->layout;
	struct search_match	*m;
	size_t			 n, i, b, k;

	free(p->matches);
	p->matches = NULL;
	p->nmatches = 0;
	p->current = -1;
	if (p->pattern == NULL || *p->pattern == '\0')
		return;
	n = search_all(&p->search, buf_str(&p->layout->text),
	    p->layout->dtotal, p->pattern, &m);
	if (n == 0)
		return;
	p->matches = xreallocarray(NULL, n, sizeof *p->matches);
	for (i = 0, b = 0, k = 0; i < n; i++) {
		/* None in a block that shows no line: the byline said
		 * again, a table of contents box. */
		while (b + 1 < l->doc->nblocks &&
		    l->blocks[b + 1].dstart <= m[i].start)
			b++;
		if (l->doc->nblocks > 0 && l->blocks[b].nlines == 0)
			continue;
		p->matches[k].start = m[i].start;
		p->matches[k++].end = m[i].end;
	}
	p->nmatches = k;
	free(m);
}

/* Where line n begins in the layout's text. */
static size_t
pager_line_pos(const struct pager *p, size_t n)
{
	const struct layout_line	*ln = &p->layout->lines[n];

	return p->layout->blocks[ln->block].dstart + ln->doff;
}

/* The first match that starts at pos or after it. */
static size_t
pager_match_from(const struct pager *p, size_t pos)
{
	size_t	lo = 0, hi = p->nmatches, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (p->matches[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
pager_line_visible(const struct pager *p, size_t line)
{
	return line >= p->top && line < p->top + (size_t)pager_text_rows(p);
}

/* Goes to the next match in a direction, from the current match when it
 * is on screen, else from the top line; wraps around and says so. */
static void
pager_search(struct pager *p, int backward)
{
	size_t	pos, m;
	int	from_current;

	if (p->pattern == NULL) {
		pager_message(p, 1, "%s", _("No previous search"));
		return;
	}
	if (p->nmatches == 0) {
		pager_message(p, 1, _("Pattern not found: %s"), p->pattern);
		return;
	}
	from_current = p->current >= 0 && pager_line_visible(p,
	    layout_line_at(p->layout, p->matches[p->current].start));
	pos = p->layout->nlines > 0 ? pager_line_pos(p, p->top) : 0;
	if (!backward) {
		m = from_current ? (size_t)p->current + 1 :
		    pager_match_from(p, pos);
		if (m >= p->nmatches) {
			m = 0;
			pager_message(p, 0, "%s",
			    _("Search hit the bottom, continuing at the top"));
		}
	} else {
		m = from_current ? (size_t)p->current :
		    pager_match_from(p, pos);
		if (m == 0) {
			m = p->nmatches - 1;
			pager_message(p, 0, "%s",
			    _("Search hit the top, continuing at the bottom"));
		} else
			m--;
	}
	p->current = (long)m;
	m = layout_line_at(p->layout, p->matches[m].start);
	pos = pager_max_top(p);
	pager_set_top(p, m < pos ? m : pos);
}

/* A new pattern finds its first match from the top line; an empty one,
 * or the same one again, goes on to the next match, as in less. */
static void
pager_search_start(struct pager *p, const char *pattern, int backward)
{
	int	again = *pattern == '\0' || (p->pattern != NULL &&
		    strcmp(pattern, p->pattern) == 0);

	if (!again) {
		free(p->pattern);
		p->pattern = xstrdup(pattern);
	}
	p->backward = backward;
	if (!again || (p->nmatches == 0 && p->current < 0))
		pager_find_all(p);
	pager_search(p, backward);
}

/* Links: the selection is a link span of a block. */

struct pager_link {
	long	block;
	int	span;
};

/* Lists the link spans on screen, in reading order; the caller frees. */
static size_t
pager_visible_links(const struct pager *p, struct pager_link **out)
{
	const struct layout		*l = p->layout;
	const struct layout_line	*ln;
	const struct layout_run		*r;
	struct pager_link		*v = NULL;
	size_t				 n = 0, cap = 0, i, end;
	int				 k;

	end = p->top + (size_t)pager_text_rows(p);
	if (end > l->nlines)
		end = l->nlines;
	for (i = p->top; i < end; i++) {
		ln = &l->lines[i];
		for (k = 0; k < ln->nruns; k++) {
			r = &l->runs[ln->run + (size_t)k];
			if (!(r->attr & LAYOUT_LINK) || r->span < 0)
				continue;
			if (n > 0 && v[n - 1].block == (long)ln->block &&
			    v[n - 1].span == r->span)
				continue;
			v = xgrowarray(v, &cap, n + 1, sizeof *v);
			v[n].block = (long)ln->block;
			v[n++].span = r->span;
		}
	}
	*out = v;
	return n;
}

/* Returns the index of the selection among the visible links, or -1. */
static long
pager_selected_visible(const struct pager *p, const struct pager_link *v,
    size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (v[i].block == p->sel_block && v[i].span == p->sel_span)
			return (long)i;
	return -1;
}

static void
pager_select_link(struct pager *p, int forward)
{
	struct pager_link	*v;
	size_t			 n = pager_visible_links(p, &v);
	long			 k;
	int			 link;
	char			*url;

	if (n == 0) {
		pager_message(p, 0, "%s", _("No links on this screen"));
		free(v);
		return;
	}
	k = pager_selected_visible(p, v, n);
	if (k < 0)
		k = forward ? 0 : (long)n - 1;
	else if (forward)
		k = (size_t)k + 1 < n ? k + 1 : 0;
	else
		k = k > 0 ? k - 1 : (long)n - 1;
	p->sel_block = v[k].block;
	p->sel_span = v[k].span;
	free(v);
	/* The link's address on the status line, as lynx and w3m show it. */
	link = p->doc->blocks[p->sel_block].spans[p->sel_span].link;
	url = pager_outside_url(p, p->doc->links[link].url);
	pager_message(p, 0, "%s", url);
	free(url);
}

/* The URL of the selected link if it is on screen, else NULL. */
static const char *
pager_selected_url(const struct pager *p)
{
	struct pager_link	*v;
	size_t			 n;
	long			 k;
	int			 link;

	if (p->sel_block < 0)
		return NULL;
	n = pager_visible_links(p, &v);
	k = pager_selected_visible(p, v, n);
	free(v);
	if (k < 0)
		return NULL;
	link = p->doc->blocks[p->sel_block].spans[p->sel_span].link;
	return p->doc->links[link].url;
}

/* Lists: the outline, the links and the help. */

size_t
pager_menu_count(const struct pager *p)
{
	switch (p->menu) {
	case PAGER_MENU_OUTLINE:
		return p->doc->nsections;
	case PAGER_MENU_LINKS:
		return p->doc->nlinks;
	case PAGER_MENU_HELP:
		return p->nhelp;
	}
	return 0;
}

/* Adds help line s to p->help, wrapped to the window: a line of keys
 * goes on under its description (after the key column's two spaces), a
 * sentence under its start. */
static void
pager_help_add(struct pager *p, const char *s, size_t *cap)
{
	struct buf	 b = BUF_INIT;
	const char	*gap = strstr(s, "  "), *sp;
	size_t		 len = strlen(s), cut, hang = 0;
	int		 avail, first = 1;

	if (gap != NULL && gap > s) {
		while (*gap == ' ')
			gap++;
		hang = width_str(s, (size_t)(gap - s));
	}
	if (hang * 2 > (size_t)p->cols)
		hang = 0;
	do {
		buf_reset(&b);
		if (!first)
			while (b.len < hang)
				buf_addc(&b, ' ');
		avail = p->cols - (int)b.len;
		cut = len;
		if (width_str(s, len) > (size_t)(avail > 1 ? avail : 1)) {
			cut = layout_clip(s, len, avail > 1 ? avail : 1);
			/* At the last space that fits, if there is one. */
			for (sp = s + cut; sp > s && *sp != ' '; sp--)
				;
			if (sp > s)
				cut = (size_t)(sp - s);
			if (cut == 0)
				cut = 1;
		}
		buf_add(&b, s, cut);
		p->help = xgrowarray(p->help, cap, p->nhelp + 1,
		    sizeof *p->help);
		p->help[p->nhelp++] = buf_detach(&b, NULL);
		s += cut;
		len -= cut;
		while (*s == ' ') {
			s++;
			len--;
		}
		first = 0;
	} while (len > 0);
	buf_free(&b);
}

/* The help list from the live key table, wrapped to the window; made
 * again when the window changes. */
static void
pager_help_lines(struct pager *p)
{
	static const char *const extra[] = {
		"",
		/* TRANSLATORS: the help screen's last lines. Key names
		 * (Enter, q, Escape, Ctrl-G, Backspace) are written as
		 * the help's key column and the config file write them:
		 * keep them as they are. */
		N_("In the outline and the lists: move as in the text; Enter "
		    "picks, q or Escape closes."),
		N_("At a prompt: Enter accepts, Escape or Ctrl-G cancels, "
		    "Backspace deletes."),
		N_("Searches are literal and ignore accents; lower case matches either case."),
	};
	char	**lines;
	size_t	 i, n, cap = 0;

	keys_help_free(p->help, p->nhelp);
	p->help = NULL;
	p->nhelp = 0;
	lines = keys_help(&n);
	for (i = 0; i < n; i++)
		pager_help_add(p, lines[i], &cap);
	keys_help_free(lines, n);
	for (i = 0; i < nitems(extra); i++)
		pager_help_add(p, *extra[i] != '\0' ? _(extra[i]) : "", &cap);
}

/* Opens a list: the help only scrolls, the others have a cursor, on the
 * section being read or the selected link. */
static void
pager_menu_open(struct pager *p, int menu)
{
	long	section;
	size_t	i, n;

	p->menu = menu;
	if (menu == PAGER_MENU_HELP)
		pager_help_lines(p);
	if ((n = pager_menu_count(p)) == 0) {
		pager_message(p, 0, "%s", menu == PAGER_MENU_OUTLINE ?
		    _("This essay has no sections") :
		    _("This essay has no links"));
		p->menu = PAGER_MENU_NONE;
		return;
	}
	list_free(&p->list);
	list_init(&p->list, &pager_list_ops, p,
	    menu == PAGER_MENU_HELP ? LIST_SCROLL : 0);
	list_resize(&p->list, n, pager_text_rows(p));
	if (menu == PAGER_MENU_OUTLINE &&
	    (section = pager_section_read(p)) >= 0)
		list_goto(&p->list, (size_t)section);
	if (menu == PAGER_MENU_LINKS && p->sel_block >= 0) {
		i = (size_t)p->sel_block;
		list_goto(&p->list,
		    (size_t)p->doc->blocks[i].spans[p->sel_span].link);
	}
}

static void
pager_menu_pick(struct pager *p)
{
	long	i = list_current(&p->list);
	int	menu = p->menu;

	p->menu = PAGER_MENU_NONE;
	if (i < 0)
		return;
	if (menu == PAGER_MENU_OUTLINE)
		pager_goto_section(p, (size_t)i);
	else if (menu == PAGER_MENU_LINKS)
		pager_follow(p, p->doc->links[i].url);
}

static void
pager_menu_action(struct pager *p, enum action action, int key)
{
	long	 i;
	char	*url;

	if (list_apply(&p->list, action))
		return;
	switch (action) {
	case ACTION_FOLLOW_LINK:
		pager_menu_pick(p);
		return;
	case ACTION_OPEN_BROWSER:
		if (p->menu == PAGER_MENU_LINKS &&
		    (i = list_current(&p->list)) >= 0) {
			p->menu = PAGER_MENU_NONE;
			if (pager_may_go(p, p->doc->links[i].url) == 0) {
				url = pager_outside_url(p,
				    p->doc->links[i].url);
				pager_request(p, PAGER_REQ_OPEN, url);
				free(url);
			}
		}
		return;
	case ACTION_GOTO_SECTION:
		if (p->menu == PAGER_MENU_OUTLINE) {
			p->menu = PAGER_MENU_NONE;
			pager_apply(p, action, key);
		}
		return;
	case ACTION_CLOSE:
	case ACTION_CANCEL:
		p->menu = PAGER_MENU_NONE;
		return;
	case ACTION_OUTLINE:
	case ACTION_LINKS:
	case ACTION_HELP:
		/* The key that opened a list closes it; another opens its
		 * own. */
		if ((action == ACTION_OUTLINE &&
		    p->menu == PAGER_MENU_OUTLINE) ||
		    (action == ACTION_LINKS && p->menu == PAGER_MENU_LINKS) ||
		    (action == ACTION_HELP && p->menu == PAGER_MENU_HELP))
			p->menu = PAGER_MENU_NONE;
		else
			pager_apply(p, action, key);
		return;
	case ACTION_QUIT:
	case ACTION_REDRAW:
	case ACTION_RELOAD_CONFIG:
		pager_apply(p, action, key);
		return;
	default:
		return;
	}
}

/* Does a title already begin with its number ("3. The Hotel")? */
static int
pager_starts_with_number(const char *title, long n)
{
	char	num[32];
	size_t	len;

	len = (size_t)snprintf(num, sizeof num, "%ld", n);
	return strncmp(title, num, len) == 0 &&
	    !isdigit((unsigned char)title[len]);
}

/* Appends item i of the open list to b, as wide as it is; *mark is set
 * for the current section in the outline. */
static void
pager_menu_text(const struct pager *p, size_t i, struct buf *b, int *mark)
{
	const struct doc_section	*s;
	const char			*t;
	int				 ascii = p->opts.flags & LAYOUT_ASCII;
	int				 minlevel = 6, k;
	size_t				 j;

	*mark = 0;
	switch (p->menu) {
	case PAGER_MENU_OUTLINE:
		for (j = 0; j < p->doc->nsections; j++)
			if (p->doc->sections[j].level < minlevel)
				minlevel = p->doc->sections[j].level;
		s = &p->doc->sections[i];
		*mark = (long)i == pager_section_read(p);
		buf_adds(b, *mark ? "* " : "  ");
		for (k = minlevel; k < s->level; k++)
			buf_adds(b, "  ");
		/* "Part 1" alone has no title to separate. */
		if (s->label != NULL)
			buf_printf(b, "%s%s", s->label, *s->title != '\0' ?
			    layout_label_sep(s->label) : "");
		else if (p->numbers[i] > 0 &&
		    !pager_starts_with_number(s->title, p->numbers[i]))
			buf_printf(b, "%ld. ", p->numbers[i]);
		buf_adds(b, s->title);
		break;
	case PAGER_MENU_LINKS:
		t = p->doc->links[i].text;
		buf_printf(b, "[%zu] %s%s%s", i + 1, t, *t != '\0' ?
		    (ascii ? " -- " : " \xe2\x80\x94 ") : "",
		    p->doc->links[i].url);
		break;
	case PAGER_MENU_HELP:
		buf_adds(b, p->help[i]);
		break;
	}
}

void
pager_menu_item(const struct pager *p, size_t i, struct buf *out, int *mark)
{
	struct buf	b = BUF_INIT;

	pager_menu_text(p, i, &b, mark);
	layout_fit(out, buf_str(&b), b.len, p->opts.flags & LAYOUT_ASCII,
	    p->cols);
	buf_free(&b);
}

/* The open list's items, as its filter and search see them. */
static void
pager_list_text(void *arg, size_t i, struct buf *out)
{
	int	mark;

	pager_menu_text(arg, i, out, &mark);
}

static const struct list_ops pager_list_ops = { pager_list_text, NULL };

/* The prompt at the bottom line. */

static void
pager_prompt_accept(struct pager *p)
{
	char	*input = buf_detach(&p->input, NULL);
	int	 prompt = p->prompt;

	p->prompt = PAGER_PROMPT_NONE;
	if (prompt == PAGER_PROMPT_SECTION) {
		if (*input != '\0')
			pager_goto_number(p, strtol(input, NULL, 10));
	} else if (*input != '\0' || p->pattern != NULL)
		pager_search_start(p, input,
		    prompt == PAGER_PROMPT_SEARCH_BACKWARD);
	free(input);
}

static void
pager_prompt_key(struct pager *p, int key)
{
	char	enc[4];

	if (key == KEYC_ENTER || key == '\r' || key == '\n') {
		pager_prompt_accept(p);
		return;
	}
	if (key == KEYC_ESCAPE || key == PAGER_CTRL('g') ||
	    key == PAGER_CTRL('c')) {
		p->prompt = PAGER_PROMPT_NONE;
		buf_reset(&p->input);
		return;
	}
	if (key == KEYC_BSPACE || key == 0x7f || key == PAGER_CTRL('h')) {
		if (p->input.len == 0) {
			p->prompt = PAGER_PROMPT_NONE;
			return;
		}
		/* Drop the last character, all its bytes. */
		do
			p->input.len--;
		while (p->input.len > 0 &&
		    (p->input.data[p->input.len] & 0xc0) == 0x80);
		p->input.data[p->input.len] = '\0';
		return;
	}
	if (key == PAGER_CTRL('u')) {
		buf_reset(&p->input);
		return;
	}
	if (key < 0x20 || key == 0x7f || (key >= 0x80 && key < 0xa0) ||
	    key >= KEYC_BASE || (key >= 0xd800 && key <= 0xdfff))
		return;
	if (p->prompt == PAGER_PROMPT_SECTION) {
		if (key < '0' || key > '9') {
			/* Any other key takes the number, then does its
			 * work. */
			pager_prompt_accept(p);
			if (p->message == NULL)
				pager_key(p, key);
			return;
		}
		if (p->input.len >= 9)
			return;
		buf_addc(&p->input, (char)key);
		/* No longer number starts with these digits: go now. */
		if (!pager_number_extends(p, strtol(p->input.data, NULL,
		    10)))
			pager_prompt_accept(p);
		return;
	}
	if (p->input.len >= 256)
		return;
	buf_add(&p->input, enc, utf8_encode((unsigned int)key, enc));
}

int
pager_wait(const struct pager *p)
{
	return p->prompt == PAGER_PROMPT_SECTION ? PAGER_DIGIT_WAIT : -1;
}

void
pager_wait_over(struct pager *p)
{
	free(p->message);
	p->message = NULL;
	if (p->prompt == PAGER_PROMPT_SECTION)
		pager_prompt_accept(p);
}

enum keys_context
pager_keys_context(const struct pager *p)
{
	switch (p->menu) {
	case PAGER_MENU_OUTLINE:
		return KEYS_OUTLINE;
	case PAGER_MENU_LINKS:
		return KEYS_LINKS;
	case PAGER_MENU_HELP:
		return KEYS_HELP;
	case PAGER_MENU_NONE:
		break;
	}
	return KEYS_PAGER;
}

void
pager_key(struct pager *p, int key)
{
	free(p->message);
	p->message = NULL;
	if (p->prompt != PAGER_PROMPT_NONE) {
		pager_prompt_key(p, key);
		return;
	}
	if (p->menu != PAGER_MENU_NONE) {
		pager_menu_action(p, keys_lookup_in(pager_keys_context(p),
		    key), key);
		return;
	}
	pager_apply(p, keys_lookup_in(KEYS_PAGER, key), key);
}

void
pager_push(struct pager *p, struct doc *d)
{
	struct pager_history	*h;

	p->history = xreallocarray(p->history, p->nhistory + 1,
	    sizeof *p->history);
	h = &p->history[p->nhistory++];
	h->doc = p->doc;
	h->block = p->anchor_block;
	h->doff = p->anchor_doff;
	p->doc = d;
	p->menu = PAGER_MENU_NONE;
	pager_set_layout(p);
	pager_set_top(p, 0);
}

static void
pager_back(struct pager *p)
{
	struct pager_history	*h;

	if (p->nhistory == 0) {
		pager_message(p, 0, "%s", _("No previous document"));
		return;
	}
	h = &p->history[--p->nhistory];
	doc_free(p->doc);
	p->doc = h->doc;
	pager_set_layout(p);
	p->top = layout_find_doff(p->layout, h->block, h->doff);
	pager_anchor(p);
}

void
pager_apply(struct pager *p, enum action action, int key)
{
	long		rows = pager_text_rows(p);
	long		half = rows / 2 > 0 ? rows / 2 : 1;
	const char	*url;
	char		*abs;

	switch (action) {
	case ACTION_NONE:
		break;
	case ACTION_LINE_DOWN:
		pager_scroll(p, 1);
		break;
	case ACTION_LINE_UP:
		pager_scroll(p, -1);
		break;
	case ACTION_PAGE_DOWN:
		pager_scroll(p, rows);
		break;
	case ACTION_PAGE_UP:
		pager_scroll(p, -rows);
		break;
	case ACTION_HALF_PAGE_DOWN:
		pager_scroll(p, half);
		break;
	case ACTION_HALF_PAGE_UP:
		pager_scroll(p, -half);
		break;
	case ACTION_TOP:
		pager_set_top(p, 0);
		break;
	case ACTION_BOTTOM:
		pager_set_top(p, pager_max_top(p));
		break;
	case ACTION_SEARCH_FORWARD:
	case ACTION_SEARCH_BACKWARD:
		p->prompt = action == ACTION_SEARCH_FORWARD ?
		    PAGER_PROMPT_SEARCH_FORWARD : PAGER_PROMPT_SEARCH_BACKWARD;
		buf_reset(&p->input);
		break;
	case ACTION_SEARCH_NEXT:
	case ACTION_SEARCH_PREVIOUS:
		if (p->pattern != NULL && p->nmatches == 0 && p->current < 0)
			pager_find_all(p);
		pager_search(p, p->backward ^ (action ==
		    ACTION_SEARCH_PREVIOUS));
		break;
	case ACTION_NEXT_SECTION:
		pager_next_section(p, 1);
		break;
	case ACTION_PREVIOUS_SECTION:
		pager_next_section(p, 0);
		break;
	case ACTION_GOTO_SECTION:
		if (key >= '0' && key <= '9')
			pager_digit(p, key - '0');
		break;
	case ACTION_OUTLINE:
		pager_menu_open(p, PAGER_MENU_OUTLINE);
		break;
	case ACTION_LINKS:
		pager_menu_open(p, PAGER_MENU_LINKS);
		break;
	case ACTION_HELP:
		pager_menu_open(p, PAGER_MENU_HELP);
		break;
	case ACTION_NEXT_LINK:
	case ACTION_PREVIOUS_LINK:
		pager_select_link(p, action == ACTION_NEXT_LINK);
		break;
	case ACTION_FOLLOW_LINK:
		if ((url = pager_selected_url(p)) != NULL)
			pager_follow(p, url);
		else
			pager_scroll(p, 1);
		break;
	case ACTION_OPEN_BROWSER:
		if ((url = pager_selected_url(p)) == NULL)
			url = p->doc->url;
		/* An essay read from standard input has no address. */
		if (url == NULL || (url == p->doc->url &&
		    strcmp(url, "-") == 0))
			pager_message(p, 1, "%s", _("This essay has no URL"));
		else if (pager_may_go(p, url) == 0) {
			abs = pager_outside_url(p, url);
			pager_request(p, PAGER_REQ_OPEN, abs);
			free(abs);
		}
		break;
	case ACTION_BACK:
		pager_back(p);
		break;
	case ACTION_CLOSE:
		pager_request(p, PAGER_REQ_CLOSE, NULL);
		break;
	case ACTION_QUIT:
		pager_request(p, PAGER_REQ_QUIT, NULL);
		break;
	case ACTION_REDRAW:
		pager_request(p, PAGER_REQ_REDRAW, NULL);
		break;
	case ACTION_CANCEL:
		p->sel_block = -1;
		p->sel_span = -1;
		free(p->matches);
		p->matches = NULL;
		p->nmatches = 0;
		p->current = -1;
		break;
	case ACTION_RELOAD_CONFIG:
		pager_request(p, PAGER_REQ_RELOAD, NULL);
		break;
	default:
		/* The library views' own actions: none in the pager. */
		break;
	}
}

void
pager_place(const struct pager *p, size_t *block, size_t *offset)
{
	const struct layout_line	*ln;

	*block = *offset = 0;
	if (p->top == 0 || p->top >= p->layout->nlines)
		return;
	ln = &p->layout->lines[p->top];
	*block = ln->block;
	*offset = ln->offset;
}

void
pager_goto_place(struct pager *p, size_t block, size_t offset)
{
	if (block == 0 && offset == 0)
		pager_set_top(p, 0);
	else
		pager_set_top(p, layout_find(p->layout, block, offset));
}

int
pager_percent(const struct pager *p)
{
	size_t	n = p->layout->nlines;
	size_t	bottom = p->top + (size_t)pager_text_rows(p);

	if (n == 0 || bottom >= n)
		return 100;
	return (int)(bottom * 100 / n);
}

/* The header and status lines. */

/* Appends s fitted to at most cells cells; returns the cells taken. */
static int
pager_fit(const struct pager *p, struct buf *out, const char *s, int cells)
{
	return layout_fit(out, s, strlen(s), p->opts.flags & LAYOUT_ASCII,
	    cells);
}

static void
pager_pad(struct buf *out, int n)
{
	for (; n > 0; n--)
		buf_addc(out, ' ');
}

/* The site's name, or the host of the URL, or the file's name. */
static char *
pager_site(const struct doc *d)
{
	const char	*u = d->url, *s;
	char		*host;

	if (d->site != NULL)
		return xstrdup(d->site);
	if (u == NULL)
		return NULL;
	if ((host = url_host(u)) != NULL)
		return host;
	if ((s = strrchr(u, '/')) != NULL && s[1] != '\0')
		return xstrdup(s + 1);
	return xstrdup(url_name(u));
}

int
pager_header(const struct pager *p, struct buf *out)
{
	struct buf	 b = BUF_INIT;
	char		*site;
	size_t		 minutes;
	int		 w, margin;

	switch (p->menu) {
	case PAGER_MENU_OUTLINE:
		/* TRANSLATORS: the header line of the outline. */
		buf_printf(&b, ngettext_("Outline: %zu section",
		    "Outline: %zu sections", p->doc->nsections),
		    p->doc->nsections);
		break;
	case PAGER_MENU_LINKS:
		/* TRANSLATORS: the header line of the list of links;
		 * %zu is how many there are. */
		buf_printf(&b, _("Links: %zu"), p->doc->nlinks);
		break;
	case PAGER_MENU_HELP:
		/* TRANSLATORS: the header line of the help screen; %s
		 * is "reel". */
		buf_printf(&b, _("Keys of %s"), PACKAGE_NAME);
		break;
	default:
		if ((site = pager_site(p->doc)) != NULL) {
			buf_adds(&b, site);
			free(site);
		}
		if (p->doc->byline != NULL) {
			if (b.len > 0)
				buf_adds(&b, pager_sep(p));
			buf_adds(&b, p->doc->byline);
		}
		minutes = (p->doc->word_count + PAGER_WPM - 1) / PAGER_WPM;
		if (b.len > 0)
			buf_adds(&b, pager_sep(p));
		if (minutes == 0)
			minutes = 1;
		/* TRANSLATORS: the header line of the pager, after the
		 * site and the author: the reading time in minutes
		 * ("min" is short for minutes; keep it short). */
		buf_printf(&b, ngettext_("%zu min read", "%zu min read",
		    minutes), minutes);
		break;
	}
	/* The essay's header starts where its centred text does. */
	margin = p->menu == PAGER_MENU_NONE ? p->layout->margin : 0;
	pager_pad(out, margin);
	w = margin + pager_fit(p, out, buf_str(&b), p->cols - margin);
	pager_pad(out, p->cols - w);
	buf_free(&b);
	return w;
}

/* The section's place, "§3/11", or without the count, "§3"; empty
 * without sections. */
static void
pager_section_num(const struct pager *p, struct buf *b, int total)
{
	const struct doc_section	*s;
	long				 i = pager_section(p);
	size_t				 n = p->doc->nsections;

	if (n == 0)
		return;
	buf_adds(b, (p->opts.flags & LAYOUT_ASCII) ? "#" : "\xc2\xa7");
	s = i >= 0 ? &p->doc->sections[i] : NULL;
	/* A section without a number of its own, among sections that have
	 * one, has none here either ("-"), unless it is the last, which the
	 * digit 0 reaches: its position. An introduction must not read as
	 * part 1. */
	if (s == NULL)
		buf_adds(b, "-");
	else if (s->label != NULL)
		buf_adds(b, s->label);
	else if (p->numbers[i] > 0)
		buf_printf(b, "%ld", p->numbers[i]);
	else if ((size_t)i + 1 == n)
		buf_printf(b, "%zu", n);
	else
		buf_adds(b, "-");
	if (total)
		buf_printf(b, "/%zu", n);
}

/* Cells of s as pager_fit() would show it whole. */
static int
pager_cells(const struct pager *p, const char *s)
{
	struct buf	tmp = BUF_INIT;
	int		w;

	w = layout_fit(&tmp, s, strlen(s), p->opts.flags & LAYOUT_ASCII,
	    1 << 20);
	buf_free(&tmp);
	return w;
}

/* The parts of the status line where the reader is, and the order they
 * give way in as the window narrows: the help hint first, then the
 * essay's title, the section's title, the count of sections, the
 * percentage, and the section's number last. A number is shown whole or
 * not at all; a title may end in an ellipsis, never below a few cells. */
#define STATUS_HELP		0x01
#define STATUS_TITLE		0x02
#define STATUS_SECTITLE		0x04
#define STATUS_TOTAL		0x08
#define STATUS_PERCENT		0x10
#define STATUS_NUMBER		0x20
#define STATUS_TITLE_MIN	8
#define STATUS_SECTITLE_MIN	6

static const int pager_status_levels[] = {
	STATUS_HELP | STATUS_TITLE | STATUS_SECTITLE | STATUS_TOTAL |
	    STATUS_PERCENT | STATUS_NUMBER,
	STATUS_TITLE | STATUS_SECTITLE | STATUS_TOTAL | STATUS_PERCENT |
	    STATUS_NUMBER,
	STATUS_SECTITLE | STATUS_TOTAL | STATUS_PERCENT | STATUS_NUMBER,
	STATUS_TOTAL | STATUS_PERCENT | STATUS_NUMBER,
	STATUS_PERCENT | STATUS_NUMBER,
	STATUS_NUMBER,
	0,
};

/* Appends the place part of the status line in at most cols cells;
 * returns the cells taken. */
static int
pager_status_place(const struct pager *p, struct buf *out, int cols)
{
	struct buf	 num = BUF_INIT, right = BUF_INIT;
	const char	*title, *stitle = "";
	char		 name[16];
	int		 keys[1], have = 0, set = 0, need, w = 0, nw, rw;
	int		 tw, stw, gap, left, st_alloc, t_alloc;
	long		 i = pager_section(p);
	size_t		 k;

	title = p->doc->title != NULL ? p->doc->title : p->doc->url != NULL ?
	    url_name(p->doc->url) : "";
	if (i >= 0)
		stitle = p->doc->sections[i].title;
	tw = pager_cells(p, title);
	stw = pager_cells(p, stitle);
	/* What there is to show. */
	if (keys_bound(ACTION_HELP, keys, 1) > 0)
		have |= STATUS_HELP;
	if (tw > 0)
		have |= STATUS_TITLE;
	if (p->doc->nsections > 0) {
		have |= STATUS_NUMBER | STATUS_TOTAL;
		if (stw > 0)
			have |= STATUS_SECTITLE;
	}
	have |= STATUS_PERCENT;
	/* The fullest set that fits. */
	for (k = 0; k < nitems(pager_status_levels); k++) {
		set = pager_status_levels[k] & have;
		buf_reset(&num);
		if (set & STATUS_NUMBER)
			pager_section_num(p, &num, set & STATUS_TOTAL);
		buf_reset(&right);
		if (set & STATUS_PERCENT)
			buf_printf(&right, "%d%%", pager_percent(p));
		if (set & STATUS_HELP)
			/* TRANSLATORS: the status line's right end, after
			 * the key that opens the help: "h: help". Keep it
			 * short. */
			buf_printf(&right, "%s%s: %s", right.len > 0 ? "  " : "",
			    keys_name(keys[0], name), _("help"));
		nw = pager_cells(p, buf_str(&num));
		rw = pager_cells(p, buf_str(&right));
		need = nw + rw;
		if (set & STATUS_SECTITLE)
			need += 1 + (stw < STATUS_SECTITLE_MIN ? stw :
			    STATUS_SECTITLE_MIN);
		if (set & STATUS_TITLE)
			need += (nw > 0 ? 2 : 0) + (tw < STATUS_TITLE_MIN ?
			    tw : STATUS_TITLE_MIN);
		if (rw > 0 && need > rw)
			need += 2;
		if (need <= cols)
			break;
	}
	if (k == nitems(pager_status_levels))
		set = 0;
	/* The left part: the section's title takes what it needs first, the
	 * essay's title the rest. */
	rw = set != 0 ? pager_cells(p, buf_str(&right)) : 0;
	nw = set != 0 ? pager_cells(p, buf_str(&num)) : 0;
	gap = rw > 0 && (set & ~(STATUS_PERCENT | STATUS_HELP)) ? 2 : 0;
	left = cols - rw - gap;
	st_alloc = t_alloc = 0;
	if (set & STATUS_SECTITLE) {
		st_alloc = left - nw - 1;
		if (set & STATUS_TITLE)
			st_alloc -= 2 + (tw < STATUS_TITLE_MIN ? tw :
			    STATUS_TITLE_MIN);
		if (st_alloc > stw)
			st_alloc = stw;
	}
	if (set & STATUS_TITLE) {
		t_alloc = left - nw - (nw > 0 ? 2 : 0) -
		    (st_alloc > 0 ? st_alloc + 1 : 0);
		if (t_alloc > tw)
			t_alloc = tw;
	}
	if (t_alloc > 0) {
		w += pager_fit(p, out, title, t_alloc);
		if (nw > 0) {
			buf_adds(out, "  ");
			w += 2;
		}
	}
	if (nw > 0) {
		buf_add(out, num.data, num.len);
		w += nw;
	}
	if (st_alloc > 0) {
		buf_addc(out, ' ');
		w += 1 + pager_fit(p, out, stitle, st_alloc);
	}
	if (rw > 0) {
		pager_pad(out, cols - rw - w);
		w = cols - rw;
		buf_add(out, right.data, right.len);
		w += rw;
	}
	buf_free(&num);
	buf_free(&right);
	return w;
}

int
pager_status(const struct pager *p, struct buf *out)
{
	struct buf	 tmp = BUF_INIT;
	int		 cols = p->cols - 1, w, content;

	if (p->prompt != PAGER_PROMPT_NONE) {
		/* TRANSLATORS: the prompt on the status line after a
		 * digit key; the reader types a section's number. */
		buf_adds(&tmp, p->prompt == PAGER_PROMPT_SECTION ?
		    _("Section: ") : p->prompt == PAGER_PROMPT_SEARCH_FORWARD ?
		    "/" : "?");
		buf_add(&tmp, p->input.data, p->input.len);
		w = content = pager_fit(p, out, buf_str(&tmp), cols);
	} else if (p->message != NULL)
		w = content = pager_fit(p, out, p->message, cols);
	else
		w = content = pager_status_place(p, out, cols);
	pager_pad(out, cols - w);
	buf_free(&tmp);
	return content;
}

size_t
pager_line_draw(struct pager *p, size_t n, const char **text,
    const struct layout_run **out)
{
	const struct layout_run	*runs;
	size_t			 nruns = pager_line_runs(p, n, &runs);
	const struct layout_line *ln = &p->layout->lines[n];

	*text = layout_line_text(p->layout, n);
	*out = runs;
	if (!ln->rtl || !(p->opts.flags & PAGER_REORDER))
		return nruns;
	buf_reset(&p->visual);
	nruns = layout_visual(*text, ln->len, runs, nruns, &p->visual,
	    &p->vruns, &p->vruns_cap);
	*text = buf_str(&p->visual);
	*out = p->vruns;
	return nruns;
}

size_t
pager_line_runs(struct pager *p, size_t n, const struct layout_run **out)
{
	const struct layout		*l = p->layout;
	const struct layout_line	*ln = &l->lines[n];
	const struct layout_run		*r;
	struct layout_run		*o;
	size_t				 len = ln->len, i, m, pos, a, b;
	size_t				 nruns = 0;
	int				 k, attr;

	if (len + 1 > p->cells_cap) {
		p->cells_cap = len + 64;
		p->cells = xreallocarray(p->cells, p->cells_cap,
		    sizeof *p->cells);
	}
	for (i = 0; i < len; i++)
		p->cells[i] = ln->attr;
	for (k = 0; k < ln->nruns; k++) {
		r = &l->runs[ln->run + (size_t)k];
		attr = r->attr;
		if (r->span >= 0 && p->sel_span == r->span &&
		    p->sel_block == (long)ln->block)
			attr |= LAYOUT_SELECTED;
		for (i = r->start; i < r->start + r->len && i < len; i++)
			p->cells[i] |= attr;
	}
	if (ln->kind == LAYOUT_TEXT && p->nmatches > 0) {
		pos = ln->text;
		/* Matches are short: start from the first that may reach
		 * this line. */
		m = pager_match_from(p, pos > 256 ? pos - 256 : 0);
		for (; m < p->nmatches && p->matches[m].start < pos + len;
		    m++) {
			if (p->matches[m].end <= pos)
				continue;
			a = p->matches[m].start > pos ?
			    p->matches[m].start - pos : 0;
			b = p->matches[m].end - pos < len ?
			    p->matches[m].end - pos : len;
			attr = LAYOUT_MATCH;
			if ((long)m == p->current)
				attr |= LAYOUT_CURRENT;
			for (i = a; i < b; i++)
				p->cells[i] |= attr;
		}
	}
	for (i = 0; i < len; i = b) {
		for (b = i + 1; b < len && p->cells[b] == p->cells[i]; b++)
			;
		p->runs = xgrowarray(p->runs, &p->runs_cap, nruns + 1,
		    sizeof *p->runs);
		o = &p->runs[nruns++];
		o->start = i;
		o->len = b - i;
		o->attr = p->cells[i];
		o->link = o->span = -1;
	}
	*out = p->runs;
	return nruns;
}

/* Opening a search's result: its first match from the top, current. */
int
pager_find(struct pager *p, const char *pattern)
{
	pager_set_top(p, 0);
	p->current = -1;
	pager_search_start(p, pattern, 0);
	return p->nmatches > 0 ? 0 : -1;
}
