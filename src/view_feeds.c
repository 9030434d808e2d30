/* view_feeds.c: the library's feeds on the screen: a list (list.c) of
 * the store's feed structs drawn by term.c, a filter and a tag typed at
 * the bottom. No SQL: the controller hands the feeds in. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "keys.h"
#include "layout.h"
#include "list.h"
#include "prompt.h"
#include "store.h"
#include "term.h"
#include "util.h"
#include "view_feeds.h"

/* The prompts of this view. */
#define VIEW_FEEDS_FILTER	1
#define VIEW_FEEDS_TAG		2

/* The unread count's cells, and the largest count shown in them. */
#define VIEW_FEEDS_COUNT	5
#define VIEW_FEEDS_COUNT_MAX	99999

struct view_feeds {
	struct store_feed	*feeds;
	size_t			 nfeeds;
	size_t			*vis;		/* the feeds the tag lets */
	size_t			 nvis, vis_cap;	/* through, in order */
	char			*tag;		/* NULL: every feed */
	struct list		 list;		/* over vis */
	struct prompt		 prompt;	/* kind 0: none */
};

static const struct store_feed *
view_feeds_at(const struct view_feeds *v, size_t i)
{
	return &v->feeds[v->vis[i]];
}

/* What the filter looks in: what the row shows, the title (else the URL)
 * and the tags; a URL would match what its host and port happen to
 * hold. */
static void
view_feeds_text(void *arg, size_t i, struct buf *out)
{
	const struct store_feed	*f = view_feeds_at(arg, i);
	size_t			 j;

	buf_adds(out, f->title != NULL && *f->title != '\0' ? f->title :
	    f->url);
	for (j = 0; j < f->ntags; j++)
		buf_printf(out, " %s", f->tags[j]);
}

static int64_t
view_feeds_id(void *arg, size_t i)
{
	return view_feeds_at(arg, i)->id;
}

static const struct list_ops view_feeds_ops = {
	view_feeds_text, view_feeds_id
};

struct view_feeds *
view_feeds_new(void)
{
	struct view_feeds	*v = xcalloc(1, sizeof *v);

	list_init(&v->list, &view_feeds_ops, v, 0);
	return v;
}

void
view_feeds_free(struct view_feeds *v)
{
	if (v == NULL)
		return;
	store_feeds_free(v->feeds, v->nfeeds);
	free(v->vis);
	free(v->tag);
	list_free(&v->list);
	prompt_free(&v->prompt);
	free(v);
}

static int
view_feeds_has_tag(const struct store_feed *f, const char *tag)
{
	size_t	i;

	for (i = 0; i < f->ntags; i++)
		if (strcasecmp(f->tags[i], tag) == 0)
			return 1;
	return 0;
}

/* Makes vis the feeds the tag lets through, and tells the list. */
static void
view_feeds_select(struct view_feeds *v)
{
	size_t	i;

	v->nvis = 0;
	for (i = 0; i < v->nfeeds; i++) {
		if (v->tag != NULL && !view_feeds_has_tag(&v->feeds[i], v->tag))
			continue;
		v->vis = xgrowarray(v->vis, &v->vis_cap, v->nvis + 1,
		    sizeof *v->vis);
		v->vis[v->nvis++] = i;
	}
	list_set_count(&v->list, v->nvis);
}

void
view_feeds_set(struct view_feeds *v, struct store_feed *fv, size_t n)
{
	/* The list remembers its cursor's id, and finds it again among the
	 * new feeds. */
	store_feeds_free(v->feeds, v->nfeeds);
	v->feeds = fv;
	v->nfeeds = n;
	view_feeds_select(v);
}

const struct store_feed *
view_feeds_current(const struct view_feeds *v)
{
	long	i = list_current(&v->list);

	return i >= 0 ? view_feeds_at(v, (size_t)i) : NULL;
}

void
view_feeds_totals(const struct view_feeds *v, size_t *unread,
    size_t *failed)
{
	size_t	i;

	*unread = *failed = 0;
	for (i = 0; i < v->nfeeds; i++) {
		*unread += v->feeds[i].nunread;
		if (v->feeds[i].error != NULL || v->feeds[i].gone)
			(*failed)++;
	}
}

