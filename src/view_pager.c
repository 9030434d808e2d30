/* view_pager.c: the pager's screen: a struct pager drawn on the
 * terminal, the loop that reads keys and applies them, loading a page
 * with the load line up, and where the reader stopped in each essay
 * saved in the library; s and m bookmark the essay and quote its
 * paragraphs (marks.c). The terminal itself is term.c's. */
#include <config.h>

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "browser.h"
#include "buf.h"
#include "conf.h"
#include "doc.h"
#include "essay.h"
#include "fetch.h"
#include "keys.h"
#include "layout.h"
#include "list.h"
#include "marks.h"
#include "pager.h"
#include "prompt.h"
#include "sanitize.h"
#include "settings.h"
#include "store.h"
#include "term.h"
#include "url.h"
#include "util.h"
#include "view_pager.h"

#define VIEW_PAGER_TIMEOUT	250	/* ms: how often the loop looks at
					 * the signal flag */

/* What the view knows of an essay in the pager: of the one shown, and
 * of each in the pager's history, in its order. */
struct view_pager_essay {
	int64_t			 id;		/* in the library; 0: not
						 * kept */
	int			 seen_end;	/* its last screen was shown */
};

/* Bookmarking the essay shown (s): the lines typed for its tags and its
 * note, the library's tags to complete from. */
struct view_pager_marks {
	struct prompt		 prompt;	/* kind 0: none */
	int64_t			 doc;		/* the essay being bookmarked */
	int			 fresh;		/* it was no bookmark before */
	char			*tags;		/* typed at the first line */
	char			*note;		/* the note it had */
	struct store_tag	*all;
	size_t			 nall;
};

struct view_pager {
	const struct fetch_opts	*fo;
	struct pager		*pager;		/* NULL while the first page
						 * loads */
	struct store		*store;		/* the library, or NULL */
	char			*trouble;	/* why there is none, to say
						 * with the first page */
	int			 told;		/* the library's trouble was
						 * said: once is enough */
	int			 closing;	/* the pager is going: no
						 * status line to say it on */
	char			*untold;	/* trouble at the end, to say
						 * once the screen is gone */
	struct view_pager_essay	*essays;
	size_t			 nessays, essays_cap;
	struct view_pager_marks	 marks;		/* s and m */
};

/* What a fetch in progress needs to draw itself and to be cancelled. */
struct view_pager_fetch {
	const char		*what;
	int			 cancelled;
	int			 resized;
};

/* The style of layout attributes a: the layout's marks in the
 * terminal's colours, or, without colour, in attributes that still tell
 * matches apart. */
static int
view_pager_style(int a)
{
	int	style = 0, colour = 0;

	if (a & LAYOUT_HEADING) {
		style |= TERM_BOLD;
		colour = TERM_YELLOW;
	}
	if (a & LAYOUT_STRONG)
		style |= TERM_BOLD;
	if (a & LAYOUT_EM)
		style |= TERM_ITALIC;
	if (a & LAYOUT_CODE)
		colour = TERM_GREEN;
	if (a & LAYOUT_LINK) {
		style |= TERM_UNDERLINE;
		colour = TERM_CYAN;
	}
	if (a & LAYOUT_MARK) {
		/* Italic shown as underline goes too. */
		style &= ~TERM_UNDERLINE;
		if (!term_italic())
			style &= ~TERM_ITALIC;
		if (!(a & LAYOUT_LINK))
			colour = TERM_MAGENTA;
	}
	if (a & LAYOUT_SELECTED)
		colour = TERM_SELECTED;
	if (a & LAYOUT_MATCH) {
		if (term_colour())
			colour = TERM_ON_YELLOW;
		else
			style |= TERM_REVERSE;
	}
	if (a & LAYOUT_CURRENT) {
		style |= TERM_BOLD;
		/* Without colour, bold alone hardly tells the current match
		 * from the others. */
		if (term_colour())
			colour = TERM_ON_GREEN;
		else
			style |= TERM_REVERSE | TERM_UNDERLINE;
	}
	return style | colour;
}

static void
view_pager_draw_line(struct pager *p, int y, size_t n, int cols)
{
	const struct layout		*l = p->layout;
	const struct layout_line	*ln = &l->lines[n];
	const struct layout_run		*runs;
	const char			*text;
	size_t				 nruns, i;
	int				 x = l->margin + ln->indent;

	if (x >= cols)
		return;
	if (ln->prefix_len > 0)
		x += term_cells(y, x, buf_str(&l->text) + ln->prefix,
		    (size_t)ln->prefix_len, cols - x,
		    view_pager_style(ln->attr | LAYOUT_MARK));
	nruns = pager_line_draw(p, n, &text, &runs);
	for (i = 0; i < nruns && x < cols; i++)
		x += term_cells(y, x, text + runs[i].start, runs[i].len,
		    cols - x, view_pager_style(runs[i].attr));
}

