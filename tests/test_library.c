/* test_library.c: the controller over a real library on an off-screen
 * screen: its stack of views (Enter pushes a feed's items, q pops, q at
 * the bottom leaves, Q from anywhere), an item read in the pager marked
 * read, a feed marked read, the feed's own text made a document for
 * when the page cannot be fetched, and a refresh beside the keys. */
#include <config.h>

#include <locale.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "fetch.h"
#include "keys.h"
#include "library.h"
#include "store.h"
#include "term.h"
#include "testhome.h"
#include "util.h"

/* Two feeds: Film Comment with two unread items (no link, so that
 * opening them needs no network: the feed's own text), Sight with none. */
static struct store *
make_library(void)
{
	struct store_item_in	 in[2];
	struct store_merged	 m;
	struct store		*st;
	char			*cause = NULL;
	int64_t			 a, b;

	assert_int_equal(store_open(NULL, 0, &st, &cause), 0);
	assert_int_equal(store_feed_add(st, "http://a.example/feed",
	    "Film Comment", NULL, &a, &cause), 0);
	assert_int_equal(store_feed_add(st, "http://b.example/feed", "Sight",
	    NULL, &b, &cause), 0);
	memset(in, 0, sizeof in);
	in[0].guid = "a1";
	in[0].title = "On the long take";
	in[0].content = "<p>The feed's own text of the long take.</p>";
	in[0].published = 1748944800;
	in[1].guid = "a2";
	in[1].title = "On the cut";
	in[1].summary = "<p>A summary of the cut.</p>";
	in[1].published = 1748944800 - 86400;
	memset(&m, 0, sizeof m);
	assert_int_equal(store_merge(st, a, in, 2, &m, &cause), 0);
	return st;
}

static int
row_has(struct term_offscreen *o, int y, const char *s)
{
	char	*r = term_offscreen_row(o, y);
	int	 found = strstr(r, s) != NULL;

	free(r);
	return found;
}

static size_t
unread(struct store *st)
{
	size_t	 n;
	char	*cause = NULL;

	assert_int_equal(store_unread(st, 0, &n, &cause), 0);
	return n;
}

static void
test_stack(void **state)
{
	struct store		*st = make_library();
	struct library		*l;
	struct term_offscreen	*o = term_offscreen_new(80, 24);
	struct fetch_opts	 fo;
	char			*cause = NULL;

	assert_non_null(o);
	fetch_opts_default(&fo);
	assert_int_equal(library_new(st, &fo, 0, &l, &cause), 0);
	assert_int_equal(library_depth(l), 1);
	assert_int_equal(library_fd(l), -1);
	assert_false(library_refreshing(l));
	library_draw(l);
	assert_true(row_has(o, 0, "2 feeds, 2 unread"));
	assert_true(row_has(o, 1, "    2   Film Comment"));
	/* Enter: the feed's items on top. */
	assert_int_equal(library_key(l, KEYC_ENTER), 0);
	assert_int_equal(library_depth(l), 2);
	library_draw(l);
	assert_true(row_has(o, 0, "Film Comment: 2 items, 2 unread"));
	assert_true(row_has(o, 1, "On the long take"));
	/* Enter on an item: its essay (here the feed's own text) in the
	 * pager, which q closes; the item is read from then on. */
	assert_int_equal(term_offscreen_keys(o, "q", 1), 0);
	assert_int_equal(library_key(l, KEYC_ENTER), 0);
	assert_int_equal(library_depth(l), 2);
	assert_int_equal(unread(st), 1);
	library_draw(l);
	assert_true(row_has(o, 0, "Film Comment: 2 items, 1 unread"));
	/* q: back to the feeds, the count new. */
	assert_int_equal(library_key(l, 'q'), 0);
	assert_int_equal(library_depth(l), 1);
	library_draw(l);
	assert_true(row_has(o, 1, "    1   Film Comment"));
	/* A: the feed read. */
	assert_int_equal(library_key(l, 'A'), 0);
	assert_int_equal(unread(st), 0);
	library_draw(l);
	assert_true(row_has(o, 0, "2 feeds, 0 unread"));
	/* Q from the items leaves at once; q on the feeds leaves too. */
	assert_int_equal(library_key(l, 'j'), 0);
	assert_int_equal(library_key(l, KEYC_ENTER), 0);
	assert_int_equal(library_depth(l), 2);
	library_draw(l);
	assert_true(row_has(o, 0, "Sight: 0 items"));
	assert_true(row_has(o, 2, "No items yet"));
	assert_int_equal(library_key(l, 'Q'), LIBRARY_QUIT);
	assert_int_equal(library_key(l, 'q'), 0);
	assert_int_equal(library_depth(l), 1);
	assert_int_equal(library_key(l, 'q'), LIBRARY_QUIT);
	/* Q in the pager quits the library as well. */
	assert_int_equal(store_item_mark(st, 1, 1, &cause), 0);
	assert_int_equal(library_key(l, 'k'), 0);
	assert_int_equal(library_key(l, KEYC_ENTER), 0);
	assert_int_equal(term_offscreen_keys(o, "Q", 1), 0);
	assert_int_equal(library_key(l, KEYC_ENTER), LIBRARY_QUIT);
	library_free(l);
	term_offscreen_free(o);
	store_close(st);
}

