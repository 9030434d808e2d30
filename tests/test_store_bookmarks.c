/* test_store_bookmarks.c: the library's bookmarks on a real SQLite file
 * in a home of the test's own: one per essay whatever URL led to it,
 * tags without regard to case, notes, quotes, lists by tag, search and
 * order, and an essay that stays when its bookmark goes. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store.h"
#include "testhome.h"
#include "util.h"

static int
setup(void **state)
{
	return testhome_enter("store-bookmarks") != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	return testhome_leave();
}

static struct store *
open_default(void)
{
	struct store	*s = NULL;
	char		*cause = NULL;

	if (store_open(NULL, 0, &s, &cause) != 0)
		fail_msg("store_open: %s", cause);
	return s;
}

/* Keeps an essay; requested may be NULL. Returns its id. */
static int64_t
put_doc(struct store *s, const char *url, const char *requested,
    const char *title, const char *site, const char *text)
{
	struct store_doc	 d;
	char			*cause = NULL;
	int64_t			 id;

	memset(&d, 0, sizeof d);
	d.url = (char *)url;
	d.title = (char *)title;
	d.site = (char *)site;
	d.text = (char *)text;
	d.content = (char *)"<div xmlns=\"http://www.w3.org/1999/xhtml\">"
	    "<p>x</p></div>";
	if (store_doc_put(s, &d, requested, &id, &cause) != 0)
		fail_msg("store_doc_put: %s", cause);
	return id;
}

static int64_t
mark(struct store *s, int64_t doc, const char *const *tags,
    const char *note, int64_t added, int want)
{
	struct store_bookmark_in	 in;
	char				*cause = NULL;
	int64_t				 id = 0;
	int				 rc;

	in.tags = tags;
	in.note = note;
	in.added = added;
	rc = store_bookmark_put(s, doc, &in, &id, &cause);
	if (rc != want)
		fail_msg("store_bookmark_put: %d, wanted %d: %s", rc, want,
		    cause != NULL ? cause : "");
	return id;
}

static struct store_bookmark *
list(struct store *s, enum store_bookmark_order o, const char *tag,
    const char *q, size_t *n)
{
	struct store_bookmark	*v;
	char			*cause = NULL;

	if (store_bookmark_list(s, o, tag, q, &v, n, &cause) != 0)
		fail_msg("store_bookmark_list: %s", cause);
	return v;
}