/* A row of the open list: the current section's in bold. */
static void
view_pager_menu_row(void *arg, size_t i, struct buf *out, int *style)
{
	int	mark;

	pager_menu_item(arg, i, out, &mark);
	if (mark)
		*style |= TERM_BOLD;
}

void
view_pager_draw(struct pager *p)
{
	struct buf	b = BUF_INIT;
	int		rows = term_rows(), cols = term_cols();
	int		y0 = rows >= 3 ? 1 : 0, nrows, y;
	size_t		n;

	term_erase();
	nrows = pager_text_rows(p);
	if (y0 + nrows > rows)
		nrows = rows - y0;
	if (rows >= 3) {
		pager_header(p, &b);
		term_bar(0, &b, TERM_TITLE);
	}
	if (p->menu != PAGER_MENU_NONE)
		term_list(&p->list, y0, view_pager_menu_row, p);
	else {
		for (y = 0; y < nrows; y++) {
			n = p->top + (size_t)y;
			if (n >= p->layout->nlines)
				break;
			view_pager_draw_line(p, y0 + y, n, cols);
		}
	}
	if (rows >= 2) {
		buf_reset(&b);
		y = pager_status(p, &b);
		term_bar(rows - 1, &b, TERM_STATUS);
		/* The cursor after what the reader typed. */
		if (p->prompt != PAGER_PROMPT_NONE)
			term_move(rows - 1, y < cols - 1 ? y : cols - 1);
	}
	buf_free(&b);
}

/*
 * Bookmarks from the pager: s keeps the essay shown as a bookmark and
 * asks for its tags (Tab completes them) and its note; m marks the
 * paragraph at the top of the screen as a quote, or unmarks it.
 */

#define VIEW_PAGER_MARK_TAGS	1
#define VIEW_PAGER_MARK_NOTE	2

static void
view_pager_marks_end(struct view_pager *v)
{
	struct view_pager_marks	*m = &v->marks;

	prompt_free(&m->prompt);
	free(m->tags);
	m->tags = NULL;
	free(m->note);
	m->note = NULL;
	store_tags_free(m->all, m->nall);
	m->all = NULL;
	m->nall = 0;
}

/* The essay shown, as the library keeps it; 0 (a message said why)
 * when it does not. */
static int64_t
view_pager_marks_doc(struct view_pager *v)
{
	if (v->store == NULL || v->nessays == 0 ||
	    v->essays[v->nessays - 1].id == 0) {
		pager_message(v->pager, 1, "%s", _("Not in the library: "
		    "nothing to bookmark"));
		return 0;
	}
	return v->essays[v->nessays - 1].id;
}

/* s: the essay bookmarked (a second time, the same bookmark), then its
 * tags asked for. */
static void
view_pager_marks_save(struct view_pager *v)
{
	struct view_pager_marks	*m = &v->marks;
	struct store_bookmark	 b;
	int64_t			 doc, id;
	char			*cause, *tags;
	int			 rc;

	if ((doc = view_pager_marks_doc(v)) == 0)
		return;
	if ((rc = marks_save(v->store, doc, &id, &cause)) == -1 ||
	    store_bookmark_get_id(v->store, id, &b, &cause) != 0) {
		pager_message(v->pager, 1, "%s", cause);
		free(cause);
		return;
	}
	view_pager_marks_end(v);
	if (store_tags(v->store, &m->all, &m->nall, &cause) != 0) {
		/* No completion, but the tags can still be typed. */
		free(cause);
		m->all = NULL;
		m->nall = 0;
	}
	m->doc = doc;
	m->fresh = rc == 0;
	m->note = b.note != NULL ? xstrdup(b.note) : NULL;
	tags = marks_tags_join(b.tags, b.ntags);
	prompt_open(&m->prompt, VIEW_PAGER_MARK_TAGS, tags);
	free(tags);
	store_bookmark_free(&b);
}

/* The tags and the note typed: the bookmark takes them. */
static void
view_pager_marks_done(struct view_pager *v, const char *note)
{
	struct view_pager_marks	*m = &v->marks;
	char			*cause;

	if (marks_edit(v->store, m->doc, m->tags, note, &cause) != 0) {
		pager_message(v->pager, 1, "%s", cause);
		free(cause);
	} else if (*m->tags != '\0')
		/* TRANSLATORS: %s lists the bookmark's tags. */
		pager_message(v->pager, 0, _("Bookmarked, tags: %s"),
		    m->tags);
	else
		pager_message(v->pager, 0, "%s", _("Bookmarked"));
}

