/* tui.c: the pager on a terminal, and the only file that calls ncurses.
 * Everything drawn is layout output or our own text fitted by the
 * layout, written with ncurses cell functions; nothing from a page is
 * ever written raw. The terminal is given back on every way out: the
 * loop's end, a signal (whose handler only sets a flag), fatal() and
 * exit(). */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "browser.h"
#include "buf.h"
#include "doc.h"
#include "fetch.h"
#include "keys.h"
#include "layout.h"
#include "pager.h"
#include "pipeline.h"
#include "sanitize.h"
#include "tui.h"
#include "url.h"
#include "util.h"
#include "width.h"

#define TUI_TIMEOUT	250		/* ms: how often the loop looks at
					 * the signal flag */
#define TUI_KEY_NONE	(-1)		/* no key, or one reel has no use for */
#define TUI_KEY_RESIZE	(-2)
#define TUI_KEY_IGNORED	(-3)		/* an escape sequence, swallowed */
#define TUI_ESC_MAX	32		/* bytes of one after its Escape */

enum {
	TUI_PAIR_HEADING = 1,
	TUI_PAIR_LINK,
	TUI_PAIR_CODE,
	TUI_PAIR_MARK,
	TUI_PAIR_MATCH,
	TUI_PAIR_CURRENT,
};

struct tui {
	SCREEN			*screen;
	FILE			*in;		/* keys: stdin or /dev/tty */
	FILE			*out;
	int			 colour;
	int			 italic;
	int			 ascii;
	const struct fetch_opts	*fo;
	struct pager		*pager;		/* NULL while the first page
						 * loads */
};

/* What a fetch in progress needs to draw itself and to be cancelled. */
struct tui_fetch {
	struct tui	*t;
	const char	*what;
	int		 cancelled;
	int		 resized;
};

struct tui_offscreen {
	struct tui	 t;
	WINDOW		*win;
	FILE		*devnull_in;
	FILE		*devnull_out;
};

/* The signals that end the pager (Ctrl-C first cancels a load or closes
 * a prompt; Ctrl-\ is SIGQUIT), and what each did before. */
static const int		 tui_sigs[] = {
	SIGINT, SIGTERM, SIGHUP, SIGQUIT,
};
static struct sigaction		 tui_old[nitems(tui_sigs)];

static volatile sig_atomic_t	 tui_signal;
static struct tui		*tui_active;

static void	tui_release(void);

static void
tui_on_signal(int sig)
{
	tui_signal = sig;
}

/* Gives the terminal back; safe to call twice, from fatal() and exit(). */
static void
tui_restore(void)
{
	struct tui	*t = tui_active;

	if (t == NULL)
		return;
	tui_active = NULL;
	endwin();
	delscreen(t->screen);
	t->screen = NULL;
	if (t->in != NULL && t->in != stdin)
		fclose(t->in);
	t->in = NULL;
	util_set_fatal_hook(NULL);
	tui_release();
}

/* Catches the signals of tui_sigs, each unless it was ignored when reel
 * started (nohup). */
