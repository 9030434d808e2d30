/* view_bookmarks.c: the bookmarks, the essays left unfinished and a
 * search's results on the screen: a list (list.c) of the store's structs
 * drawn by term.c, two lines about the row under the cursor, the lines
 * typed at the bottom (a tag, a search, tags and a note). No SQL: the
 * controller hands the rows in and carries out the requests. */
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
#include "marks.h"
#include "prompt.h"
#include "store.h"
#include "term.h"
#include "util.h"
#include "view_bookmarks.h"
#include "width.h"

/* The prompts of this view. */
#define VIEW_BM_PROMPT_TAG	1	/* t: the tag to show */
#define VIEW_BM_PROMPT_SEARCH	2	/* /: a search */
#define VIEW_BM_PROMPT_TAGS	3	/* e: the bookmark's tags, */
#define VIEW_BM_PROMPT_NOTE	4	/* then its note */

/* Below this width a row leaves the site out. */
#define VIEW_BM_SITE_COLS	48
/* Rows under the list: the two lines about the current row. */
#define VIEW_BM_DETAIL		2

struct view_bookmarks {
	enum view_bookmarks_mode	 mode;
	enum store_bookmark_order	 order;
	char				*tag;
	char				*query;
	struct store_bookmark		*marks;
	size_t				 nmarks;
	struct store_doc		*docs;
	size_t				 ndocs;
	struct store_hit		*hits;
	size_t				 nhits;
	struct store_tag		*tags;
	size_t				 ntags;
	int64_t				 quotes_of;
	struct store_quote		*quotes;
	size_t				 nquotes;
	struct list			 qlist;		/* m: the quotes */
	int				 showq;
	struct list			 list;
	struct prompt			 prompt;	/* kind 0: none */
	char				*edit_tags;	/* typed at e */
	char				*edit_note;
};

/* What row i shows, whatever the mode. */
struct view_bm_row {
	int64_t		 doc;
	const char	*title;
	const char	*url;
	const char	*site;
	int64_t		 date;
	int		 mark;		/* a bookmarked hit */
};

static void
view_bookmarks_get(const struct view_bookmarks *v, size_t i,
    struct view_bm_row *r)
{
	memset(r, 0, sizeof *r);
	switch (v->mode) {
	case VIEW_BM_MARKS:
		r->doc = v->marks[i].doc;
		r->title = v->marks[i].title;
		r->url = v->marks[i].url;
		r->site = v->marks[i].site;
		r->date = v->order == STORE_BM_READ ? v->marks[i].read :
		    v->marks[i].added;
		break;
	case VIEW_BM_CONTINUE:
		r->doc = v->docs[i].id;
		r->title = v->docs[i].title;
		r->url = v->docs[i].url;
		r->site = v->docs[i].site;
		r->date = v->docs[i].read;
		break;
	case VIEW_BM_SEARCH:
		r->doc = v->hits[i].doc;
		r->title = v->hits[i].title;
		r->url = v->hits[i].url;
		r->site = v->hits[i].site;
		r->date = v->hits[i].fetched;
		r->mark = v->hits[i].bookmarked;
		break;
	}
	if (r->title == NULL || *r->title == '\0')
		r->title = r->url != NULL ? r->url : "";
	if (r->site == NULL)
		r->site = "";
}

static size_t
view_bookmarks_count(const struct view_bookmarks *v)
{
	switch (v->mode) {
	case VIEW_BM_MARKS:
		return v->nmarks;
	case VIEW_BM_CONTINUE:
		return v->ndocs;
	default:
		return v->nhits;
	}
}

/* What the list's own search looks in: the title and the site. */
static void
view_bookmarks_text(void *arg, size_t i, struct buf *out)
{
	struct view_bm_row	r;

	view_bookmarks_get(arg, i, &r);
	buf_printf(out, "%s %s", r.title, r.site);
}

static int64_t
view_bookmarks_id(void *arg, size_t i)
{
	struct view_bm_row	r;

	view_bookmarks_get(arg, i, &r);
	return r.doc;
}