/* A key at the line of the tags or of the note. */
static void
view_pager_marks_prompt(struct view_pager *v, int key)
{
	struct view_pager_marks	*m = &v->marks;
	int			 r;

	if (key == KEYC_TAB && m->prompt.kind == VIEW_PAGER_MARK_TAGS) {
		marks_complete(&m->prompt.text, m->all, m->nall);
		return;
	}
	if ((r = prompt_key(&m->prompt, key)) == PROMPT_EDIT)
		return;
	if (r == PROMPT_CANCEL) {
		pager_message(v->pager, 0, "%s", m->fresh ?
		    _("Bookmarked; tags and note unchanged") :
		    _("Tags and note unchanged"));
		view_pager_marks_end(v);
		return;
	}
	if (m->prompt.kind == VIEW_PAGER_MARK_TAGS) {
		free(m->tags);
		m->tags = xstrdup(prompt_text(&m->prompt));
		prompt_free(&m->prompt);
		prompt_open(&m->prompt, VIEW_PAGER_MARK_NOTE, m->note);
		return;
	}
	view_pager_marks_done(v, prompt_text(&m->prompt));
	view_pager_marks_end(v);
}

/* m: the paragraph at the top of the screen a quote, or no more. */
static void
view_pager_marks_quote(struct view_pager *v)
{
	struct pager	*p = v->pager;
	int64_t		 doc;
	long		 block;
	char		*cause;
	int		 rc, saved;

	if ((doc = view_pager_marks_doc(v)) == 0)
		return;
	block = p->layout->nlines > 0 ? marks_quote_block(p->doc,
	    p->layout->lines[p->top].block) : -1;
	if (block < 0) {
		pager_message(p, 1, "%s", _("No paragraph here to quote"));
		return;
	}
	rc = marks_quote(v->store, doc, p->doc, (size_t)block, &saved,
	    &cause);
	if (rc == -1) {
		pager_message(p, 1, "%s", cause);
		free(cause);
	} else if (rc == 1 && saved)
		pager_message(p, 0, "%s", _("Bookmarked, and the paragraph "
		    "marked as a quote"));
	else if (rc == 1)
		pager_message(p, 0, "%s", _("The paragraph is marked as a "
		    "quote"));
	else
		pager_message(p, 0, "%s", _("The paragraph is no quote any "
		    "more"));
}

/* Takes the keys of bookmark and quote (s and m unless rebound) and the
 * keys typed at their lines; returns 0 for a key that is the pager's. */
static int
view_pager_marks_key(struct view_pager *v, int key)
{
	struct pager	*p = v->pager;

	if (v->marks.prompt.kind != 0) {
		view_pager_marks_prompt(v, key);
		return 1;
	}
	if (p->prompt != PAGER_PROMPT_NONE || p->menu != PAGER_MENU_NONE)
		return 0;
	switch (keys_lookup(key)) {
	case ACTION_BOOKMARK:
		view_pager_marks_save(v);
		return 1;
	case ACTION_QUOTE:
		view_pager_marks_quote(v);
		return 1;
	default:
		return 0;
	}
}

/* The line of the tags or of the note, over the status line. */
static void
view_pager_marks_draw(struct view_pager *v)
{
	struct view_pager_marks	*m = &v->marks;
	struct buf		 b = BUF_INIT, t = BUF_INIT;
	int			 rows = term_rows(), cols = term_cols(), x, w;

	if (m->prompt.kind == 0 || rows < 2)
		return;
	if (m->prompt.kind == VIEW_PAGER_MARK_TAGS)
		/* TRANSLATORS: the line where the bookmark's tags are
		 * typed. */
		buf_printf(&t, _("Tags (Tab completes): %s"),
		    prompt_text(&m->prompt));
	else
		buf_printf(&t, _("Note: %s"), prompt_text(&m->prompt));
	x = layout_fit(&b, buf_str(&t), t.len, term_ascii(), cols - 1);
	/* Over the whole status line. */
	for (w = x; w < cols - 1; w++)
		buf_addc(&b, ' ');
	term_bar(rows - 1, &b, TERM_REVERSE);
	term_show_cursor(1);
	term_move(rows - 1, x < cols - 1 ? x : cols - 1);
	buf_free(&b);
	buf_free(&t);
}

static void
view_pager_refresh(struct view_pager *v)
{
	if (v->pager != NULL) {
		term_show_cursor(v->pager->prompt != PAGER_PROMPT_NONE);
		view_pager_draw(v->pager);
		view_pager_marks_draw(v);
		/* The essay is finished once its last screen is shown. */
		if (v->nessays > 0 && pager_percent(v->pager) == 100)
			v->essays[v->nessays - 1].seen_end = 1;
	}
	term_update();
}

