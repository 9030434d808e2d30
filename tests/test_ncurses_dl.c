/* test_ncurses_dl.c: libncursesw is not in the process until
 * ncurses_dl_load() opens it; a missing library is one clear error; the
 * table is the library's. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ncurses_dl.h"
#include "testdl.h"
#include "util.h"

/* reel links nothing of it: before a load it is not mapped. */
static void
test_not_mapped_before(void **state)
{
	assert_false(ncurses_dl_loaded());
	assert_int_equal(testdl_mapped("/libncursesw"), 0);
	assert_true(testdl_filled(&ncurses_dl, sizeof ncurses_dl, 0));
}

static void
test_missing_library(void **state)
{
	char	*cause = NULL;

	assert_int_equal(ncurses_dl_load_name("libreel-no-such-library.so.0",
	    &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "libreel-no-such-library.so.0"));
	assert_null(strchr(cause, '\n'));
	free(cause);
	assert_false(ncurses_dl_loaded());
	assert_true(testdl_filled(&ncurses_dl, sizeof ncurses_dl, 0));
}

/* A library that is there but is not this one: the table stays empty. */
static void
test_missing_function(void **state)
{
	char	*cause = NULL;

	assert_int_equal(ncurses_dl_load_name("libc.so.6", &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "libc.so.6"));
	free(cause);
	assert_false(ncurses_dl_loaded());
	assert_true(testdl_filled(&ncurses_dl, sizeof ncurses_dl, 0));
}

static void
test_load(void **state)
{
	char	*cause = NULL;

	assert_int_equal(ncurses_dl_load(&cause), 0);
	assert_null(cause);
	assert_true(ncurses_dl_loaded());
	assert_int_equal(testdl_mapped("/libncursesw"), 1);
	assert_true(testdl_filled(&ncurses_dl, sizeof ncurses_dl, 1));
	/* And the members are the library's. */
	{
		SCREEN	*sc;
		FILE	*out, *in;

		out = fopen("/dev/null", "w");
		in = fopen("/dev/null", "r");
		assert_non_null(out);
		assert_non_null(in);
		sc = ncurses_dl.newterm("vt100", out, in);
		assert_non_null(sc);
		ncurses_dl.set_term(sc);
		/* The library's variables, set by newterm(): vt100 has
		 * no colours, its screen 80 columns. */
		assert_non_null(*ncurses_dl.stdscr);
		assert_int_equal(getmaxx(*ncurses_dl.stdscr), 80);
		assert_false(ncurses_dl.has_colors());
		assert_non_null(ncurses_dl.tigetstr("cup"));
		ncurses_dl.endwin();
		ncurses_dl.delscreen(sc);
		fclose(out);
		fclose(in);
	}
	/* A second load is the first one. */
	assert_int_equal(ncurses_dl_load(&cause), 0);
	assert_null(cause);
}

int
main(void)
{
	/* In this order: the load is once per process. */
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_not_mapped_before),
		cmocka_unit_test(test_missing_library),
		cmocka_unit_test(test_missing_function),
		cmocka_unit_test(test_load),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
