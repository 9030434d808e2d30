/* test_render.c: the dump formats, exactly, on a small document. */
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
#include <json.h>

#include "doc.h"
#include "render.h"
#include "testdoc.h"
#include "util.h"

/* A document with one block of every type, a link, a labelled section. */
static struct doc *
sample(void)
{
	struct doc		*d = doc_new("https://example.org/essay");
	struct doc_block	*b;

	doc_set(&d->title, "A Night at the Ballet", (size_t)-1);
	doc_set(&d->byline, "Jane Doe", (size_t)-1);
	testdoc_block(d, DOC_HEADING, 2, "Opening");
	testdoc_sample_para(d);
	b = testdoc_block(d, DOC_LIST_ITEM, 1, "first");
	b->number = 1;
	b = testdoc_block(d, DOC_LIST_ITEM, 1, "second");
	b->number = 2;
	b = testdoc_block(d, DOC_QUOTE, 1, "A quote");
	b->quote = 1;
	doc_break(d);
	testdoc_text(d, "with a break");
	testdoc_block(d, DOC_PRE, 0, "int x;\n\tx++;");
	b = testdoc_block(d, DOC_IMAGE, 0, "A dancer");
	b->src = xstrdup("https://example.org/a.jpg");
	b->caption = xstrdup("Ana");
	testdoc_block(d, DOC_RULE, 0, NULL);
	testdoc_block(d, DOC_TABLE_ROW, 1, "Film");
	doc_cell(d);
	testdoc_text(d, "Year");
	testdoc_block(d, DOC_TABLE_ROW, 0, "Ballerina");
	doc_cell(d);
	testdoc_text(d, "2025");
	/* The section as a numbering finder would give it. */
	doc_finish(d);
	doc_add_section(d, "1", "Opening", 2, 0);
	return d;
}

/* Renders d in fmt at cols into a new string. */
static char *
dump(const struct doc *d, enum render_format fmt, int cols)
{
	char	*s = NULL;
	size_t	 len = 0;
	FILE	*f = open_memstream(&s, &len);

	assert_non_null(f);
	assert_int_equal(render(f, d, fmt, cols), 0);
	assert_int_equal(fclose(f), 0);
	return s;
}

static void
utf8_locale(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		fail_msg("the C.UTF-8 locale is missing");
}

static void
test_format_names(void **state)
{
	assert_int_equal(render_format_parse("text"), RENDER_TEXT);
	assert_int_equal(render_format_parse("plain"), RENDER_PLAIN);
	assert_int_equal(render_format_parse("markdown"), RENDER_MARKDOWN);
	assert_int_equal(render_format_parse("json"), RENDER_JSON);
	assert_int_equal(render_format_parse("pdf"), -1);
}

static void
test_text(void **state)
{
	struct doc	*d = sample();
	char		*s;

	utf8_locale();
	s = dump(d, RENDER_TEXT, 40);
	assert_string_equal(s,
	    "A Night at the Ballet\n"
	    "=====================\n"
	    "\n"
	    "Jane Doe\n"
	    "\n"
	    "1. Opening\n"
	    "----------\n"
	    "\n"
	    "Read Ballerina and John Wick[1] now.\n"
	    "\n"
	    "  1. first\n"
	    "  2. second\n"
	    "\n"
	    "    A quote\n"
	    "    with a break\n"
	    "\n"
	    "int x;\n"
	    "        x++;\n"
	    "\n"
	    "[image: A dancer \xe2\x80\x94 Ana]\n"
	    "\n"
	    "                 * * *\n"
	    "\n"
	    "Film      | Year\n"
	    "Ballerina | 2025\n"
	    "\n"
	    "Links\n"
	    "\n"
	    "[1] https://example.org/wick\n");
	free(s);

	/* Narrower: the paragraph wraps at 20 columns. */
	s = dump(d, RENDER_TEXT, 20);
	assert_non_null(strstr(s, "\nRead Ballerina and\nJohn Wick[1] now.\n"));
	free(s);
	doc_free(d);
}

