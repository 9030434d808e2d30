/* test_brotli_dl.c: libbrotlidec is not in the process until
 * brotli_dl_load() opens it; a missing library is one clear error; the
 * table is the library's. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "brotli_dl.h"
#include "testdl.h"
#include "util.h"

static struct testdl_mod mod = {
	"/libbrotlidec", brotli_dl_loaded, brotli_dl_load, brotli_dl_load_name,
	&brotli_dl, sizeof brotli_dl
};

/* After testdl_load(): the members are the library's. */
static void
test_members(void **state)
{
	BrotliDecoderState	*br;

	br = brotli_dl.create_instance(NULL, NULL, NULL);
	assert_non_null(br);
	brotli_dl.destroy_instance(br);
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
