/* ncurses_dl.h: ncursesw loaded at run time, when the pager or a view
 * first takes the terminal, so that `reel dump` and the commands that
 * only print never map it (nor libtinfo under it). */
#ifndef REEL_NCURSES_DL_H
#define REEL_NCURSES_DL_H

#include <curses.h>

/* The name ncurses_dl_load() opens; libtinfo comes with it. */
#define NCURSES_DL_SONAME	"libncursesw.so.6"

/* The ncurses functions term.c calls, each with the type curses.h
 * declares, and the addresses of the variables it reads. Filled by
 * ncurses_dl_load(); every member is NULL before. The macros of curses.h
 * that call a function (mvwin_wch()) are not used: each call goes
 * through the table. */
struct ncurses_dl {
	__typeof__(cbreak)	*cbreak;
	__typeof__(clearok)	*clearok;
	__typeof__(curs_set)	*curs_set;
	__typeof__(def_prog_mode)	*def_prog_mode;
	__typeof__(delscreen)	*delscreen;
	__typeof__(delwin)	*delwin;
	__typeof__(doupdate)	*doupdate;
	__typeof__(endwin)	*endwin;
	__typeof__(getcchar)	*getcchar;
	__typeof__(has_colors)	*has_colors;
	__typeof__(init_pair)	*init_pair;
	__typeof__(intrflush)	*intrflush;
	__typeof__(keypad)	*keypad;
	__typeof__(newterm)	*newterm;
	__typeof__(newwin)	*newwin;
	__typeof__(noecho)	*noecho;
	__typeof__(nonl)	*nonl;
	__typeof__(pair_content)	*pair_content;
	__typeof__(reset_prog_mode)	*reset_prog_mode;
	__typeof__(resizeterm)	*resizeterm;
	__typeof__(set_escdelay)	*set_escdelay;
	__typeof__(set_term)	*set_term;
	__typeof__(start_color)	*start_color;
	__typeof__(tigetstr)	*tigetstr;
	__typeof__(unget_wch)	*unget_wch;
	__typeof__(ungetch)	*ungetch;
	__typeof__(use_default_colors)	*use_default_colors;
	__typeof__(waddnstr)	*waddnstr;
	__typeof__(wattr_set)	*wattr_set;
	__typeof__(werase)	*werase;
	__typeof__(wget_wch)	*wget_wch;
	__typeof__(win_wch)	*win_wch;
	__typeof__(winnwstr)	*winnwstr;
	__typeof__(wmove)	*wmove;
	__typeof__(wnoutrefresh)	*wnoutrefresh;
	__typeof__(wtimeout)	*wtimeout;
	WINDOW			**stdscr;
	WINDOW			**curscr;
	int			 *COLORS;
};

/* The table: call through it (ncurses_dl.wmove()) only after
 * ncurses_dl_load() or ncurses_dl_need(). */
extern struct ncurses_dl ncurses_dl;

/* Loads NCURSES_DL_SONAME and fills the table, once. Returns 0, or -1 and
 * an allocated one-line message in *cause naming the library and what
 * was wrong. */
int	ncurses_dl_load(char **);
/* ncurses_dl_load() with another library name: for the tests. */
int	ncurses_dl_load_name(const char *, char **);
/* Whether the table is filled. */
int	ncurses_dl_loaded(void);
/* Loads the library or ends reel with that message (fatal()): for
 * callers with no error to return. */
void	ncurses_dl_need(void);

#endif
