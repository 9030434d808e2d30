/* term.h: the terminal under every view: set-up and tear-down, signals,
 * keys, colours and drawing cells. Only this and the views call ncurses. */
#ifndef REEL_TERM_H
#define REEL_TERM_H

#include <stddef.h>

struct buf;
struct list;

/* What term_read() returns besides the keys of keys.h. */
#define TERM_KEY_NONE		(-1)	/* nothing came in time */
#define TERM_KEY_RESIZE		(-2)	/* a new size, or back from a stop:
					   draw it all */
#define TERM_KEY_IGNORED	(-3)	/* a sequence with no key here */

/* How text is drawn: attributes, and at most one colour element, whose
 * colour the terminal drops when it has none or colour is off
 * (settings_use_colour()); the element's own attributes are added. */
#define TERM_BOLD	0x1
#define TERM_REVERSE	0x2
#define TERM_UNDERLINE	0x4
#define TERM_ITALIC	0x8		/* underlined where there is none */
#define TERM_COLOUR	0xf0		/* the element's bits: settings.h's
					   element + 1 */
#define TERM_HEADING	0x10
#define TERM_LINK	0x20
#define TERM_CODE	0x30
#define TERM_MARKER	0x40		/* list and quote markers */
#define TERM_MATCH	0x50		/* search matches */
#define TERM_CURRENT	0x60		/* the current match */
#define TERM_STATUS	0x70		/* the status line */
#define TERM_TITLE	0x80		/* the title bar */
#define TERM_SELECTED	0x90		/* the selected link */
#define TERM_CURSOR	0xa0		/* a list's cursor row */
/* The elements by their default colours, as the views first named them. */
#define TERM_YELLOW	TERM_HEADING
#define TERM_CYAN	TERM_LINK
#define TERM_GREEN	TERM_CODE
#define TERM_MAGENTA	TERM_MARKER
#define TERM_ON_YELLOW	TERM_MATCH
#define TERM_ON_GREEN	TERM_CURRENT

/* Takes the terminal: keys from standard input, or from /dev/tty when
 * standard input is not a terminal; page_on_stdin says that standard
 * input carries the page, so it must not be the terminal. Catches the
 * signals and makes fatal() and exit() give the terminal back. Returns
 * 0, or -1 and a message when the terminal cannot host a screen (a dumb
 * one, an unknown TERM); the caller then shows text instead. */
int	 term_start(int, char **);
/* Gives the terminal back and puts the signals' old handlers back; does
 * nothing when it is not taken. */
void	 term_stop(void);
/* Returns the signal caught that asks reel to end (SIGINT, SIGTERM,
 * SIGHUP, SIGQUIT), or 0; term_signal_clear() forgets it. */
int	 term_signal(void);
void	 term_signal_clear(void);
/* Takes the colours of the settings again (after a new configuration),
 * to show at the next update. */
void	 term_restyle(void);
/* Hands the terminal to another program (a browser) and takes it back
 * after, to be drawn again whole. */
void	 term_leave(void);
void	 term_return(void);

/* Reads a key of keys.h, waiting at most delay ms (0: only what was
 * typed already), or returns TERM_KEY_NONE when none came: a signal ends
 * the wait. Escape sequences that terminfo does not know are read whole
 * and made their key or TERM_KEY_IGNORED, never split into keys. A stop
 * (Ctrl-Z) is carried out here, and a new size taken. */
int	 term_read(int);
/* Returns the descriptor the keys come in on (the terminal's, or the
 * off-screen screen's), for a loop that polls it beside others before
 * term_read(0); -1 when no screen is taken. */
int	 term_fd(void);
/* Reads all that was typed while a page loads, without waiting, and
 * drops it: returns TERM_TYPEAHEAD_CANCEL if q, Escape or Ctrl-G was
 * among it, TERM_TYPEAHEAD_RESIZE if the size changed. */
int	 term_typeahead(void);
#define TERM_TYPEAHEAD_CANCEL	0x1
#define TERM_TYPEAHEAD_RESIZE	0x2

/* The size of the screen drawn on (the terminal's, or the off-screen
 * one's); whether it shows colours, and italics (TERM_ITALIC is else
 * underlined); whether text needs ASCII stand-ins (the locale is not
 * UTF-8). */
int	 term_cols(void);
int	 term_rows(void);
int	 term_colour(void);
int	 term_italic(void);
int	 term_ascii(void);

/* Drawing, all on the screen drawn on; nothing shows until
 * term_update(). Text is UTF-8 that sanitize() or the layout made. */
void	 term_erase(void);
/* Draws len bytes of s at (y, x) in at most cells cells, cut by display
 * width between characters (a combining mark stays with its base);
 * returns the cells drawn. */
int	 term_cells(int, int, const char *, size_t, int, int);
/* Draws b's text (fitted by the caller) across row y in one style; on
 * the last row, not in its last cell: some terminals scroll when it is
 * written. */
void	 term_bar(int, const struct buf *, int);
/* Draws the rows of l from row y0 down, as many as the list's height and
 * the screen allow, the cursor's reversed (unless the list only
 * scrolls): row(arg, item, out, &style) appends an item's text fitted
 * to the width and may set a style for it. */
void	 term_list(const struct list *, int,
	    void (*)(void *, size_t, struct buf *, int *), void *);
/* Shows the cursor or hides it; puts it at (y, x). */
void	 term_show_cursor(int);
void	 term_move(int, int);
/* Writes what was drawn to the terminal; term_redraw() makes the next
 * update repaint every cell (Ctrl-L). */
void	 term_update(void);
void	 term_redraw(void);
/* Writes msg (our own text) at once on the bottom row, over what is
 * there: the load line. */
void	 term_message(const char *);

/* A screen that no terminal shows, for the tests and the benchmarks:
 * while it exists, drawing goes to it, and keys come from what
 * term_offscreen_keys() gave it. Only one exists at a time. */
struct term_offscreen;

/* Returns an off-screen screen of cols x rows, or NULL if ncurses
 * cannot make one. */
struct term_offscreen	*term_offscreen_new(int, int);
/* Frees o and its ncurses screen; NULL is fine. */
void			 term_offscreen_free(struct term_offscreen *);
/* Returns row y as UTF-8 text; the caller frees it. */
char			*term_offscreen_row(struct term_offscreen *, int);
/* Returns the style of the cell at (y, x): TERM_BOLD, TERM_REVERSE,
 * TERM_UNDERLINE and its colour. */
int			 term_offscreen_attrs(struct term_offscreen *, int,
			    int);
/* Gives the colours the cell at (y, x) is drawn in (-1: the terminal's
 * own) in fg and bg; returns 0, or -1 when the cell has none. */
int			 term_offscreen_colours(struct term_offscreen *, int,
			    int, int *, int *);
/* Gives len bytes to be read as typed keys; returns 0, or -1 when they
 * cannot all be taken. */
int			 term_offscreen_keys(struct term_offscreen *,
			    const char *, size_t);

#endif