/* Where the reader of the essay shown is, as the library keeps it. */
static void
view_pager_place(const struct pager *p, struct store_pos *pos)
{
	pager_place(p, &pos->block, &pos->offset);
	pos->section = (size_t)(pager_section(p) + 1);
}

/* Library trouble, said once: on the status line while the pager runs,
 * else after it. */
static void
view_pager_trouble(struct view_pager *v, char *cause)
{
	if (!v->told) {
		v->told = 1;
		if (v->pager != NULL && !v->closing)
			pager_message(v->pager, 1, _("Not kept: %s"), cause);
		else
			v->untold = xstrdup(cause);
	}
	free(cause);
}

/* The reader leaves the essay shown (for a link, back, or out of the
 * pager), last at pos: the library keeps the place, and whether the end
 * was seen. */
static void
view_pager_leave(struct view_pager *v, const struct store_pos *pos)
{
	struct view_pager_essay	*e;
	char			*cause;

	if (v->nessays == 0)
		return;
	e = &v->essays[v->nessays - 1];
	if (v->store == NULL || e->id == 0)
		return;
	if (store_doc_pos(v->store, e->id, pos, e->seen_end, &cause) != 0)
		view_pager_trouble(v, cause);
}

/* "§6 The Ballroom": the section at the top, else how far down it is. */
static void
view_pager_where(const struct pager *p, struct buf *b)
{
	const struct doc_section	*s;
	long				 i = pager_section(p);

	if (i < 0) {
		buf_printf(b, "%d%%", pager_percent(p));
		return;
	}
	s = &p->doc->sections[i];
	buf_adds(b, (p->opts.flags & LAYOUT_ASCII) ? "#" : "\xc2\xa7");
	if (s->label != NULL)
		buf_adds(b, s->label);
	else if (p->numbers[i] > 0)
		buf_printf(b, "%ld", p->numbers[i]);
	else
		buf_printf(b, "%ld", i + 1);
	if (*s->title != '\0')
		buf_printf(b, " %s", s->title);
}

/* The essay e has just been shown (taken by the pager): back where its
 * reader stopped, and a line that says so, or that it is an offline
 * copy, or that it could not be kept (never with the others: those need
 * a library that works). */
static void
view_pager_shown(struct view_pager *v, struct essay *e)
{
	struct pager		*p = v->pager;
	struct view_pager_essay	*ve;
	struct buf		 where = BUF_INIT;
	const char		*trouble;
	char			 when[64];
	time_t			 t;

	v->essays = xgrowarray(v->essays, &v->essays_cap, v->nessays + 1,
	    sizeof *v->essays);
	ve = &v->essays[v->nessays++];
	ve->id = e->id;
	ve->seen_end = 0;
	when[0] = '\0';
	if (e->offline != 0) {
		t = (time_t)e->offline;
		if (strftime(when, sizeof when, "%Y-%m-%d %H:%M",
		    localtime(&t)) == 0)
			when[0] = '\0';
	}
	if (e->pos.block != 0 || e->pos.offset != 0) {
		pager_goto_place(p, e->pos.block, e->pos.offset);
		view_pager_where(p, &where);
	}
	trouble = e->trouble != NULL ? e->trouble : v->trouble;
	if (e->offline != 0 && where.len > 0)
		/* TRANSLATORS: the date and time the copy was kept, then
		 * where the reader is: "§6 Title", or "42%". */
		pager_message(p, 0, _("Offline: the copy kept on %s; back "
		    "where you stopped: %s"), when, buf_str(&where));
	else if (e->offline != 0)
		/* TRANSLATORS: %s is the date and time the copy was kept. */
		pager_message(p, 0, _("Offline: the copy kept on %s"), when);
	else if (where.len > 0)
		/* TRANSLATORS: %s is where: "§6 Title", or "42%". */
		pager_message(p, 0, _("Back where you stopped: %s"),
		    buf_str(&where));
	else if (trouble != NULL && !v->told) {
		v->told = 1;
		pager_message(p, 1, _("Not kept: %s"), trouble);
	}
	buf_free(&where);
}

/* Reads all that was typed at the load line: q, Escape or C-g cancels
 * the load, as the line says; any other key is dropped, for it was typed
 * at a screen that was not the page yet. Any signal cancels too; the
 * flag stays for the caller to see which (Ctrl-C during a link's load
 * only cancels it). */
static void
view_pager_load_keys(struct view_pager_fetch *f)
{
	int	typed;

	if (term_signal() != 0)
		f->cancelled = 1;
	typed = term_typeahead();
	if (typed & TERM_TYPEAHEAD_RESIZE)
		f->resized = 1;
	if (typed & TERM_TYPEAHEAD_CANCEL)
		f->cancelled = 1;
}

