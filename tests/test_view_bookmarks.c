/* test_view_bookmarks.c: the bookmarks view without a terminal: rows at
 * several widths (the date, the title, the site when there is room, a
 * search hit's mark), the lines about the row under the cursor, and the
 * keys over a real library: the order cycled, a tag typed and completed,
 * a search, the essays left unfinished, delete, undo, refresh, tags and
 * note edited, and the drawing on term.c's off-screen screen. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "buf.h"
#include "keys.h"
#include "store.h"
#include "term.h"
#include "testhome.h"
#include "util.h"
#include "view_bookmarks.h"
#include "width.h"

#define DAY	86400
#define ADDED	1748944800	/* 2025-06-03 10:00 UTC */

/* Keeps an essay and bookmarks it, added days before ADDED. */
static int64_t
mark(struct store *st, const char *url, const char *title,
    const char *site, const char *text, const char *const *tags,
    const char *note, int days)
{
	struct store_doc		 d;
	struct store_bookmark_in	 in;
	char				*cause = NULL;
	int64_t				 doc, id;

	memset(&d, 0, sizeof d);
	d.url = (char *)url;
	d.title = (char *)title;
	d.site = (char *)site;
	d.text = (char *)text;
	d.content = (char *)"<div xmlns=\"http://www.w3.org/1999/xhtml\">"
	    "<p>x</p></div>";
	if (store_doc_put(st, &d, NULL, &doc, &cause) != 0)
		fail_msg("store_doc_put: %s", cause);
	memset(&in, 0, sizeof in);
	in.tags = tags;
	in.note = note;
	in.added = ADDED - (int64_t)days * DAY;
	if (store_bookmark_put(st, doc, &in, &id, &cause) != 0)
		fail_msg("store_bookmark_put: %s", cause);
	return id;
}

static struct store *
library(void)
{
	static const char *const film[] = { "Film", NULL };
	static const char *const both[] = { "film", "Fiction", NULL };
	struct store		*st = NULL;
	char			*cause = NULL;
	int64_t			 id;

	assert_int_equal(store_open(NULL, 0, &st, &cause), 0);
	id = mark(st, "https://b.example/cut", "On the cut", "Bravo",
	    "The cut joins two shots.", film, "read again", 2);
	assert_int_equal(store_quote_add(st, id, 3, "The cut joins.",
	    &cause), 0);
	mark(st, "https://a.example/take", "A long take", "Alpha",
	    "The long take holds.", both, NULL, 1);
	mark(st, "https://c.example/fade", "Zoetrope", "Charlie",
	    "The fade ends a scene.", NULL, NULL, 0);
	return st;
}

static void
load(struct store *st, struct view_bookmarks *v)
{
	struct store_bookmark	*bv;
	struct store_tag	*tv;
	struct store_hit	*hv;
	struct store_doc	*dv;
	size_t			 n;
	char			*cause = NULL;

	switch (view_bookmarks_mode(v)) {
	case VIEW_BM_MARKS:
		assert_int_equal(store_bookmark_list(st,
		    view_bookmarks_order(v), view_bookmarks_tag(v), NULL,
		    &bv, &n, &cause), 0);
		view_bookmarks_set_marks(v, bv, n);
		break;
	case VIEW_BM_CONTINUE:
		assert_int_equal(store_doc_unfinished(st, &dv, &n, &cause),
		    0);
		view_bookmarks_set_docs(v, dv, n);
		break;
	case VIEW_BM_SEARCH:
		assert_int_equal(store_search(st, view_bookmarks_query(v), 0,
		    &hv, &n, &cause), 0);
		view_bookmarks_set_hits(v, hv, n);
		break;
	}
	assert_int_equal(store_tags(st, &tv, &n, &cause), 0);
	view_bookmarks_set_tags(v, tv, n);
}

