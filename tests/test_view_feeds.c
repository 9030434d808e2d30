/* test_view_feeds.c: the feeds' rows at several widths (counts, the
 * error mark, tags, wide titles, ASCII), and the view's own keys over a
 * real library: the next feed with news, a filter, a tag. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "keys.h"
#include "store.h"
#include "term.h"
#include "testhome.h"
#include "util.h"
#include "view_feeds.h"
#include "width.h"

static char *
row(const struct store_feed *f, int cols, int ascii)
{
	struct buf	b = BUF_INIT;

	view_feeds_row(f, cols, ascii, &b);
	buf_adds(&b, "");
	return buf_detach(&b, NULL);
}

static void
check_row(const struct store_feed *f, int cols, int ascii, const char *want)
{
	char	*got = row(f, cols, ascii);

	assert_string_equal(got, want);
	free(got);
}

static void
test_rows(void **state)
{
	char			*tags[] = { "film", "fr", NULL };
	struct store_feed	 f;
	char			*got;
	int			 cols;

	memset(&f, 0, sizeof f);
	f.url = "https://example.org/feed.xml";
	f.title = "Les Cahiers";
	f.tags = tags;
	f.ntags = 2;
	f.nunread = 12;
	check_row(&f, 80, 0, "   12   Les Cahiers [film, fr]");
	/* Too narrow for the tags: cut with an ellipsis. */
	check_row(&f, 20, 0, "   12   Les Cahiers\xe2\x80\xa6");
	check_row(&f, 20, 1, "   12   Les Cahie...");
	/* Narrower still: the title alone. */
	check_row(&f, 10, 0, "Les Cahie\xe2\x80\xa6");
	/* A refresh that failed, nothing unread. */
	f.error = "HTTP 404 Not Found";
	f.nunread = 0;
	check_row(&f, 80, 0, "      ! Les Cahiers [film, fr]");
	f.error = NULL;
	f.gone = 1;
	check_row(&f, 80, 0, "      ! Les Cahiers [film, fr]");
	f.gone = 0;
	/* No title: the URL; no tags; a count too large for its cells. */
	f.title = NULL;
	f.ntags = 0;
	f.nunread = 123456;
	check_row(&f, 80, 0, "99999   https://example.org/feed.xml");
	/* Wide characters are cut by cells, never in half. */
	f.title = "\xe6\x98\xa0\xe7\x94\xbb\xe8\xa9\x95\xe8\xab\x96";	/* 映画評論 */
	f.nunread = 1;
	check_row(&f, 80, 0,
	    "    1   \xe6\x98\xa0\xe7\x94\xbb\xe8\xa9\x95\xe8\xab\x96");
	check_row(&f, 16, 0,
	    "    1   \xe6\x98\xa0\xe7\x94\xbb\xe8\xa9\x95\xe8\xab\x96");
	f.title = "\xe6\x98\xa0\xe7\x94\xbb\xe8\xa9\x95\xe8\xab\x96"
	    "\xe9\x9b\x86";		/* 映画評論集, 10 cells */
	check_row(&f, 17, 0, "    1   \xe6\x98\xa0\xe7\x94\xbb\xe8\xa9\x95"
	    "\xe8\xab\x96\xe2\x80\xa6");
	/* Whatever the width, a row never takes more cells. */
	for (cols = 1; cols <= 100; cols++) {
		got = row(&f, cols, 0);
		assert_true(width_str(got, strlen(got)) <= (size_t)cols);
		free(got);
		f.ntags = 2;
		got = row(&f, cols, 1);
		assert_true(strlen(got) <= (size_t)cols);
		free(got);
		f.ntags = 0;
	}
}

/* A library of three feeds: Film Comment (film, 2 unread), Sight
 * (film, tv; none unread), Screen Notes (tv, 1 unread). */