/* A size for the load line: bytes below a kilobyte, so that a small page
 * does not read "0 KB of 0 KB". Allocated. */
static char *
view_pager_size(size_t n)
{
	if (n < 1024)
		return xprintf(ngettext_("%zu byte", "%zu bytes", n), n);
	/* TRANSLATORS: a size in kilobytes on the load line. */
	return xprintf(_("%zu KB"), n / 1024);
}

static int
view_pager_progress(void *arg, size_t now, size_t total)
{
	struct view_pager_fetch	*f = arg;
	struct buf		 b = BUF_INIT;
	char			*have, *whole;

	view_pager_load_keys(f);
	if (f->cancelled)
		return 1;
	if (url_is_web(f->what)) {
		/* TRANSLATORS: shown while a page loads; %s is its URL. */
		buf_printf(&b, _("fetching %s \xe2\x80\xa6"), f->what);
	} else {
		/* TRANSLATORS: shown while a file loads; %s is its name,
		 * or "standard input". */
		buf_printf(&b, _("reading %s \xe2\x80\xa6"),
		    url_name(f->what));
	}
	if (now > 0 || total > 0) {
		have = view_pager_size(now);
		whole = view_pager_size(total);
		buf_addc(&b, ' ');
		if (total > 0)
			/* TRANSLATORS: the size read so far and the whole
			 * size of the page, "12 KB of 40 KB". */
			buf_printf(&b, _("%s of %s"), have, whole);
		else
			buf_adds(&b, have);
		free(have);
		free(whole);
	}
	/* TRANSLATORS: the end of the load line; q is the key
	 * that cancels the load and is not translated. */
	buf_adds(&b, _(" (q cancels)"));
	term_message(buf_str(&b));
	buf_free(&b);
	return 0;
}

/* Loads what with the fetch drawn on the bottom line and q or Ctrl-C
 * ready to cancel it, and keeps it in the library. Returns 0 and the
 * essay, or a status and a message; *cancelled says whether the reader
 * (a key, or a signal left for term_signal()) stopped it. */
static int
view_pager_load(struct view_pager *v, const char *what, struct essay *e,
    char **cause, int *cancelled)
{
	struct fetch_opts	fo = *v->fo;
	struct view_pager_fetch	f;
	const char		*name;
	char			*safe;
	int			rc, was_cancelled;

	memset(&f, 0, sizeof f);
	f.what = what;
	fo.progress = view_pager_progress;
	fo.arg = &f;
	*cause = NULL;
	view_pager_progress(&f, 0, 0);
	rc = essay_load(v->store, what, &fo, e, cause);
	/* The last bytes in, the page is still cleaned and extracted with
	 * the load line up: a cancel typed then is a cancel too, and keys
	 * typed then must not act on the page when it comes. A load that
	 * failed keeps its own error. */
	was_cancelled = f.cancelled;
	view_pager_load_keys(&f);
	if (rc == 0 && f.cancelled) {
		essay_free(e);
		name = url_name(what);
		safe = sanitize(name, strlen(name), 0);
		*cause = xprintf(_("%s: cancelled"), safe);
		free(safe);
		rc = REEL_EXIT_FAILURE;
	} else if (rc != 0)
		f.cancelled = was_cancelled;
	if (f.resized && v->pager != NULL)
		pager_resize(v->pager, term_cols(), term_rows());
	*cancelled = rc != 0 && f.cancelled;
	return rc;
}

static void
view_pager_follow(struct view_pager *v, const char *url)
{
	struct essay		 e;
	struct store_pos	 pos;
	const char		*frag;
	char			*cause, *page;
	int			 cancelled;

	view_pager_place(v->pager, &pos);
	/* The page, then the place its fragment names. */
	page = url_split_fragment(url, &frag);
	if (view_pager_load(v, page, &e, &cause, &cancelled) == 0) {
		view_pager_leave(v, &pos);
		pager_push(v->pager, e.doc);
		e.doc = NULL;
		view_pager_shown(v, &e);
		essay_free(&e);
		if (frag != NULL && *frag != '\0')
			pager_goto_anchor(v->pager, frag);
	} else if (cancelled)
		pager_message(v->pager, 0, _("Cancelled: %s"), url);
	else
		pager_message(v->pager, 1, "%s", cause);
	free(cause);
	free(page);
	/* Ctrl-C during the load was for the load, even if it came too
	 * late to stop it; other signals end the pager. */
	if (term_signal() == SIGINT)
		term_signal_clear();
}

