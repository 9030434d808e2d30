/* test_text.c: white space: the three kinds, trimming, and collapsing
 * runs as the document model, document.title and Readability do. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "text.h"
#include "util.h"

/* Collapses the pieces (NULL-terminated) into a new string. */
static char *
collapse(enum text_space kind, int min, const char *const *pieces)
{
	struct buf	 b = BUF_INIT;
	struct text_run	 r;

	memset(&r, 0, sizeof r);
	r.space = kind;
	r.min = min;
	for (; *pieces != NULL; pieces++)
		text_collapse(&b, *pieces, strlen(*pieces), &r);
	return buf_detach(&b, NULL);
}

static void
test_kinds(void **state)
{
	assert_true(text_is_space(' ', TEXT_SPACE));
	assert_false(text_is_space('\n', TEXT_SPACE));
	assert_false(text_is_space(0xa0, TEXT_SPACE));
	assert_true(text_is_space('\f', TEXT_HTML));
	assert_false(text_is_space('\v', TEXT_HTML));
	assert_false(text_is_space(0xa0, TEXT_HTML));
	assert_true(text_is_space('\v', TEXT_JS));
	assert_true(text_is_space(0xa0, TEXT_JS));
	assert_true(text_is_space(0x3000, TEXT_JS));
	assert_true(text_is_space(0xfeff, TEXT_JS));
	assert_false(text_is_space(0x200b, TEXT_JS));	/* zero width */
	assert_false(text_is_space('x', TEXT_JS));
}

static void
test_trim(void **state)
{
	const char	*s = "\xc2\xa0 \tA title\xe3\x80\x80\n";
	size_t		 start, len;

	len = text_trim(s, strlen(s), TEXT_JS, &start);
	assert_int_equal(start, 4);
	assert_int_equal(len, 7);
	/* HTML's white space is ASCII: the no-break space stays. */
	len = text_trim(s, strlen(s), TEXT_HTML, &start);
	assert_int_equal(start, 0);
	assert_int_equal(len, strlen(s) - 1);
	/* A broken sequence at the end is not white space. */
	assert_int_equal(text_trim_end("ab\xe3\x80", 4, TEXT_JS), 4);
	assert_int_equal(text_trim_end("   ", 3, TEXT_SPACE), 0);
	assert_int_equal(text_trim("", 0, TEXT_JS, &start), 0);
}

static void
test_last(void **state)
{
	unsigned int	cp;

	assert_int_equal(text_last("ab\xe3\x80\x80", 5, &cp), 3);
	assert_int_equal(cp, 0x3000);
	assert_int_equal(text_last("a", 1, &cp), 1);
	assert_int_equal(cp, 'a');
	/* A cut sequence is one U+FFFD for its last byte. */
	assert_int_equal(text_last("ab\xe3\x80", 4, &cp), 1);
	assert_int_equal(cp, 0xfffd);
	assert_int_equal(text_last("\x80\x80\x80\x80\x80", 5, &cp), 1);
	assert_int_equal(cp, 0xfffd);
}

static void
test_collapse(void **state)
{
	static const char *const doc[] = { "  Read ", "   the\xc2\xa0", " ",
	    "film ", NULL };
	static const char *const title[] = { "\n  The  Long\nTake | Site\t",
	    NULL };
	static const char *const js[] = { "  One\ntwo  three", " \n",
	    "\xc2\xa0" "four ", NULL };
	char	*s;

	/* Sanitized text: runs of spaces are one; a no-break space is a
	 * character like any other. */
	s = collapse(TEXT_SPACE, 1, doc);
	assert_string_equal(s, "Read the\xc2\xa0 film");
	free(s);
	/* document.title: every ASCII run is one space. */
	s = collapse(TEXT_HTML, 1, title);
	assert_string_equal(s, "The Long Take | Site");
	free(s);
	/* Readability: a lone white-space character stays as written, runs
	 * of two or more become a space, also across pieces. */
	s = collapse(TEXT_JS, 2, js);
	assert_string_equal(s, "One\ntwo three four");
	free(s);
}

/* The pending run is written before a span begins, never at the start
 * nor after a break. */
static void
test_flush(void **state)
{
	struct buf	 b = BUF_INIT;
	struct text_run	 r;

	memset(&r, 0, sizeof r);
	r.space = TEXT_SPACE;
	r.min = 1;
	text_collapse(&b, " ", 1, &r);
	text_collapse_flush(&b, &r);
	assert_int_equal(b.len, 0);
	text_collapse(&b, "word ", 5, &r);
	text_collapse_flush(&b, &r);
	assert_string_equal(buf_str(&b), "word ");
	assert_int_equal(r.run, 0);
	buf_addc(&b, '\n');
	text_collapse(&b, "  next", 6, &r);
	assert_string_equal(buf_str(&b), "word \nnext");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_last),
		cmocka_unit_test(test_collapse),
		cmocka_unit_test(test_flush),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
