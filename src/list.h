/* list.h: a list on the screen as plain data: a cursor, a scroll offset,
 * a filter and a search over items that the caller holds. No curses. */
#ifndef REEL_LIST_H
#define REEL_LIST_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "keys.h"

/* What a list asks its caller about item i (below the count it was
 * given): its text, appended to out, for the filter and the search; and
 * an id that stays with the item when the items change (NULL: the item's
 * index is its id). */
struct list_ops {
	void	(*text)(void *, size_t, struct buf *);
	int64_t	(*id)(void *, size_t);
};

#define LIST_SCROLL	0x1	/* no cursor of its own: moving moves the
				   view, and the last page stays full */

struct list {
	const struct list_ops	*ops;
	void			*arg;
	int			 flags;
	size_t			 count;		/* the caller's items */
	size_t			*shown;		/* items the filter lets
						 * through; NULL: all */
	size_t			 nshown;
	size_t			 shown_cap;
	size_t			 cursor;	/* a row, below nshown */
	size_t			 top;		/* the row on screen first */
	int			 height;
	char			*filter;	/* NULL: none */
	int64_t			 cursor_id;	/* the cursor's item, found */
	size_t			 cursor_item;	/* again when items change */
	int			 cursor_set;
	struct buf		 text;
};

/* Makes l an empty list of height 1 whose items ops and arg describe;
 * LIST_ flags. The list keeps ops and arg, and owns neither. */
void	 list_init(struct list *, const struct list_ops *, void *, int);
/* Frees what l holds (not the items); list_init() makes it new again. */
void	 list_free(struct list *);
/* Says that the caller now has count items, the old ones changed or not:
 * the cursor stays on the item with the id it was on, else goes to the
 * nearest (the first item at or after its old index that is shown, else
 * the last), on the same screen row when the rows allow. */
void	 list_set_count(struct list *, size_t);
/* Sets the rows the list has on the screen (at least 1), keeping the
 * cursor on them. */
void	 list_set_height(struct list *, int);
/* list_set_count() and list_set_height() at once, for a window whose new
 * size changes the items too (lines wrapped to its width). */
void	 list_resize(struct list *, size_t, int);

/* Carries out a motion (line, half page, page, top, bottom, up or
 * down); returns 0 for any other action, which it leaves alone. */
int	 list_apply(struct list *, enum action);
/* Moves the cursor to item i, or the nearest item shown. */
void	 list_goto(struct list *, size_t);

/* Shows only the items whose text has pattern in it, case ignored (NULL
 * or "": all); the cursor stays on its item when it is still shown,
 * else goes to the nearest. The list keeps a copy of pattern. */
void	 list_filter(struct list *, const char *);
/* Moves the cursor to the next shown item whose text has pattern in it,
 * case ignored (the previous one if backward), going round past the end.
 * Returns 0 when found before the end, 1 when found after going round,
 * -1 (the cursor not moved) when no item has it. */
int	 list_search(struct list *, const char *, int);

/* Returns the item under the cursor, or -1 when none is shown. */
long	 list_current(const struct list *);
/* Returns the item on row y of the list's screen rows (0 the first), or
 * -1 past the last item shown or the last row. */
long	 list_row_item(const struct list *, int);
/* Returns the screen row of the cursor, or -1 when none is shown. */
int	 list_cursor_row(const struct list *);

#endif
