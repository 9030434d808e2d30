/* view_pager.h: the pager's screen on the terminal: a struct pager
 * drawn, keys read and applied, pages loaded. */
#ifndef REEL_VIEW_PAGER_H
#define REEL_VIEW_PAGER_H

struct fetch_opts;
struct pager;

/* Shows what (a URL, a file, or "-", with the keys then read from
 * /dev/tty) in the pager until the reader closes it; measure is the text
 * column's width at most (0: 80). Returns an exit status: 0, a load's
 * enum reel_exit status (its message printed), or 128 + a signal; or -1,
 * having read nothing, when the terminal cannot host the pager (a
 * warning printed): the caller shows the text instead. */
int	view_pager_run(const char *, const struct fetch_opts *, int);
/* Draws p on the screen term.c draws on (the terminal, or an off-screen
 * one for the tests and the benchmarks); term_update() shows it. */
void	view_pager_draw(struct pager *);

#endif
