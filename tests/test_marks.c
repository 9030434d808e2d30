/* test_marks.c: bookmarking from the screens without a screen: tags
 * split, joined and completed (case ignored, the tag's own spelling),
 * the paragraph a quote takes, the word a search result opens on, and s
 * and m over a real library (one bookmark however often, a quote marked
 * and unmarked, tags and note replaced). */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "doc.h"
#include "marks.h"
#include "store.h"
#include "testdoc.h"
#include "testhome.h"
#include "util.h"

static void
check_parse(const char *line, size_t want_n, const char *want_joined)
{
	char	**v, *j;
	size_t	  n;

	v = marks_tags_parse(line, &n);
	assert_int_equal(n, want_n);
	assert_null(v[n]);
	j = marks_tags_join(v, n);
	assert_string_equal(j, want_joined);
	free(j);
	marks_tags_free(v);
}

static void
test_tags(void **state)
{
	(void)state;
	check_parse("", 0, "");
	check_parse(" ,, ", 0, "");
	check_parse("film", 1, "film");
	check_parse("film, Noir essay", 3, "film, Noir, essay");
	/* The first spelling of a tag stays; case is ignored. */
	check_parse("Film,film FILM noir", 2, "Film, noir");
	check_parse("\tcin\xc3\xa9ma,,x", 2, "cin\xc3\xa9ma, x");
}

static void
check_complete(const char *typed, size_t want_fit, const char *want)
{
	static const struct store_tag	tags[] = {
		{ (char *)"Fiction", 2 }, { (char *)"film", 3 },
		{ (char *)"filmmakers", 1 }, { (char *)"noir", 1 },
	};
	struct buf			b = BUF_INIT;

	buf_adds(&b, typed);
	assert_int_equal(marks_complete(&b, tags, 4), want_fit);
	assert_string_equal(buf_str(&b), want);
	buf_free(&b);
}

static void
test_complete(void **state)
{
	(void)state;
	/* One fits: the whole tag, in its own spelling, and a separator. */
	check_complete("no", 1, "noir, ");
	check_complete("film, NO", 1, "film, noir, ");
	check_complete("fic", 1, "Fiction, ");
	/* Several: what they share, case ignored. */
	check_complete("F", 3, "Fi");
	check_complete("fil", 2, "film");
	check_complete("a, film", 2, "a, film");
	/* None: the line as it was. */
	check_complete("zz", 0, "zz");
	/* An empty word: every tag fits, they share nothing. */
	check_complete("", 4, "");
}

static struct doc *
sample(void)
{
	struct doc	*d = doc_new("https://example.org/essay");

	testdoc_block(d, DOC_HEADING, 1, "The essay");
	testdoc_para(d, "The first paragraph.");
	testdoc_block(d, DOC_IMAGE, 0, NULL);
	testdoc_block(d, DOC_HEADING, 2, "Part two");
	testdoc_para(d, "The second paragraph.");
	testdoc_block(d, DOC_HEADING, 2, "The end");
	testdoc_finish(d);
	return d;
}

static void
test_quote_block(void **state)
{
	struct doc	*d = sample();

	(void)state;
	assert_int_equal(d->nblocks, 6);
	/* A heading's quote is the paragraph after it. */
	assert_int_equal(marks_quote_block(d, 0), 1);
	assert_int_equal(marks_quote_block(d, 1), 1);
	/* An image with no text, then a heading: on to the paragraph. */
	assert_int_equal(marks_quote_block(d, 2), 4);
	assert_int_equal(marks_quote_block(d, 4), 4);
	/* Nothing after the last heading, nor past the end. */
	assert_int_equal(marks_quote_block(d, 5), -1);
	assert_int_equal(marks_quote_block(d, 99), -1);
	doc_free(d);
}

static void
check_pattern(const char *q, const char *want)
{
	char	*got = marks_pattern(q);

	if (want == NULL)
		assert_null(got);
	else
		assert_string_equal(got, want);
	free(got);
}

