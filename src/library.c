/* library.c: the library in the terminal. The controller owns the stack
 * of views (view_feeds.c at the bottom, view_items.c above it; the pager,
 * view_pager.c, runs over them until it is closed), hands them what it
 * asks store.c for, and runs a refresh on a thread (refresh_bg.c) whose
 * news the loop polls beside the keys. No view knows another. */
#include <config.h>

#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "conf.h"
#include "doc.h"
#include "essay.h"
#include "keys.h"
#include "library.h"
#include "marks.h"
#include "pipeline.h"
#include "refresh.h"
#include "refresh_bg.h"
#include "settings.h"
#include "store.h"
#include "term.h"
#include "url.h"
#include "util.h"
#include "view_bookmarks.h"
#include "view_feeds.h"
#include "view_items.h"
#include "view_pager.h"
#include "xhtml.h"

#define LIBRARY_POLL_MS		250	/* how often the loop looks at the
					 * signal flag */

/* A bookmark deleted in the bookmarks view, for U to put back. */
struct library_undo {
	int64_t			 doc;		/* its essay; 0: none */
	char			**tags;		/* NULL-terminated */
	char			*note;
	char			*title;
	int64_t			 added;
	struct store_quote	*quotes;
	size_t			 nquotes;
};

struct library {
	struct store		*st;
	const struct fetch_opts	*fo;
	int			 measure;
	struct view_feeds	*feeds;		/* the stack's bottom */
	struct view_items	*items;		/* above it, or NULL */
	struct view_bookmarks	*marks;		/* or this, or NULL */
	struct library_undo	 undo;
	struct refresh_bg	*bg;		/* a refresh that runs */
	struct refresh_progress	 p;		/* where it is */
	char			*message;	/* until the next key */
	int			 error;		/* the message is trouble */
};

static void	library_undo_free(struct library_undo *);

/* Says msg (taken) on the status line until the next key. */
static void
library_say(struct library *l, int error, char *msg)
{
	free(l->message);
	l->message = msg;
	l->error = error;
}

/* The feeds and their counts again, from the library. */
static void
library_load_feeds(struct library *l)
{
	struct store_feed	*fv;
	size_t			 n;
	char			*cause;

	if (store_feed_list(l->st, 0, &fv, &n, &cause) != 0)
		library_say(l, 1, cause);
	else
		view_feeds_set(l->feeds, fv, n);
}

/* The items of the feed open, again. */
static void
library_load_items(struct library *l)
{
	struct store_item	*iv;
	size_t			 n;
	char			*cause;

	if (l->items == NULL)
		return;
	if (store_item_list(l->st, view_items_feed(l->items), 0, &iv, &n,
	    &cause) != 0)
		library_say(l, 1, cause);
	else
		view_items_set(l->items, iv, n);
}

int
library_new(struct store *st, const struct fetch_opts *fo, int measure,
    struct library **lp, char **cause)
{
	struct library		*l;
	struct store_feed	*fv;
	size_t			 n;

	if (store_feed_list(st, 0, &fv, &n, cause) != 0)
		return -1;
	l = xcalloc(1, sizeof *l);
	l->st = st;
	l->fo = fo;
	l->measure = measure;
	l->feeds = view_feeds_new();
	view_feeds_set(l->feeds, fv, n);
	*lp = l;
	return 0;
}

void
library_free(struct library *l)
{
	if (l == NULL)
		return;
	refresh_bg_free(l->bg);
	view_items_free(l->items);
	view_bookmarks_free(l->marks);
	library_undo_free(&l->undo);
	view_feeds_free(l->feeds);
	free(l->message);
	free(l);
}

size_t
library_depth(const struct library *l)
{
	return l->items != NULL || l->marks != NULL ? 2 : 1;
}

int
library_refreshing(const struct library *l)
{
	return l->bg != NULL;
}

int
library_fd(const struct library *l)
{
	return l->bg != NULL ? refresh_bg_fd(l->bg) : -1;
}

/* Starts refreshing feed id, or every feed for 0. */
static void
library_refresh(struct library *l, int64_t id)
{
	char	*cause;

	if (l->bg != NULL) {
		library_say(l, 0, xstrdup(_("A refresh is running already")));
		return;
	}
	if (refresh_bg_start(store_path(l->st), id != 0 ? &id : NULL,
	    id != 0 ? 1 : 0, l->fo, &l->bg, &cause) != 0) {
		library_say(l, 1, cause);
		return;
	}
	memset(&l->p, 0, sizeof l->p);
	library_say(l, 0, NULL);
}

