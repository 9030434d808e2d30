/* view_bookmarks.h: the library's bookmarks on the screen, beside the
 * feeds: sorted by date added, title, site or last read, filtered by a
 * tag, searched; the essays left unfinished ("continue reading"); a
 * search's results. Plain structs the controller asked store.c for; a
 * key that needs the library comes back as a request. */
#ifndef REEL_VIEW_BOOKMARKS_H
#define REEL_VIEW_BOOKMARKS_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

struct buf;
struct view_bookmarks;

/* The most results of a search the view shows, the best first: more
 * are words too common to narrow anything, and each costs a snippet. */
#define VIEW_BM_HITS	100

/* What the view shows. */
enum view_bookmarks_mode {
	VIEW_BM_MARKS,			/* the bookmarks */
	VIEW_BM_CONTINUE,		/* essays left unfinished */
	VIEW_BM_SEARCH,			/* a search's results, ranked */
};

/* What a key asks of the controller (view_bookmarks_key()). */
enum view_bookmarks_req {
	VIEW_BM_NONE,			/* done here; draw again */
	VIEW_BM_LOAD,			/* the rows again: the mode, order,
					   tag or query changed */
	VIEW_BM_OPEN,			/* the essay under the cursor */
	VIEW_BM_QUOTE,			/* the essay at the quote under
					   the cursor: view_bookmarks_quote() */
	VIEW_BM_DELETE,			/* the bookmark under the cursor */
	VIEW_BM_UNDO,			/* the last delete */
	VIEW_BM_REFRESH,		/* its kept copy from the web */
	VIEW_BM_EDIT,			/* tags and note typed:
					   view_bookmarks_edited() */
	VIEW_BM_CLOSE,			/* q: back to the feeds */
	VIEW_BM_QUIT,			/* Q */
	VIEW_BM_REDRAW,			/* Ctrl-L */
};

/* Returns a view in mode with no rows yet; free with
 * view_bookmarks_free(). */
struct view_bookmarks	*view_bookmarks_new(enum view_bookmarks_mode);
void			 view_bookmarks_free(struct view_bookmarks *);

enum view_bookmarks_mode view_bookmarks_mode(const struct view_bookmarks *);
enum store_bookmark_order view_bookmarks_order(
			    const struct view_bookmarks *);
/* The tag filter and the search's query, or NULL; owned by the view. */
const char		*view_bookmarks_tag(const struct view_bookmarks *);
const char		*view_bookmarks_query(const struct view_bookmarks *);

/* Give the view its rows (it takes them, the old ones freed): the
 * bookmarks, the unfinished essays, a search's hits; the cursor stays on
 * its essay. */
void			 view_bookmarks_set_marks(struct view_bookmarks *,
			    struct store_bookmark *, size_t);
void			 view_bookmarks_set_docs(struct view_bookmarks *,
			    struct store_doc *, size_t);
void			 view_bookmarks_set_hits(struct view_bookmarks *,
			    struct store_hit *, size_t);
/* Gives the library's tags, for Tab at a tag prompt (taken). */
void			 view_bookmarks_set_tags(struct view_bookmarks *,
			    struct store_tag *, size_t);
/* Gives the quotes of bookmark id, shown under the list (taken). */
void			 view_bookmarks_set_quotes(struct view_bookmarks *,
			    int64_t, struct store_quote *, size_t);
/* Returns the bookmark whose quotes the view has, 0 for none. */
int64_t			 view_bookmarks_quotes_of(
			    const struct view_bookmarks *);

/* While m shows the quotes of the bookmark under the cursor: the quote
 * under the quotes' cursor, owned by the view until its quotes change;
 * otherwise NULL. */
const struct store_quote *view_bookmarks_quote(
			    const struct view_bookmarks *);

/* Returns the essay under the cursor, 0 when none is shown. */
int64_t			 view_bookmarks_doc(const struct view_bookmarks *);
/* Moves the cursor to the row of essay doc, when one is shown. */
void			 view_bookmarks_goto(struct view_bookmarks *,
			    int64_t);
/* Returns the bookmark under the cursor (bookmarks only), or NULL;
 * owned by the view until its rows change. */
const struct store_bookmark *view_bookmarks_current(
			    const struct view_bookmarks *);
/* After VIEW_BM_EDIT: the tags and the note typed; owned by the view
 * until the next key. */
void			 view_bookmarks_edited(const struct view_bookmarks *,
			    const char **, const char **);

/* Applies a key; what only the controller can do comes back. */
enum view_bookmarks_req	 view_bookmarks_key(struct view_bookmarks *, int);
/* Draws the view as view_feeds_draw() does: the rows, two lines on the
 * one under the cursor (tags and note, its quotes; where its reader
 * was; a hit's snippet), and status (NULL: the keys or the prompt);
 * after m, the bookmark's quotes instead, one a row. */
void			 view_bookmarks_draw(struct view_bookmarks *,
			    const char *, int);
/* Appends row i as it fits in cols cells (ASCII stand-ins when ascii is
 * set): a date (added, or last read), the title, the site. */
void			 view_bookmarks_row(const struct view_bookmarks *,
			    size_t, int, int, struct buf *);
/* Appends quote i of the bookmark's quotes as it fits in cols cells. */
void			 view_bookmarks_quote_row(const struct view_bookmarks *,
			    size_t, int, int, struct buf *);
/* Appends the two lines about row i, each fitted to cols cells. */
void			 view_bookmarks_detail(const struct view_bookmarks *,
			    size_t, int, int, struct buf *, struct buf *);

#endif