static const struct list_ops view_bookmarks_ops = {
	view_bookmarks_text, view_bookmarks_id
};

static void
view_bookmarks_qtext(void *arg, size_t i, struct buf *out)
{
	const struct view_bookmarks	*v = arg;

	buf_adds(out, v->quotes[i].text != NULL ? v->quotes[i].text : "");
}

static int64_t
view_bookmarks_qid(void *arg, size_t i)
{
	const struct view_bookmarks	*v = arg;

	return v->quotes[i].id;
}

static const struct list_ops view_bookmarks_qops = {
	view_bookmarks_qtext, view_bookmarks_qid
};

struct view_bookmarks *
view_bookmarks_new(enum view_bookmarks_mode mode)
{
	struct view_bookmarks	*v = xcalloc(1, sizeof *v);

	v->mode = mode;
	v->order = STORE_BM_ADDED;
	list_init(&v->list, &view_bookmarks_ops, v, 0);
	list_init(&v->qlist, &view_bookmarks_qops, v, 0);
	return v;
}

/* Frees the rows of every mode. */
static void
view_bookmarks_clear(struct view_bookmarks *v)
{
	store_bookmarks_free(v->marks, v->nmarks);
	v->marks = NULL;
	v->nmarks = 0;
	store_docs_free(v->docs, v->ndocs);
	v->docs = NULL;
	v->ndocs = 0;
	store_hits_free(v->hits, v->nhits);
	v->hits = NULL;
	v->nhits = 0;
}

void
view_bookmarks_free(struct view_bookmarks *v)
{
	if (v == NULL)
		return;
	view_bookmarks_clear(v);
	store_tags_free(v->tags, v->ntags);
	store_quotes_free(v->quotes, v->nquotes);
	list_free(&v->list);
	list_free(&v->qlist);
	prompt_free(&v->prompt);
	free(v->tag);
	free(v->query);
	free(v->edit_tags);
	free(v->edit_note);
	free(v);
}

enum view_bookmarks_mode
view_bookmarks_mode(const struct view_bookmarks *v)
{
	return v->mode;
}

enum store_bookmark_order
view_bookmarks_order(const struct view_bookmarks *v)
{
	return v->order;
}

const char *
view_bookmarks_tag(const struct view_bookmarks *v)
{
	return v->tag;
}

const char *
view_bookmarks_query(const struct view_bookmarks *v)
{
	return v->query;
}

void
view_bookmarks_set_marks(struct view_bookmarks *v,
    struct store_bookmark *bv, size_t n)
{
	view_bookmarks_clear(v);
	v->marks = bv;
	v->nmarks = n;
	list_set_count(&v->list, n);
}

void
view_bookmarks_set_docs(struct view_bookmarks *v, struct store_doc *dv,
    size_t n)
{
	view_bookmarks_clear(v);
	v->docs = dv;
	v->ndocs = n;
	list_set_count(&v->list, n);
}

void
view_bookmarks_set_hits(struct view_bookmarks *v, struct store_hit *hv,
    size_t n)
{
	view_bookmarks_clear(v);
	v->hits = hv;
	v->nhits = n;
	list_set_count(&v->list, n);
}

void
view_bookmarks_set_tags(struct view_bookmarks *v, struct store_tag *tv,
    size_t n)
{
	store_tags_free(v->tags, v->ntags);
	v->tags = tv;
	v->ntags = n;
}

void
view_bookmarks_set_quotes(struct view_bookmarks *v, int64_t id,
    struct store_quote *qv, size_t n)
{
	store_quotes_free(v->quotes, v->nquotes);
	v->quotes_of = id;
	v->quotes = qv;
	v->nquotes = n;
	list_set_count(&v->qlist, n);
}

/* Whether m's list of quotes is up: the bookmark under the cursor has
 * quotes and the view has them. */
static const struct store_bookmark *
view_bookmarks_showing(const struct view_bookmarks *v)
{
	const struct store_bookmark	*b = view_bookmarks_current(v);

	if (!v->showq || b == NULL || v->quotes_of != b->id ||
	    v->nquotes == 0)
		return NULL;
	return b;
}