/* The counts of a refresh for the status line, while it runs or once it
 * is done: one count a part, each with its plural. Allocated. */
static char *
library_counts(const struct refresh_progress *p, int done)
{
	struct buf	b = BUF_INIT;

	if (done) {
		/* TRANSLATORS: the summary of a refresh in the library, in
		 * three parts on one line: feeds done of all (the count is
		 * that of all), then new items, then feeds failed. */
		buf_printf(&b, ngettext_("Refreshed %zu of %zu feed",
		    "Refreshed %zu of %zu feeds", p->total), p->done,
		    p->total);
		buf_printf(&b, ngettext_(": %zu new item", ": %zu new items",
		    p->new_items), p->new_items);
	} else {
		/* TRANSLATORS: the status line while a refresh runs, in
		 * three parts on one line: feeds done of all (the count is
		 * that of all), then new items, then feeds failed. */
		buf_printf(&b, ngettext_("Refreshing %zu/%zu feed",
		    "Refreshing %zu/%zu feeds", p->total), p->done, p->total);
		/* TRANSLATORS: the second part: items new so far. */
		buf_printf(&b, ngettext_(": %zu new", ": %zu new",
		    p->new_items), p->new_items);
	}
	buf_printf(&b, ngettext_(", %zu failed", ", %zu failed", p->failed),
	    p->failed);
	return buf_detach(&b, NULL);
}

int
library_news(struct library *l)
{
	int64_t	*ids;
	size_t	 n;
	char	*cause = NULL;
	int	 rc;

	if (l->bg == NULL)
		return 0;
	rc = refresh_bg_poll(l->bg, &l->p, &cause);
	ids = refresh_bg_finished(l->bg, &n);
	free(ids);
	if (n > 0 || rc != 1) {
		/* New counts as feeds finish. */
		library_load_feeds(l);
		library_load_items(l);
	}
	if (rc == 1)
		return 1;
	refresh_bg_free(l->bg);
	l->bg = NULL;
	if (rc == -1)
		library_say(l, 1, cause);
	else
		library_say(l, l->p.failed > 0, library_counts(&l->p, 1));
	return 1;
}

/* Marks feed id read. */
static void
library_read(struct library *l, int64_t id)
{
	char	*cause;

	if (store_feed_read(l->st, id, &cause) != 0) {
		library_say(l, 1, cause);
		return;
	}
	library_load_feeds(l);
	library_load_items(l);
}

static void
library_open_feed(struct library *l)
{
	const struct store_feed	*f = view_feeds_current(l->feeds);

	l->items = view_items_new(f->id, f->title != NULL ? f->title :
	    f->url);
	library_load_items(l);
}

/* Appends an HTML element name with text (remote) as its content. */
static void
library_html_text(struct buf *b, const char *name, const char *text)
{
	buf_printf(b, "<%s>", name);
	xhtml_text(b, text, strlen(text));
	buf_printf(b, "</%s>", name);
}

struct doc *
library_item_doc(const struct store_item *it, char **cause)
{
	struct buf	 b = BUF_INIT;
	struct doc	*d;
	const char	*title = it->title != NULL ? it->title : "";
	const char	*body = it->content != NULL && *it->content != '\0' ?
			    it->content : it->summary;

	buf_adds(&b, "<!DOCTYPE html><html><head><meta charset=\"utf-8\">");
	library_html_text(&b, "title", title);
	if (it->authors != NULL) {
		buf_adds(&b, "<meta name=\"author\"");
		xhtml_attr(&b, "content", it->authors);
		buf_adds(&b, ">");
	}
	buf_adds(&b, "</head><body><article>");
	if (body != NULL && *body != '\0')
		buf_adds(&b, body);
	else
		library_html_text(&b, "p", _("The feed gives no text for "
		    "this item."));
	buf_adds(&b, "</article></body></html>");
	d = pipeline_page(buf_str(&b), b.len, "text/html", "utf-8",
	    it->link != NULL && url_is_web(it->link) ? it->link :
	    "about:blank", cause);
	buf_free(&b);
	return d;
}

/* Shows the item's essay in the pager: its page, fetched and kept, else
 * the kept copy, else the feed's own text with a line saying so.
 * Returns 0 or LIBRARY_QUIT. */
