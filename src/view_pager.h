/* view_pager.h: the pager's screen on the terminal: a struct pager
 * drawn, keys read and applied, pages loaded. */
#ifndef REEL_VIEW_PAGER_H
#define REEL_VIEW_PAGER_H

#include <stdint.h>

struct fetch_opts;
struct pager;
struct store;

/* view_pager_kept()'s status when the reader quit reel (Q). */
#define VIEW_PAGER_QUIT	1

/* Shows what (a URL, a file, or "-", with the keys then read from
 * /dev/tty) in the pager until the reader closes it; measure is the text
 * column's width at most (0: 80). Every essay shown (but standard input)
 * is kept in the library, and where its reader stopped; one that was
 * kept opens there, and a URL the network does not give opens as its
 * kept copy. Without a library the pager works as well, and says once
 * why nothing is kept. Returns an exit status: 0, a load's enum
 * reel_exit status (its message printed), or 128 + a signal; or -1,
 * having read nothing, when the terminal cannot host the pager (a
 * warning printed): the caller shows the text instead. */
int	view_pager_run(const char *, const struct fetch_opts *, int);
/* Shows the essay the library st keeps under url, or when url is NULL as
 * essay id, with no network, where its reader stopped, on the terminal
 * the caller took (term_start()); links followed from it load and are
 * kept as in view_pager_run(). st stays the caller's. Returns 0 when the
 * reader closed it (q), VIEW_PAGER_QUIT when they quit reel (Q), or 128
 * + a signal that ends reel, with *cause NULL or, for the caller to say
 * and free, why the library could not keep the place; or -1 and a
 * message in *cause when the library has no such essay or cannot read
 * it. */
int	view_pager_kept(struct store *, const char *, int64_t,
	    const struct fetch_opts *, int, char **);
/* Draws p on the screen term.c draws on (the terminal, or an off-screen
 * one for the tests and the benchmarks); term_update() shows it. */
void	view_pager_draw(struct pager *);

#endif