const struct store_quote *
view_bookmarks_quote(const struct view_bookmarks *v)
{
	long	i;

	if (view_bookmarks_showing(v) == NULL ||
	    (i = list_current(&v->qlist)) < 0)
		return NULL;
	return &v->quotes[i];
}

int64_t
view_bookmarks_quotes_of(const struct view_bookmarks *v)
{
	return v->quotes_of;
}

int64_t
view_bookmarks_doc(const struct view_bookmarks *v)
{
	struct view_bm_row	r;
	long			i = list_current(&v->list);

	if (i < 0)
		return 0;
	view_bookmarks_get(v, (size_t)i, &r);
	return r.doc;
}

void
view_bookmarks_goto(struct view_bookmarks *v, int64_t doc)
{
	struct view_bm_row	r;
	size_t			i, n = view_bookmarks_count(v);

	for (i = 0; i < n; i++) {
		view_bookmarks_get(v, i, &r);
		if (r.doc == doc) {
			list_goto(&v->list, i);
			return;
		}
	}
}

const struct store_bookmark *
view_bookmarks_current(const struct view_bookmarks *v)
{
	long	i = list_current(&v->list);

	return v->mode == VIEW_BM_MARKS && i >= 0 ? &v->marks[i] : NULL;
}

void
view_bookmarks_edited(const struct view_bookmarks *v, const char **tags,
    const char **note)
{
	*tags = v->edit_tags != NULL ? v->edit_tags : "";
	*note = v->edit_note != NULL ? v->edit_note : "";
}

/* Sets *field to a copy of s, NULL for NULL or "". */
static void
view_bookmarks_setstr(char **field, const char *s)
{
	free(*field);
	*field = s != NULL && *s != '\0' ? xstrdup(s) : NULL;
}

/* A key at the line being typed. */
static enum view_bookmarks_req
view_bookmarks_prompt_key(struct view_bookmarks *v, int key)
{
	const struct store_bookmark	*b;
	int				 kind = v->prompt.kind, r;

	if (key == KEYC_TAB && (kind == VIEW_BM_PROMPT_TAG ||
	    kind == VIEW_BM_PROMPT_TAGS)) {
		marks_complete(&v->prompt.text, v->tags, v->ntags);
		/* One tag to show: no list of them. */
		if (kind == VIEW_BM_PROMPT_TAG && v->prompt.text.len >= 2 &&
		    strcmp(v->prompt.text.data + v->prompt.text.len - 2,
		    ", ") == 0) {
			v->prompt.text.len -= 2;
			v->prompt.text.data[v->prompt.text.len] = '\0';
		}
		return VIEW_BM_NONE;
	}
	if ((r = prompt_key(&v->prompt, key)) == PROMPT_EDIT)
		return VIEW_BM_NONE;
	if (r == PROMPT_CANCEL) {
		prompt_free(&v->prompt);
		return VIEW_BM_NONE;
	}
	switch (kind) {
	case VIEW_BM_PROMPT_TAG:
		view_bookmarks_setstr(&v->tag, prompt_text(&v->prompt));
		prompt_free(&v->prompt);
		return VIEW_BM_LOAD;
	case VIEW_BM_PROMPT_SEARCH:
		view_bookmarks_setstr(&v->query, prompt_text(&v->prompt));
		prompt_free(&v->prompt);
		v->mode = v->query != NULL ? VIEW_BM_SEARCH : VIEW_BM_MARKS;
		return VIEW_BM_LOAD;
	case VIEW_BM_PROMPT_TAGS:
		free(v->edit_tags);
		v->edit_tags = xstrdup(prompt_text(&v->prompt));
		prompt_free(&v->prompt);
		b = view_bookmarks_current(v);
		prompt_open(&v->prompt, VIEW_BM_PROMPT_NOTE, b != NULL ?
		    b->note : NULL);
		return VIEW_BM_NONE;
	default:
		free(v->edit_note);
		v->edit_note = xstrdup(prompt_text(&v->prompt));
		prompt_free(&v->prompt);
		return VIEW_BM_EDIT;
	}
}

