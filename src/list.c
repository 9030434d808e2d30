/* list.c: a cursor, a scroll offset, a filter and a search over a list of
 * items the caller holds (the pager's outline, links and help, and the
 * library's lists). Plain data: the views draw what is here.
 *
 * The list asks for an item's text through a callback rather than
 * holding strings: the text is the caller's (a section's title, a feed
 * row whose unread count changes while shown), a copy would go stale, and
 * only the filter and the search ever need it. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "buf.h"
#include "keys.h"
#include "list.h"
#include "util.h"

/* A pattern as lower-case code points, for matching case ignored. */
struct list_pattern {
	unsigned int	*cps;
	size_t		 len;
};

static unsigned int
list_lower(unsigned int cp)
{
	if (cp < 0x80)
		return (unsigned int)ascii_lower((int)cp);
	return (unsigned int)towlower((wint_t)cp);
}

static void
list_pattern_make(struct list_pattern *m, const char *s)
{
	size_t		len = strlen(s), cap = 0, n;
	unsigned int	cp;

	m->cps = NULL;
	m->len = 0;
	while (len > 0) {
		n = utf8_next(s, len, &cp);
		m->cps = xgrowarray(m->cps, &cap, m->len + 1, sizeof *m->cps);
		m->cps[m->len++] = list_lower(cp);
		s += n;
		len -= n;
	}
}

/* Does item i's text have the pattern in it? */
static int
list_match(struct list *l, size_t i, const struct list_pattern *m)
{
	const char	*s, *t;
	size_t		 len, tlen, n, k;
	unsigned int	 cp;

	if (m->len == 0)
		return 1;
	buf_reset(&l->text);
	l->ops->text(l->arg, i, &l->text);
	s = buf_str(&l->text);
	len = l->text.len;
	while (len > 0) {
		t = s;
		tlen = len;
		for (k = 0; k < m->len && tlen > 0; k++) {
			n = utf8_next(t, tlen, &cp);
			if (list_lower(cp) != m->cps[k])
				break;
			t += n;
			tlen -= n;
		}
		if (k == m->len)
			return 1;
		n = utf8_next(s, len, &cp);
		s += n;
		len -= n;
	}
	return 0;
}

static size_t
list_item(const struct list *l, size_t row)
{
	return l->shown != NULL ? l->shown[row] : row;
}

static int64_t
list_id(const struct list *l, size_t i)
{
	return l->ops->id != NULL ? l->ops->id(l->arg, i) : (int64_t)i;
}

/* Keeps the cursor on an item and on screen, and remembers its item.
 * A LIST_SCROLL list has its cursor on the top row, the last page full. */
static void
list_fix(struct list *l)
{
	size_t	rows = (size_t)l->height, n = l->nshown;

	if (n == 0) {
		l->cursor = l->top = 0;
		return;
	}
	if (l->cursor >= n)
		l->cursor = n - 1;
	if (l->flags & LIST_SCROLL) {
		if (l->cursor + rows > n)
			l->cursor = n > rows ? n - rows : 0;
		l->top = l->cursor;
	} else {
		if (l->cursor < l->top)
			l->top = l->cursor;
		if (l->cursor >= l->top + rows)
			l->top = l->cursor - rows + 1;
	}
	l->cursor_item = list_item(l, l->cursor);
	l->cursor_id = list_id(l, l->cursor_item);
	l->cursor_set = 1;
}

