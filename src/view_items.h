/* view_items.h: the library's second screen: one feed's items, newest
 * first, each with its date, title, author and an unread mark; a filter,
 * the next unread item. The items are plain structs the controller
 * asked store.c for. */
#ifndef REEL_VIEW_ITEMS_H
#define REEL_VIEW_ITEMS_H

#include <stddef.h>
#include <stdint.h>

struct buf;
struct store_item;
struct view_items;

/* What a key asks of the controller (view_items_key()). */
enum view_items_req {
	VIEW_ITEMS_NONE,		/* done here; draw again */
	VIEW_ITEMS_OPEN,		/* the item under the cursor's essay */
	VIEW_ITEMS_REFRESH,		/* refresh this feed */
	VIEW_ITEMS_REFRESH_ALL,
	VIEW_ITEMS_READ,		/* mark this feed read */
	VIEW_ITEMS_CLOSE,		/* q: back to the feeds */
	VIEW_ITEMS_QUIT,		/* Q */
	VIEW_ITEMS_REDRAW		/* Ctrl-L */
};

/* Returns a view of feed id, titled title (copied), with no items yet;
 * free with view_items_free(). */
struct view_items	*view_items_new(int64_t, const char *);
void			 view_items_free(struct view_items *);
/* Returns the feed shown. */
int64_t			 view_items_feed(const struct view_items *);
/* Gives the view n items (it takes them, the old ones freed); the
 * cursor stays on its item. */
void			 view_items_set(struct view_items *,
			    struct store_item *, size_t);
/* Returns the item under the cursor, or NULL when none is shown; owned
 * by the view until the next view_items_set(). */
const struct store_item	*view_items_current(const struct view_items *);
/* Applies a key; what only the controller can do comes back as a
 * request. */
enum view_items_req	 view_items_key(struct view_items *, int);
/* Draws the view as view_feeds_draw() does. */
void			 view_items_draw(struct view_items *, const char *,
			    int);

/* Appends item it's row as it fits in cols cells (ASCII stand-ins when
 * ascii is set): an unread mark, its date (local time), its title and,
 * when there is room, its author. */
void			 view_items_row(const struct store_item *, int, int,
			    struct buf *);

#endif
