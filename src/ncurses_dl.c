/* ncurses_dl.c: ncursesw opened with dlopen() when the terminal is first
 * taken, its functions and variables resolved into one table (dl.c);
 * reel is not linked with -lncursesw. */
#include <config.h>

#include <stddef.h>

#include "dl.h"
#include "ncurses_dl.h"
#include "util.h"

struct ncurses_dl ncurses_dl;

static const struct dl_sym ncurses_dl_syms[] = {
#define SYM(m)	{ #m, offsetof(struct ncurses_dl, m) }
	SYM(cbreak),
	SYM(clearok),
	SYM(curs_set),
	SYM(def_prog_mode),
	SYM(delscreen),
	SYM(delwin),
	SYM(doupdate),
	SYM(endwin),
	SYM(getcchar),
	SYM(has_colors),
	SYM(init_pair),
	SYM(intrflush),
	SYM(keypad),
	SYM(newterm),
	SYM(newwin),
	SYM(noecho),
	SYM(nonl),
	SYM(pair_content),
	SYM(reset_prog_mode),
	SYM(resizeterm),
	SYM(set_escdelay),
	SYM(set_term),
	SYM(start_color),
	SYM(tigetstr),
	SYM(unget_wch),
	SYM(ungetch),
	SYM(use_default_colors),
	SYM(waddnstr),
	SYM(wattr_set),
	SYM(werase),
	SYM(wget_wch),
	SYM(win_wch),
	SYM(winnwstr),
	SYM(wmove),
	SYM(wnoutrefresh),
	SYM(wtimeout),
	SYM(stdscr),
	SYM(curscr),
	SYM(COLORS),
#undef SYM
};

/* The ncurses reel is built and tested with (Debian 12's). */
static struct dl_lib ncurses_dl_lib = {
	NCURSES_DL_SONAME, "libncursesw6", "ncurses 6.4",
	ncurses_dl_syms, nitems(ncurses_dl_syms), &ncurses_dl,
	sizeof ncurses_dl, NULL
};

int
ncurses_dl_load_name(const char *name, char **cause)
{
	return dl_load(&ncurses_dl_lib, name, cause);
}

int
ncurses_dl_load(char **cause)
{
	return dl_load(&ncurses_dl_lib, NULL, cause);
}

int
ncurses_dl_loaded(void)
{
	return ncurses_dl_lib.handle != NULL;
}

void
ncurses_dl_need(void)
{
	dl_need(&ncurses_dl_lib);
}