static void
view_pager_browser(struct view_pager *v, const char *url)
{
	const char	*browser = settings_str(SET_BROWSER);
	char		*cause;
	int		 rc;

	/* The setting holds $BROWSER once the configuration is read. */
	if (*browser == '\0')
		browser = getenv("BROWSER");

	if (browser == NULL || *browser == '\0') {
		pager_message(v->pager, 1, _("Set BROWSER to open %s"), url);
		return;
	}
	term_leave();
	rc = browser_open(browser, url, &cause);
	term_return();
	/* Ctrl-C in a browser that had the terminal was meant for it. */
	if (term_signal() == SIGINT)
		term_signal_clear();
	if (rc != 0) {
		pager_message(v->pager, 1, "%s", cause);
		free(cause);
	} else
		pager_message(v->pager, 0, _("Opened %s"), url);
}

/* Milliseconds on a clock that only goes forward. */
static long
view_pager_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The layout's flags the settings and the terminal ask for. */
static int
view_pager_flags(void)
{
	int	flags = 0;

	if (settings_int(SET_ALIGN) == SETTINGS_ALIGN_CENTRE)
		flags |= LAYOUT_CENTRE;
	if (term_ascii() || settings_int(SET_ASCII))
		flags |= LAYOUT_ASCII;
	return flags;
}

/* Says the first error of the configuration, and how many more. */
static void
view_pager_conf_errors(struct pager *p)
{
	char	*line;

	if ((line = conf_errors_line()) != NULL)
		pager_message(p, 1, "%s", line);
	free(line);
}

/* Reads the configuration again (reload-config): the colours, keys and
 * text column change at once; errors go to the status line. */
static void
view_pager_reload(struct view_pager *v)
{
	struct pager		*p = v->pager;
	struct pager_opts	 po;
	char			*errors;

	if (conf_load(&errors) == 0)
		pager_message(p, 0, _("Configuration read again"));
	else
		view_pager_conf_errors(p);
	free(errors);
	term_restyle();
	po = p->opts;
	po.flags = (po.flags & ~(LAYOUT_CENTRE | LAYOUT_ASCII)) |
	    view_pager_flags();
	po.measure = (int)settings_int(SET_WIDTH);
	pager_set_opts(p, &po);
}

/* A key for the pager; back to the essay before leaves this one. */
static void
view_pager_key(struct view_pager *v, int key)
{
	struct store_pos	pos;
	size_t			n = v->pager->nhistory;

	if (view_pager_marks_key(v, key))
		return;
	view_pager_place(v->pager, &pos);
	pager_key(v->pager, key);
	if (v->pager->nhistory < n && v->nessays > 1) {
		view_pager_leave(v, &pos);
		v->nessays--;
	}
}

/* Reads keys and carries them out until the reader closes the pager,
 * quits, or a signal ends it; the place in the essay shown is then
 * saved. Returns PAGER_REQ_CLOSE, PAGER_REQ_QUIT, or PAGER_REQ_NONE (0)
 * for a signal (term_signal() says which). */
static int
view_pager_loop(struct view_pager *v)
{
	struct store_pos	 pos;
	char			*url;
	int			 key, done = 0, dirty = 1, request;
	int			 wait, waiting = 0;
	long			 deadline = 0, left;

	while (!done) {
		if (term_signal() != 0) {
			/* Ctrl-C closes a prompt or a list; else, like any
			 * other signal here, it ends the pager. */
			if (term_signal() == SIGINT &&
			    v->marks.prompt.kind != 0) {
				/* The line of s: cancelled as by Escape. */
				term_signal_clear();
				view_pager_marks_prompt(v, KEYC_ESCAPE);
				dirty = 1;
			} else if (term_signal() == SIGINT &&
			    (v->pager->prompt != PAGER_PROMPT_NONE ||
			    v->pager->menu != PAGER_MENU_NONE)) {
				term_signal_clear();
				pager_key(v->pager, KEYC_ESCAPE);
				v->pager->menu = PAGER_MENU_NONE;
				dirty = 1;
			} else
				break;
		}
		if (dirty)
			view_pager_refresh(v);
		dirty = 0;
		/* A section number waits a moment for another digit. */
		if ((wait = pager_wait(v->pager)) >= 0 && !waiting) {
			waiting = 1;
			deadline = view_pager_now() + wait;
		} else if (wait < 0)
			waiting = 0;
		wait = VIEW_PAGER_TIMEOUT;
		if (waiting) {
			/* A key already typed was typed in time, however
			 * long the drawing took: only an idle wait ends
			 * the number. */
			if ((left = deadline - view_pager_now()) <= 0)
				wait = 0;
			else if (left < wait)
				wait = (int)left;
		}
		if ((key = term_read(wait)) == TERM_KEY_NONE ||
		    key == TERM_KEY_IGNORED) {
			if (waiting && wait == 0) {
				waiting = 0;
				pager_wait_over(v->pager);
				dirty = 1;
			}
			continue;
		}
		dirty = 1;
		waiting = 0;
		if (key == TERM_KEY_RESIZE) {
			pager_resize(v->pager, term_cols(), term_rows());
			continue;
		}
		view_pager_key(v, key);
		switch (request = pager_take_request(v->pager, &url)) {
		case PAGER_REQ_LOAD:
			view_pager_follow(v, url);
			break;
		case PAGER_REQ_OPEN:
			view_pager_browser(v, url);
			break;
		case PAGER_REQ_REDRAW:
			term_redraw();
			break;
		case PAGER_REQ_RELOAD:
			view_pager_reload(v);
			break;
		case PAGER_REQ_CLOSE:
		case PAGER_REQ_QUIT:
			done = request;
			break;
		}
		free(url);
	}
	v->closing = 1;
	view_pager_place(v->pager, &pos);
	view_pager_leave(v, &pos);
	return done;
}