/* Saving again edits; it never makes a second bookmark. */
static void
test_put_again(void **state)
{
	static const char *const tags1[] = { "Film", "essays", NULL };
	static const char *const tags2[] = { "  film ", "Cinema", "", NULL };
	static const char *const none[] = { NULL };
	struct store		*s = open_default();
	struct store_bookmark	 b, *v;
	char			*cause = NULL;
	int64_t			 doc, id, id2;
	size_t			 n;

	doc = put_doc(s, "https://essays.example/a", "https://short.example/1",
	    "On the long take", "essays.example", "A text about montage.");
	id = mark(s, doc, tags1, "read on the train", 1000, 0);
	assert_true(id > 0);
	/* By the URL asked for, which led to it. */
	assert_int_equal(store_bookmark_get(s, "https://short.example/1", &b,
	    &cause), 0);
	assert_int_equal(b.id, id);
	assert_int_equal(b.doc, doc);
	assert_string_equal(b.url, "https://essays.example/a");
	assert_string_equal(b.title, "On the long take");
	assert_string_equal(b.note, "read on the train");
	assert_int_equal(b.added, 1000);
	assert_int_equal(b.ntags, 2);
	assert_string_equal(b.tags[0], "essays");
	store_bookmark_free(&b);
	/* By its essay's id. */
	assert_int_equal(store_bookmark_get_doc(s, doc, &b, &cause), 0);
	assert_int_equal(b.id, id);
	assert_int_equal(b.ntags, 2);
	assert_string_equal(b.tags[0], "essays");
	assert_string_equal(b.tags[1], "Film");
	assert_null(b.tags[2]);
	store_bookmark_free(&b);

	/* Again: tags replaced (case ignored, blanks trimmed, empty
	 * dropped), the note kept when none is given, the date kept. */
	id2 = mark(s, doc, tags2, NULL, 5000, 1);
	assert_int_equal(id2, id);
	assert_int_equal(store_bookmark_get_id(s, id, &b, &cause), 0);
	assert_int_equal(b.ntags, 2);
	assert_string_equal(b.tags[0], "Cinema");
	/* The first spelling stays; "essays" is gone, nobody has it. */
	assert_string_equal(b.tags[1], "Film");
	assert_string_equal(b.note, "read on the train");
	assert_int_equal(b.added, 1000);
	store_bookmark_free(&b);

	/* No tags, the note removed. */
	mark(s, doc, none, "", 0, 1);
	assert_int_equal(store_bookmark_get_id(s, id, &b, &cause), 0);
	assert_int_equal(b.ntags, 0);
	assert_null(b.tags[0]);
	assert_null(b.note);
	store_bookmark_free(&b);

	v = list(s, STORE_BM_ADDED, NULL, NULL, &n);
	assert_int_equal(n, 1);
	store_bookmarks_free(v, n);

	/* The same essay put again (refetched) keeps its bookmark. */
	assert_int_equal(put_doc(s, "https://essays.example/a", NULL,
	    "On the long take, revised", "essays.example", "New text."), doc);
	assert_int_equal(store_bookmark_get(s, "https://essays.example/a", &b,
	    &cause), 0);
	assert_string_equal(b.title, "On the long take, revised");
	store_bookmark_free(&b);
	/* An essay the library does not have. */
	assert_int_equal(store_bookmark_put(s, 999, &(struct
	    store_bookmark_in){ NULL, NULL, 0 }, &id, &cause), -1);
	assert_non_null(strstr(cause, "no essay 999"));
	free(cause);
	cause = NULL;
	/* Not bookmarked: 1, no message. */
	id2 = put_doc(s, "https://essays.example/b", NULL, "B", NULL, "b");
	assert_int_equal(store_bookmark_get(s, "https://essays.example/b", &b,
	    &cause), 1);
	assert_null(cause);
	assert_int_equal(store_bookmark_get_doc(s, id2, &b, &cause), 1);
	assert_int_equal(store_bookmark_get_id(s, 4242, &b, &cause), 1);
	assert_null(cause);
	store_close(s);
}

static void
test_tags(void **state)
{
	static const char *const t1[] = { "Film", NULL };
	static const char *const t2[] = { "film", "Noir", NULL };
	static const char *const add[] = { "NOIR", "Music", NULL };
	static const char *const del[] = { "FILM", "absent", NULL };
	struct store		*s = open_default();
	struct store_bookmark	*v, b;
	struct store_tag	*tv;
	char			*cause = NULL;
	int64_t			 a, c;
	size_t			 n;

	a = mark(s, put_doc(s, "https://x.example/a", NULL, "A", NULL,
	    "alpha"), t1, NULL, 0, 0);
	c = mark(s, put_doc(s, "https://x.example/c", NULL, "C", NULL,
	    "gamma"), t2, NULL, 0, 0);
	assert_int_equal(store_tags(s, &tv, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_string_equal(tv[0].name, "Film");
	assert_int_equal(tv[0].count, 2);
	assert_string_equal(tv[1].name, "Noir");
	assert_int_equal(tv[1].count, 1);
	store_tags_free(tv, n);

	v = list(s, STORE_BM_TITLE, "FILM", NULL, &n);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, a);
	assert_int_equal(v[1].id, c);
	store_bookmarks_free(v, n);
	v = list(s, STORE_BM_TITLE, "noir", NULL, &n);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, c);
	store_bookmarks_free(v, n);
	v = list(s, STORE_BM_TITLE, "   ", NULL, &n);
	assert_int_equal(n, 0);
	store_bookmarks_free(v, n);

	assert_int_equal(store_bookmark_tag(s, c, add, del, &cause), 0);
	assert_int_equal(store_bookmark_get_id(s, c, &b, &cause), 0);
	assert_int_equal(b.ntags, 2);
	assert_string_equal(b.tags[0], "Music");
	assert_string_equal(b.tags[1], "Noir");
	store_bookmark_free(&b);
	assert_int_equal(store_bookmark_tag(s, 12345, add, NULL, &cause), -1);
	assert_non_null(strstr(cause, "no bookmark 12345"));
	free(cause);
	store_close(s);
}

