/* test_width.c: display width of characters and strings. */
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

#include "width.h"

static void
utf8_locale(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		fail_msg("the C.UTF-8 locale is missing");
	width_sync();
}

static void
test_code_points(void **state)
{
	utf8_locale();
	assert_int_equal(width_cp('a'), 1);
	assert_int_equal(width_cp(0x301), 0);		/* combining acute */
	assert_int_equal(width_cp(0x200d), 0);		/* zero width joiner */
	assert_int_equal(width_cp(0x4e2d), 2);		/* CJK ideograph */
	assert_int_equal(width_cp(0x3000), 2);		/* ideographic space */
	assert_int_equal(width_cp(0xff21), 2);		/* fullwidth A */
	assert_int_equal(width_cp(0x1f600), 2);		/* emoji */
	assert_int_equal(width_cp(0x241b), 1);		/* symbol for escape */
	assert_int_equal(width_cp(0xe9), 1);
	/* Cached answers are the same as the first ones. */
	assert_int_equal(width_cp(0x4e2d), 2);
	assert_int_equal(width_cp(0x301), 0);
}

static void
test_strings(void **state)
{
	utf8_locale();
	assert_int_equal(width_str("reel", 4), 4);
	assert_int_equal(width_str("", 0), 0);
	/* e + combining acute is one cell. */
	assert_int_equal(width_str("e\xcc\x81", 3), 1);
	/* Two ideographs, then a Latin letter. */
	assert_int_equal(width_str("\xe6\x98\xa0\xe7\x94\xbb" "a", 7), 5);
	assert_int_equal(width_str("\xf0\x9f\x8e\xac!", 5), 3);
	/* An invalid byte counts one cell, never less. */
	assert_int_equal(width_str("a\xffz", 3), 3);
}

static void
test_locale_change(void **state)
{
	utf8_locale();
	assert_true(width_utf8_locale());
	assert_int_equal(width_cp(0x4e2d), 2);
	/* In C, wcwidth() knows no width for it; the cache must not
	 * answer from the UTF-8 locale. */
	assert_non_null(setlocale(LC_ALL, "C"));
	width_sync();
	assert_false(width_utf8_locale());
	assert_int_equal(width_cp(0x4e2d), -1);
	utf8_locale();
	assert_int_equal(width_cp(0x4e2d), 2);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_code_points),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_locale_change),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
