/* tui.h: the terminal side of the pager: the only code that calls
 * ncurses. It draws a struct pager and carries out its requests. */
#ifndef REEL_TUI_H
#define REEL_TUI_H

struct doc;
struct fetch_opts;
struct pager;

/* Shows what (a URL, a file, or "-", with the keys then read from
 * /dev/tty) in the pager until the reader closes it; measure is the text
 * column's width at most (0: 80). Returns an exit status: 0, a load's
 * enum reel_exit status (its message printed), or 128 + a signal; or -1,
 * having read nothing, when the terminal cannot host the pager (a
 * warning printed): the caller shows the text instead. */
int	tui_run(const char *, const struct fetch_opts *, int);

/* A screen that no terminal shows, to draw a pager into: for the
 * benchmarks and the tests. Only one exists at a time. */
struct tui_offscreen;

/* Returns an off-screen screen of cols x rows, or NULL if ncurses cannot
 * make one. */
struct tui_offscreen	*tui_offscreen_new(int, int);
/* Frees o and its ncurses screen; NULL is fine. */
void			 tui_offscreen_free(struct tui_offscreen *);
/* Draws p as the pager would, without output. */
void			 tui_offscreen_draw(struct tui_offscreen *,
			    struct pager *);
/* Returns row y as UTF-8 text; the caller frees it. */
char			*tui_offscreen_row(struct tui_offscreen *, int);
/* Returns the attributes of the cell at (y, x): TUI_ bits. */
int			 tui_offscreen_attrs(struct tui_offscreen *, int, int);
#define TUI_BOLD	0x1
#define TUI_REVERSE	0x2
#define TUI_UNDERLINE	0x4
#define TUI_COLOUR	0x8

#endif
