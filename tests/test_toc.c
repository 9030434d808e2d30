/* test_toc.c: a table of contents box found in small documents built with
 * the real doc builder: a list or table of links into the page and the
 * heading that introduces it; lists of other links are no box. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "testdoc.h"
#include "toc.h"
#include "util.h"

#define PAGE	"https://example.org/film"

/* A list item that is one link to url. */
static void
item(struct doc *d, const char *url, const char *text)
{
	testdoc_block(d, DOC_LIST_ITEM, 1, NULL);
	testdoc_span(d, DOC_LINK, url, text);
}

/* Checks that the flags of d's blocks are want (a '1' or '0' a block). */
static void
check_marks(const struct doc *d, const char *want)
{
	unsigned char	*m = toc_find(d);
	size_t		 i;

	assert_int_equal(strlen(want), d->nblocks);
	if (strchr(want, '1') == NULL) {
		assert_null(m);
		return;
	}
	assert_non_null(m);
	for (i = 0; i < d->nblocks; i++)
		if (m[i] != (want[i] == '1'))
			fail_msg("block %zu is %d, wanted %c", i, m[i],
			    want[i]);
	free(m);
}

/* The lead, "Contents" and its list, then the parts it lists. */
static void
test_contents_box(void **state)
{
	struct doc	*d = doc_new(PAGE);

	testdoc_para(d, "The lead paragraph of the article.");
	testdoc_block(d, DOC_HEADING, 2, "Contents");
	item(d, "#early", "1 Early life");
	item(d, "#career", "2 Career");
	item(d, "#legacy", "3 Legacy");
	testdoc_block(d, DOC_HEADING, 2, "Early life");
	doc_add_anchor(d, "early");
	testdoc_para(d, "Born in a small town.");
	testdoc_block(d, DOC_HEADING, 2, "Career");
	testdoc_finish(d);
	check_marks(d, "01111000");
	doc_free(d);
}

/* Links written as the page's own address and a fragment count; a
 * heading with parts of its own under it is no mere title of the box. */
static void
test_absolute_self_links(void **state)
{
	struct doc	*d = doc_new(PAGE "#top");

	testdoc_block(d, DOC_HEADING, 2, "Early life");
	item(d, PAGE "#a", "Childhood");
	item(d, PAGE "#b", "School");
	item(d, PAGE "#c", "First films");
	testdoc_block(d, DOC_HEADING, 3, "Childhood");
	testdoc_para(d, "The text.");
	testdoc_finish(d);
	check_marks(d, "011100");
	doc_free(d);
}

/* A table whose rows link into the page is a box too. */
static void
test_table_box(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 i;

	testdoc_para(d, "On this page");
	for (i = 0; i < 3; i++) {
		testdoc_block(d, DOC_TABLE_ROW, 0, NULL);
		testdoc_span(d, DOC_LINK, "#part", "Part");
		doc_cell(d);
		testdoc_span(d, DOC_LINK, "#part", "the title");
	}
	testdoc_para(d, "The text begins.");
	testdoc_finish(d);
	check_marks(d, "11110");
	doc_free(d);
}

/* No box: links to other pages, two links only, a list of prose with a
 * link in each item, an empty fragment. */
static void
test_not_a_box(void **state)
{
	struct doc	*d = doc_new(PAGE);

	testdoc_block(d, DOC_HEADING, 2, "Further reading");
	item(d, "https://example.org/other#a", "Another film");
	item(d, "https://example.org/other#b", "A third film");
	item(d, "/film2#c", "A fourth film");
	testdoc_para(d, "Between.");
	item(d, "#a", "One");
	item(d, "#b", "Two");
	testdoc_para(d, "Between.");
	testdoc_block(d, DOC_LIST_ITEM, 1, "The long take in the hall, ");
	testdoc_span(d, DOC_LINK, "#n1", "see");
	testdoc_block(d, DOC_LIST_ITEM, 1, "the cut to the street, ");
	testdoc_span(d, DOC_LINK, "#n2", "see");
	testdoc_block(d, DOC_LIST_ITEM, 1, "and the last shot of her, ");
	testdoc_span(d, DOC_LINK, "#n3", "see");
	testdoc_para(d, "Between.");
	item(d, PAGE "#", "Top");
	item(d, PAGE "#", "Top");
	item(d, PAGE "#", "Top");
	testdoc_finish(d);
	check_marks(d, "000000000000000");
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_contents_box),
		cmocka_unit_test(test_absolute_self_links),
		cmocka_unit_test(test_table_box),
		cmocka_unit_test(test_not_a_box),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