static int
library_open_item(struct library *l)
{
	const struct store_item	*cur = view_items_current(l->items);
	struct store_item	 it;
	struct doc		*d;
	char			*cause = NULL, *note;
	int			 rc = -1;

	if (store_item_get(l->st, cur->id, &it, &cause) != 0) {
		library_say(l, 1, cause);
		return 0;
	}
	if (it.unread && store_item_mark(l->st, it.id, 0, &cause) != 0) {
		library_say(l, 1, cause);
		cause = NULL;
	}
	/* item-open content: the feed's own text whatever the link. */
	if (settings_int(SET_ITEM_OPEN) == SETTINGS_ITEM_LINK &&
	    it.link != NULL && url_is_web(it.link))
		rc = view_pager_open(l->st, it.link, l->fo, l->measure,
		    &cause);
	if (rc == -1) {
		note = settings_int(SET_ITEM_OPEN) == SETTINGS_ITEM_CONTENT ?
		    xstrdup(_("The feed's own text (item-open content)")) :
		    cause != NULL ?
		    /* TRANSLATORS: %s says why the page was not fetched. */
		    xprintf(_("The feed's own text: %s"), cause) :
		    xstrdup(_("The feed's own text: the item has no web "
		    "page"));
		free(cause);
		cause = NULL;
		if ((d = library_item_doc(&it, &cause)) == NULL) {
			library_say(l, 1, cause);
			free(note);
			store_item_free(&it);
			return 0;
		}
		rc = view_pager_doc(l->st, d, note, l->fo, l->measure, &cause);
		free(note);
	}
	store_item_free(&it);
	if (cause != NULL)
		library_say(l, 1, xprintf(_("Not kept: %s"), cause));
	free(cause);
	library_load_feeds(l);
	library_load_items(l);
	if (rc == VIEW_PAGER_CANCELLED)
		library_say(l, 0, xstrdup(_("Cancelled")));
	return rc == VIEW_PAGER_QUIT || rc > 128 ? LIBRARY_QUIT : 0;
}

/*
 * The bookmarks view over the feeds (b; c opens it on the essays left
 * unfinished): its rows from the library, the essay under the cursor
 * opened where its reader stopped, and a deleted bookmark kept until
 * the next delete, for U to put back.
 */

/* The quotes of the bookmark under the cursor, when the view has
 * others. */
static void
library_marks_quotes(struct library *l)
{
	const struct store_bookmark	*b;
	struct store_quote		*qv;
	size_t				 n;
	char				*cause;

	if (l->marks == NULL ||
	    (b = view_bookmarks_current(l->marks)) == NULL ||
	    b->id == view_bookmarks_quotes_of(l->marks))
		return;
	if (store_quote_list(l->st, b->id, &qv, &n, &cause) != 0) {
		library_say(l, 1, cause);
		return;
	}
	view_bookmarks_set_quotes(l->marks, b->id, qv, n);
}

/* The view's rows again, as its mode, order, tag and query say. */
static void
library_load_marks(struct library *l)
{
	struct view_bookmarks	*v = l->marks;
	struct store_bookmark	*bv;
	struct store_doc	*dv;
	struct store_hit	*hv;
	struct store_tag	*tv;
	size_t			 n;
	char			*cause;

	if (v == NULL)
		return;
	switch (view_bookmarks_mode(v)) {
	case VIEW_BM_MARKS:
		if (store_bookmark_list(l->st, view_bookmarks_order(v),
		    view_bookmarks_tag(v), NULL, &bv, &n, &cause) != 0)
			goto fail;
		view_bookmarks_set_marks(v, bv, n);
		break;
	case VIEW_BM_CONTINUE:
		if (store_doc_unfinished(l->st, &dv, &n, &cause) != 0)
			goto fail;
		view_bookmarks_set_docs(v, dv, n);
		break;
	case VIEW_BM_SEARCH:
		if (store_search(l->st, view_bookmarks_query(v), VIEW_BM_HITS,
		    &hv, &n, &cause) != 0)
			goto fail;
		view_bookmarks_set_hits(v, hv, n);
		break;
	}
	if (store_tags(l->st, &tv, &n, &cause) != 0)
		goto fail;
	view_bookmarks_set_tags(v, tv, n);
	/* Quotes may have changed in the pager. */
	view_bookmarks_set_quotes(v, 0, NULL, 0);
	library_marks_quotes(l);
	return;
fail:
	library_say(l, 1, cause);
}

static void
library_open_marks(struct library *l, enum view_bookmarks_mode mode)
{
	l->marks = view_bookmarks_new(mode);
	library_load_marks(l);
}