static struct store *
library(void)
{
	static const char *const film[] = { "film", NULL };
	static const char *const both[] = { "film", "tv", NULL };
	static const char *const tv[] = { "tv", NULL };
	struct store_item_in	 in[2];
	struct store_merged	 m;
	struct store		*st;
	char			*cause = NULL;
	int64_t			 a, b, c;

	assert_int_equal(store_open(NULL, 0, &st, &cause), 0);
	assert_int_equal(store_feed_add(st, "http://a.example/feed",
	    "Film Comment", film, &a, &cause), 0);
	assert_int_equal(store_feed_add(st, "http://b.example/feed", "Sight",
	    both, &b, &cause), 0);
	assert_int_equal(store_feed_add(st, "http://c.example/feed",
	    "Screen Notes", tv, &c, &cause), 0);
	memset(in, 0, sizeof in);
	in[0].guid = "a1";
	in[0].title = "On the long take";
	in[1].guid = "a2";
	in[1].title = "On the cut";
	memset(&m, 0, sizeof m);
	assert_int_equal(store_merge(st, a, in, 2, &m, &cause), 0);
	in[0].guid = "c1";
	assert_int_equal(store_merge(st, c, in, 1, &m, &cause), 0);
	return st;
}

static const char *
current(const struct view_feeds *v)
{
	const struct store_feed	*f = view_feeds_current(v);

	return f != NULL ? f->title : "(none)";
}

static void
keys(struct view_feeds *v, const char *s)
{
	for (; *s != '\0'; s++)
		assert_int_equal(view_feeds_key(v, *s == '\n' ? KEYC_ENTER :
		    *s == '\033' ? KEYC_ESCAPE : (unsigned char)*s),
		    VIEW_FEEDS_NONE);
}

static void
test_keys(void **state)
{
	struct store		*st = library();
	struct view_feeds	*v = view_feeds_new();
	struct store_feed	*fv;
	size_t			 n, unread, failed;
	char			*cause = NULL;

	assert_int_equal(store_feed_list(st, 0, &fv, &n, &cause), 0);
	view_feeds_set(v, fv, n);
	view_feeds_totals(v, &unread, &failed);
	assert_int_equal(unread, 3);
	assert_int_equal(failed, 0);
	assert_string_equal(current(v), "Film Comment");
	/* n: the next feed with news, going round past the end. */
	keys(v, "n");
	assert_string_equal(current(v), "Screen Notes");
	keys(v, "n");
	assert_string_equal(current(v), "Film Comment");
	/* j and k, as in the pager. */
	keys(v, "j");
	assert_string_equal(current(v), "Sight");
	/* t: only the feeds of a tag, case ignored. */
	keys(v, "tTV\n");
	assert_string_equal(current(v), "Sight");
	keys(v, "j");
	assert_string_equal(current(v), "Screen Notes");
	keys(v, "j");
	assert_string_equal(current(v), "Screen Notes");
	/* /: a filter within them, as typed. */
	keys(v, "/sig");
	assert_string_equal(current(v), "Sight");
	keys(v, "\n");
	/* A tag nobody has: nothing to open, refresh or mark. */
	keys(v, "t");
	keys(v, "\025noir\n");
	assert_null(view_feeds_current(v));
	assert_int_equal(view_feeds_key(v, KEYC_ENTER), VIEW_FEEDS_NONE);
	assert_int_equal(view_feeds_key(v, 'r'), VIEW_FEEDS_NONE);
	assert_int_equal(view_feeds_key(v, 'A'), VIEW_FEEDS_NONE);
	/* Escape takes tag and filter away. */
	keys(v, "\033");
	assert_non_null(view_feeds_current(v));
	assert_int_equal(view_feeds_key(v, 'G'), VIEW_FEEDS_NONE);
	assert_string_equal(current(v), "Screen Notes");
	/* What only the controller can do. */
	assert_int_equal(view_feeds_key(v, KEYC_ENTER), VIEW_FEEDS_OPEN);
	assert_int_equal(view_feeds_key(v, 'r'), VIEW_FEEDS_REFRESH);
	assert_int_equal(view_feeds_key(v, 'R'), VIEW_FEEDS_REFRESH_ALL);
	assert_int_equal(view_feeds_key(v, 'A'), VIEW_FEEDS_READ);
	assert_int_equal(view_feeds_key(v, 'q'), VIEW_FEEDS_CLOSE);
	assert_int_equal(view_feeds_key(v, 'Q'), VIEW_FEEDS_QUIT);
	/* The keys are the feeds context's: bound and unbound there. */
	keys_bind_in(KEYS_FEEDS, 'x', ACTION_REFRESH_ALL);
	keys_bind_in(KEYS_FEEDS, 'r', ACTION_NONE);
	keys_bind_in(KEYS_ITEMS, 'y', ACTION_BOOKMARKS);
	assert_int_equal(view_feeds_key(v, 'x'), VIEW_FEEDS_REFRESH_ALL);
	assert_int_equal(view_feeds_key(v, 'r'), VIEW_FEEDS_NONE);
	assert_int_equal(view_feeds_key(v, 'y'), VIEW_FEEDS_NONE);
	assert_int_equal(view_feeds_key(v, 'R'), VIEW_FEEDS_REFRESH_ALL);
	keys_bind_in(KEYS_FEEDS, 'j', ACTION_CONTINUE_READING);
	assert_int_equal(view_feeds_key(v, 'j'), VIEW_FEEDS_CONTINUE);
	keys_reset();
	assert_int_equal(view_feeds_key(v, 'x'), VIEW_FEEDS_NONE);
	assert_int_equal(view_feeds_key(v, 'r'), VIEW_FEEDS_REFRESH);
	/* New counts keep the cursor on its feed. */
	assert_int_equal(store_feed_list(st, STORE_BY_TITLE, &fv, &n,
	    &cause), 0);
	view_feeds_set(v, fv, n);
	assert_string_equal(current(v), "Screen Notes");
	view_feeds_free(v);
	store_close(st);
}