static void
test_pattern(void **state)
{
	(void)state;
	check_pattern("river", "river");
	check_pattern("  cinem*", "cinem");
	check_pattern("\"long take\" montage", "long take");
	check_pattern("AND montage OR frame", "montage");
	check_pattern("NEAR(light shadow)", "light");
	check_pattern("-title:river", "title");
	check_pattern("caf\xc3\xa9", "caf\xc3\xa9");
	check_pattern("", NULL);
	check_pattern(" * () \"\" ", NULL);
}

static int
setup(void **state)
{
	(void)state;
	return testhome_enter("marks") != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	return testhome_leave();
}

/* The sample essay kept in st; returns its id. */
static int64_t
keep(struct store *st)
{
	struct store_doc	 sd;
	char			*cause = NULL;
	int64_t			 id;

	memset(&sd, 0, sizeof sd);
	sd.url = (char *)"https://example.org/essay";
	sd.title = (char *)"The essay";
	sd.text = (char *)"The first paragraph. The second paragraph.";
	sd.content = (char *)"<div xmlns=\"http://www.w3.org/1999/xhtml\">"
	    "<p>x</p></div>";
	if (store_doc_put(st, &sd, NULL, &id, &cause) != 0)
		fail_msg("store_doc_put: %s", cause);
	return id;
}

static void
test_library(void **state)
{
	struct store		*st = NULL;
	struct store_bookmark	 b, *bv;
	struct store_quote	*qv;
	struct doc		*d = sample();
	char			*cause = NULL;
	int64_t			 doc, id, id2;
	size_t			 n;
	int			 saved;

	(void)state;
	assert_int_equal(store_open(NULL, 0, &st, &cause), 0);
	doc = keep(st);
	/* m before s: the essay bookmarked too, and the quote marked. */
	assert_int_equal(marks_quote(st, doc, d, 1, &saved, &cause), 1);
	assert_int_equal(saved, 1);
	/* s after it: the same bookmark, said to be there. */
	assert_int_equal(marks_save(st, doc, &id, &cause), 1);
	assert_int_equal(marks_save(st, doc, &id2, &cause), 1);
	assert_int_equal(id, id2);
	assert_int_equal(store_bookmark_list(st, STORE_BM_ADDED, NULL, NULL,
	    &bv, &n, &cause), 0);
	assert_int_equal(n, 1);
	store_bookmarks_free(bv, n);
	assert_int_equal(store_quote_list(st, id, &qv, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(qv[0].block, 1);
	assert_string_equal(qv[0].text, "The first paragraph.");
	store_quotes_free(qv, n);
	/* m again: unmarked, the bookmark stays. */
	assert_int_equal(marks_quote(st, doc, d, 1, &saved, &cause), 0);
	assert_int_equal(saved, 0);
	assert_int_equal(store_quote_list(st, id, &qv, &n, &cause), 0);
	assert_int_equal(n, 0);
	store_quotes_free(qv, n);
	/* A block past the end is no paragraph. */
	assert_int_equal(marks_quote(st, doc, d, 99, &saved, &cause), -1);
	assert_non_null(cause);
	free(cause);
	cause = NULL;
	/* Tags and note replaced; "" takes the note away. */
	assert_int_equal(marks_edit(st, doc, "Film, noir film", "a note",
	    &cause), 0);
	assert_int_equal(store_bookmark_get_id(st, id, &b, &cause), 0);
	assert_int_equal(b.ntags, 2);
	assert_string_equal(b.tags[0], "Film");
	assert_string_equal(b.tags[1], "noir");
	assert_string_equal(b.note, "a note");
	store_bookmark_free(&b);
	assert_int_equal(marks_edit(st, doc, "noir", "", &cause), 0);
	assert_int_equal(store_bookmark_get_id(st, id, &b, &cause), 0);
	assert_int_equal(b.ntags, 1);
	assert_null(b.note);
	store_bookmark_free(&b);
	/* An essay the library does not have: an error, nothing made. */
	assert_int_equal(marks_save(st, doc + 100, &id2, &cause), -1);
	assert_non_null(cause);
	free(cause);
	doc_free(d);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_complete),
		cmocka_unit_test(test_quote_block),
		cmocka_unit_test(test_pattern),
		cmocka_unit_test_setup_teardown(test_library, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