/* The pager for the first essay, taken from e. */
static void
view_pager_start(struct view_pager *v, struct essay *e, int measure)
{
	struct pager_opts	po;
	const char		*bidi;

	memset(&po, 0, sizeof po);
	po.measure = measure;
	po.flags = view_pager_flags();
	/* Terminals do not reorder right-to-left text (xterm, tmux, screen,
	 * the Linux console); one that does says so with REEL_BIDI. */
	if ((bidi = getenv("REEL_BIDI")) == NULL ||
	    strcmp(bidi, "terminal") != 0)
		po.flags |= PAGER_REORDER;
	v->pager = pager_new(e->doc, term_cols(), term_rows(), &po);
	e->doc = NULL;
	view_pager_shown(v, e);
	/* Said on standard error too, which the screen hides. */
	if (v->pager->message == NULL)
		view_pager_conf_errors(v->pager);
}

static void
view_pager_end(struct view_pager *v)
{
	pager_free(v->pager);
	v->pager = NULL;
	free(v->essays);
	free(v->trouble);
	free(v->untold);
	view_pager_marks_end(v);
}

int
view_pager_run(const char *what, const struct fetch_opts *fo, int measure)
{
	struct view_pager	 v;
	struct essay		 e;
	const char		*frag;
	char			*cause = NULL;
	int			 rc = 0, cancelled, sig;

	memset(&v, 0, sizeof v);
	v.fo = fo;
	if (term_start(strcmp(what, "-") == 0, &cause) != 0) {
		/* TRANSLATORS: why the pager cannot start (no
		 * terminal); the text is printed instead. */
		warnx_(_("%s; showing the text instead"), cause);
		free(cause);
		return -1;
	}
	/* Without a library the pager works as well; the first page says
	 * why nothing is kept. */
	if (store_open(NULL, 0, &v.store, &v.trouble) != 0)
		v.store = NULL;
	/* A page on standard input is read while the screen says so; the
	 * keys come from the terminal. Cancelled by a key, the load fails
	 * as a cancelled fetch does in reel dump; by a signal, reel ends as
	 * the signal says, without a word. */
	if ((rc = view_pager_load(&v, what, &e, &cause, &cancelled)) != 0) {
		term_stop();
		if (cancelled && term_signal() != 0)
			rc = 128 + term_signal();
		else
			warnx_("%s", cause);
		free(cause);
		store_close(v.store);
		view_pager_end(&v);
		return rc;
	}
	view_pager_start(&v, &e, measure);
	essay_free(&e);
	/* A URL's #fragment names where to open (a path's '#' may be its
	 * name's). */
	if (strstr(what, "://") != NULL &&
	    (frag = url_fragment(what)) != NULL && *frag != '\0')
		pager_goto_anchor(v.pager, frag);
	view_pager_loop(&v);
	sig = term_signal();
	term_stop();
	if (v.untold != NULL)
		warnx_(_("not kept: %s"), v.untold);
	store_close(v.store);
	view_pager_end(&v);
	return sig != 0 ? 128 + sig : REEL_EXIT_OK;
}

int
view_pager_kept(struct store *st, const char *url, int64_t id,
    const struct fetch_opts *fo, int measure, char **cause)
{
	struct view_pager	 v;
	struct essay		 e;
	int			 rc;

	if ((rc = essay_open_kept(st, url, id, &e, cause)) != 0) {
		if (rc == 1 && url != NULL)
			*cause = xprintf(_("%s: not in the library"), url);
		else if (rc == 1)
			*cause = xprintf(_("no essay %lld in the library"),
			    (long long)id);
		return -1;
	}
	memset(&v, 0, sizeof v);
	v.fo = fo;
	v.store = st;
	view_pager_start(&v, &e, measure);
	essay_free(&e);
	rc = view_pager_loop(&v);
	*cause = v.untold;
	v.untold = NULL;
	view_pager_end(&v);
	if (term_signal() != 0)
		return 128 + term_signal();
	return rc == PAGER_REQ_QUIT ? VIEW_PAGER_QUIT : 0;
}

