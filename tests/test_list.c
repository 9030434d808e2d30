/* test_list.c: the generic list: motion and scrolling, the filter, the
 * search, a count that changes under the cursor, and the rows shown. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "keys.h"
#include "list.h"
#include "util.h"

/* The caller's items: texts and the ids a store would give them. */
struct items {
	const char	**text;
	const int64_t	 *id;
	size_t		  n;
};

static void
items_text(void *arg, size_t i, struct buf *out)
{
	struct items	*it = arg;

	assert_true(i < it->n);
	buf_adds(out, it->text[i]);
}

static int64_t
items_id(void *arg, size_t i)
{
	struct items	*it = arg;

	assert_true(i < it->n);
	return it->id[i];
}

static const struct list_ops	ops = { items_text, items_id };
static const struct list_ops	ops_no_id = { items_text, NULL };

static const char *feeds[] = {
	"Bright Lights Film Journal", "Senses of Cinema", "Film Comment",
	"Sight and Sound", "Cahiers du cin\xc3\xa9ma", "Reverse Shot",
	"Screen Slate", "MUBI Notebook", "Little White Lies",
	"\xc3\x89T\xc3\x89 FILMS", "Kinoeye", "\xe6\x98\xa0\xe7\x94\xbb\xe8\xa9\x95"
	    "\xe8\xab\x96 (Eiga Hyoron)",
};
static const int64_t feed_ids[] = {
	101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112,
};

/* Numbered items "item 0" to "item n-1", ids 1000 + i. */
static const char	*numbered[100];
static int64_t		 numbered_ids[100];
static char		 numbered_text[100][16];

static int
setup(void **state)
{
	size_t	i;

	for (i = 0; i < nitems(numbered); i++) {
		snprintf(numbered_text[i], sizeof numbered_text[i], "item %zu",
		    i);
		numbered[i] = numbered_text[i];
		numbered_ids[i] = 1000 + (int64_t)i;
	}
	return 0;
}

static void
test_empty(void **state)
{
	struct items	it = { NULL, NULL, 0 };
	struct list	l;
	size_t		i;
	static const enum action all[] = {
		ACTION_LINE_DOWN, ACTION_LINE_UP, ACTION_PAGE_DOWN,
		ACTION_PAGE_UP, ACTION_HALF_PAGE_DOWN, ACTION_HALF_PAGE_UP,
		ACTION_TOP, ACTION_BOTTOM,
	};

	list_init(&l, &ops, &it, 0);
	list_set_height(&l, 10);
	list_set_count(&l, 0);
	assert_int_equal(list_current(&l), -1);
	assert_int_equal(list_row_item(&l, 0), -1);
	assert_int_equal(list_cursor_row(&l), -1);
	for (i = 0; i < nitems(all); i++) {
		assert_true(list_apply(&l, all[i]));
		assert_int_equal(list_current(&l), -1);
	}
	assert_false(list_apply(&l, ACTION_SEARCH_FORWARD));
	assert_int_equal(list_search(&l, "x", 0), -1);
	list_goto(&l, 3);
	list_filter(&l, "x");
	assert_int_equal(list_current(&l), -1);
	list_filter(&l, NULL);
	assert_int_equal(list_current(&l), -1);
	list_free(&l);
}

static void
test_one_item(void **state)
{
	struct items	it = { feeds, feed_ids, 1 };
	struct list	l;

	list_init(&l, &ops, &it, 0);
	list_set_height(&l, 5);
	list_set_count(&l, 1);
	assert_int_equal(list_current(&l), 0);
	assert_int_equal(list_cursor_row(&l), 0);
	list_apply(&l, ACTION_LINE_DOWN);
	list_apply(&l, ACTION_PAGE_DOWN);
	assert_int_equal(list_current(&l), 0);
	list_apply(&l, ACTION_BOTTOM);
	assert_int_equal(list_current(&l), 0);
	list_apply(&l, ACTION_LINE_UP);
	assert_int_equal(list_current(&l), 0);
	assert_int_equal(list_row_item(&l, 0), 0);
	assert_int_equal(list_row_item(&l, 1), -1);
	/* The only match is the cursor's own item: found by going round. */
	assert_int_equal(list_search(&l, "lights", 0), 1);
	assert_int_equal(list_search(&l, "lights", 1), 1);
	assert_int_equal(list_search(&l, "cinema", 0), -1);
	assert_int_equal(list_current(&l), 0);
	list_filter(&l, "nothing like it");
	assert_int_equal(list_current(&l), -1);
	list_filter(&l, "");
	assert_int_equal(list_current(&l), 0);
	list_free(&l);
}

