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

/* reel links nothing of it: before a load it is not mapped. */
static void
test_not_mapped_before(void **state)
{
	assert_false(zstd_dl_loaded());
	assert_int_equal(testdl_mapped("/libzstd"), 0);
	assert_true(testdl_filled(&zstd_dl, sizeof zstd_dl, 0));
}

static void
test_missing_library(void **state)
{
	char	*cause = NULL;

	assert_int_equal(zstd_dl_load_name("libreel-no-such-library.so.0",
	    &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "libreel-no-such-library.so.0"));
	assert_null(strchr(cause, '\n'));
	free(cause);
	assert_false(zstd_dl_loaded());
	assert_true(testdl_filled(&zstd_dl, sizeof zstd_dl, 0));
}

/* A library that is there but is not this one: the table stays empty. */
static void
test_missing_function(void **state)
{
	char	*cause = NULL;

	assert_int_equal(zstd_dl_load_name("libc.so.6", &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "libc.so.6"));
	free(cause);
	assert_false(zstd_dl_loaded());
	assert_true(testdl_filled(&zstd_dl, sizeof zstd_dl, 0));
}

static void
test_load(void **state)
{
	char	*cause = NULL;

	assert_int_equal(zstd_dl_load(&cause), 0);
	assert_null(cause);
	assert_true(zstd_dl_loaded());
	assert_int_equal(testdl_mapped("/libzstd"), 1);
	assert_true(testdl_filled(&zstd_dl, sizeof zstd_dl, 1));
	/* And the members are the library's. */
	{
		ZSTD_DStream	*zs;

		zs = zstd_dl.create_dstream();
		assert_non_null(zs);
		assert_false(zstd_dl.is_error(zstd_dl.init_dstream(zs)));
		assert_true(zstd_dl.is_error((size_t)-1));
		assert_int_equal(zstd_dl.free_dstream(zs), 0);
	}
	/* A second load is the first one. */
	assert_int_equal(zstd_dl_load(&cause), 0);
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