int
view_pager_found(struct store *st, int64_t id, const char *query,
    const struct fetch_opts *fo, int measure, char **cause)
{
	struct view_pager	 v;
	struct essay		 e;
	char			*pattern;
	int			 rc;

	if ((rc = essay_open_kept(st, NULL, id, &e, cause)) != 0) {
		if (rc == 1)
			*cause = xprintf(_("no essay %lld in the library"),
			    (long long)id);
		return -1;
	}
	memset(&v, 0, sizeof v);
	v.fo = fo;
	v.store = st;
	view_pager_start(&v, &e, measure);
	essay_free(&e);
	/* The result's first match, not where its reader stopped. */
	if ((pattern = marks_pattern(query)) != NULL &&
	    pager_find(v.pager, pattern) == 0)
		/* TRANSLATORS: %s is what was searched for. */
		pager_message(v.pager, 0, _("The first match of %s"),
		    pattern);
	free(pattern);
	rc = view_pager_loop(&v);
	*cause = v.untold;
	v.untold = NULL;
	view_pager_end(&v);
	if (term_signal() != 0)
		return 128 + term_signal();
	return rc == PAGER_REQ_QUIT ? VIEW_PAGER_QUIT : 0;
}

int
view_pager_quoted(struct store *st, int64_t id, size_t block,
    const struct fetch_opts *fo, int measure, char **cause)
{
	struct view_pager	 v;
	struct essay		 e;
	int			 rc;

	if ((rc = essay_open_kept(st, NULL, id, &e, cause)) != 0) {
		if (rc == 1)
			*cause = xprintf(_("no essay %lld in the library"),
			    (long long)id);
		return -1;
	}
	memset(&v, 0, sizeof v);
	v.fo = fo;
	v.store = st;
	view_pager_start(&v, &e, measure);
	essay_free(&e);
	/* The quote's paragraph, not where its reader stopped. */
	pager_goto_place(v.pager, block, 0);
	pager_message(v.pager, 0, "%s", _("At the quote"));
	rc = view_pager_loop(&v);
	*cause = v.untold;
	v.untold = NULL;
	view_pager_end(&v);
	if (term_signal() != 0)
		return 128 + term_signal();
	return rc == PAGER_REQ_QUIT ? VIEW_PAGER_QUIT : 0;
}

/* The end of view_pager_open() and view_pager_doc(): the pager shown
 * until the reader leaves it. */
static int
view_pager_show(struct view_pager *v, struct essay *e, int measure,
    const char *note, char **cause)
{
	int	rc;

	view_pager_start(v, e, measure);
	if (note != NULL)
		pager_message(v->pager, 0, "%s", note);
	rc = view_pager_loop(v);
	*cause = v->untold;
	v->untold = NULL;
	view_pager_end(v);
	if (term_signal() != 0)
		return 128 + term_signal();
	return rc == PAGER_REQ_QUIT ? VIEW_PAGER_QUIT : 0;
}

int
view_pager_open(struct store *st, const char *url,
    const struct fetch_opts *fo, int measure, char **cause)
{
	struct view_pager	 v;
	struct essay		 e;
	int			 rc, cancelled;

	memset(&v, 0, sizeof v);
	v.fo = fo;
	v.store = st;
	*cause = NULL;
	if (view_pager_load(&v, url, &e, cause, &cancelled) != 0) {
		view_pager_end(&v);
		if (!cancelled)
			return -1;
		free(*cause);
		*cause = NULL;
		/* Ctrl-C was for the load; other signals end reel. */
		if (term_signal() == SIGINT)
			term_signal_clear();
		return term_signal() != 0 ? 128 + term_signal() :
		    VIEW_PAGER_CANCELLED;
	}
	rc = view_pager_show(&v, &e, measure, NULL, cause);
	essay_free(&e);
	return rc;
}

int
view_pager_doc(struct store *st, struct doc *d, const char *note,
    const struct fetch_opts *fo, int measure, char **cause)
{
	struct view_pager	 v;
	struct essay		 e;

	memset(&v, 0, sizeof v);
	memset(&e, 0, sizeof e);
	v.fo = fo;
	v.store = st;
	e.doc = d;
	return view_pager_show(&v, &e, measure, note, cause);
}