static char *
row(const struct view_bookmarks *v, size_t i, int cols, int ascii)
{
	struct buf	b = BUF_INIT;

	view_bookmarks_row(v, i, cols, ascii, &b);
	buf_adds(&b, "");
	return buf_detach(&b, NULL);
}

static const char *
title(const struct view_bookmarks *v)
{
	const struct store_bookmark	*b = view_bookmarks_current(v);

	return b != NULL ? b->title : "(none)";
}

/* Sends the keys of s, each wanting VIEW_BM_NONE. */
static void
keys(struct view_bookmarks *v, const char *s)
{
	for (; *s != '\0'; s++)
		assert_int_equal(view_bookmarks_key(v, *s == '\n' ?
		    KEYC_ENTER : *s == '\033' ? KEYC_ESCAPE : *s == '\t' ?
		    KEYC_TAB : (unsigned char)*s), VIEW_BM_NONE);
}

static void
test_rows(void **state)
{
	struct store		*st = library();
	struct view_bookmarks	*v = view_bookmarks_new(VIEW_BM_MARKS);
	struct buf		 b = BUF_INIT, two = BUF_INIT;
	char			*got;
	int			 cols;

	(void)state;
	load(st, v);
	/* Newest first: the date added, the title, the site at the right. */
	got = row(v, 0, 80, 0);
	assert_int_equal(strncmp(got, "  2025-06-03  Zoetrope ", 23), 0);
	assert_non_null(strstr(got, "  Charlie"));
	assert_int_equal(width_str(got, strlen(got)), 80);
	free(got);
	got = row(v, 2, 40, 0);
	assert_string_equal(got, "  2025-06-01  On the cut");
	free(got);
	/* Narrow: no date. */
	got = row(v, 1, 20, 0);
	assert_string_equal(got, "  A long take");
	free(got);
	for (cols = 1; cols <= 120; cols++) {
		got = row(v, 2, cols, 1);
		assert_true(width_str(got, strlen(got)) <= (size_t)cols);
		free(got);
	}
	/* The lines about a bookmark: tags and note; its quotes. */
	view_bookmarks_detail(v, 2, 80, 0, &b, &two);
	assert_string_equal(buf_str(&b), "Tags: Film  Note: read again");
	assert_string_equal(buf_str(&two), "1 quote");
	buf_reset(&b);
	buf_reset(&two);
	view_bookmarks_detail(v, 0, 80, 0, &b, &two);
	assert_string_equal(buf_str(&b), "Tags: none");
	assert_string_equal(buf_str(&two),
	    "No quotes: m in the pager marks one.");
	buf_free(&b);
	buf_free(&two);
	view_bookmarks_free(v);
	/* A search's hit: a mark when it is bookmarked. */
	v = view_bookmarks_new(VIEW_BM_MARKS);
	keys(v, "/");
	keys(v, "fade");
	assert_int_equal(view_bookmarks_key(v, KEYC_ENTER), VIEW_BM_LOAD);
	assert_int_equal(view_bookmarks_mode(v), VIEW_BM_SEARCH);
	assert_string_equal(view_bookmarks_query(v), "fade");
	load(st, v);
	got = row(v, 0, 40, 1);
	assert_int_equal(strncmp(got, "* ", 2), 0);
	assert_non_null(strstr(got, "Zoetrope"));
	free(got);
	view_bookmarks_free(v);
	store_close(st);
}

