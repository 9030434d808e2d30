/* refresh_bg.h: a refresh (refresh.c) on a thread of its own, with its
 * own connection to the library, so that a screen goes on reading keys:
 * it says each step through a pipe the screen's loop polls beside its
 * keys. */
#ifndef REEL_REFRESH_BG_H
#define REEL_REFRESH_BG_H

#include <stddef.h>
#include <stdint.h>

#include "refresh.h"

struct fetch_opts;
struct refresh_bg;

/* Starts refreshing the n feeds of ids (every feed when ids is NULL) of
 * the library at path on a new thread, which opens the library itself
 * (SQLite in WAL mode: the caller's connection reads while it writes).
 * fo is copied. Returns 0 and *bp (free with refresh_bg_free()), or -1
 * and a message in *cause. */
int	 refresh_bg_start(const char *, const int64_t *, size_t,
	    const struct fetch_opts *, struct refresh_bg **, char **);
/* Returns the descriptor that becomes readable when the refresh has
 * news: poll it, then call refresh_bg_poll(). */
int	 refresh_bg_fd(const struct refresh_bg *);
/* Reads the news without waiting: fills *p with where the refresh is,
 * and returns 1 while it runs, 0 when it has ended, or -1 and a message
 * in *cause when it ended because it could not go on (the library could
 * not be opened or written). */
int	 refresh_bg_poll(struct refresh_bg *, struct refresh_progress *,
	    char **);
/* Returns the feeds finished since the last call, their number in *n:
 * an array the caller frees, NULL when none. */
int64_t	*refresh_bg_finished(struct refresh_bg *, size_t *);
/* Stops the refresh if it still runs (between two of its steps, each of
 * them one transaction: nothing is half written), waits for its thread
 * and frees b; NULL is fine. */
void	 refresh_bg_free(struct refresh_bg *);

#endif
