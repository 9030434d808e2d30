/* view_pager.h: the pager's screen on the terminal: a struct pager
 * drawn, keys read and applied, pages loaded. */
#ifndef REEL_VIEW_PAGER_H
#define REEL_VIEW_PAGER_H

#include <stddef.h>
#include <stdint.h>

struct doc;
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
/* Shows essay id of the library st as view_pager_kept() does, but on
 * the first match of the search query (an FTS5 query, read for its
 * first word or phrase), highlighted. Returns as view_pager_kept(). */
int	view_pager_found(struct store *, int64_t, const char *,
	    const struct fetch_opts *, int, char **);
/* Shows essay id of the library st as view_pager_kept() does, but with
 * paragraph block (a quote's) at the top. Returns as view_pager_kept(). */
int	view_pager_quoted(struct store *, int64_t, size_t,
	    const struct fetch_opts *, int, char **);
/* view_pager_open()'s status when the reader cancelled the load. */
#define VIEW_PAGER_CANCELLED	2

/* Loads url, a web page, with the load line up on the terminal the
 * caller took (q cancels), keeps it in the library st, and shows it
 * where its reader stopped until they close it, as view_pager_kept()
 * does; a page the network does not give opens as its kept copy.
 * Returns 0 (q), VIEW_PAGER_QUIT (Q), VIEW_PAGER_CANCELLED, or 128 + a
 * signal that ends reel, with *cause NULL or library trouble for the
 * caller to say and free; or -1 and why in *cause when the page could
 * not be loaded and there is no kept copy: the caller may show
 * something else. */
int	view_pager_open(struct store *, const char *,
	    const struct fetch_opts *, int, char **);
/* Shows document d (taken), which the library does not keep, with note
 * on the status line, on the terminal the caller took; links followed
 * from it load and are kept in st. Returns as view_pager_kept(). */
int	view_pager_doc(struct store *, struct doc *, const char *,
	    const struct fetch_opts *, int, char **);
/* Draws p on the screen term.c draws on (the terminal, or an off-screen
 * one for the tests and the benchmarks); term_update() shows it. */
void	view_pager_draw(struct pager *);

#endif