/* e: the bookmark's tags, then its note, typed over what they are. */
static void
view_bookmarks_edit(struct view_bookmarks *v)
{
	const struct store_bookmark	*b = view_bookmarks_current(v);
	char				*tags;

	if (b == NULL)
		return;
	tags = marks_tags_join(b->tags, b->ntags);
	prompt_open(&v->prompt, VIEW_BM_PROMPT_TAGS, tags);
	free(tags);
}

/* A key on m's list of quotes. */
static enum view_bookmarks_req
view_bookmarks_quotes_key(struct view_bookmarks *v, int key)
{
	enum action	a;

	switch (key) {
	case KEYC_ENTER:
	case KEYC_RIGHT:
	case 'l':
		return view_bookmarks_quote(v) != NULL ? VIEW_BM_QUOTE :
		    VIEW_BM_NONE;
	case 'q':
	case KEYC_LEFT:
	case KEYC_ESCAPE:
		v->showq = 0;
		return VIEW_BM_NONE;
	case 'Q':
		return VIEW_BM_QUIT;
	case 0x0c:		/* Ctrl-L */
		return VIEW_BM_REDRAW;
	}
	if ((a = keys_lookup(key)) != ACTION_NONE)
		list_apply(&v->qlist, a);
	return VIEW_BM_NONE;
}

enum view_bookmarks_req
view_bookmarks_key(struct view_bookmarks *v, int key)
{
	enum action	a;

	if (v->prompt.kind != 0)
		return view_bookmarks_prompt_key(v, key);
	if (view_bookmarks_showing(v) != NULL)
		return view_bookmarks_quotes_key(v, key);
	v->showq = 0;
	if (keys_lookup_in(KEYS_BOOKMARKS, key) == ACTION_QUOTES) {
		/* The bookmark's quotes, all of them, the first first. */
		v->showq = 1;
		if (view_bookmarks_showing(v) == NULL) {
			v->showq = 0;
			return VIEW_BM_NONE;
		}
		list_goto(&v->qlist, 0);
		return VIEW_BM_NONE;
	}
	/* Its own keys are actions of the bookmarks context. */
	switch ((a = keys_lookup_in(KEYS_BOOKMARKS, key))) {
	case ACTION_OPEN:
		return view_bookmarks_doc(v) != 0 ? VIEW_BM_OPEN :
		    VIEW_BM_NONE;
	case ACTION_SWITCH_LIST:
		/* The bookmarks and the essays left unfinished. */
		v->mode = v->mode == VIEW_BM_CONTINUE ? VIEW_BM_MARKS :
		    VIEW_BM_CONTINUE;
		return VIEW_BM_LOAD;
	case ACTION_SORT:
		if (v->mode != VIEW_BM_MARKS)
			return VIEW_BM_NONE;
		v->order = v->order == STORE_BM_READ ? STORE_BM_ADDED :
		    v->order + 1;
		return VIEW_BM_LOAD;
	case ACTION_TAG_FILTER:
		if (v->mode != VIEW_BM_MARKS)
			return VIEW_BM_NONE;
		prompt_open(&v->prompt, VIEW_BM_PROMPT_TAG, v->tag);
		return VIEW_BM_NONE;
	case ACTION_SEARCH_LIBRARY:
		prompt_open(&v->prompt, VIEW_BM_PROMPT_SEARCH, v->query);
		return VIEW_BM_NONE;
	case ACTION_EDIT_BOOKMARK:
		view_bookmarks_edit(v);
		return VIEW_BM_NONE;
	case ACTION_DELETE_BOOKMARK:
		return view_bookmarks_current(v) != NULL ? VIEW_BM_DELETE :
		    VIEW_BM_NONE;
	case ACTION_UNDO_DELETE:
		return VIEW_BM_UNDO;
	case ACTION_REFETCH:
		return view_bookmarks_doc(v) != 0 ? VIEW_BM_REFRESH :
		    VIEW_BM_NONE;
	case ACTION_CLOSE:
	case ACTION_CANCEL:
		/* Out of a search, out of a tag, then out of the view. */
		if (v->mode == VIEW_BM_SEARCH) {
			view_bookmarks_setstr(&v->query, NULL);
			v->mode = VIEW_BM_MARKS;
			return VIEW_BM_LOAD;
		}
		if (v->mode == VIEW_BM_MARKS && v->tag != NULL) {
			view_bookmarks_setstr(&v->tag, NULL);
			return VIEW_BM_LOAD;
		}
		return a == ACTION_CANCEL ? VIEW_BM_NONE : VIEW_BM_CLOSE;
	case ACTION_QUIT:
		return VIEW_BM_QUIT;
	case ACTION_REDRAW:
		return VIEW_BM_REDRAW;
	default:
		list_apply(&v->list, a);
		break;
	}
	return VIEW_BM_NONE;
}