/* A refresh through the controller, of feeds whose server refuses every
 * connection (127.0.0.1 port 9): it runs beside the keys, a second one
 * waits for it, its news comes through the descriptor, and at its end
 * the status line says what it did and each feed has its error mark. */
static void
test_refresh(void **state)
{
	struct store		*st;
	struct library		*l;
	struct term_offscreen	*o = term_offscreen_new(80, 24);
	struct fetch_opts	 fo;
	struct pollfd		 pfd;
	char			*cause = NULL;
	int64_t			 id;
	int			 polls = 0;

	assert_non_null(o);
	assert_int_equal(store_open(NULL, 0, &st, &cause), 0);
	assert_int_equal(store_feed_add(st, "http://127.0.0.1:9/a.xml", "Aa",
	    NULL, &id, &cause), 0);
	assert_int_equal(store_feed_add(st, "http://127.0.0.1:9/b.xml", "Bb",
	    NULL, &id, &cause), 0);
	fetch_opts_default(&fo);
	fo.connect_timeout = 5;
	assert_int_equal(library_new(st, &fo, 0, &l, &cause), 0);
	assert_int_equal(library_key(l, 'R'), 0);
	assert_true(library_refreshing(l));
	assert_true(library_fd(l) != -1);
	library_draw(l);
	assert_true(row_has(o, 23, "Refreshing"));
	/* The keys go on working meanwhile. */
	assert_int_equal(library_key(l, 'j'), 0);
	assert_int_equal(library_key(l, 'r'), 0);
	library_draw(l);
	assert_true(row_has(o, 23, "A refresh is running already"));
	while (library_refreshing(l)) {
		pfd.fd = library_fd(l);
		pfd.events = POLLIN;
		assert_true(poll(&pfd, 1, 30000) == 1);
		library_news(l);
		assert_true(++polls < 10000);
	}
	assert_int_equal(library_fd(l), -1);
	library_draw(l);
	assert_true(row_has(o, 23,
	    "Refreshed 2 of 2 feeds: 0 new items, 2 failed"));
	assert_true(row_has(o, 0, "2 feeds, 0 unread, 2 failed"));
	assert_true(row_has(o, 1, "      ! Aa"));
	assert_true(row_has(o, 2, "      ! Bb"));
	/* The next key takes the summary away: the feed's error shows. */
	assert_int_equal(library_key(l, 'k'), 0);
	library_draw(l);
	assert_true(row_has(o, 23, "Aa: "));
	library_free(l);
	term_offscreen_free(o);
	store_close(st);
}

/* The text of d's blocks, one a line. */
static char *
text_of(const struct doc *d)
{
	struct buf	b = BUF_INIT;
	size_t		i;

	for (i = 0; i < d->nblocks; i++)
		buf_printf(&b, "%s\n", d->blocks[i].text);
	buf_adds(&b, "");
	return buf_detach(&b, NULL);
}

static void
test_item_doc(void **state)
{
	struct store_item	 it;
	struct doc		*d;
	char			*cause = NULL, *text;

	memset(&it, 0, sizeof it);
	it.title = "On <the> cut";
	it.authors = "Ann & Bob";
	it.link = "https://example.org/cut";
	it.summary = "<p>The summary.</p>";
	it.content = "<p>The content, <em>fuller</em>.</p>";
	/* The content before the summary; the title as the feed has it. */
	d = library_item_doc(&it, &cause);
	assert_non_null(d);
	assert_string_equal(d->title, "On <the> cut");
	assert_string_equal(d->url, "https://example.org/cut");
	text = text_of(d);
	assert_non_null(strstr(text, "The content, fuller."));
	assert_null(strstr(text, "The summary."));
	free(text);
	doc_free(d);
	/* The summary when there is no content; a link that is not the
	 * web's is not the document's URL. */
	it.content = "";
	it.link = "file:///etc/passwd";
	d = library_item_doc(&it, &cause);
	assert_non_null(d);
	assert_string_equal(d->url, "about:blank");
	text = text_of(d);
	assert_non_null(strstr(text, "The summary."));
	free(text);
	doc_free(d);
	/* Neither: a line that says so. */
	it.summary = NULL;
	it.content = NULL;
	d = library_item_doc(&it, &cause);
	assert_non_null(d);
	text = text_of(d);
	assert_non_null(strstr(text, "no text for this item"));
	free(text);
	doc_free(d);
}

static int
setup(void **state)
{
	return testhome_enter("library") != NULL ? 0 : -1;
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
		cmocka_unit_test_setup_teardown(test_stack, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refresh, setup, teardown),
		cmocka_unit_test(test_item_doc),
	};

	if (setenv("TZ", "UTC", 1) != 0 || setlocale(LC_ALL, "C.UTF-8") ==
	    NULL)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
