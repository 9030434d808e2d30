/* refresh.h: many feeds fetched at once through libcurl's multi interface
 * (a bounded number in flight, at most a few per host, conditional GET),
 * each parsed as it arrives and merged into the library. A refresh runs in
 * steps, so that a view can go on drawing and reading keys while it runs. */
#ifndef REEL_REFRESH_H
#define REEL_REFRESH_H

#include <stddef.h>
#include <stdint.h>

struct fetch_opts;
struct store;
struct refresh;

#define REFRESH_MAX_TOTAL	16	/* transfers in flight, in all */
#define REFRESH_MAX_HOST	4	/* transfers in flight to one host */
/* Items kept of one feed's refresh, its first (newest) ones: a feed of
 * 100,000 items is a mistake or an attack; the rest is its error. */
#define REFRESH_MAX_ITEMS	10000

struct refresh_opts {
	const struct fetch_opts	*fetch;		/* limits of each transfer */
	int			 max_total;	/* 0: REFRESH_MAX_TOTAL */
	int			 max_host;	/* 0: REFRESH_MAX_HOST */
};

/* Where a refresh is: what the progress bar and the status line show. */
struct refresh_progress {
	size_t	total;		/* feeds to refresh */
	size_t	done;		/* finished, well or not */
	size_t	failed;		/* of which with an error */
	size_t	unchanged;	/* of which answered 304 Not Modified */
	size_t	new_items;	/* items added to the library */
};

/* Starts refreshing the n feeds whose ids are given, or every feed when
 * ids is NULL (but those the server said are gone: a 410 marks a feed
 * gone, and only naming it refreshes it again). Nothing is fetched before refresh_step(). The store must
 * outlive the refresh. Returns 0 and *rp (free with refresh_free()), or
 * -1 and a message in *cause. */
int	 refresh_start(struct store *, const int64_t *, size_t,
	    const struct refresh_opts *, struct refresh **, char **);
/* Does the work that is ready, waiting at most ms milliseconds for
 * something to happen (0: no wait): transfers move on, and the feeds that
 * arrived are parsed and merged into the library, one transaction for
 * those of this step. A feed's failure is kept as that feed's error and
 * never stops the others. Returns 1 while feeds remain, 0 when all are
 * done, -1 and *cause when the library cannot be written (the refresh
 * cannot go on). */
int	 refresh_step(struct refresh *, int, char **);
/* Fills *p with where the refresh is. */
void	 refresh_progress(const struct refresh *, struct refresh_progress *);
/* Returns the ids of the feeds finished since the last call (a view
 * updates their rows), and their number in *n; owned by the refresh,
 * valid until the next refresh_step(). */
const int64_t *refresh_finished(struct refresh *, size_t *);
/* Returns the error the last refresh of feed id ended with (what the
 * library keeps as its error), NULL if it went well, has not ended, or
 * is not in this refresh; owned by the refresh. */
const char *refresh_error(const struct refresh *, int64_t);
/* Stops what is in flight and frees r; NULL is fine. */
void	 refresh_free(struct refresh *);

#endif