static void
tui_catch(void)
{
	struct sigaction	sa;
	size_t			i;

	/* No SA_RESTART: a signal ends the wait for a key at once. Set
	 * before newterm(), so ncurses keeps its hands off these. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tui_on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < nitems(tui_sigs); i++) {
		if (sigaction(tui_sigs[i], NULL, &tui_old[i]) != 0)
			fatal("sigaction: %s", strerror(errno));
		if (tui_old[i].sa_handler != SIG_IGN &&
		    sigaction(tui_sigs[i], &sa, NULL) != 0)
			fatal("sigaction: %s", strerror(errno));
	}
}

/* Puts back what the signals did before tui_catch(). */
static void
tui_release(void)
{
	size_t	i;

	for (i = 0; i < nitems(tui_sigs); i++)
		sigaction(tui_sigs[i], &tui_old[i], NULL);
}

static int
tui_no_color(void)
{
	const char	*s = getenv("NO_COLOR");

	return s != NULL && *s != '\0';
}

/* Colours only where the terminal has them and NO_COLOR is not set;
 * bold, reverse and underline always. */
static void
tui_style(struct tui *t)
{
	const char	*sitm;
	short		 bg = -1;

	t->colour = 0;
	if (has_colors() && !tui_no_color() && start_color() == OK) {
		if (use_default_colors() == ERR)
			bg = COLOR_BLACK;
		init_pair(TUI_PAIR_HEADING, COLOR_YELLOW, bg);
		init_pair(TUI_PAIR_LINK, COLOR_CYAN, bg);
		init_pair(TUI_PAIR_CODE, COLOR_GREEN, bg);
		init_pair(TUI_PAIR_MARK, COLOR_MAGENTA, bg);
		init_pair(TUI_PAIR_MATCH, COLOR_BLACK, COLOR_YELLOW);
		init_pair(TUI_PAIR_CURRENT, COLOR_BLACK, COLOR_GREEN);
		t->colour = 1;
	}
	sitm = tigetstr("sitm");
	t->italic = sitm != NULL && sitm != (char *)-1 && *sitm != '\0';
	t->ascii = !width_utf8_locale();
}

static void
tui_attr(const struct tui *t, int a, attr_t *attr, short *pair)
{
	*attr = A_NORMAL;
	*pair = 0;
	if (a & LAYOUT_HEADING) {
		*attr |= A_BOLD;
		*pair = TUI_PAIR_HEADING;
	}
	if (a & LAYOUT_STRONG)
		*attr |= A_BOLD;
	if (a & LAYOUT_EM)
		*attr |= t->italic ? A_ITALIC : A_UNDERLINE;
	if (a & LAYOUT_CODE)
		*pair = TUI_PAIR_CODE;
	if (a & LAYOUT_LINK) {
		*attr |= A_UNDERLINE;
		*pair = TUI_PAIR_LINK;
	}
	if (a & LAYOUT_MARK) {
		*attr &= ~A_UNDERLINE;
		if (!(a & LAYOUT_LINK))
			*pair = TUI_PAIR_MARK;
	}
	if (a & LAYOUT_SELECTED)
		*attr |= A_REVERSE | A_BOLD;
	if (a & LAYOUT_MATCH) {
		if (t->colour)
			*pair = TUI_PAIR_MATCH;
		else
			*attr |= A_REVERSE;
	}
	if (a & LAYOUT_CURRENT) {
		*attr |= A_BOLD;
		/* Without colour, bold alone hardly tells the current match
		 * from the others. */
		if (t->colour)
			*pair = TUI_PAIR_CURRENT;
		else
			*attr |= A_REVERSE | A_UNDERLINE;
	}
	if (!t->colour)
		*pair = 0;
}

/* Writes len bytes of text at the cursor in at most cells cells; returns
 * the cells used. */
static int
tui_put(WINDOW *w, const char *s, size_t len, int cells, attr_t attr,
    short pair)
{
	size_t	n;

	if (cells <= 0 || len == 0)
		return 0;
	n = layout_clip(s, len, cells);
	wattr_set(w, attr, pair, NULL);
	waddnstr(w, s, (int)n);
	return (int)width_str(s, n);
}

static void
tui_draw_line(const struct tui *t, WINDOW *w, struct pager *p, int y,
    size_t n, int cols)
{
	const struct layout		*l = p->layout;
	const struct layout_line	*ln = &l->lines[n];
	const struct layout_run		*runs;
	const char			*text = layout_line_text(l, n);
	size_t				 nruns, i;
	int				 x = l->margin + ln->indent;
	attr_t				 attr;
	short				 pair;

	if (x >= cols)
		return;
	wmove(w, y, x);
	if (ln->prefix_len > 0) {
		tui_attr(t, ln->attr | LAYOUT_MARK, &attr, &pair);
		x += tui_put(w, buf_str(&l->text) + ln->prefix,
		    (size_t)ln->prefix_len, cols - x, attr, pair);
	}
	nruns = pager_line_runs(p, n, &runs);
	for (i = 0; i < nruns && x < cols; i++) {
		tui_attr(t, runs[i].attr, &attr, &pair);
		x += tui_put(w, text + runs[i].start, runs[i].len, cols - x,
		    attr, pair);
	}
	wattr_set(w, A_NORMAL, 0, NULL);
}

/* A full-width line of our own text (already fitted) in one attribute. */
static void
tui_draw_bar(WINDOW *w, int y, const struct buf *b, attr_t attr, int cols)
{
	wmove(w, y, 0);
	/* The last cell of the last row is left alone: writing it would
	 * scroll some terminals. */
	tui_put(w, buf_str(b), b->len, y == getmaxy(w) - 1 ? cols - 1 : cols,
	    attr, 0);
	wattr_set(w, A_NORMAL, 0, NULL);
}

static void
tui_draw_menu(const struct tui *t, WINDOW *w, struct pager *p, int y0,
    int rows, int cols)
{
	struct buf	b = BUF_INIT;
	size_t		i, n = pager_menu_count(p);
	int		y, mark;
	attr_t		attr;

	for (y = 0; y < rows && p->menu_top + (size_t)y < n; y++) {
		i = p->menu_top + (size_t)y;
		buf_reset(&b);
		pager_menu_item(p, i, &b, &mark);
		attr = mark ? A_BOLD : A_NORMAL;
		if (i == p->menu_cursor && p->menu != PAGER_MENU_HELP)
			attr |= A_REVERSE;
		wmove(w, y0 + y, 0);
		tui_put(w, buf_str(&b), b.len, cols, attr, 0);
	}
	wattr_set(w, A_NORMAL, 0, NULL);
	buf_free(&b);
}

/* Draws the whole pager screen into w: header, text or list, status. */
static void
tui_draw(const struct tui *t, WINDOW *w, struct pager *p)
{
	struct buf	b = BUF_INIT;
	int		rows = getmaxy(w), cols = getmaxx(w);
	int		y0 = rows >= 3 ? 1 : 0, nrows, y;
	size_t		n;

	werase(w);
	nrows = pager_text_rows(p);
	if (y0 + nrows > rows)
		nrows = rows - y0;
	if (rows >= 3) {
		pager_header(p, &b);
		tui_draw_bar(w, 0, &b, A_BOLD, cols);
	}
	if (p->menu != PAGER_MENU_NONE)
		tui_draw_menu(t, w, p, y0, nrows, cols);
	else {
		for (y = 0; y < nrows; y++) {
			n = p->top + (size_t)y;
			if (n >= p->layout->nlines)
				break;
			tui_draw_line(t, w, p, y0 + y, n, cols);
		}
	}
	if (rows >= 2) {
		buf_reset(&b);
		y = pager_status(p, &b);
		tui_draw_bar(w, rows - 1, &b, A_REVERSE, cols);
		/* The cursor after what the reader typed. */
		if (p->prompt != PAGER_PROMPT_NONE)
			wmove(w, rows - 1, y < cols - 1 ? y : cols - 1);
	}
	buf_free(&b);
}

static void
tui_refresh(struct tui *t)
{
	if (t->pager != NULL) {
		curs_set(t->pager->prompt != PAGER_PROMPT_NONE ? 1 : 0);
		tui_draw(t, stdscr, t->pager);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* A one-line message on the bottom row, over whatever is drawn. */
static void
tui_bottom(struct tui *t, const char *msg)
{
	struct buf	b = BUF_INIT;
	int		w;

	w = layout_fit(&b, msg, strlen(msg), t->ascii, COLS - 1);
	for (; w < COLS - 1; w++)
		buf_addc(&b, ' ');
	tui_draw_bar(stdscr, LINES - 1, &b, A_REVERSE, COLS);
	buf_free(&b);
	wnoutrefresh(stdscr);
	doupdate();
}

/* Maps what wget_wch() read to a key of keys.h. */
static int
tui_key(int r, wint_t wc)
{
	if (r == ERR)
		return TUI_KEY_NONE;
	if (r == KEY_CODE_YES) {
		switch (wc) {
		case KEY_RESIZE:
			return TUI_KEY_RESIZE;
		case KEY_UP:
			return KEYC_UP;
		case KEY_DOWN:
			return KEYC_DOWN;
		case KEY_LEFT:
			return KEYC_LEFT;
		case KEY_RIGHT:
			return KEYC_RIGHT;
		case KEY_PPAGE:
			return KEYC_PPAGE;
		case KEY_NPAGE:
			return KEYC_NPAGE;
		case KEY_HOME:
			return KEYC_HOME;
		case KEY_END:
			return KEYC_END;
		case KEY_BTAB:
			return KEYC_BTAB;
		case KEY_BACKSPACE:
			return KEYC_BSPACE;
		case KEY_ENTER:
			return KEYC_ENTER;
		case KEY_DC:
			return KEYC_DC;
		}
		if (wc >= KEY_F(1) && wc <= KEY_F(12))
			return KEYC_F1 + (int)(wc - KEY_F(1));
		return TUI_KEY_IGNORED;
	}
	if (wc == '\r' || wc == '\n')
		return KEYC_ENTER;
	if (wc == 0x7f || wc == 0x08)
		return KEYC_BSPACE;
	return (int)wc;
}

/* Puts back what wget_wch() read, for the next read. */
static void
tui_unget(int r, wint_t wc)
{
	if (r == KEY_CODE_YES)
		ungetch((int)wc);
	else
		unget_wch((wchar_t)wc);
}

/* After an Escape: the rest of a sequence the terminfo entry did not
 * know (curses hands those on byte by byte), if its bytes came with it.
 * A sequence is read whole and made a key or swallowed, so that its
 * bytes never act as keys of their own ("[" "4" "~" for End); an Escape
 * that nothing follows at once is the Escape key. */
static int
tui_escape(void)
{
	char	seq[TUI_ESC_MAX];
	size_t	len = 0;
	wint_t	wc;
	int	r, more;

	wtimeout(stdscr, 0);
	while ((more = keys_escape_more(seq, len)) == KEYS_ESC_MORE) {
		if (len == sizeof seq)
			return TUI_KEY_IGNORED;
		if ((r = wget_wch(stdscr, &wc)) == ERR)
			break;
		if (r == KEY_CODE_YES || wc < 0x20 || wc > 0x7e) {
			/* Not part of a sequence: a key of its own. */
			tui_unget(r, wc);
			more = KEYS_ESC_NONE;
			break;
		}
		seq[len++] = (char)wc;
	}
	if (more == KEYS_ESC_DONE) {
		r = keys_escape(seq, len);
		return r != -1 ? r : TUI_KEY_IGNORED;
	}
	/* Escape and one other key (or the start of a sequence cut short):
	 * both are keys. More of a sequence that broke off is dropped. */
	if (len == 1) {
		unget_wch((wchar_t)(unsigned char)seq[0]);
		return KEYC_ESCAPE;
	}
	return len == 0 ? KEYC_ESCAPE : TUI_KEY_IGNORED;
}

/* Reads a key of keys.h, waiting at most delay ms: TUI_KEY_NONE when
 * none came. */
static int
tui_read(int delay)
{
	wint_t	wc;
	int	r, key;

	wtimeout(stdscr, delay);
	r = wget_wch(stdscr, &wc);
	if ((key = tui_key(r, wc)) == KEYC_ESCAPE)
		key = tui_escape();
	return key;
}

/* Reads all that was typed at the load line: q, Escape or C-g cancels
 * the load, as the line says; any other key is dropped, for it was typed
 * at a screen that was not the page yet. Any signal cancels too; the
 * flag stays for the caller to see which (Ctrl-C during a link's load
 * only cancels it). */
static void
tui_load_keys(struct tui_fetch *f)
{
	int	key;

	if (tui_signal != 0)
		f->cancelled = 1;
	while ((key = tui_read(0)) != TUI_KEY_NONE) {
		if (key == TUI_KEY_RESIZE)
			f->resized = 1;
		else if (key == 'q' || key == KEYC_ESCAPE || key == 0x07)
			f->cancelled = 1;
	}
	wtimeout(stdscr, TUI_TIMEOUT);
}

/* A size for the load line: bytes below a kilobyte, so that a small page
 * does not read "0 KB of 0 KB". Allocated. */
static char *
tui_size(size_t n)
{
	if (n < 1024)
		return xprintf(ngettext_("%zu byte", "%zu bytes", n), n);
	/* TRANSLATORS: a size in kilobytes on the load line. */
	return xprintf(_("%zu KB"), n / 1024);
}

static int
tui_progress(void *arg, size_t now, size_t total)
{
	struct tui_fetch	*f = arg;
	struct buf		 b = BUF_INIT;
	char			*have, *whole;

	tui_load_keys(f);
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
		have = tui_size(now);
		whole = tui_size(total);
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
	buf_adds(&b, _(" (q cancels)"));
	tui_bottom(f->t, buf_str(&b));
	buf_free(&b);
	return 0;
}

/* Loads what with the fetch drawn on the bottom line and q or Ctrl-C
 * ready to cancel it. Returns 0 and the document, or a status and a
 * message; *cancelled says whether the reader (a key, or a signal left
 * in tui_signal) stopped it. */
static int
tui_load(struct tui *t, const char *what, struct doc **d, char **cause,
    int *cancelled)
{
	struct fetch_opts	fo = *t->fo;
	struct tui_fetch	f;
	const char		*name;
	char			*safe;
	int			rc, was_cancelled;

	memset(&f, 0, sizeof f);
	f.t = t;
	f.what = what;
	fo.progress = tui_progress;
	fo.arg = &f;
	*cause = NULL;
	tui_progress(&f, 0, 0);
	rc = pipeline_load(what, &fo, d, cause);
	/* The last bytes in, the page is still cleaned and extracted with
	 * the load line up: a cancel typed then is a cancel too, and keys
	 * typed then must not act on the page when it comes. A load that
	 * failed keeps its own error. */
	was_cancelled = f.cancelled;
	tui_load_keys(&f);
	if (rc == 0 && f.cancelled) {
		doc_free(*d);
		*d = NULL;
		name = url_name(what);
		safe = sanitize(name, strlen(name), 0);
		*cause = xprintf(_("%s: cancelled"), safe);
		free(safe);
		rc = REEL_EXIT_FAILURE;
	} else if (rc != 0)
		f.cancelled = was_cancelled;
	if (f.resized && t->pager != NULL)
		pager_resize(t->pager, COLS, LINES);
	*cancelled = rc != 0 && f.cancelled;
	return rc;
}

static void
tui_follow(struct tui *t, const char *url)
{
	struct doc	*d;
	char		*cause;
	int		 cancelled;

	if (tui_load(t, url, &d, &cause, &cancelled) == 0)
		pager_push(t->pager, d);
	else if (cancelled)
		pager_message(t->pager, 0, _("Cancelled: %s"), url);
	else
		pager_message(t->pager, 1, "%s", cause);
	free(cause);
	/* Ctrl-C during the load was for the load, even if it came too
	 * late to stop it; other signals end the pager. */
	if (tui_signal == SIGINT)
		tui_signal = 0;
}

static void
tui_browser(struct tui *t, const char *url)
{
	const char	*browser = getenv("BROWSER");
	char		*cause;
	int		 rc;

	if (browser == NULL || *browser == '\0') {
		pager_message(t->pager, 1, _("Set BROWSER to open %s"), url);
		return;
	}
	def_prog_mode();
	endwin();
	rc = browser_open(browser, url, &cause);
	reset_prog_mode();
	clearok(curscr, TRUE);
	/* Ctrl-C in a browser that had the terminal was meant for it. */
	if (tui_signal == SIGINT)
		tui_signal = 0;
	if (rc != 0) {
		pager_message(t->pager, 1, "%s", cause);
		free(cause);
	} else
		pager_message(t->pager, 0, _("Opened %s"), url);
}

/* Can the terminal move its cursor anywhere? Not a dumb one. */
static int
tui_can_place(void)
{
	const char	*cup = tigetstr("cup");

	return cup != NULL && cup != (char *)-1 && *cup != '\0';
}

static int
tui_start(struct tui *t, const char *what, char **cause)
{
	const char	*term = getenv("TERM");

	t->in = stdin;
	t->out = stdout;
	/* The page and the keys cannot both come from the terminal. */
	if (strcmp(what, "-") == 0 && isatty(STDIN_FILENO)) {
		*cause = xstrdup(_("standard input is a terminal"));
		return -1;
	}
	if (!isatty(STDIN_FILENO) &&
	    (t->in = fopen("/dev/tty", "r")) == NULL) {
		*cause = xprintf("/dev/tty: %s", strerror(errno));
		return -1;
	}
	tui_catch();
	if ((t->screen = newterm(NULL, t->out, t->in)) == NULL) {
		*cause = xprintf(_("cannot use the terminal '%s'"),
		    term != NULL ? term : "");
		goto fail;
	}
	set_term(t->screen);
	if (!tui_can_place()) {
		/* A dumb terminal: the text suits it better. */
		endwin();
		delscreen(t->screen);
		t->screen = NULL;
		*cause = xprintf(_("the terminal '%s' cannot place the cursor"),
		    term != NULL ? term : "");
		goto fail;
	}
	tui_active = t;
	util_set_fatal_hook(tui_restore);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	wtimeout(stdscr, TUI_TIMEOUT);
	tui_style(t);
	return 0;
fail:
	if (t->in != stdin)
		fclose(t->in);
	t->in = NULL;
	tui_release();
	return -1;
}

int
tui_run(const char *what, const struct fetch_opts *fo, int measure)
{
	static int		 registered;
	struct tui		 t;
	struct pager_opts	 po;
	struct doc		*d = NULL;
	char			*cause = NULL, *url;
	int			 rc = 0, key, done = 0, dirty = 1;
	int			 cancelled;

	memset(&t, 0, sizeof t);
	t.fo = fo;
	if (!registered) {
		atexit(tui_restore);
		registered = 1;
	}
	tui_signal = 0;
	if (tui_start(&t, what, &cause) != 0) {
		warnx_(_("%s; showing the text instead"), cause);
		free(cause);
		return -1;
	}
	/* A page on standard input is read while the screen says so; the
	 * keys come from the terminal. Cancelled by a key, the load fails
	 * as a cancelled fetch does in reel dump; by a signal, reel ends as
	 * the signal says, without a word. */
	if ((rc = tui_load(&t, what, &d, &cause, &cancelled)) != 0) {
		tui_restore();
		if (cancelled && tui_signal != 0)
			rc = 128 + tui_signal;
		else
			warnx_("%s", cause);
		free(cause);
		return rc;
	}
	memset(&po, 0, sizeof po);
	po.measure = measure;
	po.flags = LAYOUT_CENTRE | (t.ascii ? LAYOUT_ASCII : 0);
	t.pager = pager_new(d, COLS, LINES, &po);
	while (!done) {
		if (tui_signal != 0) {
			/* Ctrl-C closes a prompt or a list; else, like any
			 * other signal here, it ends the pager. */
			if (tui_signal == SIGINT &&
			    (t.pager->prompt != PAGER_PROMPT_NONE ||
			    t.pager->menu != PAGER_MENU_NONE)) {
				tui_signal = 0;
				pager_key(t.pager, KEYC_ESCAPE);
				t.pager->menu = PAGER_MENU_NONE;
				dirty = 1;
			} else
				break;
		}
		if (dirty)
			tui_refresh(&t);
		dirty = 0;
		if ((key = tui_read(TUI_TIMEOUT)) == TUI_KEY_NONE ||
		    key == TUI_KEY_IGNORED)
			continue;
		dirty = 1;
		if (key == TUI_KEY_RESIZE) {
			pager_resize(t.pager, COLS, LINES);
			continue;
		}
		pager_key(t.pager, key);
		switch (pager_take_request(t.pager, &url)) {
		case PAGER_REQ_LOAD:
			tui_follow(&t, url);
			break;
		case PAGER_REQ_OPEN:
			tui_browser(&t, url);
			break;
		case PAGER_REQ_REDRAW:
			clearok(curscr, TRUE);
			break;
		case PAGER_REQ_CLOSE:
		case PAGER_REQ_QUIT:
			done = 1;
			break;
		}
		free(url);
	}
	pager_free(t.pager);
	t.pager = NULL;
	tui_restore();
	return tui_signal != 0 ? 128 + tui_signal : REEL_EXIT_OK;
}

/* Off screen. */

struct tui_offscreen *
tui_offscreen_new(int cols, int rows)
{
	static const char *const	 terms[] = {
		"xterm-256color", "vt100",
	};
	struct tui_offscreen		*o = xcalloc(1, sizeof *o);
	size_t				 i;

	o->devnull_out = fopen("/dev/null", "w");
	o->devnull_in = fopen("/dev/null", "r");
	if (o->devnull_out == NULL || o->devnull_in == NULL)
		goto fail;
	for (i = 0; i < nitems(terms) && o->t.screen == NULL; i++)
		o->t.screen = newterm(terms[i], o->devnull_out, o->devnull_in);
	if (o->t.screen == NULL)
		goto fail;
	set_term(o->t.screen);
	tui_style(&o->t);
	if ((o->win = newwin(rows, cols, 0, 0)) == NULL) {
		endwin();
		delscreen(o->t.screen);
		goto fail;
	}
	return o;
fail:
	if (o->devnull_out != NULL)
		fclose(o->devnull_out);
	if (o->devnull_in != NULL)
		fclose(o->devnull_in);
	free(o);
	return NULL;
}

void
tui_offscreen_free(struct tui_offscreen *o)
{
	if (o == NULL)
		return;
	delwin(o->win);
	endwin();
	delscreen(o->t.screen);
	fclose(o->devnull_out);
	fclose(o->devnull_in);
	free(o);
}

void
tui_offscreen_draw(struct tui_offscreen *o, struct pager *p)
{
	tui_draw(&o->t, o->win, p);
}

char *
tui_offscreen_row(struct tui_offscreen *o, int y)
{
	struct buf	 b = BUF_INIT;
	wchar_t		*wcs;
	char		 enc[4];
	int		 n = getmaxx(o->win) * (CCHARW_MAX + 1), i;

	wcs = xreallocarray(NULL, (size_t)n + 1, sizeof *wcs);
	if (mvwinnwstr(o->win, y, 0, wcs, n) == ERR)
		wcs[0] = L'\0';
	for (i = 0; wcs[i] != L'\0'; i++)
		buf_add(&b, enc, utf8_encode((unsigned int)wcs[i], enc));
	free(wcs);
	return buf_detach(&b, NULL);
}

int
tui_offscreen_attrs(struct tui_offscreen *o, int y, int x)
{
	cchar_t		cc;
	wchar_t		wch[CCHARW_MAX + 1];
	attr_t		attr;
	short		pair;
	int		a = 0;

	if (mvwin_wch(o->win, y, x, &cc) == ERR ||
	    getcchar(&cc, wch, &attr, &pair, NULL) == ERR)
		return 0;
	if (attr & A_BOLD)
		a |= TUI_BOLD;
	if (attr & A_REVERSE)
		a |= TUI_REVERSE;
	if (attr & A_UNDERLINE)
		a |= TUI_UNDERLINE;
	if (pair != 0)
		a |= TUI_COLOUR;
	return a;
}