static void
library_undo_free(struct library_undo *u)
{
	size_t	i;

	if (u->tags != NULL)
		for (i = 0; u->tags[i] != NULL; i++)
			free(u->tags[i]);
	free(u->tags);
	free(u->note);
	free(u->title);
	store_quotes_free(u->quotes, u->nquotes);
	memset(u, 0, sizeof *u);
}

/* d: the bookmark under the cursor removed, kept here for U. */
static void
library_marks_delete(struct library *l)
{
	const struct store_bookmark	*b;
	struct library_undo		 u;
	size_t				 i;
	char				*cause;

	if ((b = view_bookmarks_current(l->marks)) == NULL)
		return;
	memset(&u, 0, sizeof u);
	if (store_quote_list(l->st, b->id, &u.quotes, &u.nquotes,
	    &cause) != 0) {
		library_say(l, 1, cause);
		return;
	}
	u.doc = b->doc;
	u.added = b->added;
	u.note = b->note != NULL ? xstrdup(b->note) : NULL;
	u.title = xstrdup(b->title != NULL ? b->title : b->url);
	u.tags = xcalloc(b->ntags + 1, sizeof *u.tags);
	for (i = 0; i < b->ntags; i++)
		u.tags[i] = xstrdup(b->tags[i]);
	if (store_bookmark_remove(l->st, b->id, &cause) != 0) {
		library_undo_free(&u);
		library_say(l, 1, cause);
		return;
	}
	library_undo_free(&l->undo);
	l->undo = u;
	library_load_marks(l);
	/* TRANSLATORS: %s is the bookmark's title. */
	library_say(l, 0, xprintf(_("Deleted %s (U undoes)"), u.title));
}

/* U: the bookmark deleted last back, its tags, note, date and quotes
 * with it. */
static void
library_marks_undo(struct library *l)
{
	struct library_undo		*u = &l->undo;
	struct store_bookmark_in	 in;
	int64_t				 id;
	size_t				 i;
	char				*cause;

	if (u->doc == 0) {
		library_say(l, 0, xstrdup(_("Nothing to undo")));
		return;
	}
	memset(&in, 0, sizeof in);
	in.tags = (const char *const *)u->tags;
	in.note = u->note != NULL ? u->note : "";
	in.added = u->added;
	if (store_bookmark_put(l->st, u->doc, &in, &id, &cause) == -1) {
		library_say(l, 1, cause);
		return;
	}
	for (i = 0; i < u->nquotes; i++)
		if (store_quote_add(l->st, id, u->quotes[i].block,
		    u->quotes[i].text, &cause) == -1) {
			library_say(l, 1, cause);
			cause = NULL;
			break;
		}
	if (i == u->nquotes)
		library_say(l, 0, xprintf(_("Restored %s"), u->title));
	library_load_marks(l);
	view_bookmarks_goto(l->marks, u->doc);
	library_undo_free(u);
}

/* u: the essay under the cursor fetched again; the kept copy stays
 * until the new one is whole in the library. */
static void
library_marks_refresh(struct library *l)
{
	struct store_doc	 d;
	struct doc		*doc = NULL;
	char			*cause = NULL, *fragment = NULL;
	int64_t			 id = view_bookmarks_doc(l->marks);

	if (store_doc_get_id(l->st, id, &d, &cause) != 0) {
		library_say(l, 1, cause);
		return;
	}
	/* TRANSLATORS: %s is the URL being fetched again. */
	library_say(l, 0, xprintf(_("Refreshing %s \xe2\x80\xa6"), d.url));
	library_draw(l);
	term_update();
	if (pipeline_load_fragment(d.url, l->fo, &doc, &fragment,
	    &cause) != 0 ||
	    essay_put(l->st, doc, &fragment, NULL, NULL, &cause) != 0)
		/* TRANSLATORS: %s says why; the old copy stays. */
		library_say(l, 1, xprintf(_("Not refreshed, the kept copy "
		    "stays: %s"), cause));
	else
		library_say(l, 0, xprintf(_("Refreshed: %s"), d.title != NULL ?
		    d.title : d.url));
	free(cause);
	free(fragment);
	doc_free(doc);
	store_doc_free(&d);
	library_load_marks(l);
}

/* Enter: the kept copy, offline, where its reader stopped; a search's
 * result on its first match. */