static void
test_text_ascii_locale(void **state)
{
	struct doc	*d = sample();
	char		*s;

	/* Text follows the terminal's character set, like the pager. */
	assert_non_null(setlocale(LC_ALL, "C"));
	s = dump(d, RENDER_TEXT, 40);
	assert_non_null(strstr(s, "\n[image: A dancer -- Ana]\n"));
	free(s);
	/* The data formats are UTF-8 whatever the locale. */
	s = dump(d, RENDER_JSON, 40);
	assert_null(strstr(s, "--"));
	free(s);
	utf8_locale();
	doc_free(d);
}

static void
test_plain(void **state)
{
	struct doc	*d = sample();
	char		*s = dump(d, RENDER_PLAIN, 40);

	assert_string_equal(s,
	    "1. Opening\n"
	    "\n"
	    "Read Ballerina and John Wick now.\n"
	    "\n"
	    "first\n"
	    "\n"
	    "second\n"
	    "\n"
	    "A quote\n"
	    "with a break\n"
	    "\n"
	    "int x;\n"
	    "\tx++;\n"
	    "\n"
	    "Ana\n"
	    "\n"
	    "Film\tYear\n"
	    "\n"
	    "Ballerina\t2025\n");
	free(s);
	doc_free(d);
}

static void
test_markdown(void **state)
{
	struct doc	*d = sample();
	char		*s = dump(d, RENDER_MARKDOWN, 40);

	assert_string_equal(s,
	    "# A Night at the Ballet\n"
	    "\n"
	    "Jane Doe\n"
	    "\n"
	    "## 1. Opening\n"
	    "\n"
	    "Read *Ballerina* and [John Wick](<https://example.org/wick>) "
	    "now.\n"
	    "\n"
	    "1. first\n"
	    "2. second\n"
	    "\n"
	    "> A quote\\\n"
	    "> with a break\n"
	    "\n"
	    "```\n"
	    "int x;\n"
	    "\tx++;\n"
	    "```\n"
	    "\n"
	    "![A dancer](<https://example.org/a.jpg>)\n"
	    "\n"
	    "*Ana*\n"
	    "\n"
	    "* * *\n"
	    "\n"
	    "| Film | Year |\n"
	    "| --- | --- |\n"
	    "| Ballerina | 2025 |\n");
	free(s);
	doc_free(d);
}

static void
test_markdown_escapes(void **state)
{
	struct doc	*d = doc_new(NULL);
	char		*s;

	testdoc_para(d, "1999. A *star* [sic] <b> ");
	testdoc_span(d, DOC_CODE, NULL, "a`b");
	testdoc_para(d, "# not a heading");
	testdoc_finish(d);
	s = dump(d, RENDER_MARKDOWN, 80);
	assert_string_equal(s,
	    "1999\\. A \\*star\\* \\[sic\\] \\<b\\> ``a`b``\n"
	    "\n"
	    "\\# not a heading\n");
	free(s);
	doc_free(d);
}

/* What CommonMark (and GitHub's tables) would read otherwise than the
 * document says is escaped or written another way. */
