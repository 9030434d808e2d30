/* term.c: the terminal under every view, and with the views the only
 * code that calls ncurses (through ncurses_dl.c's table): set-up and
 * tear-down, signals, keys and escape sequences, colours, and drawing
 * cells. Whatever is drawn is our own text or the layout's, written with
 * ncurses cell functions; nothing from a page is ever written raw. The
 * terminal is given back on every way out: term_stop(), a signal (whose
 * handler only sets a flag), fatal() and exit(). */
#include <config.h>

#include <sys/ioctl.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "keys.h"
#include "layout.h"
#include "list.h"
#include "ncurses_dl.h"
#include "settings.h"
#include "term.h"
#include "util.h"
#include "width.h"

#define TERM_ESC_MAX	32		/* bytes of a sequence after its
					 * Escape */

/* The terminal while it is taken. */
static struct {
	SCREEN	*screen;
	FILE	*in;			/* keys: stdin or /dev/tty */
	FILE	*out;
	int	 active;
} term_tty;

/* The screen drawn on (the terminal's or an off-screen one) and what it
 * can show. */
static WINDOW	*term_win;
static int	 term_has_colour;
static int	 term_has_italic;
static int	 term_needs_ascii;
static int	 term_in_fd = -1;	/* where keys come in, to poll */

struct term_offscreen {
	SCREEN	*screen;
	WINDOW	*win;
	FILE	*out;			/* /dev/null */
	FILE	*in;			/* a pipe's end, keys_fd the other */
	int	 keys_fd;
};

/* The signals that end the pager (Ctrl-C first cancels a load or closes
 * a prompt; Ctrl-\ is SIGQUIT), those the terminal sends (a new size, a
 * stop and the return from one), and what each did before. */
static const int		 term_sigs[] = {
	SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGTSTP, SIGCONT,
};
static struct sigaction		 term_old[nitems(term_sigs)];

static volatile sig_atomic_t	 term_sig;	/* one that ends reel */
static volatile sig_atomic_t	 term_winch;
static volatile sig_atomic_t	 term_tstp;
static volatile sig_atomic_t	 term_cont;

static void
term_on_signal(int sig)
{
	switch (sig) {
	case SIGWINCH:
		term_winch = 1;
		break;
	case SIGTSTP:
		term_tstp = 1;
		break;
	case SIGCONT:
		term_cont = 1;
		break;
	default:
		term_sig = sig;
		break;
	}
}

/* Catches the signals of term_sigs, each unless it was ignored when reel
 * started (nohup; SIGTSTP where there is no job control). */
static void
term_catch(void)
{
	struct sigaction	sa;
	size_t			i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = term_on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < nitems(term_sigs); i++) {
		/* No SA_RESTART: a signal ends the wait for a key at once,
		 * but for SIGCONT, which only asks for a repaint. Set before
		 * newterm(), so ncurses keeps its hands off these. */
		sa.sa_flags = term_sigs[i] == SIGCONT ? SA_RESTART : 0;
		if (sigaction(term_sigs[i], NULL, &term_old[i]) != 0)
			fatal("sigaction: %s", strerror(errno));
		if (term_old[i].sa_handler != SIG_IGN &&
		    sigaction(term_sigs[i], &sa, NULL) != 0)
			fatal("sigaction: %s", strerror(errno));
	}
}

/* Puts back what the signals did before term_catch(). */
static void
term_release(void)
{
	size_t	i;

	for (i = 0; i < nitems(term_sigs); i++)
		sigaction(term_sigs[i], &term_old[i], NULL);
}

void
term_stop(void)
{
	const char	*alt;

	if (!term_tty.active)
		return;
	term_tty.active = 0;
	term_in_fd = -1;
	/* Without an alternate screen (vt100) the text stays where it was
	 * and endwin() leaves the cursor on the status line: a newline puts
	 * it on a fresh line below, so the shell's prompt overwrites
	 * nothing. */
	alt = ncurses_dl.tigetstr("smcup");
	ncurses_dl.endwin();
	if (alt == NULL || alt == (char *)-1 || *alt == '\0') {
		fputs("\r\n", term_tty.out);
		fflush(term_tty.out);
	}
	ncurses_dl.delscreen(term_tty.screen);
	term_tty.screen = NULL;
	term_win = NULL;
	if (term_tty.in != NULL && term_tty.in != stdin)
		fclose(term_tty.in);
	term_tty.in = NULL;
	util_set_fatal_hook(NULL);
	term_release();
}

int
term_signal(void)
{
	return term_sig;
}

