/* test_sqlite_dl.c: libsqlite3 is not in the process until
 * sqlite_dl_load() opens it; a missing library is one clear error; the
 * table is the library's. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sqlite_dl.h"
#include "testdl.h"
#include "util.h"

/* reel links nothing of it: before a load it is not mapped. */
static void
test_not_mapped_before(void **state)
{
	assert_false(sqlite_dl_loaded());
	assert_int_equal(testdl_mapped("/libsqlite3"), 0);
	assert_true(testdl_filled(&sqlite_dl, sizeof sqlite_dl, 0));
}

static void
test_missing_library(void **state)
{
	char	*cause = NULL;

	assert_int_equal(sqlite_dl_load_name("libreel-no-such-library.so.0",
	    &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "libreel-no-such-library.so.0"));
	assert_null(strchr(cause, '\n'));
	free(cause);
	assert_false(sqlite_dl_loaded());
	assert_true(testdl_filled(&sqlite_dl, sizeof sqlite_dl, 0));
}

/* A library that is there but is not this one: the table stays empty. */
static void
test_missing_function(void **state)
{
	char	*cause = NULL;

	assert_int_equal(sqlite_dl_load_name("libc.so.6", &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "libc.so.6"));
	free(cause);
	assert_false(sqlite_dl_loaded());
	assert_true(testdl_filled(&sqlite_dl, sizeof sqlite_dl, 0));
}

static void
test_load(void **state)
{
	char	*cause = NULL;

	assert_int_equal(sqlite_dl_load(&cause), 0);
	assert_null(cause);
	assert_true(sqlite_dl_loaded());
	assert_int_equal(testdl_mapped("/libsqlite3"), 1);
	assert_true(testdl_filled(&sqlite_dl, sizeof sqlite_dl, 1));
	/* And the members are the library's. */
	{
		sqlite3		*db = NULL;
		sqlite3_stmt	*st = NULL;

		assert_int_equal(sqlite_dl.open_v2(":memory:", &db,
		    SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
		assert_int_equal(sqlite_dl.prepare_v2(db, "SELECT 6 * 7", -1,
		    &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite_dl.step(st), SQLITE_ROW);
		assert_int_equal(sqlite_dl.column_int(st, 0), 42);
		assert_int_equal(sqlite_dl.finalize(st), SQLITE_OK);
		assert_int_equal(sqlite_dl.close(db), SQLITE_OK);
	}
	/* A second load is the first one. */
	assert_int_equal(sqlite_dl_load(&cause), 0);
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