static void
test_keys(void **state)
{
	struct store			*st = library();
	struct view_bookmarks		*v = view_bookmarks_new(VIEW_BM_MARKS);
	struct store_quote		*qv;
	struct term_offscreen		*o;
	const struct store_bookmark	*b;
	const char			*tags, *note;
	size_t				 n;
	char				*cause = NULL, *r;

	(void)state;
	load(st, v);
	assert_string_equal(title(v), "Zoetrope");
	/* s cycles the order: title, site, last read, date added. */
	assert_int_equal(view_bookmarks_key(v, 's'), VIEW_BM_LOAD);
	assert_int_equal(view_bookmarks_order(v), STORE_BM_TITLE);
	load(st, v);
	keys(v, "g");
	assert_string_equal(title(v), "A long take");
	assert_int_equal(view_bookmarks_key(v, 's'), VIEW_BM_LOAD);
	assert_int_equal(view_bookmarks_order(v), STORE_BM_SITE);
	assert_int_equal(view_bookmarks_key(v, 's'), VIEW_BM_LOAD);
	assert_int_equal(view_bookmarks_order(v), STORE_BM_READ);
	assert_int_equal(view_bookmarks_key(v, 's'), VIEW_BM_LOAD);
	assert_int_equal(view_bookmarks_order(v), STORE_BM_ADDED);
	load(st, v);
	/* t: a tag, completed with Tab in its own spelling. */
	keys(v, "tfic\t");
	assert_int_equal(view_bookmarks_key(v, KEYC_ENTER), VIEW_BM_LOAD);
	assert_string_equal(view_bookmarks_tag(v), "Fiction");
	load(st, v);
	assert_string_equal(title(v), "A long take");
	keys(v, "j");
	assert_string_equal(title(v), "A long take");
	/* Escape takes the tag away. */
	assert_int_equal(view_bookmarks_key(v, KEYC_ESCAPE), VIEW_BM_LOAD);
	assert_null(view_bookmarks_tag(v));
	load(st, v);
	assert_string_equal(title(v), "A long take");
	/* Requests: open, delete, undo, refresh, quit, redraw. */
	assert_int_equal(view_bookmarks_key(v, KEYC_ENTER), VIEW_BM_OPEN);
	assert_int_equal(view_bookmarks_key(v, 'd'), VIEW_BM_DELETE);
	assert_int_equal(view_bookmarks_key(v, 'U'), VIEW_BM_UNDO);
	assert_int_equal(view_bookmarks_key(v, 'u'), VIEW_BM_REFRESH);
	assert_int_equal(view_bookmarks_key(v, 'Q'), VIEW_BM_QUIT);
	assert_int_equal(view_bookmarks_key(v, 0x0c), VIEW_BM_REDRAW);
	/* The keys are the bookmarks context's: bound and unbound there. */
	keys_bind_in(KEYS_BOOKMARKS, 'd', ACTION_NONE);
	keys_bind_in(KEYS_BOOKMARKS, 'x', ACTION_DELETE_BOOKMARK);
	keys_bind_in(KEYS_BOOKMARKS, 'o', ACTION_SORT);
	keys_bind_in(KEYS_FEEDS, 'y', ACTION_UNDO_DELETE);
	assert_int_equal(view_bookmarks_key(v, 'd'), VIEW_BM_NONE);
	assert_int_equal(view_bookmarks_key(v, 'x'), VIEW_BM_DELETE);
	assert_int_equal(view_bookmarks_key(v, 'y'), VIEW_BM_NONE);
	assert_int_equal(view_bookmarks_key(v, 'o'), VIEW_BM_LOAD);
	assert_int_equal(view_bookmarks_order(v), STORE_BM_TITLE);
	assert_int_equal(view_bookmarks_key(v, 's'), VIEW_BM_LOAD);
	assert_int_equal(view_bookmarks_order(v), STORE_BM_SITE);
	keys_reset();
	assert_int_equal(view_bookmarks_key(v, 'x'), VIEW_BM_NONE);
	assert_int_equal(view_bookmarks_key(v, 's'), VIEW_BM_LOAD);
	assert_int_equal(view_bookmarks_key(v, 's'), VIEW_BM_LOAD);
	assert_int_equal(view_bookmarks_order(v), STORE_BM_ADDED);
	load(st, v);
	/* e: the tags it has, then its note; Ctrl-U clears a line. */
	keys(v, "e");
	keys(v, "\025noir, fil\t");
	keys(v, "\n");
	keys(v, "a note");
	assert_int_equal(view_bookmarks_key(v, KEYC_ENTER), VIEW_BM_EDIT);
	view_bookmarks_edited(v, &tags, &note);
	assert_string_equal(tags, "noir, Film, ");
	assert_string_equal(note, "a note");
	/* The quotes of the bookmark under the cursor, drawn. */
	keys(v, "G");
	b = view_bookmarks_current(v);
	assert_string_equal(b->title, "On the cut");
	assert_int_equal(store_quote_list(st, b->id, &qv, &n, &cause), 0);
	view_bookmarks_set_quotes(v, b->id, qv, n);
	assert_int_equal(view_bookmarks_quotes_of(v), b->id);
	o = term_offscreen_new(80, 10);
	assert_non_null(o);
	view_bookmarks_draw(v, NULL, 0);
	r = term_offscreen_row(o, 0);
	assert_non_null(strstr(r, "Bookmarks: 3, by date added"));
	free(r);
	r = term_offscreen_row(o, 7);
	assert_non_null(strstr(r, "Tags: Film  Note: read again"));
	free(r);
	r = term_offscreen_row(o, 8);
	assert_non_null(strstr(r, "1 quote: \xe2\x80\x9cThe cut joins."
	    "\xe2\x80\x9d"));
	free(r);
	r = term_offscreen_row(o, 9);
	assert_non_null(strstr(r, "Enter read  s sort"));
	free(r);
	view_bookmarks_draw(v, "Deleted x", 1);
	r = term_offscreen_row(o, 9);
	assert_non_null(strstr(r, "Deleted x"));
	free(r);
	/* Tab: the essays left unfinished (none: none was opened); Tab
	 * again, the bookmarks. */
	assert_int_equal(view_bookmarks_key(v, KEYC_TAB), VIEW_BM_LOAD);
	assert_int_equal(view_bookmarks_mode(v), VIEW_BM_CONTINUE);
	load(st, v);
	assert_int_equal(view_bookmarks_doc(v), 0);
	assert_int_equal(view_bookmarks_key(v, KEYC_ENTER), VIEW_BM_NONE);
	assert_int_equal(view_bookmarks_key(v, 'd'), VIEW_BM_NONE);
	view_bookmarks_draw(v, NULL, 0);
	r = term_offscreen_row(o, 0);
	assert_non_null(strstr(r, "Continue reading: 0 essays"));
	free(r);
	r = term_offscreen_row(o, 2);
	assert_non_null(strstr(r, "Nothing left unfinished."));
	free(r);
	assert_int_equal(view_bookmarks_key(v, KEYC_TAB), VIEW_BM_LOAD);
	assert_int_equal(view_bookmarks_mode(v), VIEW_BM_MARKS);
	/* q: out of a search first, then out of the view. */
	keys(v, "/cut");
	assert_int_equal(view_bookmarks_key(v, KEYC_ENTER), VIEW_BM_LOAD);
	assert_int_equal(view_bookmarks_key(v, 'q'), VIEW_BM_LOAD);
	assert_int_equal(view_bookmarks_mode(v), VIEW_BM_MARKS);
	assert_null(view_bookmarks_query(v));
	assert_int_equal(view_bookmarks_key(v, 'q'), VIEW_BM_CLOSE);
	term_offscreen_free(o);
	view_bookmarks_free(v);
	store_close(st);
}