/* The row of the first item shown at or after item i, else the last. */
static size_t
list_nearest(const struct list *l, size_t i)
{
	size_t	lo = 0, hi = l->nshown, mid;

	if (l->shown == NULL)
		return i < l->nshown ? i : l->nshown - 1;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (l->shown[mid] < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < l->nshown ? lo : l->nshown - 1;
}

/* Makes the rows again from the count and the filter, then puts the
 * cursor back on its item (found by its id if by_id, else by its index)
 * or the nearest, at the screen row it had when the rows allow. */
static void
list_rebuild(struct list *l, int by_id)
{
	struct list_pattern	m;
	size_t			i, row, pos, max;
	int			found = 0;

	pos = l->nshown > 0 ? l->cursor - l->top : 0;
	if (l->filter == NULL) {
		free(l->shown);
		l->shown = NULL;
		l->shown_cap = 0;
		l->nshown = l->count;
	} else {
		list_pattern_make(&m, l->filter);
		l->nshown = 0;
		for (i = 0; i < l->count; i++) {
			if (!list_match(l, i, &m))
				continue;
			l->shown = xgrowarray(l->shown, &l->shown_cap,
			    l->nshown + 1, sizeof *l->shown);
			l->shown[l->nshown++] = i;
		}
		free(m.cps);
	}
	if (l->nshown == 0) {
		l->cursor = l->top = 0;
		return;
	}
	row = 0;
	if (l->cursor_set && by_id) {
		for (row = 0; row < l->nshown; row++)
			if (list_id(l, list_item(l, row)) == l->cursor_id) {
				found = 1;
				break;
			}
	}
	if (!found)
		row = l->cursor_set ? list_nearest(l, l->cursor_item) : 0;
	l->cursor = row;
	max = l->nshown > (size_t)l->height ?
	    l->nshown - (size_t)l->height : 0;
	l->top = row > pos ? row - pos : 0;
	if (l->top > max)
		l->top = max;
	list_fix(l);
}

void
list_init(struct list *l, const struct list_ops *ops, void *arg, int flags)
{
	memset(l, 0, sizeof *l);
	l->ops = ops;
	l->arg = arg;
	l->flags = flags;
	l->height = 1;
	buf_init(&l->text);
}

void
list_free(struct list *l)
{
	free(l->shown);
	free(l->filter);
	buf_free(&l->text);
	l->shown = NULL;
	l->filter = NULL;
	l->nshown = l->shown_cap = l->count = 0;
	l->cursor = l->top = 0;
	l->cursor_set = 0;
}

void
list_set_count(struct list *l, size_t count)
{
	l->count = count;
	list_rebuild(l, 1);
}

void
list_set_height(struct list *l, int height)
{
	l->height = height > 0 ? height : 1;
	list_fix(l);
}

void
list_resize(struct list *l, size_t count, int height)
{
	l->height = height > 0 ? height : 1;
	l->count = count;
	list_rebuild(l, 1);
}

int
list_apply(struct list *l, enum action action)
{
	size_t	*c = &l->cursor, rows = (size_t)l->height;
	size_t	 half = rows / 2 > 0 ? rows / 2 : 1, n = l->nshown;

	switch (action) {
	case ACTION_LINE_DOWN:
		(*c)++;
		break;
	case ACTION_LINE_UP:
		*c = *c > 0 ? *c - 1 : 0;
		break;
	case ACTION_PAGE_DOWN:
		*c += rows;
		break;
	case ACTION_PAGE_UP:
		*c = *c > rows ? *c - rows : 0;
		break;
	case ACTION_HALF_PAGE_DOWN:
		*c += half;
		break;
	case ACTION_HALF_PAGE_UP:
		*c = *c > half ? *c - half : 0;
		break;
	case ACTION_TOP:
		*c = 0;
		break;
	case ACTION_BOTTOM:
		*c = n > 0 ? n - 1 : 0;
		break;
	default:
		return 0;
	}
	list_fix(l);
	return 1;
}

void
list_goto(struct list *l, size_t i)
{
	if (l->nshown == 0)
		return;
	l->cursor = list_nearest(l, i);
	list_fix(l);
}

void
list_filter(struct list *l, const char *pattern)
{
	free(l->filter);
	l->filter = pattern != NULL && *pattern != '\0' ?
	    xstrdup(pattern) : NULL;
	list_rebuild(l, 0);
}

int
list_search(struct list *l, const char *pattern, int backward)
{
	struct list_pattern	m;
	size_t			n = l->nshown, k, row;
	int			rc = -1;

	if (n == 0 || pattern == NULL || *pattern == '\0')
		return -1;
	list_pattern_make(&m, pattern);
	for (k = 1; k <= n; k++) {
		if (backward)
			row = (l->cursor + n - k) % n;
		else
			row = (l->cursor + k) % n;
		if (list_match(l, list_item(l, row), &m)) {
			/* Past the end (or the start), or round to the cursor's
			 * own item. */
			rc = backward ? k > l->cursor : l->cursor + k >= n;
			l->cursor = row;
			list_fix(l);
			break;
		}
	}
	free(m.cps);
	return rc;
}

long
list_current(const struct list *l)
{
	return l->nshown > 0 ? (long)list_item(l, l->cursor) : -1;
}

long
list_row_item(const struct list *l, int y)
{
	size_t	row;

	if (y < 0 || y >= l->height)
		return -1;
	row = l->top + (size_t)y;
	return row < l->nshown ? (long)list_item(l, row) : -1;
}

int
list_cursor_row(const struct list *l)
{
	if (l->nshown == 0 || l->cursor < l->top)
		return -1;
	return (int)(l->cursor - l->top);
}
