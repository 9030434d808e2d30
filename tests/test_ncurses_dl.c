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

static struct testdl_mod mod = {
	"/libncursesw", ncurses_dl_loaded, ncurses_dl_load, ncurses_dl_load_name,
	&ncurses_dl, sizeof ncurses_dl
};

/* After testdl_load(): the members are the library's. */
static void
test_members(void **state)
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

int
main(void)
{
	/* In this order: the load is once per process. */
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test_prestate(testdl_not_mapped_before, &mod),
		cmocka_unit_test_prestate(testdl_missing_library, &mod),
		cmocka_unit_test_prestate(testdl_missing_function, &mod),
		cmocka_unit_test_prestate(testdl_load, &mod),
		cmocka_unit_test(test_members),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