/* Moves to the next feed shown with unread items, going round. */
static void
view_feeds_next_unread(struct view_feeds *v)
{
	long	cur = list_current(&v->list);
	size_t	i, k, n = v->list.nshown;

	if (cur < 0)
		return;
	for (k = 1; k <= n; k++) {
		i = v->list.shown != NULL ?
		    v->list.shown[(v->list.cursor + k) % n] :
		    (v->list.cursor + k) % n;
		if (view_feeds_at(v, i)->nunread > 0) {
			list_goto(&v->list, i);
			return;
		}
	}
}

static void
view_feeds_set_tag(struct view_feeds *v, const char *tag)
{
	free(v->tag);
	v->tag = *tag != '\0' ? xstrdup(tag) : NULL;
	view_feeds_select(v);
}

static enum view_feeds_req
view_feeds_prompt_key(struct view_feeds *v, int key)
{
	int	r = prompt_key(&v->prompt, key);

	if (v->prompt.kind == VIEW_FEEDS_FILTER) {
		/* The filter follows each key; Escape takes it away. */
		list_filter(&v->list, r == PROMPT_CANCEL ? NULL :
		    prompt_text(&v->prompt));
	} else if (r == PROMPT_DONE)
		view_feeds_set_tag(v, prompt_text(&v->prompt));
	if (r != PROMPT_EDIT)
		prompt_free(&v->prompt);
	return VIEW_FEEDS_NONE;
}

enum view_feeds_req
view_feeds_key(struct view_feeds *v, int key)
{
	enum action	a;

	if (v->prompt.kind != 0)
		return view_feeds_prompt_key(v, key);
	/* Its own keys are actions of the feeds context: bind changes them. */
	switch ((a = keys_lookup_in(KEYS_FEEDS, key))) {
	case ACTION_OPEN:
		return view_feeds_current(v) != NULL ? VIEW_FEEDS_OPEN :
		    VIEW_FEEDS_NONE;
	case ACTION_REFRESH_FEED:
		return view_feeds_current(v) != NULL ? VIEW_FEEDS_REFRESH :
		    VIEW_FEEDS_NONE;
	case ACTION_REFRESH_ALL:
		return VIEW_FEEDS_REFRESH_ALL;
	case ACTION_MARK_FEED_READ:
		return view_feeds_current(v) != NULL ? VIEW_FEEDS_READ :
		    VIEW_FEEDS_NONE;
	case ACTION_NEXT_UNREAD:
		view_feeds_next_unread(v);
		return VIEW_FEEDS_NONE;
	case ACTION_FILTER:
		prompt_open(&v->prompt, VIEW_FEEDS_FILTER, v->list.filter);
		return VIEW_FEEDS_NONE;
	case ACTION_TAG_FILTER:
		prompt_open(&v->prompt, VIEW_FEEDS_TAG, v->tag);
		return VIEW_FEEDS_NONE;
	case ACTION_BOOKMARKS:
		return VIEW_FEEDS_BOOKMARKS;
	case ACTION_CONTINUE_READING:
		return VIEW_FEEDS_CONTINUE;
	case ACTION_CLOSE:
		return VIEW_FEEDS_CLOSE;
	case ACTION_QUIT:
		return VIEW_FEEDS_QUIT;
	case ACTION_CANCEL:
		/* Escape takes the filter and the tag away. */
		list_filter(&v->list, NULL);
		view_feeds_set_tag(v, "");
		return VIEW_FEEDS_NONE;
	case ACTION_REDRAW:
		return VIEW_FEEDS_REDRAW;
	default:
		/* Motion as in the pager: its keys, its actions. */
		list_apply(&v->list, a);
		break;
	}
	return VIEW_FEEDS_NONE;
}

void
view_feeds_row(const struct store_feed *f, int cols, int ascii,
    struct buf *out)
{
	struct buf	 text = BUF_INIT;
	size_t		 i, n = f->nunread;
	int		 pre = VIEW_FEEDS_COUNT + 3;

	if (cols >= 2 * pre) {
		if (n > VIEW_FEEDS_COUNT_MAX)
			n = VIEW_FEEDS_COUNT_MAX;
		if (n > 0)
			buf_printf(out, "%*zu", VIEW_FEEDS_COUNT, n);
		else
			buf_printf(out, "%*s", VIEW_FEEDS_COUNT, "");
		buf_adds(out, f->error != NULL || f->gone ? " ! " : "   ");
		cols -= pre;
	}
	buf_adds(&text, f->title != NULL && *f->title != '\0' ? f->title :
	    f->url);
	if (f->ntags > 0) {
		buf_adds(&text, " [");
		for (i = 0; i < f->ntags; i++)
			buf_printf(&text, "%s%s", i > 0 ? ", " : "",
			    f->tags[i]);
		buf_addc(&text, ']');
	}
	layout_fit(out, buf_str(&text), text.len, ascii, cols);
	buf_free(&text);
}