/* A list shorter than its rows never scrolls. */
static void
test_taller_than_list(void **state)
{
	struct items	it = { feeds, feed_ids, nitems(feeds) };
	struct list	l;
	int		y;

	list_init(&l, &ops, &it, 0);
	list_set_count(&l, it.n);
	list_set_height(&l, 40);
	list_apply(&l, ACTION_PAGE_DOWN);
	assert_int_equal(list_current(&l), (long)it.n - 1);
	assert_int_equal(l.top, 0);
	assert_int_equal(list_cursor_row(&l), (int)it.n - 1);
	for (y = 0; y < 40; y++)
		assert_int_equal(list_row_item(&l, y),
		    (size_t)y < it.n ? y : -1);
	list_apply(&l, ACTION_HALF_PAGE_UP);
	assert_int_equal(list_current(&l), 0);
	list_free(&l);

	/* Scrolling only (the help): the view does not move either. */
	list_init(&l, &ops, &it, LIST_SCROLL);
	list_resize(&l, it.n, 40);
	list_apply(&l, ACTION_BOTTOM);
	assert_int_equal(l.top, 0);
	assert_int_equal(list_row_item(&l, 0), 0);
	list_free(&l);
}

/* Motion on 100 items in 10 rows, each step from where the last left
 * the cursor, with the view that must follow. */
static void
test_motion(void **state)
{
	static const struct {
		enum action	action;
		long		cursor;
		size_t		top;
	} steps[] = {
		{ ACTION_LINE_DOWN, 1, 0 },
		{ ACTION_HALF_PAGE_DOWN, 6, 0 },
		{ ACTION_PAGE_DOWN, 16, 7 },
		{ ACTION_LINE_UP, 15, 7 },
		{ ACTION_PAGE_UP, 5, 5 },
		{ ACTION_HALF_PAGE_UP, 0, 0 },
		{ ACTION_LINE_UP, 0, 0 },
		{ ACTION_BOTTOM, 99, 90 },
		{ ACTION_LINE_DOWN, 99, 90 },
		{ ACTION_PAGE_DOWN, 99, 90 },
		{ ACTION_HALF_PAGE_UP, 94, 90 },
		{ ACTION_PAGE_UP, 84, 84 },
		{ ACTION_TOP, 0, 0 },
	};
	struct items	it = { numbered, numbered_ids, nitems(numbered) };
	struct list	l;
	size_t		i;

	list_init(&l, &ops, &it, 0);
	list_set_count(&l, it.n);
	list_set_height(&l, 10);
	for (i = 0; i < nitems(steps); i++) {
		assert_true(list_apply(&l, steps[i].action));
		assert_int_equal(list_current(&l), steps[i].cursor);
		assert_int_equal(l.top, steps[i].top);
		assert_int_equal(list_row_item(&l, list_cursor_row(&l)),
		    steps[i].cursor);
	}
	assert_false(list_apply(&l, ACTION_OUTLINE));
	list_goto(&l, 50);
	assert_int_equal(list_current(&l), 50);
	assert_int_equal(list_cursor_row(&l), 9);
	assert_int_equal(list_row_item(&l, 0), 41);
	assert_int_equal(list_row_item(&l, -1), -1);
	list_goto(&l, 500);
	assert_int_equal(list_current(&l), 99);
	/* Fewer rows keep the cursor on them. */
	list_goto(&l, 95);
	assert_int_equal(list_cursor_row(&l), 5);
	list_set_height(&l, 3);
	assert_int_equal(list_current(&l), 95);
	assert_int_equal(list_cursor_row(&l), 2);
	assert_int_equal(list_row_item(&l, 0), 93);
	assert_int_equal(list_row_item(&l, 3), -1);
	list_set_height(&l, 0);
	assert_int_equal(l.height, 1);
	assert_int_equal(list_cursor_row(&l), 0);
	list_free(&l);
}