static void
test_list_search_order(void **state)
{
	struct store		*s = open_default();
	struct store_bookmark	*v;
	struct store_pos	 pos = { 1, 4, 0 };
	char			*cause = NULL;
	int64_t			 d1, d2, d3, b1, b2, b3;
	size_t			 n;

	d1 = put_doc(s, "https://one.example/x", NULL, "Zeno's café",
	    "one.example", "The cinematographer framed the long take.");
	d2 = put_doc(s, "https://two.example/x", NULL, "about Montage",
	    "two.example", "Soviet montage and the cut.");
	d3 = put_doc(s, "https://alpha.example/x", NULL, "Middle", NULL,
	    "A CAFE in Paris, a long take again.");
	/* A read essay not bookmarked is not listed. */
	put_doc(s, "https://three.example/x", NULL, "Not kept", NULL,
	    "montage everywhere");
	b1 = mark(s, d1, NULL, NULL, 100, 0);
	b2 = mark(s, d2, NULL, NULL, 300, 0);
	b3 = mark(s, d3, NULL, NULL, 200, 0);

	v = list(s, STORE_BM_ADDED, NULL, NULL, &n);
	assert_int_equal(n, 3);
	assert_int_equal(v[0].id, b2);
	assert_int_equal(v[1].id, b3);
	assert_int_equal(v[2].id, b1);
	store_bookmarks_free(v, n);
	v = list(s, STORE_BM_TITLE, NULL, NULL, &n);
	assert_int_equal(v[0].id, b2);		/* about, Middle, Zeno */
	assert_int_equal(v[1].id, b3);
	assert_int_equal(v[2].id, b1);
	store_bookmarks_free(v, n);
	v = list(s, STORE_BM_SITE, NULL, NULL, &n);
	assert_int_equal(v[0].id, b1);		/* one, two, none last */
	assert_int_equal(v[1].id, b2);
	assert_int_equal(v[2].id, b3);
	store_bookmarks_free(v, n);

	/* Reading one puts it first by last read. */
	assert_int_equal(store_doc_pos(s, d1, &pos, 0, &cause), 0);
	v = list(s, STORE_BM_READ, NULL, NULL, &n);
	assert_int_equal(v[0].id, b1);
	assert_true(v[0].read > 0);
	assert_int_equal(v[0].pos.block, 4);
	assert_int_equal(v[1].read, 0);
	store_bookmarks_free(v, n);

	/* Diacritics removed both ways; prefix; phrase; no match. */
	v = list(s, STORE_BM_TITLE, NULL, "cafe", &n);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, b3);
	assert_int_equal(v[1].id, b1);
	store_bookmarks_free(v, n);
	v = list(s, STORE_BM_TITLE, NULL, "cinema*", &n);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, b1);
	store_bookmarks_free(v, n);
	v = list(s, STORE_BM_TITLE, NULL, "\"long take\"", &n);
	assert_int_equal(n, 2);
	store_bookmarks_free(v, n);
	v = list(s, STORE_BM_TITLE, NULL, "\"take long\"", &n);
	assert_int_equal(n, 0);
	store_bookmarks_free(v, n);
	/* What FTS5 cannot parse is looked for as words. */
	v = list(s, STORE_BM_TITLE, NULL, "long-take", &n);
	assert_int_equal(n, 2);
	store_bookmarks_free(v, n);
	/* Blank: all. */
	v = list(s, STORE_BM_TITLE, NULL, "  ", &n);
	assert_int_equal(n, 3);
	store_bookmarks_free(v, n);
	store_close(s);
}