/* Appends s fitted to cells cells and padded with spaces to them. */
static void
view_bookmarks_pad(struct buf *out, const char *s, int ascii, int cells)
{
	int	w = layout_fit(out, s, strlen(s), ascii, cells);

	for (; w < cells; w++)
		buf_addc(out, ' ');
}

void
view_bookmarks_row(const struct view_bookmarks *v, size_t i, int cols,
    int ascii, struct buf *out)
{
	struct view_bm_row	 r;
	struct tm		 tm;
	time_t			 t;
	char			 date[32];
	int			 sw = 0;

	view_bookmarks_get(v, i, &r);
	if (cols < 4) {
		layout_fit(out, r.title, strlen(r.title), ascii, cols);
		return;
	}
	buf_adds(out, !r.mark ? "  " : ascii ? "* " : "\xe2\x98\x85 ");
	cols -= 2;
	if (cols >= 24) {
		t = (time_t)r.date;
		if (r.date == 0 || localtime_r(&t, &tm) == NULL ||
		    strftime(date, sizeof date, "%Y-%m-%d", &tm) == 0)
			snprintf(date, sizeof date, "%10s", "");
		buf_printf(out, "%s  ", date);
		cols -= (int)strlen(date) + 2;
	}
	if (cols + 12 >= VIEW_BM_SITE_COLS && *r.site != '\0') {
		/* The site takes a quarter at most, the title the rest. */
		sw = (int)width_str(r.site, strlen(r.site));
		if (sw > cols / 4)
			sw = cols / 4;
	}
	if (sw == 0) {
		layout_fit(out, r.title, strlen(r.title), ascii, cols);
		return;
	}
	view_bookmarks_pad(out, r.title, ascii, cols - sw - 2);
	buf_adds(out, "  ");
	layout_fit(out, r.site, strlen(r.site), ascii, sw);
}

/* The lines about a bookmark: its tags and note; its quotes. */
static void
view_bookmarks_mark_detail(const struct view_bookmarks *v,
    const struct store_bookmark *b, struct buf *one, struct buf *two)
{
	char	*tags = marks_tags_join(b->tags, b->ntags);

	buf_printf(one, _("Tags: %s"), b->ntags > 0 ? tags : _("none"));
	if (b->note != NULL)
		buf_printf(one, _("  Note: %s"), b->note);
	free(tags);
	if (b->nquotes == 0)
		buf_adds(two, _("No quotes: m in the pager marks one."));
	else {
		buf_printf(two, ngettext_("%zu quote", "%zu quotes",
		    b->nquotes), b->nquotes);
		/* The first in the essay's order, once the view has them. */
		if (v->quotes_of == b->id && v->nquotes > 0)
			buf_printf(two, ": \xe2\x80\x9c%s\xe2\x80\x9d",
			    v->quotes[0].text);
	}
}

