/* test_zstd_dl.c: libzstd is not in the process until
 * zstd_dl_load() opens it; a missing library is one clear error; the
 * table is the library's. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "zstd_dl.h"
#include "testdl.h"
#include "util.h"

static struct testdl_mod mod = {
	"/libzstd", zstd_dl_loaded, zstd_dl_load, zstd_dl_load_name,
	&zstd_dl, sizeof zstd_dl
};

/* After testdl_load(): the members are the library's. */
static void
test_members(void **state)
{
	ZSTD_DStream	*zs;

	zs = zstd_dl.create_dstream();
	assert_non_null(zs);
	assert_false(zstd_dl.is_error(zstd_dl.init_dstream(zs)));
	assert_true(zstd_dl.is_error((size_t)-1));
	assert_int_equal(zstd_dl.free_dstream(zs), 0);
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
