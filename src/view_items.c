/* view_items.c: one feed's items on the screen: a list (list.c) of the
 * store's item structs drawn by term.c, a filter typed at the bottom.
 * No SQL: the controller hands the items in. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "keys.h"
#include "layout.h"
#include "list.h"
#include "prompt.h"
#include "settings.h"
#include "store.h"
#include "term.h"
#include "util.h"
#include "view_items.h"
#include "width.h"

/* The prompt of this view. */
#define VIEW_ITEMS_FILTER	1

/* Below these widths, a row leaves out the author, then the date. */
#define VIEW_ITEMS_AUTHOR_COLS	48
#define VIEW_ITEMS_DATE_COLS	28

struct view_items {
	int64_t			 feed;
	char			*title;
	struct store_item	*items;
	size_t			 nitems;
	struct list		 list;
	struct prompt		 prompt;	/* kind 0: none */
};

/* What the filter looks in: the title and the author. */
static void
view_items_text(void *arg, size_t i, struct buf *out)
{
	const struct store_item	*it = &((struct view_items *)arg)->items[i];

	if (it->title != NULL)
		buf_adds(out, it->title);
	if (it->authors != NULL)
		buf_printf(out, " %s", it->authors);
}

static int64_t
view_items_id(void *arg, size_t i)
{
	return ((struct view_items *)arg)->items[i].id;
}

static const struct list_ops view_items_ops = {
	view_items_text, view_items_id
};

struct view_items *
view_items_new(int64_t feed, const char *title)
{
	struct view_items	*v = xcalloc(1, sizeof *v);

	v->feed = feed;
	v->title = xstrdup(title);
	list_init(&v->list, &view_items_ops, v, 0);
	return v;
}

void
view_items_free(struct view_items *v)
{
	if (v == NULL)
		return;
	store_items_free(v->items, v->nitems);
	free(v->title);
	list_free(&v->list);
	prompt_free(&v->prompt);
	free(v);
}

int64_t
view_items_feed(const struct view_items *v)
{
	return v->feed;
}

void
view_items_set(struct view_items *v, struct store_item *items, size_t n)
{
	store_items_free(v->items, v->nitems);
	v->items = items;
	v->nitems = n;
	list_set_count(&v->list, n);
}

const struct store_item *
view_items_current(const struct view_items *v)
{
	long	i = list_current(&v->list);

	return i >= 0 ? &v->items[i] : NULL;
}

/* Moves to the next unread item shown, going round. */
static void
view_items_next_unread(struct view_items *v)
{
	size_t	i, k, n = v->list.nshown;

	if (list_current(&v->list) < 0)
		return;
	for (k = 1; k <= n; k++) {
		i = v->list.shown != NULL ?
		    v->list.shown[(v->list.cursor + k) % n] :
		    (v->list.cursor + k) % n;
		if (v->items[i].unread) {
			list_goto(&v->list, i);
			return;
		}
	}
}

enum view_items_req
view_items_key(struct view_items *v, int key)
{
	enum action	a;
	int		r;

	if (v->prompt.kind != 0) {
		r = prompt_key(&v->prompt, key);
		list_filter(&v->list, r == PROMPT_CANCEL ? NULL :
		    prompt_text(&v->prompt));
		if (r != PROMPT_EDIT)
			prompt_free(&v->prompt);
		return VIEW_ITEMS_NONE;
	}
	/* Its own keys are actions of the items context: bind changes them. */
	switch ((a = keys_lookup_in(KEYS_ITEMS, key))) {
	case ACTION_OPEN:
		return view_items_current(v) != NULL ? VIEW_ITEMS_OPEN :
		    VIEW_ITEMS_NONE;
	case ACTION_REFRESH_FEED:
		return VIEW_ITEMS_REFRESH;
	case ACTION_REFRESH_ALL:
		return VIEW_ITEMS_REFRESH_ALL;
	case ACTION_MARK_FEED_READ:
		return VIEW_ITEMS_READ;
	case ACTION_NEXT_UNREAD:
		view_items_next_unread(v);
		return VIEW_ITEMS_NONE;
	case ACTION_FILTER:
		prompt_open(&v->prompt, VIEW_ITEMS_FILTER, v->list.filter);
		return VIEW_ITEMS_NONE;
	case ACTION_CLOSE:
		return VIEW_ITEMS_CLOSE;
	case ACTION_QUIT:
		return VIEW_ITEMS_QUIT;
	case ACTION_CANCEL:
		list_filter(&v->list, NULL);
		return VIEW_ITEMS_NONE;
	case ACTION_REDRAW:
		return VIEW_ITEMS_REDRAW;
	default:
		list_apply(&v->list, a);
		break;
	}
	return VIEW_ITEMS_NONE;
}