void
view_bookmarks_detail(const struct view_bookmarks *v, size_t i, int cols,
    int ascii, struct buf *one, struct buf *two)
{
	struct buf			 a = BUF_INIT, b = BUF_INIT;
	const struct store_doc		*d;
	const struct store_hit		*h;

	buf_adds(&a, "");
	buf_adds(&b, "");
	switch (v->mode) {
	case VIEW_BM_MARKS:
		view_bookmarks_mark_detail(v, &v->marks[i], &a, &b);
		break;
	case VIEW_BM_CONTINUE:
		d = &v->docs[i];
		if (d->pos.section > 0)
			/* TRANSLATORS: %zu is a section's number. */
			buf_printf(&a, _("Left in section %zu"),
			    d->pos.section);
		else
			buf_adds(&a, _("Left before the first section"));
		buf_adds(&b, d->url);
		break;
	case VIEW_BM_SEARCH:
		h = &v->hits[i];
		buf_adds(&a, h->snippet != NULL ? h->snippet : "");
		buf_adds(&b, h->url);
		break;
	}
	layout_fit(one, buf_str(&a), a.len, ascii, cols);
	layout_fit(two, buf_str(&b), b.len, ascii, cols);
	buf_free(&a);
	buf_free(&b);
}

static void
view_bookmarks_draw_row(void *arg, size_t i, struct buf *out, int *style)
{
	(void)style;
	view_bookmarks_row(arg, i, term_cols(), term_ascii(), out);
}

void
view_bookmarks_quote_row(const struct view_bookmarks *v, size_t i,
    int cols, int ascii, struct buf *out)
{
	const char	*t = v->quotes[i].text != NULL ? v->quotes[i].text : "";

	if (cols < 4) {
		layout_fit(out, t, strlen(t), ascii, cols);
		return;
	}
	buf_adds(out, "  ");
	layout_fit(out, t, strlen(t), ascii, cols - 2);
}

static void
view_bookmarks_draw_quote(void *arg, size_t i, struct buf *out,
    int *style)
{
	(void)style;
	view_bookmarks_quote_row(arg, i, term_cols(), term_ascii(), out);
}

/* m: the bookmark's quotes, one a row, Enter opening the essay there. */
static void
view_bookmarks_draw_quotes(struct view_bookmarks *v,
    const struct store_bookmark *bm, const char *status, int error)
{
	struct buf	b = BUF_INIT, t = BUF_INIT;
	int		rows = term_rows(), cols = term_cols();
	int		style = TERM_REVERSE;
	const char	*title = bm->title != NULL && *bm->title != '\0' ?
			    bm->title : bm->url;

	list_set_height(&v->qlist, rows > 3 ? rows - 2 : 1);
	/* TRANSLATORS: %zu is how many, %s the essay's title. */
	buf_printf(&t, ngettext_("%zu quote of %s", "%zu quotes of %s",
	    v->nquotes), v->nquotes, title);
	layout_fit(&b, buf_str(&t), t.len, term_ascii(), cols);
	term_bar(0, &b, TERM_BOLD);
	buf_reset(&b);
	buf_reset(&t);
	term_list(&v->qlist, 1, view_bookmarks_draw_quote, v);
	if (status != NULL) {
		buf_adds(&t, status);
		if (error)
			style |= TERM_BOLD;
	} else
		buf_adds(&t, _("Enter read at the quote  q back"));
	layout_fit(&b, buf_str(&t), t.len, term_ascii(), cols - 1);
	if (rows >= 2)
		term_bar(rows - 1, &b, style);
	term_show_cursor(0);
	buf_free(&b);
	buf_free(&t);
}

/* The first line: what is shown, how many, in which order. */
static void
view_bookmarks_title(const struct view_bookmarks *v, struct buf *t)
{
	static const char	*orders[] = {
		N_("date added"), N_("title"), N_("site"), N_("last read")
	};
	size_t			 n = view_bookmarks_count(v);

	switch (v->mode) {
	case VIEW_BM_MARKS:
		buf_printf(t, ngettext_("Bookmarks: %zu, by %s",
		    "Bookmarks: %zu, by %s", n), n, _(orders[v->order]));
		if (v->tag != NULL)
			buf_printf(t, _("  tag: %s"), v->tag);
		break;
	case VIEW_BM_CONTINUE:
		buf_printf(t, ngettext_("Continue reading: %zu essay",
		    "Continue reading: %zu essays", n), n);
		break;
	case VIEW_BM_SEARCH:
		buf_printf(t, ngettext_("Search %s: %zu result",
		    "Search %s: %zu results", n), v->query, n);
		break;
	}
}