void
term_signal_clear(void)
{
	term_sig = 0;
}

/* One colour of the settings as the terminal takes it: its own default
 * where it has default colours, else white on black; a colour it does not
 * have is its default. */
static short
term_colour_of(int c, int dflt, short fallback)
{
	if (c < 0 || c >= *ncurses_dl.COLORS)
		return dflt ? -1 : fallback;
	return (short)c;
}

/* Colours only where the terminal has them and the settings want them;
 * bold, reverse and underline always. */
static void
term_style(void)
{
	const struct settings_colour	*c;
	const char			*sitm;
	int				 i, dflt;

	term_has_colour = 0;
	if (ncurses_dl.has_colors() && settings_use_colour() &&
	    ncurses_dl.start_color() == OK) {
		dflt = ncurses_dl.use_default_colors() != ERR;
		for (i = 0; i < SETTINGS_NELEMENTS; i++) {
			c = settings_colour((enum settings_element)i);
			ncurses_dl.init_pair((short)(i + 1),
			    term_colour_of(c->fg, dflt, COLOR_WHITE),
			    term_colour_of(c->bg, dflt, COLOR_BLACK));
		}
		term_has_colour = 1;
	}
	sitm = ncurses_dl.tigetstr("sitm");
	term_has_italic = sitm != NULL && sitm != (char *)-1 && *sitm != '\0';
	term_needs_ascii = !width_utf8_locale();
}

void
term_restyle(void)
{
	term_style();
	term_redraw();
}

static void
term_attr(int style, attr_t *attr, short *pair)
{
	int	el = (style & TERM_COLOUR) >> 4;

	if (el > 0 && el <= SETTINGS_NELEMENTS)
		style |= settings_colour((enum settings_element)(el - 1))->
		    attrs;
	else
		el = 0;
	*attr = A_NORMAL;
	if (style & TERM_BOLD)
		*attr |= A_BOLD;
	if (style & TERM_REVERSE)
		*attr |= A_REVERSE;
	if (style & TERM_UNDERLINE)
		*attr |= A_UNDERLINE;
	if (style & TERM_ITALIC)
		*attr |= term_has_italic ? A_ITALIC : A_UNDERLINE;
	*pair = term_has_colour ? (short)el : 0;
}

int
term_cols(void)
{
	return getmaxx(term_win);
}

int
term_rows(void)
{
	return getmaxy(term_win);
}

int
term_colour(void)
{
	return term_has_colour;
}

int
term_italic(void)
{
	return term_has_italic;
}

int
term_ascii(void)
{
	return term_needs_ascii;
}

void
term_erase(void)
{
	ncurses_dl.werase(term_win);
}

int
term_cells(int y, int x, const char *s, size_t len, int cells, int style)
{
	attr_t	attr;
	short	pair;
	size_t	n;

	if (cells <= 0 || len == 0 ||
	    ncurses_dl.wmove(term_win, y, x) == ERR)
		return 0;
	n = layout_clip(s, len, cells);
	term_attr(style, &attr, &pair);
	ncurses_dl.wattr_set(term_win, attr, pair, NULL);
	ncurses_dl.waddnstr(term_win, s, (int)n);
	ncurses_dl.wattr_set(term_win, A_NORMAL, 0, NULL);
	return (int)width_str(s, n);
}

void
term_bar(int y, const struct buf *b, int style)
{
	int	cols = getmaxx(term_win);

	term_cells(y, 0, buf_str(b), b->len,
	    y == getmaxy(term_win) - 1 ? cols - 1 : cols, style);
}

void
term_list(const struct list *l, int y0,
    void (*row)(void *, size_t, struct buf *, int *), void *arg)
{
	struct buf	b = BUF_INIT;
	long		i;
	int		y, style;

	for (y = 0; y0 + y < getmaxy(term_win) &&
	    (i = list_row_item(l, y)) >= 0; y++) {
		buf_reset(&b);
		style = 0;
		row(arg, (size_t)i, &b, &style);
		if (y == list_cursor_row(l) && !(l->flags & LIST_SCROLL))
			style = (style & ~TERM_COLOUR) | TERM_CURSOR;
		term_cells(y0 + y, 0, buf_str(&b), b.len, getmaxx(term_win),
		    style);
	}
	buf_free(&b);
}

void
term_show_cursor(int visible)
{
	ncurses_dl.curs_set(visible ? 1 : 0);
}

void
term_move(int y, int x)
{
	ncurses_dl.wmove(term_win, y, x);
}

