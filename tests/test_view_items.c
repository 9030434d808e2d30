/* test_view_items.c: the items' rows at several widths (the unread mark,
 * the date in local time, the title, the author when there is room,
 * ASCII), and the view's keys over a real library: the next unread item,
 * a filter, what goes to the controller. */
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
#include "view_items.h"
#include "width.h"

static char *
row(const struct store_item *it, int cols, int ascii)
{
	struct buf	b = BUF_INIT;

	view_items_row(it, cols, ascii, &b);
	buf_adds(&b, "");
	return buf_detach(&b, NULL);
}

static void
check_row(const struct store_item *it, int cols, int ascii,
    const char *want)
{
	char	*got = row(it, cols, ascii);

	assert_string_equal(got, want);
	free(got);
}

static void
test_rows(void **state)
{
	struct store_item	 it;
	struct buf		 want = BUF_INIT;
	char			*got;
	int			 cols, i;

	memset(&it, 0, sizeof it);
	it.title = "The long take";
	it.authors = "A. Critic";
	it.date = 1748944800;		/* 2025-06-03 10:00 UTC */
	it.unread = 1;
	/* 80 cells: mark, date, the title padded, the author at the right. */
	buf_adds(&want, "\xe2\x80\xa2 2025-06-03  The long take");
	for (i = 0; i < 80 - 14 - 13 - 2 - 9; i++)
		buf_addc(&want, ' ');
	buf_adds(&want, "  A. Critic");
	check_row(&it, 80, 0, buf_str(&want));
	buf_free(&want);
	/* Narrower: no author, then no date. */
	check_row(&it, 40, 0, "\xe2\x80\xa2 2025-06-03  The long take");
	check_row(&it, 20, 0, "\xe2\x80\xa2 The long take");
	check_row(&it, 10, 0, "\xe2\x80\xa2 The lon\xe2\x80\xa6");
	/* Read: no mark; ASCII: a letter. */
	it.unread = 0;
	check_row(&it, 40, 0, "  2025-06-03  The long take");
	it.unread = 1;
	check_row(&it, 40, 1, "N 2025-06-03  The long take");
	/* An unknown date keeps the column; no title: the link. */
	it.date = 0;
	it.title = NULL;
	it.link = "https://example.org/a";
	check_row(&it, 40, 0, "\xe2\x80\xa2             https://example.org/a");
	/* A long author takes a quarter of the row at most. */
	it.title = "T";
	it.authors = "Somebody With A Very Long Name Indeed";
	got = row(&it, 80, 0);
	assert_non_null(strstr(got, "  Somebody With A\xe2\x80\xa6"));
	assert_int_equal(width_str(got, strlen(got)), 80);
	free(got);
	/* Whatever the width, a row never takes more cells. */
	it.title = "\xe6\x98\xa0\xe7\x94\xbb\xe8\xa9\x95\xe8\xab\x96 and more";
	for (cols = 1; cols <= 120; cols++) {
		got = row(&it, cols, 0);
		assert_true(width_str(got, strlen(got)) <= (size_t)cols);
		free(got);
	}
}

/* A feed of three items, the second read. */
static struct store *
library(int64_t *feed)
{
	struct store_item_in	 in[3];
	struct store_merged	 m;
	struct store		*st;
	struct store_item	*iv;
	size_t			 n, i;
	char			*cause = NULL;

	assert_int_equal(store_open(NULL, 0, &st, &cause), 0);
	assert_int_equal(store_feed_add(st, "http://a.example/feed",
	    "Film Comment", NULL, feed, &cause), 0);
	memset(in, 0, sizeof in);
	in[0].guid = "1";
	in[0].title = "On the long take";
	in[0].authors = "Ann";
	in[0].published = 1748944800;
	in[1].guid = "2";
	in[1].title = "On the cut";
	in[1].authors = "Bob";
	in[1].published = 1748944800 - 86400;
	in[2].guid = "3";
	in[2].title = "On the fade";
	in[2].authors = "Ann";
	in[2].published = 1748944800 - 2 * 86400;
	memset(&m, 0, sizeof m);
	assert_int_equal(store_merge(st, *feed, in, 3, &m, &cause), 0);
	assert_int_equal(store_item_list(st, *feed, 0, &iv, &n, &cause), 0);
	for (i = 0; i < n; i++)
		if (strcmp(iv[i].title, "On the cut") == 0)
			assert_int_equal(store_item_mark(st, iv[i].id, 0,
			    &cause), 0);
	store_items_free(iv, n);
	return st;
}

static const char *
current(const struct view_items *v)
{
	const struct store_item	*it = view_items_current(v);

	return it != NULL ? it->title : "(none)";
}