static void
view_feeds_draw_row(void *arg, size_t i, struct buf *out, int *style)
{
	const struct store_feed	*f = view_feeds_at(arg, i);

	view_feeds_row(f, term_cols(), term_ascii(), out);
	if (f->nunread > 0)
		*style |= TERM_BOLD;
}

/* The top line: how many feeds, how much unread, what is filtered. */
static void
view_feeds_header(struct view_feeds *v, struct buf *b)
{
	struct buf	t = BUF_INIT;
	size_t		unread, failed;

	view_feeds_totals(v, &unread, &failed);
	/* TRANSLATORS: the feeds list's header line, in parts: "reel:
	 * 9 feeds, 12 unread, 1 failed  tag: film  filter: ozu". */
	buf_printf(&t, ngettext_("reel: %zu feed", "reel: %zu feeds",
	    v->nfeeds), v->nfeeds);
	buf_printf(&t, ngettext_(", %zu unread", ", %zu unread", unread),
	    unread);
	if (failed > 0)
		buf_printf(&t, ngettext_(", %zu failed", ", %zu failed",
		    failed), failed);
	if (v->tag != NULL)
		buf_printf(&t, _("  tag: %s"), v->tag);
	if (v->list.filter != NULL)
		buf_printf(&t, _("  filter: %s"), v->list.filter);
	layout_fit(b, buf_str(&t), t.len, term_ascii(), term_cols());
	buf_free(&t);
}

void
view_feeds_draw(struct view_feeds *v, const char *status, int error)
{
	const struct store_feed	*f = view_feeds_current(v);
	struct buf		 b = BUF_INIT, t = BUF_INIT;
	int			 rows = term_rows(), cols = term_cols();
	int			 style = TERM_STATUS, y;

	term_erase();
	list_set_height(&v->list, rows > 2 ? rows - 2 : 1);
	view_feeds_header(v, &b);
	term_bar(0, &b, TERM_TITLE);
	if (v->nfeeds == 0) {
		buf_reset(&b);
		buf_adds(&t, _("No feeds yet: reel feed add URL, or reel "
		    "feed import FILE.opml"));
		layout_fit(&b, buf_str(&t), t.len, term_ascii(), cols);
		term_bar(rows > 2 ? 2 : 0, &b, 0);
	} else if (v->nvis == 0 || v->list.nshown == 0) {
		buf_reset(&b);
		buf_adds(&t, _("No feed matches."));
		layout_fit(&b, buf_str(&t), t.len, term_ascii(), cols);
		term_bar(rows > 2 ? 2 : 0, &b, 0);
	} else
		term_list(&v->list, 1, view_feeds_draw_row, v);
	buf_reset(&b);
	buf_reset(&t);
	if (v->prompt.kind != 0) {
		buf_printf(&t, v->prompt.kind == VIEW_FEEDS_FILTER ?
		    _("Filter: %s") : _("Tag: %s"), prompt_text(&v->prompt));
	} else if (status != NULL) {
		buf_adds(&t, status);
		if (error)
			style |= TERM_BOLD;
	} else if (f != NULL && f->error != NULL) {
		buf_printf(&t, "%s: %s", f->title != NULL ? f->title : f->url,
		    f->error);
		style |= TERM_BOLD;
	} else if (f != NULL && f->gone)
		buf_printf(&t, _("%s: gone (the server said 410)"), f->url);
	else
		/* TRANSLATORS: the key hints on the status line: the keys
		 * stay as they are; the line is cut at 79 columns. */
		buf_adds(&t, _("Enter open  b bookmarks  c continue  "
		    "r refresh  R all  A read  n next unread  / filter  "
		    "t tag  q quit"));
	y = layout_fit(&b, buf_str(&t), t.len, term_ascii(), cols - 1);
	if (rows >= 2)
		term_bar(rows - 1, &b, style);
	term_show_cursor(v->prompt.kind != 0);
	if (v->prompt.kind != 0 && rows >= 2)
		term_move(rows - 1, y < cols - 1 ? y : cols - 1);
	buf_free(&b);
	buf_free(&t);
}
