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

static struct testdl_mod mod = {
	"/libsqlite3", sqlite_dl_loaded, sqlite_dl_load, sqlite_dl_load_name,
	&sqlite_dl, sizeof sqlite_dl
};

/* After testdl_load(): the members are the library's. */
static void
test_members(void **state)
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
