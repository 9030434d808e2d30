/* test_search.c: the pager's search: typed text finds what the screen
 * shows (typographic quotes and dashes, accents precomposed or combining,
 * case beyond ASCII, scripts without case), smart case, and where each
 * match lies in the source text. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "search.h"

/* The matches of pat in text, as "start-end" pairs of source bytes. */
static char *
matches(const char *text, const char *pat)
{
	struct search		 s;
	struct search_match	*m;
	struct buf		 b = BUF_INIT;
	size_t			 n, i;

	search_init(&s);
	n = search_all(&s, text, strlen(text), pat, &m);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%zu-%zu", i > 0 ? " " : "", m[i].start,
		    m[i].end);
	free(m);
	search_free(&s);
	return buf_detach(&b, NULL);
}

/* The text of the first match of pat in text, or "" for none. */
static char *
first(const char *text, const char *pat)
{
	struct search		 s;
	struct search_match	*m;
	char			*r;
	size_t			 n;

	search_init(&s);
	n = search_all(&s, text, strlen(text), pat, &m);
	if (n == 0)
		r = strdup("");
	else
		r = strndup(text + m[0].start, m[0].end - m[0].start);
	free(m);
	search_free(&s);
	return r;
}

#define FINDS(text, pat, want) do {					\
	char *got_ = first((text), (pat));				\
	assert_string_equal(got_, (want));				\
	free(got_);							\
} while (0)

static void
test_typographic(void **state)
{
	(void)state;
	FINDS("the director\xe2\x80\x99s cut", "director's",
	    "director\xe2\x80\x99s");
	FINDS("he said \xe2\x80\x9c" "Action\xe2\x80\x9d twice", "\"action\"",
	    "\xe2\x80\x9c" "Action\xe2\x80\x9d");
	FINDS("1960\xe2\x80\x93" "1969", "1960-1969",
	    "1960\xe2\x80\x93" "1969");
	FINDS("a cut\xe2\x80\x94then black", "cut-then",
	    "cut\xe2\x80\x94then");
	FINDS("\xc2\xab" "cin\xc3\xa9ma\xc2\xbb", "\"cinema\"",
	    "\xc2\xab" "cin\xc3\xa9ma\xc2\xbb");
	/* A ligature and an ellipsis unfold (NFKD). */
	FINDS("the \xef\xac\x81lm\xe2\x80\xa6", "film...",
	    "\xef\xac\x81lm\xe2\x80\xa6");
}

static void
test_accents(void **state)
{
	(void)state;
	FINDS("a na\xc3\xafve shot", "naive", "na\xc3\xafve");
	/* Precomposed and combining: both found, the mark inside. */
	FINDS("Caf\xc3\xa9 Society", "Cafe", "Caf\xc3\xa9");
	FINDS("Cafe\xcc\x81 Society", "Cafe", "Cafe\xcc\x81");
	FINDS("Cafe\xcc\x81 Society", "caf\xc3\xa9", "Cafe\xcc\x81");
	/* Hebrew points do not hide the letters. */
	FINDS("\xd7\xa9\xd7\x81\xd6\xb8\xd7\x9c\xd7\x95\xd6\xb9\xd7\x9d",
	    "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d",
	    "\xd7\xa9\xd7\x81\xd6\xb8\xd7\x9c\xd7\x95\xd6\xb9\xd7\x9d");
	/* Kana voicing is a letter of its own, not an accent. */
	FINDS("\xe3\x81\x8b\xe3\x81\x8c", "\xe3\x81\x8c",
	    "\xe3\x81\x8c");
}

static void
test_case(void **state)
{
	char	*m;

	(void)state;
	/* Lower case finds either case, beyond ASCII. */
	FINDS("\xc3\x89T\xc3\x89 FILMS", "\xc3\xa9t\xc3\xa9",
	    "\xc3\x89T\xc3\x89");
	FINDS("STRASSE und Stra\xc3\x9f" "e", "stra\xc3\x9f" "e", "STRASSE");
	FINDS("\xce\x9a\xce\x99\xce\x9d\xce\x97\xce\x9c\xce\x91",
	    "\xce\xba\xce\xb9\xce\xbd", "\xce\x9a\xce\x99\xce\x9d");
	/* A capital makes the case count (smart case). */
	m = matches("film Film FILM", "Film");
	assert_string_equal(m, "5-9");
	free(m);
	m = matches("film Film FILM", "film");
	assert_string_equal(m, "0-4 5-9 10-14");
	free(m);
	assert_int_equal(search_flags("film"), SEARCH_CASE);
	assert_int_equal(search_flags("\xc3\x89t\xc3\xa9"), 0);
	assert_int_equal(search_flags("\xe6\x98\xa0\xe7\x94\xbb"),
	    SEARCH_CASE);
}

static void
test_first_byte_not_ascii(void **state)
{
	(void)state;
	/* The first byte of the pattern is not ASCII (issue 11). */
	FINDS("\xe3\x80\x8c\xe6\x98\xa0\xe7\x94\xbb\xe3\x80\x8d",
	    "\xe6\x98\xa0\xe7\x94\xbb", "\xe6\x98\xa0\xe7\x94\xbb");
	FINDS("\xd7\x94\xd7\xa1\xd7\xa8\xd7\x98", "\xd7\x94",
	    "\xd7\x94");
	FINDS("M\xc4\x81ori film", "\xc4\x81ori", "\xc4\x81ori");
	FINDS("Welles\xe2\x80\x99s", "\xe2\x80\x99s", "\xe2\x80\x99s");
}

static void
test_offsets(void **state)
{
	char	*m;

	(void)state;
	m = matches("aa aa", "aa");
	assert_string_equal(m, "0-2 3-5");
	free(m);
	/* Not overlapping: "aaa" has one "aa". */
	m = matches("aaa", "aa");
	assert_string_equal(m, "0-2");
	free(m);
	m = matches("film", "x");
	assert_string_equal(m, "");
	free(m);
	m = matches("film", "");
	assert_string_equal(m, "");
	free(m);
	m = matches("", "a");
	assert_string_equal(m, "");
	free(m);
	/* A match of part of one character's folding is that character. */
	m = matches("Stra\xc3\x9f" "e", "s");
	assert_string_equal(m, "0-1 4-6");
	free(m);
}

static void
test_refold(void **state)
{
	struct search		 s;
	struct search_match	*m;
	const char		*a = "Film film", *b = "no match here";
	size_t			 n;

	(void)state;
	search_init(&s);
	n = search_all(&s, a, strlen(a), "film", &m);
	assert_int_equal(n, 2);
	free(m);
	/* The same text with a capital: folded again, case counts. */
	n = search_all(&s, a, strlen(a), "Film", &m);
	assert_int_equal(n, 1);
	assert_int_equal(m[0].start, 0);
	free(m);
	/* Another text: folded again. */
	search_reset(&s);
	n = search_all(&s, b, strlen(b), "film", &m);
	assert_int_equal(n, 0);
	assert_null(m);
	search_free(&s);
}

static void
test_invalid(void **state)
{
	char	*m;

	(void)state;
	/* Bytes that are not UTF-8 never stop the search. */
	m = matches("a\xff" "b film", "film");
	assert_string_equal(m, "4-8");
	free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_typographic),
		cmocka_unit_test(test_accents),
		cmocka_unit_test(test_case),
		cmocka_unit_test(test_first_byte_not_ascii),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_refold),
		cmocka_unit_test(test_invalid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