static void
test_markdown_commonmark(void **state)
{
	struct doc		*d = doc_new(NULL);
	struct doc_block	*b;
	char			*s;

	/* "!" before a link would make it an image; "&lt;" is text. */
	testdoc_para(d, "Wow!");
	testdoc_span(d, DOC_LINK, "https://x.org/f", "the film");
	testdoc_text(d, " &lt; AT&T &#60; ~~no~~ Yes! ");
	testdoc_span(d, DOC_LINK, "https://x.org/g", "two");
	/* Emphasis that CommonMark could not open goes unmarked. */
	testdoc_text(d, " a");
	testdoc_span(d, DOC_EM, NULL, "(x)");
	testdoc_text(d, "b and ");
	testdoc_span(d, DOC_EM, NULL, "fine");
	testdoc_text(d, ".");
	/* A heading keeps its '#'s; a code span its backticks. */
	testdoc_block(d, DOC_HEADING, 2, "C # and F# ");
	testdoc_span(d, DOC_CODE, NULL, "`tick");
	/* Code across a break could start a block on its second line. */
	testdoc_span_para(d, DOC_CODE, NULL, "one");
	doc_break(d);
	testdoc_span(d, DOC_CODE, NULL, "# two");
	/* An item deeper than the one before, under a paragraph. */
	testdoc_block(d, DOC_LIST_ITEM, 2, "deep");
	b = testdoc_block(d, DOC_LIST_ITEM, 3, "ten");
	b->number = 10;
	doc_break(d);
	testdoc_text(d, "more");
	/* A header shorter than the rows, and '|' in cells and code. */
	testdoc_block(d, DOC_TABLE_ROW, 1, "Head");
	testdoc_block(d, DOC_TABLE_ROW, 0, NULL);
	testdoc_span(d, DOC_CODE, NULL, "a|b");
	doc_cell(d);
	testdoc_text(d, "x|y");
	doc_cell(d);
	testdoc_text(d, "z");
	testdoc_finish(d);
	s = dump(d, RENDER_MARKDOWN, 80);
	assert_string_equal(s,
	    "Wow\\![the film](<https://x.org/f>) \\&lt; AT&T \\&#60; "
	    "\\~\\~no\\~\\~ Yes! [two](<https://x.org/g>) a(x)b and *fine*.\n"
	    "\n"
	    "## C \\# and F\\# `` `tick ``\n"
	    "\n"
	    "`one`\\\n"
	    "`# two`\n"
	    "\n"
	    "- deep\n"
	    "\n"
	    "  10. ten\\\n"
	    "      more\n"
	    "\n"
	    "| Head |  |  |\n"
	    "| --- | --- | --- |\n"
	    "| `a\\|b` | x\\|y | z |\n");
	free(s);
	doc_free(d);
}

static void
test_own_output_guard(void **state)
{
	struct doc	*d = doc_new(NULL);
	char		*s;

	/* A title set behind the builder's back: the dump still writes no
	 * escape character. */
	d->title = xstrdup("x\x1b]0;y");
	testdoc_para(d, "body");
	testdoc_finish(d);
	s = dump(d, RENDER_MARKDOWN, 80);
	assert_string_equal(s, "# x?\\]0;y\n\nbody\n");
	free(s);
	s = dump(d, RENDER_JSON, 80);
	assert_null(strchr(s, '\x1b'));
	assert_non_null(strstr(s, "\\u001b"));
	free(s);
	doc_free(d);
}