static int
row_has(struct term_offscreen *o, int y, const char *s)
{
	char	*r = term_offscreen_row(o, y);
	int	 found = strstr(r, s) != NULL;

	free(r);
	return found;
}

static void
test_draw(void **state)
{
	struct store		*st = library();
	struct view_feeds	*v = view_feeds_new();
	struct term_offscreen	*o = term_offscreen_new(60, 10);
	struct store_feed	*fv;
	size_t			 n;
	char			*cause = NULL;

	assert_non_null(o);
	/* No feeds yet: the way to add one. */
	view_feeds_draw(v, NULL, 0);
	assert_true(row_has(o, 2, "reel feed add URL"));
	assert_int_equal(store_feed_list(st, 0, &fv, &n, &cause), 0);
	view_feeds_set(v, fv, n);
	view_feeds_draw(v, NULL, 0);
	assert_true(row_has(o, 0, "3 feeds, 3 unread"));
	assert_true(row_has(o, 1, "    2   Film Comment [film]"));
	assert_true(term_offscreen_attrs(o, 1, 8) & TERM_REVERSE);
	assert_true(term_offscreen_attrs(o, 1, 8) & TERM_BOLD);
	assert_true(row_has(o, 2, "        Sight [film, tv]"));
	assert_false(term_offscreen_attrs(o, 2, 8) & TERM_BOLD);
	assert_true(row_has(o, 9, "Enter open"));
	/* The status the controller gives; the prompt while typed. */
	view_feeds_draw(v, "Refreshing 1/3 feeds", 0);
	assert_true(row_has(o, 9, "Refreshing 1/3 feeds"));
	keys(v, "tfi");
	view_feeds_draw(v, NULL, 0);
	assert_true(row_has(o, 9, "Tag: fi"));
	keys(v, "lm\n");
	view_feeds_draw(v, NULL, 0);
	assert_true(row_has(o, 0, "tag: film"));
	assert_true(row_has(o, 2, "Sight"));
	assert_false(row_has(o, 3, "Screen Notes"));
	term_offscreen_free(o);
	view_feeds_free(v);
	store_close(st);
}

static int
setup(void **state)
{
	return testhome_enter("view-feeds") != NULL ? 0 : -1;
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
		cmocka_unit_test_setup_teardown(test_draw, setup, teardown),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