/* Appends s fitted to cells cells and padded with spaces to them. */
static void
view_items_pad(struct buf *out, const char *s, int ascii, int cells)
{
	int	w = layout_fit(out, s, strlen(s), ascii, cells);

	for (; w < cells; w++)
		buf_addc(out, ' ');
}

void
view_items_row(const struct store_item *it, int cols, int ascii,
    struct buf *out)
{
	const char	*title = it->title != NULL && *it->title != '\0' ?
			    it->title : (it->link != NULL ? it->link : "");
	const char	*author = it->authors != NULL ? it->authors : "";
	char		*date;
	int		 aw = 0, w;

	if (cols < 4) {
		layout_fit(out, title, strlen(title), ascii, cols);
		return;
	}
	buf_adds(out, !it->unread ? "  " : ascii ? "N " : "\xe2\x80\xa2 ");
	cols -= 2;
	if (cols + 2 >= VIEW_ITEMS_DATE_COLS) {
		/* date-format, in local time; no date is blank. */
		date = settings_date(it->date, 1);
		if (it->date == 0)
			memset(date, ' ', strlen(date));
		buf_printf(out, "%s  ", date);
		cols -= (int)width_str(date, strlen(date)) + 2;
		free(date);
	}
	if (cols + 2 >= VIEW_ITEMS_AUTHOR_COLS && *author != '\0') {
		/* The author takes a quarter at most, the title the rest. */
		aw = (int)width_str(author, strlen(author));
		if (aw > cols / 4)
			aw = cols / 4;
	}
	if (aw == 0) {
		layout_fit(out, title, strlen(title), ascii, cols);
		return;
	}
	w = cols - aw - 2;
	view_items_pad(out, title, ascii, w);
	buf_adds(out, "  ");
	layout_fit(out, author, strlen(author), ascii, aw);
}

static void
view_items_draw_row(void *arg, size_t i, struct buf *out, int *style)
{
	const struct store_item	*it = &((struct view_items *)arg)->items[i];

	view_items_row(it, term_cols(), term_ascii(), out);
	if (it->unread)
		*style |= TERM_BOLD;
}

void
view_items_draw(struct view_items *v, const char *status, int error)
{
	struct buf	b = BUF_INIT, t = BUF_INIT;
	size_t		i, unread = 0;
	int		rows = term_rows(), cols = term_cols();
	int		style = TERM_STATUS, y;

	term_erase();
	list_set_height(&v->list, rows > 2 ? rows - 2 : 1);
	for (i = 0; i < v->nitems; i++)
		unread += v->items[i].unread != 0;
	/* TRANSLATORS: the items list's header line, in parts: the
	 * feed's title and its items, then the unread ones, then the
	 * filter: "Notes: 12 items, 3 unread  filter: ozu". */
	buf_printf(&t, ngettext_("%s: %zu item", "%s: %zu items",
	    v->nitems), v->title, v->nitems);
	buf_printf(&t, ngettext_(", %zu unread", ", %zu unread", unread),
	    unread);
	if (v->list.filter != NULL)
		buf_printf(&t, _("  filter: %s"), v->list.filter);
	layout_fit(&b, buf_str(&t), t.len, term_ascii(), cols);
	term_bar(0, &b, TERM_TITLE);
	if (v->list.nshown == 0) {
		buf_reset(&b);
		buf_reset(&t);
		buf_adds(&t, v->nitems == 0 ? _("No items yet: r refreshes "
		    "this feed.") : _("No item matches."));
		layout_fit(&b, buf_str(&t), t.len, term_ascii(), cols);
		term_bar(rows > 2 ? 2 : 0, &b, 0);
	} else
		term_list(&v->list, 1, view_items_draw_row, v);
	buf_reset(&b);
	buf_reset(&t);
	if (v->prompt.kind != 0)
		buf_printf(&t, _("Filter: %s"), prompt_text(&v->prompt));
	else if (status != NULL) {
		buf_adds(&t, status);
		if (error)
			style |= TERM_BOLD;
	} else
		/* TRANSLATORS: the key hints on the status line: the keys
		 * stay as they are; the line is cut at 79 columns. */
		buf_adds(&t, _("Enter read  n next unread  A all read  "
		    "r refresh  / filter  q back"));
	y = layout_fit(&b, buf_str(&t), t.len, term_ascii(), cols - 1);
	if (rows >= 2)
		term_bar(rows - 1, &b, style);
	term_show_cursor(v->prompt.kind != 0);
	if (v->prompt.kind != 0 && rows >= 2)
		term_move(rows - 1, y < cols - 1 ? y : cols - 1);
	buf_free(&b);
	buf_free(&t);
}
