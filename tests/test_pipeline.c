/* test_pipeline.c: the path from bytes to a document, for HTML and for
 * plain-text essays. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "pipeline.h"
#include "util.h"

static struct doc *
load(const char *text, const char *type)
{
	struct doc	*d;
	char		*cause = NULL;

	d = pipeline_page(text, strlen(text), type, NULL, "essay.txt", &cause);
	assert_non_null(d);
	assert_null(cause);
	return d;
}

static void
test_text_lines_are_paragraphs(void **state)
{
	struct doc	*d = load("First line of the essay.\r\n"
	    "Second line, with \x1b[2J in it.\n"
	    "   \n"
	    "Third.", "text/plain");

	/* A whitespace-only line as the only "blank" still separates, and
	 * lines of a text with blank lines are joined into paragraphs. */
	assert_int_equal(d->nblocks, 2);
	assert_string_equal(d->blocks[0].text, "First line of the essay. "
	    "Second line, with \xe2\x90\x9b[2J in it.");
	assert_string_equal(d->blocks[1].text, "Third.");
	doc_free(d);

	d = load("One.\nTwo.\nThree.\n", "text/plain");
	assert_int_equal(d->nblocks, 3);
	assert_string_equal(d->blocks[2].text, "Three.");
	assert_string_equal(d->url, "essay.txt");
	doc_free(d);
}

/* A text's closing invitation goes as a page's does; a text that is
 * nothing but one keeps it. */
static void
test_text_call_to_action(void **state)
{
	struct doc	*d = load("The long take asks us to stay in the room "
	    "after the point has been made, and the camera drifts on.\n"
	    "In the end, the film trusts duration more than any cut.\n"
	    "Interested in more movie-related blogs? Click here to explore\n",
	    "text/plain");

	assert_int_equal(d->nblocks, 2);
	assert_string_equal(d->blocks[1].text, "In the end, the film trusts "
	    "duration more than any cut.");
	doc_free(d);

	d = load("Interested in more movie-related blogs? Click here to "
	    "explore\n", "text/plain");
	assert_int_equal(d->nblocks, 1);
	doc_free(d);
}

static void
test_text_is_not_html(void **state)
{
	struct doc	*d = load("<p>a & b</p>", "text/plain");

	assert_int_equal(d->nblocks, 1);
	assert_string_equal(d->blocks[0].text, "<p>a & b</p>");
	doc_free(d);
	d = load("<p>a &amp; b</p>", "text/html");
	assert_string_equal(d->blocks[0].text, "a & b");
	doc_free(d);
}

static void
test_latin1_text(void **state)
{
	struct doc	*d = load("caf\xe9 cr\xe8me", "text/plain");

	assert_string_equal(d->blocks[0].text, "caf\xc3\xa9 cr\xc3\xa8me");
	doc_free(d);
}

/* A page with a title and no text, or an empty text, is an error that
 * says so, not an empty essay. */
static void
test_nothing_to_read(void **state)
{
	static const struct {
		const char	*data, *type;
	} cases[] = {
		{ "<title>The Long Take</title>", "text/html" },
		{ "<html><head><title>A title</title></head><body><script>"
		  "x()</script></body></html>", "text/html" },
		{ "", "text/plain" },
		{ "\n  \n\t\n", "text/plain" },
	};
	struct doc	*d;
	char		*cause;
	size_t		 i;

	for (i = 0; i < nitems(cases); i++) {
		cause = NULL;
		d = pipeline_page(cases[i].data, strlen(cases[i].data),
		    cases[i].type, NULL, "essay.txt", &cause);
		if (d != NULL)
			fail_msg("case %zu: a document of %zu blocks", i,
			    d->nblocks);
		assert_non_null(cause);
		assert_string_equal(cause,
		    "essay.txt: no text to read in the page");
		free(cause);
	}
}

/* Beside the document, its content as the library keeps it: a text's
 * paragraphs as <p> elements; a page's content; nothing when the page
 * fails. */
static void
test_fragment(void **state)
{
	struct doc	*d;
	char		*frag = NULL, *cause = NULL;
	const char	*text = "One & two.\nThree <4>.\r\n";
	const char	*page = "<html><body><p>Tom &amp; Jerry</p>"
	    "</body></html>";

	d = pipeline_page_fragment(text, strlen(text), "text/plain", NULL,
	    "essay.txt", &frag, &cause);
	assert_non_null(d);
	assert_int_equal(d->nblocks, 2);
	assert_string_equal(frag, "<div xmlns=\"http://www.w3.org/1999/xhtml\">"
	    "<p> One &amp; two.</p><p> Three &lt;4&gt;.&#13;</p></div>");
	free(frag);
	doc_free(d);

	d = pipeline_page_fragment(page, strlen(page), "text/html", NULL,
	    "https://example.org/", &frag, &cause);
	assert_non_null(d);
	assert_true(strncmp(frag, "<div xmlns=\"http://www.w3.org/1999/xhtml\">",
	    42) == 0);
	assert_non_null(strstr(frag, "<p>Tom &amp; Jerry</p>"));
	free(frag);
	doc_free(d);

	frag = NULL;
	assert_null(pipeline_page_fragment("", 0, "text/plain", NULL,
	    "empty.txt", &frag, &cause));
	assert_null(frag);
	assert_non_null(cause);
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_text_lines_are_paragraphs),
		cmocka_unit_test(test_text_call_to_action),
		cmocka_unit_test(test_text_is_not_html),
		cmocka_unit_test(test_latin1_text),
		cmocka_unit_test(test_nothing_to_read),
		cmocka_unit_test(test_fragment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