static int
library_marks_open(struct library *l)
{
	char	*cause = NULL;
	int64_t	 id = view_bookmarks_doc(l->marks);
	int	 rc;

	if (view_bookmarks_mode(l->marks) == VIEW_BM_SEARCH)
		rc = view_pager_found(l->st, id,
		    view_bookmarks_query(l->marks), l->fo, l->measure, &cause);
	else
		rc = view_pager_kept(l->st, NULL, id, l->fo, l->measure,
		    &cause);
	if (cause != NULL)
		library_say(l, 1, rc == -1 ? xstrdup(cause) :
		    xprintf(_("Not kept: %s"), cause));
	free(cause);
	library_load_feeds(l);
	library_load_marks(l);
	return rc == VIEW_PAGER_QUIT || rc > 128 ? LIBRARY_QUIT : 0;
}

/* Enter on m's list of quotes: the kept copy at the quote's paragraph. */
static int
library_marks_quote(struct library *l)
{
	const struct store_quote	*q = view_bookmarks_quote(l->marks);
	char				*cause = NULL;
	int				 rc;

	if (q == NULL)
		return 0;
	rc = view_pager_quoted(l->st, view_bookmarks_doc(l->marks), q->block,
	    l->fo, l->measure, &cause);
	if (cause != NULL)
		library_say(l, 1, rc == -1 ? xstrdup(cause) :
		    xprintf(_("Not kept: %s"), cause));
	free(cause);
	library_load_feeds(l);
	library_load_marks(l);
	return rc == VIEW_PAGER_QUIT || rc > 128 ? LIBRARY_QUIT : 0;
}

/* e: the tags and note typed. */
static void
library_marks_edit(struct library *l)
{
	const char	*tags, *note;
	char		*cause;

	view_bookmarks_edited(l->marks, &tags, &note);
	if (marks_edit(l->st, view_bookmarks_doc(l->marks), tags, note,
	    &cause) != 0) {
		library_say(l, 1, cause);
		return;
	}
	library_load_marks(l);
	library_say(l, 0, xstrdup(_("Tags and note saved")));
}

static int
library_marks_key(struct library *l, int key)
{
	int	rc = 0;

	switch (view_bookmarks_key(l->marks, key)) {
	case VIEW_BM_NONE:
		break;
	case VIEW_BM_LOAD:
		library_load_marks(l);
		break;
	case VIEW_BM_OPEN:
		rc = library_marks_open(l);
		break;
	case VIEW_BM_QUOTE:
		rc = library_marks_quote(l);
		break;
	case VIEW_BM_DELETE:
		library_marks_delete(l);
		break;
	case VIEW_BM_UNDO:
		library_marks_undo(l);
		break;
	case VIEW_BM_REFRESH:
		library_marks_refresh(l);
		break;
	case VIEW_BM_EDIT:
		library_marks_edit(l);
		break;
	case VIEW_BM_CLOSE:
		view_bookmarks_free(l->marks);
		l->marks = NULL;
		return 0;
	case VIEW_BM_QUIT:
		return LIBRARY_QUIT;
	case VIEW_BM_REDRAW:
		term_redraw();
		break;
	}
	library_marks_quotes(l);
	return rc;
}

static int
library_feeds_key(struct library *l, int key)
{
	switch (view_feeds_key(l->feeds, key)) {
	case VIEW_FEEDS_NONE:
		break;
	case VIEW_FEEDS_OPEN:
		library_open_feed(l);
		break;
	case VIEW_FEEDS_REFRESH:
		library_refresh(l, view_feeds_current(l->feeds)->id);
		break;
	case VIEW_FEEDS_REFRESH_ALL:
		library_refresh(l, 0);
		break;
	case VIEW_FEEDS_READ:
		library_read(l, view_feeds_current(l->feeds)->id);
		break;
	case VIEW_FEEDS_CLOSE:
	case VIEW_FEEDS_QUIT:
		return LIBRARY_QUIT;
	case VIEW_FEEDS_REDRAW:
		term_redraw();
		break;
	case VIEW_FEEDS_BOOKMARKS:
		library_open_marks(l, VIEW_BM_MARKS);
		break;
	case VIEW_FEEDS_CONTINUE:
		library_open_marks(l, VIEW_BM_CONTINUE);
		break;
	}
	return 0;
}