/* The last line's own words: the line being typed, or the keys. */
static void
view_bookmarks_status(const struct view_bookmarks *v, struct buf *t)
{
	switch (v->prompt.kind) {
	case VIEW_BM_PROMPT_TAG:
		buf_printf(t, _("Tag: %s"), prompt_text(&v->prompt));
		return;
	case VIEW_BM_PROMPT_SEARCH:
		buf_printf(t, _("Search: %s"), prompt_text(&v->prompt));
		return;
	case VIEW_BM_PROMPT_TAGS:
		buf_printf(t, _("Tags: %s"), prompt_text(&v->prompt));
		return;
	case VIEW_BM_PROMPT_NOTE:
		buf_printf(t, _("Note: %s"), prompt_text(&v->prompt));
		return;
	}
	if (v->mode == VIEW_BM_MARKS)
		buf_adds(t, _("Enter read  s sort  t tag  / search  e edit  "
		    "d delete  U undo  u refresh  Tab continue  q back"));
	else
		buf_adds(t, _("Enter read  / search  u refresh  "
		    "Tab bookmarks  q back"));
}

void
view_bookmarks_draw(struct view_bookmarks *v, const char *status,
    int error)
{
	struct buf	b = BUF_INIT, t = BUF_INIT, two = BUF_INIT;
	int		rows = term_rows(), cols = term_cols();
	int		style = TERM_REVERSE, y, h;
	long		i;
	const struct store_bookmark *bm;

	term_erase();
	if (v->prompt.kind == 0 && (bm = view_bookmarks_showing(v)) != NULL) {
		view_bookmarks_draw_quotes(v, bm, status, error);
		return;
	}
	h = rows - 2 - VIEW_BM_DETAIL;
	list_set_height(&v->list, h > 1 ? h : 1);
	view_bookmarks_title(v, &t);
	layout_fit(&b, buf_str(&t), t.len, term_ascii(), cols);
	term_bar(0, &b, TERM_BOLD);
	buf_reset(&b);
	buf_reset(&t);
	if (v->list.nshown == 0) {
		buf_adds(&t, v->mode == VIEW_BM_MARKS ? (v->tag != NULL ?
		    _("No bookmark has this tag.") : _("No bookmarks yet: "
		    "s in the pager keeps the essay shown.")) :
		    v->mode == VIEW_BM_CONTINUE ? _("Nothing left "
		    "unfinished.") : _("Nothing matches."));
		layout_fit(&b, buf_str(&t), t.len, term_ascii(), cols);
		term_bar(rows > 2 ? 2 : 0, &b, 0);
	} else
		term_list(&v->list, 1, view_bookmarks_draw_row, v);
	buf_reset(&b);
	buf_reset(&t);
	if ((i = list_current(&v->list)) >= 0 && h > 1) {
		view_bookmarks_detail(v, (size_t)i, cols, term_ascii(), &b,
		    &two);
		term_bar(rows - 1 - VIEW_BM_DETAIL, &b, TERM_BOLD);
		term_bar(rows - VIEW_BM_DETAIL, &two, 0);
		buf_reset(&b);
	}
	if (v->prompt.kind == 0 && status != NULL) {
		buf_adds(&t, status);
		if (error)
			style |= TERM_BOLD;
	} else
		view_bookmarks_status(v, &t);
	y = layout_fit(&b, buf_str(&t), t.len, term_ascii(), cols - 1);
	if (rows >= 2)
		term_bar(rows - 1, &b, style);
	term_show_cursor(v->prompt.kind != 0);
	if (v->prompt.kind != 0 && rows >= 2)
		term_move(rows - 1, y < cols - 1 ? y : cols - 1);
	buf_free(&b);
	buf_free(&t);
	buf_free(&two);
}