void
term_update(void)
{
	ncurses_dl.wnoutrefresh(term_win);
	ncurses_dl.doupdate();
}

void
term_redraw(void)
{
	ncurses_dl.clearok(*ncurses_dl.curscr, TRUE);
}

void
term_message(const char *msg)
{
	struct buf	b = BUF_INIT;
	int		w, cols = getmaxx(term_win);

	w = layout_fit(&b, msg, strlen(msg), term_needs_ascii, cols - 1);
	for (; w < cols - 1; w++)
		buf_addc(&b, ' ');
	term_bar(getmaxy(term_win) - 1, &b, TERM_REVERSE);
	buf_free(&b);
	term_update();
}

void
term_leave(void)
{
	ncurses_dl.def_prog_mode();
	ncurses_dl.endwin();
}

void
term_return(void)
{
	ncurses_dl.reset_prog_mode();
	ncurses_dl.clearok(*ncurses_dl.curscr, TRUE);
}

/* Ctrl-Z: the terminal given back, reel stopped as the default action
 * would, and the terminal taken again when it goes on. */
static void
term_suspend(void)
{
	struct sigaction	sa, old;

	term_leave();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGTSTP, &sa, &old) != 0)
		fatal("sigaction: %s", strerror(errno));
	raise(SIGTSTP);
	if (sigaction(SIGTSTP, &old, NULL) != 0)
		fatal("sigaction: %s", strerror(errno));
	term_return();
}

/* The terminal's new size, as the kernel has it. */
static void
term_resize(void)
{
	struct winsize	ws;

	if ((ioctl(fileno(term_tty.out), TIOCGWINSZ, &ws) == 0 ||
	    ioctl(fileno(term_tty.in), TIOCGWINSZ, &ws) == 0) &&
	    ws.ws_row > 0 && ws.ws_col > 0)
		ncurses_dl.resizeterm(ws.ws_row, ws.ws_col);
}

/* What the terminal's signals ask, as a key: a stop carried out; after
 * one, or any return from a stop (the window may have changed size
 * meanwhile, the shell written over it), or a new size: TERM_KEY_RESIZE,
 * the size read again and the screen to be repainted whole. */
static int
term_pending(void)
{
	if (!term_tty.active)
		return TERM_KEY_NONE;
	if (term_tstp) {
		term_tstp = 0;
		term_suspend();
		term_cont = 1;
	}
	if (term_cont) {
		term_cont = 0;
		ncurses_dl.clearok(*ncurses_dl.curscr, TRUE);
		term_winch = 1;
	}
	if (term_winch) {
		term_winch = 0;
		term_resize();
		return TERM_KEY_RESIZE;
	}
	return TERM_KEY_NONE;
}

