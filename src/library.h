/* library.h: the library in the terminal: the controller that owns the
 * stack of views (feeds, then one feed's items, then the essay in the
 * pager), asks store.c for what they show, and runs refreshes on a
 * thread of their own while the reader goes on. */
#ifndef REEL_LIBRARY_H
#define REEL_LIBRARY_H

#include <stddef.h>

struct fetch_opts;
struct library;
struct store;
struct store_item;
struct doc;

/* library_key()'s status when the reader quit. */
#define LIBRARY_QUIT	1

/* Opens the library st (the caller's, which must outlive it) on its
 * feeds; measure is the pager's text width at most (0: 80). Returns 0
 * and *lp (free with library_free()), or -1 and a message in *cause. */
int		 library_new(struct store *, const struct fetch_opts *, int,
		    struct library **, char **);
/* Stops a refresh that runs (nothing half written) and frees l; NULL is
 * fine. */
void		 library_free(struct library *);
/* Returns the views on the stack: 1 the feeds, 2 a feed's items. */
size_t		 library_depth(const struct library *);
/* Applies a key to the view on top: opening a feed pushes its items,
 * opening an item shows its essay in the pager (on the terminal the
 * caller took) until the reader closes it, q pops. Returns 0, or
 * LIBRARY_QUIT when the reader left the library (q on the feeds, or Q). */
int		 library_key(struct library *, int);
/* Draws the view on top, the status line saying where a refresh is. */
void		 library_draw(struct library *);
/* Returns the descriptor a refresh that runs says its news on (poll it
 * beside the keys, then call library_news()), or -1. */
int		 library_fd(const struct library *);
/* Takes a refresh's news: its progress on the status line, the counts
 * of the feeds it finished. Returns 1 when the screen must be drawn. */
int		 library_news(struct library *);
/* Returns non-zero while a refresh runs. */
int		 library_refreshing(const struct library *);

/* Builds the document of an item from the feed's own text (its content,
 * else its summary), for when its page cannot be fetched. Returns it
 * (free with doc_free()), or NULL and a message in *cause. */
struct doc	*library_item_doc(const struct store_item *, char **);

/* `reel` alone: the library on the terminal until the reader leaves it.
 * Returns an exit status; -1 (a warning printed) when the terminal
 * cannot host it. */
int		 library_run(const struct fetch_opts *, int);

#endif