/* LIST_SCROLL: moving moves the view, and the last page stays full. */
static void
test_scroll_only(void **state)
{
	struct items	it = { numbered, numbered_ids, 30 };
	struct list	l;

	list_init(&l, &ops_no_id, &it, LIST_SCROLL);
	list_resize(&l, 30, 10);
	list_apply(&l, ACTION_LINE_DOWN);
	assert_int_equal(l.top, 1);
	list_apply(&l, ACTION_BOTTOM);
	assert_int_equal(l.top, 20);
	assert_int_equal(list_row_item(&l, 9), 29);
	list_apply(&l, ACTION_LINE_DOWN);
	assert_int_equal(l.top, 20);
	list_apply(&l, ACTION_LINE_UP);
	assert_int_equal(l.top, 19);
	/* Wrapped again to a wider window: fewer lines, the last page
	 * still full. */
	list_resize(&l, 25, 10);
	assert_int_equal(l.top, 15);
	list_resize(&l, 25, 20);
	assert_int_equal(l.top, 5);
	list_free(&l);
}

/* The filter ignores case, also beyond ASCII, and keeps the cursor on
 * its item, or the nearest after it. */
static void
test_filter(void **state)
{
	static const struct {
		const char	*pattern;
		long		 want[12];	/* -1 ends */
	} cases[] = {
		{ "film", { 0, 2, 9, -1 } },
		{ "FILM", { 0, 2, 9, -1 } },
		{ "\xc3\xa9t\xc3\xa9", { 9, -1 } },
		{ "cin\xc3\x89ma", { 4, -1 } },
		{ "\xe6\x98\xa0\xe7\x94\xbb", { 11, -1 } },
		{ "s", { 0, 1, 3, 4, 5, 6, 8, 9, -1 } },
		{ "zzz", { -1 } },
	};
	struct items	it = { feeds, feed_ids, nitems(feeds) };
	struct list	l;
	size_t		i, k;

	list_init(&l, &ops, &it, 0);
	list_set_count(&l, it.n);
	list_set_height(&l, 5);
	for (i = 0; i < nitems(cases); i++) {
		list_filter(&l, cases[i].pattern);
		list_apply(&l, ACTION_TOP);
		for (k = 0; cases[i].want[k] != -1; k++)
			if (k < 5)
				assert_int_equal(list_row_item(&l, (int)k),
				    cases[i].want[k]);
		assert_int_equal(l.nshown, k);
		if (k > 5)
			k = 5;
		assert_int_equal(list_row_item(&l, (int)k), -1);
	}

	/* The cursor on "Film Comment" (2) stays there through a filter
	 * that keeps it, and through clearing the filter. */
	list_filter(&l, NULL);
	list_goto(&l, 2);
	list_filter(&l, "film");
	assert_int_equal(list_current(&l), 2);
	assert_int_equal(list_cursor_row(&l), 1);
	list_filter(&l, NULL);
	assert_int_equal(list_current(&l), 2);
	/* Filtered out, it gives way to the next item shown. */
	list_goto(&l, 3);
	list_filter(&l, "film");
	assert_int_equal(list_current(&l), 9);
	/* None after it: the last one before. */
	list_filter(&l, NULL);
	list_goto(&l, 10);
	list_filter(&l, "film");
	assert_int_equal(list_current(&l), 9);
	/* Motion moves over the rows shown. */
	list_apply(&l, ACTION_TOP);
	assert_int_equal(list_current(&l), 0);
	list_apply(&l, ACTION_LINE_DOWN);
	assert_int_equal(list_current(&l), 2);
	list_goto(&l, 5);
	assert_int_equal(list_current(&l), 9);
	/* Nothing matches: no cursor, until the filter goes. */
	list_filter(&l, "zzz");
	assert_int_equal(list_current(&l), -1);
	list_filter(&l, "");
	assert_int_equal(list_current(&l), 9);
	list_free(&l);
}

/* Forward and backward, going round past either end, over the rows the
 * filter shows. */