/* Maps what wget_wch() read to a key of keys.h. */
static int
term_key(int r, wint_t wc)
{
	if (r == ERR)
		return TERM_KEY_NONE;
	if (r == KEY_CODE_YES) {
		switch (wc) {
		case KEY_RESIZE:
			return TERM_KEY_RESIZE;
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
		return TERM_KEY_IGNORED;
	}
	if (wc == '\r' || wc == '\n')
		return KEYC_ENTER;
	if (wc == 0x7f || wc == 0x08)
		return KEYC_BSPACE;
	return (int)wc;
}

/* Puts back what wget_wch() read, for the next read. */
static void
term_unget(int r, wint_t wc)
{
	if (r == KEY_CODE_YES)
		ncurses_dl.ungetch((int)wc);
	else
		ncurses_dl.unget_wch((wchar_t)wc);
}

/* After an Escape: the rest of a sequence the terminfo entry did not
 * know (curses hands those on byte by byte), if its bytes came with it.
 * A sequence is read whole and made a key or swallowed, so that its
 * bytes never act as keys of their own ("[" "4" "~" for End); an Escape
 * that nothing follows at once is the Escape key. */
static int
term_escape(void)
{
	char	seq[TERM_ESC_MAX];
	size_t	len = 0;
	wint_t	wc;
	int	r, more;

	ncurses_dl.wtimeout(*ncurses_dl.stdscr, 0);
	while ((more = keys_escape_more(seq, len)) == KEYS_ESC_MORE) {
		if (len == sizeof seq)
			return TERM_KEY_IGNORED;
		if ((r = ncurses_dl.wget_wch(*ncurses_dl.stdscr, &wc)) == ERR)
			break;
		if (r == KEY_CODE_YES || wc < 0x20 || wc > 0x7e) {
			/* Not part of a sequence: a key of its own. */
			term_unget(r, wc);
			more = KEYS_ESC_NONE;
			break;
		}
		seq[len++] = (char)wc;
	}
	if (more == KEYS_ESC_DONE) {
		r = keys_escape(seq, len);
		return r != -1 ? r : TERM_KEY_IGNORED;
	}
	/* Escape and one other key (or the start of a sequence cut short):
	 * both are keys. More of a sequence that broke off is dropped. */
	if (len == 1) {
		ncurses_dl.unget_wch((wchar_t)(unsigned char)seq[0]);
		return KEYC_ESCAPE;
	}
	return len == 0 ? KEYC_ESCAPE : TERM_KEY_IGNORED;
}

int
term_read(int delay)
{
	wint_t	wc;
	int	r, key;

	if ((key = term_pending()) != TERM_KEY_NONE)
		return key;
	ncurses_dl.wtimeout(*ncurses_dl.stdscr, delay);
	r = ncurses_dl.wget_wch(*ncurses_dl.stdscr, &wc);
	/* A signal that ended the wait may be the terminal's. */
	if (r == ERR && (key = term_pending()) != TERM_KEY_NONE)
		return key;
	if ((key = term_key(r, wc)) == KEYC_ESCAPE)
		key = term_escape();
	return key;
}

int
term_fd(void)
{
	return term_in_fd;
}

int
term_typeahead(void)
{
	int	key, r = 0;

	while ((key = term_read(0)) != TERM_KEY_NONE) {
		if (key == TERM_KEY_RESIZE)
			r |= TERM_TYPEAHEAD_RESIZE;
		else if (key == 'q' || key == KEYC_ESCAPE || key == 0x07)
			r |= TERM_TYPEAHEAD_CANCEL;
	}
	return r;
}

/* Can the terminal move its cursor anywhere? Not a dumb one. */
static int
term_can_place(void)
{
	const char	*cup = ncurses_dl.tigetstr("cup");

	return cup != NULL && cup != (char *)-1 && *cup != '\0';
}

int
term_start(int page_on_stdin, char **cause)
{
	static int	 registered;
	const char	*term = getenv("TERM");

	if (!registered) {
		atexit(term_stop);
		registered = 1;
	}
	term_sig = term_winch = term_tstp = term_cont = 0;
	term_tty.in = stdin;
	term_tty.out = stdout;
	/* ncursesw is opened with the first screen (ncurses_dl.c). */
	if (ncurses_dl_load(cause) != 0)
		return -1;
	/* The page and the keys cannot both come from the terminal. */
	if (page_on_stdin && isatty(STDIN_FILENO)) {
		*cause = xstrdup(_("standard input is a terminal"));
		return -1;
	}
	if (!isatty(STDIN_FILENO) &&
	    (term_tty.in = fopen("/dev/tty", "r")) == NULL) {
		*cause = xprintf("/dev/tty: %s", strerror(errno));
		return -1;
	}
	term_catch();
	if ((term_tty.screen = ncurses_dl.newterm(NULL, term_tty.out,
	    term_tty.in)) == NULL) {
		*cause = xprintf(_("cannot use the terminal '%s'"),
		    term != NULL ? term : "");
		goto fail;
	}
	ncurses_dl.set_term(term_tty.screen);
	if (!term_can_place()) {
		/* A dumb terminal: the text suits it better. */
		ncurses_dl.endwin();
		ncurses_dl.delscreen(term_tty.screen);
		term_tty.screen = NULL;
		*cause = xprintf(_("the terminal '%s' cannot place the cursor"),
		    term != NULL ? term : "");
		goto fail;
	}
	term_tty.active = 1;
	term_win = *ncurses_dl.stdscr;
	util_set_fatal_hook(term_stop);
	ncurses_dl.cbreak();
	ncurses_dl.noecho();
	ncurses_dl.nonl();
	ncurses_dl.intrflush(*ncurses_dl.stdscr, FALSE);
	ncurses_dl.keypad(*ncurses_dl.stdscr, TRUE);
	ncurses_dl.set_escdelay(25);
	ncurses_dl.curs_set(0);
	term_style();
	term_in_fd = fileno(term_tty.in);
	return 0;
fail:
	if (term_tty.in != stdin)
		fclose(term_tty.in);
	term_tty.in = NULL;
	term_release();
	return -1;
}

/* Off screen. */

struct term_offscreen *
term_offscreen_new(int cols, int rows)
{
	static const char *const	 terms[] = {
		"xterm-256color", "vt100",
	};
	struct term_offscreen		*o = xcalloc(1, sizeof *o);
	size_t				 i;
	int				 fds[2] = { -1, -1 };

	ncurses_dl_need();
	o->keys_fd = -1;
	if (pipe(fds) != 0)
		goto fail;
	o->keys_fd = fds[1];
	o->out = fopen("/dev/null", "w");
	o->in = fdopen(fds[0], "r");
	if (o->out == NULL || o->in == NULL)
		goto fail;
	fds[0] = -1;
	for (i = 0; i < nitems(terms) && o->screen == NULL; i++)
		o->screen = ncurses_dl.newterm(terms[i], o->out, o->in);
	if (o->screen == NULL)
		goto fail;
	ncurses_dl.set_term(o->screen);
	if ((o->win = ncurses_dl.newwin(rows, cols, 0, 0)) == NULL) {
		ncurses_dl.endwin();
		ncurses_dl.delscreen(o->screen);
		goto fail;
	}
	term_win = o->win;
	term_in_fd = fileno(o->in);
	term_style();
	ncurses_dl.keypad(*ncurses_dl.stdscr, TRUE);
	ncurses_dl.set_escdelay(25);
	return o;
fail:
	if (fds[0] != -1)
		close(fds[0]);
	if (o->keys_fd != -1)
		close(o->keys_fd);
	if (o->out != NULL)
		fclose(o->out);
	if (o->in != NULL)
		fclose(o->in);
	free(o);
	return NULL;
}

void
term_offscreen_free(struct term_offscreen *o)
{
	if (o == NULL)
		return;
	if (term_win == o->win) {
		term_win = NULL;
		term_in_fd = -1;
	}
	ncurses_dl.delwin(o->win);
	ncurses_dl.endwin();
	ncurses_dl.delscreen(o->screen);
	fclose(o->out);
	fclose(o->in);
	close(o->keys_fd);
	free(o);
}

char *
term_offscreen_row(struct term_offscreen *o, int y)
{
	struct buf	 b = BUF_INIT;
	wchar_t		*wcs;
	char		 enc[4];
	int		 n = getmaxx(o->win) * (CCHARW_MAX + 1), i;

	wcs = xreallocarray(NULL, (size_t)n + 1, sizeof *wcs);
	if (ncurses_dl.wmove(o->win, y, 0) == ERR ||
	    ncurses_dl.winnwstr(o->win, wcs, n) == ERR)
		wcs[0] = L'\0';
	for (i = 0; wcs[i] != L'\0'; i++)
		buf_add(&b, enc, utf8_encode((unsigned int)wcs[i], enc));
	free(wcs);
	return buf_detach(&b, NULL);
}

int
term_offscreen_attrs(struct term_offscreen *o, int y, int x)
{
	cchar_t		cc;
	wchar_t		wch[CCHARW_MAX + 1];
	attr_t		attr;
	short		pair;
	int		a = 0;

	if (ncurses_dl.wmove(o->win, y, x) == ERR ||
	    ncurses_dl.win_wch(o->win, &cc) == ERR ||
	    ncurses_dl.getcchar(&cc, wch, &attr, &pair, NULL) == ERR)
		return 0;
	if (attr & A_BOLD)
		a |= TERM_BOLD;
	if (attr & A_REVERSE)
		a |= TERM_REVERSE;
	if (attr & A_UNDERLINE)
		a |= TERM_UNDERLINE;
	if (pair > 0 && pair <= SETTINGS_NELEMENTS)
		a |= pair << 4;
	return a;
}

int
term_offscreen_colours(struct term_offscreen *o, int y, int x, int *fg,
    int *bg)
{
	cchar_t		cc;
	wchar_t		wch[CCHARW_MAX + 1];
	attr_t		attr;
	short		pair, f, b;

	if (ncurses_dl.wmove(o->win, y, x) == ERR ||
	    ncurses_dl.win_wch(o->win, &cc) == ERR ||
	    ncurses_dl.getcchar(&cc, wch, &attr, &pair, NULL) == ERR ||
	    pair <= 0 || ncurses_dl.pair_content(pair, &f, &b) == ERR)
		return -1;
	*fg = f;
	*bg = b;
	return 0;
}

int
term_offscreen_keys(struct term_offscreen *o, const char *s, size_t len)
{
	ssize_t	n;

	while (len > 0) {
		if ((n = write(o->keys_fd, s, len)) <= 0) {
			if (n == -1 && errno == EINTR)
				continue;
			return -1;
		}
		s += n;
		len -= (size_t)n;
	}
	return 0;
}
