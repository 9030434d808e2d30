/* view_feeds.h: the library's first screen: the feeds, each with its
 * unread count, tags and an error mark; a filter, a tag, the next feed
 * with news. The feeds are plain structs the controller asked store.c
 * for. */
#ifndef REEL_VIEW_FEEDS_H
#define REEL_VIEW_FEEDS_H

#include <stddef.h>
#include <stdint.h>

struct buf;
struct store_feed;
struct view_feeds;

/* What a key asks of the controller (view_feeds_key()). */
enum view_feeds_req {
	VIEW_FEEDS_NONE,		/* done here; draw again */
	VIEW_FEEDS_OPEN,		/* the feed under the cursor's items */
	VIEW_FEEDS_REFRESH,		/* refresh the feed under the cursor */
	VIEW_FEEDS_REFRESH_ALL,
	VIEW_FEEDS_READ,		/* mark the feed under the cursor read */
	VIEW_FEEDS_CLOSE,		/* q: leave the library */
	VIEW_FEEDS_QUIT,		/* Q */
	VIEW_FEEDS_REDRAW,		/* Ctrl-L */
};

/* Returns a view with no feeds; free with view_feeds_free(). */
struct view_feeds	*view_feeds_new(void);
void			 view_feeds_free(struct view_feeds *);
/* Gives the view n feeds (it takes fv, the old ones freed): new counts
 * after a refresh; the cursor stays on its feed. */
void			 view_feeds_set(struct view_feeds *,
			    struct store_feed *, size_t);
/* Returns the feed under the cursor, or NULL when none is shown; owned
 * by the view until the next view_feeds_set(). */
const struct store_feed	*view_feeds_current(const struct view_feeds *);
/* The sums of every feed: unread items, and feeds in error. */
void			 view_feeds_totals(const struct view_feeds *,
			    size_t *, size_t *);
/* Applies a key; what only the controller can do comes back as a
 * request. */
enum view_feeds_req	 view_feeds_key(struct view_feeds *, int);
/* Draws the view on term.c's screen for rows x cols with status (NULL:
 * the view's own: a prompt being typed, the feed's error, or the keys)
 * on the last row; status_style is 1 for an error. */
void			 view_feeds_draw(struct view_feeds *, const char *,
			    int);

/* Appends feed f's row as it fits in cols cells (ASCII stand-ins when
 * ascii is set): its unread count, a mark when its last refresh failed
 * or it is gone, its title (its URL when it has none) and its tags. */
void			 view_feeds_row(const struct store_feed *, int, int,
			    struct buf *);

#endif