/* m: every quote of the bookmark under the cursor, one a row; Enter
 * asks for the essay at the one under the cursor, q goes back. */
static void
test_quotes(void **state)
{
	struct store			*st = library();
	struct view_bookmarks		*v = view_bookmarks_new(VIEW_BM_MARKS);
	struct store_quote		*qv;
	struct term_offscreen		*o;
	const struct store_bookmark	*b;
	const struct store_quote	*q;
	struct buf			 line = BUF_INIT;
	size_t				 n;
	char				*cause = NULL, *r;

	(void)state;
	load(st, v);
	/* A bookmark with no quotes: m does nothing. */
	assert_string_equal(title(v), "Zoetrope");
	view_bookmarks_set_quotes(v, view_bookmarks_current(v)->id, NULL, 0);
	keys(v, "m");
	assert_null(view_bookmarks_quote(v));
	assert_int_equal(view_bookmarks_key(v, KEYC_ENTER), VIEW_BM_OPEN);
	keys(v, "G");
	b = view_bookmarks_current(v);
	assert_string_equal(b->title, "On the cut");
	/* Its quotes not handed in yet: m waits for them. */
	keys(v, "m");
	assert_null(view_bookmarks_quote(v));
	assert_int_equal(store_quote_add(st, b->id, 7, "A second quote, "
	    "later in the essay.", &cause), 0);
	assert_int_equal(store_quote_list(st, b->id, &qv, &n, &cause), 0);
	assert_int_equal(n, 2);
	view_bookmarks_set_quotes(v, b->id, qv, n);
	keys(v, "m");
	assert_non_null(q = view_bookmarks_quote(v));
	assert_int_equal(q->block, 3);
	o = term_offscreen_new(60, 8);
	assert_non_null(o);
	view_bookmarks_draw(v, NULL, 0);
	r = term_offscreen_row(o, 0);
	assert_non_null(strstr(r, "2 quotes of On the cut"));
	free(r);
	r = term_offscreen_row(o, 1);
	assert_non_null(strstr(r, "The cut joins."));
	free(r);
	r = term_offscreen_row(o, 2);
	assert_non_null(strstr(r, "A second quote, later in the essay."));
	free(r);
	r = term_offscreen_row(o, 7);
	assert_non_null(strstr(r, "Enter read at the quote  q back"));
	free(r);
	/* The list's keys move on the quotes, not on the bookmarks. */
	keys(v, "j");
	assert_int_equal(view_bookmarks_quote(v)->block, 7);
	keys(v, "jG");
	assert_int_equal(view_bookmarks_quote(v)->block, 7);
	assert_string_equal(title(v), "On the cut");
	keys(v, "k");
	assert_int_equal(view_bookmarks_quote(v)->block, 3);
	/* Keys of the bookmarks do nothing here. */
	keys(v, "dsu\t");
	assert_int_equal(view_bookmarks_mode(v), VIEW_BM_MARKS);
	assert_int_equal(view_bookmarks_order(v), STORE_BM_ADDED);
	assert_int_equal(view_bookmarks_key(v, KEYC_ENTER), VIEW_BM_QUOTE);
	assert_int_equal(view_bookmarks_key(v, 'Q'), VIEW_BM_QUIT);
	/* A row fitted to its width. */
	view_bookmarks_quote_row(v, 1, 12, 0, &line);
	buf_adds(&line, "");
	assert_string_equal(buf_str(&line), "  A second \xe2\x80\xa6");
	buf_free(&line);
	/* q: back to the bookmarks, then out of the view. */
	keys(v, "q");
	assert_null(view_bookmarks_quote(v));
	view_bookmarks_draw(v, NULL, 0);
	r = term_offscreen_row(o, 0);
	assert_non_null(strstr(r, "Bookmarks: 3, by date added"));
	free(r);
	assert_int_equal(view_bookmarks_key(v, 'q'), VIEW_BM_CLOSE);
	term_offscreen_free(o);
	view_bookmarks_free(v);
	store_close(st);
}

static int
setup(void **state)
{
	(void)state;
	return testhome_enter("view-bookmarks") != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	return testhome_leave();
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test_setup_teardown(test_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quotes, setup,
		    teardown),
	};

	if (setenv("TZ", "UTC", 1) != 0 || setlocale(LC_ALL, "C.UTF-8") ==
	    NULL)
		return 1;
	tzset();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