static void
test_remove_and_quotes(void **state)
{
	static const char *const tags[] = { "gone-with-it", NULL };
	struct store		*s = open_default();
	struct store_quote	*qv;
	struct store_bookmark	 b;
	struct store_doc	 d;
	struct store_tag	*tv;
	char			*cause = NULL;
	int64_t			 doc, id;
	size_t			 n;

	doc = put_doc(s, "https://q.example/", NULL, "Q", NULL, "text");
	id = mark(s, doc, tags, "n", 0, 0);
	assert_int_equal(store_quote_add(s, id, 7, "Seventh paragraph.",
	    &cause), 0);
	assert_int_equal(store_quote_add(s, id, 2, "Second \x1b paragraph.",
	    &cause), 0);
	assert_int_equal(store_quote_add(s, id, 7, "again", &cause), 1);
	assert_int_equal(store_quote_list(s, id, &qv, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_int_equal(qv[0].block, 2);
	/* Remote text in, sanitized: the escape is a picture. */
	assert_string_equal(qv[0].text, "Second \xe2\x90\x9b paragraph.");
	assert_int_equal(qv[1].block, 7);
	assert_string_equal(qv[1].text, "Seventh paragraph.");
	assert_true(qv[1].added > 0);
	store_quotes_free(qv, n);
	assert_int_equal(store_bookmark_get_id(s, id, &b, &cause), 0);
	assert_int_equal(b.nquotes, 2);
	store_bookmark_free(&b);
	assert_int_equal(store_quote_remove(s, id, 7, &cause), 0);
	assert_int_equal(store_quote_remove(s, id, 7, &cause), 1);
	assert_int_equal(store_quote_add(s, 999, 1, "x", &cause), -1);
	free(cause);
	cause = NULL;

	assert_int_equal(store_bookmark_remove(s, id, &cause), 0);
	assert_int_equal(store_bookmark_get_id(s, id, &b, &cause), 1);
	assert_int_equal(store_bookmark_remove(s, id, &cause), -1);
	assert_non_null(strstr(cause, "no bookmark"));
	free(cause);
	cause = NULL;
	/* Its quotes and its tag went with it; the essay stays. */
	assert_int_equal(store_quote_list(s, id, &qv, &n, &cause), 0);
	assert_int_equal(n, 0);
	store_quotes_free(qv, n);
	assert_int_equal(store_tags(s, &tv, &n, &cause), 0);
	assert_int_equal(n, 0);
	store_tags_free(tv, n);
	assert_int_equal(store_doc_get_id(s, doc, &d, &cause), 0);
	assert_string_equal(d.title, "Q");
	store_doc_free(&d);
	/* Bookmarked again: a new one, no quote of the old. */
	id = mark(s, doc, NULL, NULL, 0, 0);
	assert_int_equal(store_bookmark_get_id(s, id, &b, &cause), 0);
	assert_int_equal(b.nquotes, 0);
	store_bookmark_free(&b);
	store_close(s);
}

/* Search shows each hit's date and whether it is bookmarked. */
static void
test_search_fields(void **state)
{
	struct store		*s = open_default();
	struct store_doc	 d;
	struct store_hit	*hv;
	char			*cause = NULL;
	int64_t			 id;
	size_t			 n;

	memset(&d, 0, sizeof d);
	d.url = (char *)"https://s.example/1";
	d.title = (char *)"Rhythm";
	d.published = (char *)"2024-05-01";
	d.text = (char *)"editing rhythm";
	d.content = (char *)"<div/>";
	d.fetched = 1234;
	assert_int_equal(store_doc_put(s, &d, NULL, &id, &cause), 0);
	assert_int_equal(store_search(s, "rhythm", 0, &hv, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(hv[0].published, "2024-05-01");
	assert_int_equal(hv[0].fetched, 1234);
	assert_false(hv[0].bookmarked);
	store_hits_free(hv, n);
	mark(s, id, NULL, NULL, 0, 0);
	assert_int_equal(store_search(s, "rhythm", 0, &hv, &n, &cause), 0);
	assert_true(hv[0].bookmarked);
	store_hits_free(hv, n);
	store_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_put_again, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_tags, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_search_order, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_remove_and_quotes, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_search_fields, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