static int
library_items_key(struct library *l, int key)
{
	switch (view_items_key(l->items, key)) {
	case VIEW_ITEMS_NONE:
		break;
	case VIEW_ITEMS_OPEN:
		return library_open_item(l);
	case VIEW_ITEMS_REFRESH:
		library_refresh(l, view_items_feed(l->items));
		break;
	case VIEW_ITEMS_REFRESH_ALL:
		library_refresh(l, 0);
		break;
	case VIEW_ITEMS_READ:
		library_read(l, view_items_feed(l->items));
		break;
	case VIEW_ITEMS_CLOSE:
		view_items_free(l->items);
		l->items = NULL;
		break;
	case VIEW_ITEMS_QUIT:
		return LIBRARY_QUIT;
	case VIEW_ITEMS_REDRAW:
		term_redraw();
		break;
	}
	return 0;
}

/* Reads the configuration again (reload-config): colours, keys and the
 * pager's column at once; errors on the status line. */
static void
library_reload(struct library *l)
{
	char	*errors, *line;

	conf_load(&errors);
	free(errors);
	term_restyle();
	l->measure = (int)settings_int(SET_WIDTH);
	if ((line = conf_errors_line()) != NULL)
		library_say(l, 1, line);
	else
		library_say(l, 0, xstrdup(_("Configuration read again")));
}

int
library_key(struct library *l, int key)
{
	/* A message stays until the reader does something. */
	library_say(l, 0, NULL);
	if (keys_lookup_in(l->marks != NULL ? KEYS_BOOKMARKS :
	    l->items != NULL ? KEYS_ITEMS : KEYS_FEEDS, key) ==
	    ACTION_RELOAD_CONFIG) {
		library_reload(l);
		return 0;
	}
	if (l->marks != NULL)
		return library_marks_key(l, key);
	if (l->items != NULL)
		return library_items_key(l, key);
	return library_feeds_key(l, key);
}

void
library_draw(struct library *l)
{
	char	*status = NULL;

	if (l->message != NULL)
		status = xstrdup(l->message);
	else if (l->bg != NULL && l->p.total == 0)
		/* TRANSLATORS: a refresh that has not counted its feeds. */
		status = xstrdup(_("Refreshing\xe2\x80\xa6"));
	else if (l->bg != NULL)
		status = library_counts(&l->p, 0);
	if (l->marks != NULL)
		view_bookmarks_draw(l->marks, status, l->error);
	else if (l->items != NULL)
		view_items_draw(l->items, status, l->error);
	else
		view_feeds_draw(l->feeds, status, l->error);
	free(status);
}

/* Waits for a key or a refresh's news, at most LIBRARY_POLL_MS. Returns
 * the key read, or TERM_KEY_NONE. */
static int
library_wait(struct library *l, int *news)
{
	struct pollfd	pfd[2];
	nfds_t		n = 0;
	int		key;

	*news = 0;
	if ((key = term_read(0)) != TERM_KEY_NONE)
		return key;
	pfd[n].fd = term_fd();
	pfd[n++].events = POLLIN;
	if (library_fd(l) != -1) {
		pfd[n].fd = library_fd(l);
		pfd[n++].events = POLLIN;
	}
	if (poll(pfd, n, LIBRARY_POLL_MS) > 0 && n > 1 &&
	    (pfd[1].revents & (POLLIN | POLLHUP)))
		*news = 1;
	return term_read(0);
}

int
library_run(const struct fetch_opts *fo, int measure)
{
	struct library	*l = NULL;
	struct store	*st = NULL;
	char		*cause = NULL;
	int		 key, news, dirty = 1, sig;

	if (term_start(0, &cause) != 0) {
		warnx_(_("%s; the library needs a terminal (reel feed ls, "
		    "reel item ls list it)"), cause);
		free(cause);
		return -1;
	}
	if (store_open(NULL, 0, &st, &cause) != 0 ||
	    library_new(st, fo, measure, &l, &cause) != 0) {
		term_stop();
		warnx_("%s", cause);
		free(cause);
		store_close(st);
		return REEL_EXIT_FAILURE;
	}
	while (term_signal() == 0) {
		if (dirty) {
			library_draw(l);
			term_update();
		}
		dirty = 0;
		key = library_wait(l, &news);
		if (news && library_news(l))
			dirty = 1;
		if (key == TERM_KEY_NONE || key == TERM_KEY_IGNORED)
			continue;
		dirty = 1;
		if (key == TERM_KEY_RESIZE)
			continue;
		if (library_key(l, key) == LIBRARY_QUIT)
			break;
	}
	sig = term_signal();
	/* A refresh that runs stops between two of its batches. */
	library_free(l);
	term_stop();
	store_close(st);
	return sig != 0 ? 128 + sig : REEL_EXIT_OK;
}
