/* fetch_many.h: many HTTP transfers at once through one curl multi
 * handle: a bounded number in flight, at most a few to one host, each
 * set up and ended by fetch.c's fetch_xfer (its limits, its redirects).
 * The refresh of feeds and the import of bookmarks both run on it. */
#ifndef REEL_FETCH_MANY_H
#define REEL_FETCH_MANY_H

#include <stddef.h>

#include "fetch.h"

struct fetch_many;

/* A transfer that ended, for the caller to keep. */
struct fetch_many_done {
	size_t			 id;	/* fetch_many_add()'s */
	int			 rc;	/* 0 or an enum reel_exit */
	struct fetch_result	 res;	/* when rc is 0 */
	/* When it is not: one sanitized line naming the URL. */
	char			*error;
	/* The last HTTP status, 0 when none came. */
	long			 status;
};

/* Makes an empty set of transfers under fo (copied; its progress
 * callback is not used), at most max_total in flight and max_host to one
 * host (each at least 1). Returns 0 and *mp (free with
 * fetch_many_free()), or -1 and a message in *cause. */
int	 fetch_many_new(const struct fetch_opts *, int, int,
	    struct fetch_many **, char **);
/* Adds a transfer of url, conditional when etag or last_modified is
 * given (each may be NULL), after those added before; nothing starts
 * before fetch_many_step(). Returns its id: 0, 1, 2... in the order
 * added. */
size_t	 fetch_many_add(struct fetch_many *, const char *, const char *,
	    const char *);
/*
 * Moves the transfers on, waiting at most ms milliseconds for something
 * to happen (0: no wait): starts those the limits let start, in their
 * order (one whose host is busy lets those after it go first), follows
 * redirects (a hop to another host waits for its slot there), and keeps
 * those that ended for fetch_many_next(). Returns 1 while transfers
 * remain in flight or waiting, 0 when none does, -1 and *cause when
 * libcurl itself fails (nothing can go on).
 */
int	 fetch_many_step(struct fetch_many *, int, char **);
/* Takes the next transfer that ended, in the order they ended: returns
 * 1 and fills d (the caller frees d->res with fetch_result_free() and
 * d->error), or 0 when none is waiting. */
int	 fetch_many_next(struct fetch_many *, struct fetch_many_done *);
/* Stops what is in flight and frees m and what was not taken; NULL is
 * fine. */
void	 fetch_many_free(struct fetch_many *);

#endif