static void
keys(struct view_items *v, const char *s)
{
	for (; *s != '\0'; s++)
		assert_int_equal(view_items_key(v, *s == '\n' ? KEYC_ENTER :
		    *s == '\033' ? KEYC_ESCAPE : (unsigned char)*s),
		    VIEW_ITEMS_NONE);
}

static void
test_keys(void **state)
{
	struct store		*st;
	struct view_items	*v;
	struct store_item	*iv;
	struct term_offscreen	*o;
	size_t			 n;
	int64_t			 feed;
	char			*cause = NULL, *r;

	st = library(&feed);
	v = view_items_new(feed, "Film Comment");
	assert_int_equal(view_items_feed(v), feed);
	assert_int_equal(store_item_list(st, feed, 0, &iv, &n, &cause), 0);
	view_items_set(v, iv, n);
	/* Newest first. */
	assert_string_equal(current(v), "On the long take");
	/* n skips the read one, and goes round. */
	keys(v, "n");
	assert_string_equal(current(v), "On the fade");
	keys(v, "n");
	assert_string_equal(current(v), "On the long take");
	keys(v, "G");
	assert_string_equal(current(v), "On the fade");
	keys(v, "g");
	/* /: title or author. */
	keys(v, "/bob\n");
	assert_string_equal(current(v), "On the cut");
	keys(v, "j");
	assert_string_equal(current(v), "On the cut");
	keys(v, "/\025zzz\n");
	assert_null(view_items_current(v));
	assert_int_equal(view_items_key(v, KEYC_ENTER), VIEW_ITEMS_NONE);
	keys(v, "\033");
	assert_non_null(view_items_current(v));
	assert_int_equal(view_items_key(v, KEYC_ENTER), VIEW_ITEMS_OPEN);
	assert_int_equal(view_items_key(v, 'r'), VIEW_ITEMS_REFRESH);
	assert_int_equal(view_items_key(v, 'R'), VIEW_ITEMS_REFRESH_ALL);
	assert_int_equal(view_items_key(v, 'A'), VIEW_ITEMS_READ);
	assert_int_equal(view_items_key(v, 'q'), VIEW_ITEMS_CLOSE);
	assert_int_equal(view_items_key(v, 'Q'), VIEW_ITEMS_QUIT);
	assert_int_equal(view_items_key(v, KEYC_LEFT), VIEW_ITEMS_CLOSE);
	/* The keys are the items context's: unbind items A, bind one. */
	keys_bind_in(KEYS_ITEMS, 'A', ACTION_NONE);
	keys_bind_in(KEYS_ITEMS, 'm', ACTION_MARK_FEED_READ);
	keys_bind_in(KEYS_FEEDS, 'z', ACTION_REFRESH_ALL);
	assert_int_equal(view_items_key(v, 'A'), VIEW_ITEMS_NONE);
	assert_int_equal(view_items_key(v, 'm'), VIEW_ITEMS_READ);
	assert_int_equal(view_items_key(v, 'z'), VIEW_ITEMS_NONE);
	keys_bind_in(KEYS_ITEMS, 'k', ACTION_NEXT_UNREAD);
	keys(v, "gk");
	assert_string_equal(current(v), "On the fade");
	keys_reset();
	assert_int_equal(view_items_key(v, 'A'), VIEW_ITEMS_READ);
	assert_int_equal(view_items_key(v, 'm'), VIEW_ITEMS_NONE);
	/* Drawn: the title line, bold unread rows, the status. */
	keys(v, "g");
	o = term_offscreen_new(80, 8);
	assert_non_null(o);
	view_items_draw(v, NULL, 0);
	r = term_offscreen_row(o, 0);
	assert_non_null(strstr(r, "Film Comment: 3 items, 2 unread"));
	free(r);
	r = term_offscreen_row(o, 2);
	assert_non_null(strstr(r, "  2025-06-02  On the cut"));
	free(r);
	assert_true(term_offscreen_attrs(o, 1, 4) & TERM_BOLD);
	assert_false(term_offscreen_attrs(o, 2, 4) & TERM_BOLD);
	view_items_draw(v, "Refreshing 0/1 feeds", 1);
	r = term_offscreen_row(o, 7);
	assert_non_null(strstr(r, "Refreshing 0/1 feeds"));
	free(r);
	term_offscreen_free(o);
	view_items_free(v);
	store_close(st);
}

static int
setup(void **state)
{
	return testhome_enter("view-items") != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	return testhome_leave();
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test_setup_teardown(test_keys, setup, teardown),
	};

	if (setenv("TZ", "UTC", 1) != 0 || setlocale(LC_ALL, "C.UTF-8") ==
	    NULL)
		return 1;
	tzset();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