static void
test_json(void **state)
{
	struct doc	*d = sample();
	char		*s;
	json_object	*root, *v, *a, *o;

	doc_set(&d->dir, "rtl", (size_t)-1);
	doc_set(&d->excerpt, "On ballet.", (size_t)-1);
	s = dump(d, RENDER_JSON, 40);

	root = json_tokener_parse(s);
	assert_non_null(root);
	assert_true(json_object_object_get_ex(root, "url", &v));
	assert_string_equal(json_object_get_string(v),
	    "https://example.org/essay");
	assert_true(json_object_object_get_ex(root, "title", &v));
	assert_string_equal(json_object_get_string(v), "A Night at the Ballet");
	assert_true(json_object_object_get_ex(root, "byline", &v));
	assert_string_equal(json_object_get_string(v), "Jane Doe");
	assert_true(json_object_object_get_ex(root, "site", &v));
	assert_true(json_object_is_type(v, json_type_null));
	assert_true(json_object_object_get_ex(root, "published", &v));
	assert_true(json_object_is_type(v, json_type_null));
	assert_true(json_object_object_get_ex(root, "lang", &v));
	assert_true(json_object_is_type(v, json_type_null));
	assert_true(json_object_object_get_ex(root, "dir", &v));
	assert_string_equal(json_object_get_string(v), "rtl");
	assert_true(json_object_object_get_ex(root, "excerpt", &v));
	assert_string_equal(json_object_get_string(v), "On ballet.");
	assert_true(json_object_object_get_ex(root, "image", &v));
	assert_true(json_object_is_type(v, json_type_null));
	assert_true(json_object_object_get_ex(root, "word_count", &v));
	assert_int_equal(json_object_get_int64(v), (int64_t)d->word_count);

	assert_true(json_object_object_get_ex(root, "sections", &a));
	assert_int_equal(json_object_array_length(a), 1);
	o = json_object_array_get_idx(a, 0);
	assert_true(json_object_object_get_ex(o, "label", &v));
	assert_string_equal(json_object_get_string(v), "1");
	assert_true(json_object_object_get_ex(o, "title", &v));
	assert_string_equal(json_object_get_string(v), "Opening");
	assert_true(json_object_object_get_ex(o, "level", &v));
	assert_int_equal(json_object_get_int(v), 2);
	assert_true(json_object_object_get_ex(o, "block", &v));
	assert_int_equal(json_object_get_int(v), 0);

	assert_true(json_object_object_get_ex(root, "blocks", &a));
	assert_int_equal(json_object_array_length(a), d->nblocks);
	o = json_object_array_get_idx(a, 4);
	assert_true(json_object_object_get_ex(o, "type", &v));
	assert_string_equal(json_object_get_string(v), "quote");
	assert_true(json_object_object_get_ex(o, "level", &v));
	assert_int_equal(json_object_get_int(v), 1);
	assert_true(json_object_object_get_ex(o, "text", &v));
	assert_string_equal(json_object_get_string(v), "A quote\nwith a break");
	o = json_object_array_get_idx(a, 5);
	assert_true(json_object_object_get_ex(o, "type", &v));
	assert_string_equal(json_object_get_string(v), "pre");
	assert_true(json_object_object_get_ex(o, "text", &v));
	assert_string_equal(json_object_get_string(v), "int x;\n\tx++;");
	o = json_object_array_get_idx(a, 2);
	assert_true(json_object_object_get_ex(o, "type", &v));
	assert_string_equal(json_object_get_string(v), "list_item");
	assert_true(json_object_object_get_ex(o, "number", &v));
	assert_int_equal(json_object_get_int(v), 1);
	o = json_object_array_get_idx(a, 6);
	assert_true(json_object_object_get_ex(o, "type", &v));
	assert_string_equal(json_object_get_string(v), "image");
	assert_true(json_object_object_get_ex(o, "caption", &v));
	assert_string_equal(json_object_get_string(v), "Ana");
	assert_true(json_object_object_get_ex(o, "src", &v));
	assert_string_equal(json_object_get_string(v),
	    "https://example.org/a.jpg");
	o = json_object_array_get_idx(a, 8);
	assert_true(json_object_object_get_ex(o, "type", &v));
	assert_string_equal(json_object_get_string(v), "table_row");
	assert_true(json_object_object_get_ex(o, "level", &v));
	assert_int_equal(json_object_get_int(v), 1);
	assert_true(json_object_object_get_ex(o, "text", &v));
	assert_string_equal(json_object_get_string(v), "Film\tYear");

	assert_true(json_object_object_get_ex(root, "links", &a));
	assert_int_equal(json_object_array_length(a), 1);
	o = json_object_array_get_idx(a, 0);
	assert_true(json_object_object_get_ex(o, "n", &v));
	assert_int_equal(json_object_get_int(v), 1);
	assert_true(json_object_object_get_ex(o, "url", &v));
	assert_string_equal(json_object_get_string(v),
	    "https://example.org/wick");
	assert_true(json_object_object_get_ex(o, "text", &v));
	assert_string_equal(json_object_get_string(v), "John Wick");
	/* The output has no raw tab: it is escaped in strings. */
	assert_null(strchr(s, '\t'));
	json_object_put(root);
	free(s);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_text_ascii_locale),
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_markdown_escapes),
		cmocka_unit_test(test_markdown_commonmark),
		cmocka_unit_test(test_own_output_guard),
		cmocka_unit_test(test_json),
	};

	utf8_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