static void
test_search(void **state)
{
	static const struct {
		const char	*pattern;
		int		 backward;
		long		 cursor;
		int		 rc;
	} steps[] = {
		{ "film", 0, 2, 0 },
		{ "film", 0, 9, 0 },
		{ "film", 0, 0, 1 },
		{ "film", 1, 9, 1 },
		{ "FILM", 1, 2, 0 },
		{ "notebook", 1, 7, 1 },
		{ "notebook", 0, 7, 1 },
		{ "sight", 0, 3, 1 },
		{ "\xc3\xa9t\xc3\xa9", 1, 9, 1 },
		{ "no such feed", 0, 9, -1 },
		{ "", 0, 9, -1 },
	};
	struct items	it = { feeds, feed_ids, nitems(feeds) };
	struct list	l;
	size_t		i;

	list_init(&l, &ops, &it, 0);
	list_set_count(&l, it.n);
	list_set_height(&l, 4);
	for (i = 0; i < nitems(steps); i++) {
		assert_int_equal(list_search(&l, steps[i].pattern,
		    steps[i].backward), steps[i].rc);
		assert_int_equal(list_current(&l), steps[i].cursor);
		assert_true(list_cursor_row(&l) >= 0);
		assert_true(list_cursor_row(&l) < 4);
	}
	/* Under a filter, items it hides are never found. */
	list_filter(&l, "s");
	list_apply(&l, ACTION_TOP);
	assert_int_equal(list_search(&l, "film", 0), 0);
	assert_int_equal(list_current(&l), 9);
	assert_int_equal(list_search(&l, "film", 0), 1);
	assert_int_equal(list_current(&l), 0);
	assert_int_equal(list_search(&l, "film", 0), 0);
	assert_int_equal(list_current(&l), 9);
	list_free(&l);
}

/* A refresh changes the items under the cursor: it stays on the item
 * with its id, on its screen row, or goes to the nearest. */
static void
test_count_changes(void **state)
{
	const char	*text[100];
	int64_t		 id[100];
	struct items	 it = { text, id, 0 };
	struct list	 l;
	size_t		 i;

	for (i = 0; i < 50; i++) {
		text[i] = numbered[i];
		id[i] = numbered_ids[i];
	}
	it.n = 50;
	list_init(&l, &ops, &it, 0);
	list_set_count(&l, it.n);
	list_set_height(&l, 10);
	list_goto(&l, 20);
	list_apply(&l, ACTION_LINE_UP);
	list_apply(&l, ACTION_LINE_UP);
	assert_int_equal(list_current(&l), 18);
	assert_int_equal(list_cursor_row(&l), 7);

	/* Five new items at the top: the same item, five rows down the
	 * list, on the same screen row. */
	memmove(text + 5, text, 50 * sizeof *text);
	memmove(id + 5, id, 50 * sizeof *id);
	for (i = 0; i < 5; i++) {
		text[i] = numbered[50 + i];
		id[i] = numbered_ids[50 + i];
	}
	it.n = 55;
	list_set_count(&l, it.n);
	assert_int_equal(list_current(&l), 23);
	assert_int_equal(id[list_current(&l)], 1018);
	assert_int_equal(list_cursor_row(&l), 7);

	/* Its item gone: the one after it takes its place. */
	memmove(text + 23, text + 24, 31 * sizeof *text);
	memmove(id + 23, id + 24, 31 * sizeof *id);
	it.n = 54;
	list_set_count(&l, it.n);
	assert_int_equal(list_current(&l), 23);
	assert_int_equal(id[list_current(&l)], 1019);
	assert_int_equal(list_cursor_row(&l), 7);

	/* The list cut short above the cursor: the last item. */
	it.n = 12;
	list_set_count(&l, it.n);
	assert_int_equal(list_current(&l), 11);
	assert_int_equal(l.top, 2);
	assert_int_equal(list_row_item(&l, 9), 11);

	/* All gone, then back: the cursor finds its item again. */
	list_goto(&l, 8);
	it.n = 0;
	list_set_count(&l, 0);
	assert_int_equal(list_current(&l), -1);
	it.n = 54;
	list_set_count(&l, it.n);
	assert_int_equal(list_current(&l), 8);

	/* Under a filter, new items that match show, others do not. */
	/* On "item 3", hidden: the next shown, "item 4". */
	list_filter(&l, "item 4");
	assert_int_equal(l.nshown, 11);
	assert_int_equal(list_current(&l), 9);
	assert_int_equal(id[9], 1004);
	it.n = 55;
	text[54] = "item 4 again";
	id[54] = 5000;
	list_set_count(&l, it.n);
	assert_int_equal(list_current(&l), 9);
	assert_int_equal(l.nshown, 12);
	list_apply(&l, ACTION_BOTTOM);
	assert_int_equal(list_current(&l), 54);
	list_free(&l);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_one_item),
		cmocka_unit_test(test_taller_than_list),
		cmocka_unit_test(test_motion),
		cmocka_unit_test(test_scroll_only),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_count_changes),
	};

	/* Case folding beyond ASCII is the locale's. */
	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "the C.UTF-8 locale is missing\n");
		return 1;
	}
	return cmocka_run_group_tests(tests, setup, NULL);
}
