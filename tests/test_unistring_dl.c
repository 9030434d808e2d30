/* test_unistring_dl.c: libunistring is not in the process until
 * unistring_dl_load() opens it; a missing library is one clear error; the
 * table is the library's. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "unistring_dl.h"
#include "testdl.h"
#include "util.h"

static struct testdl_mod mod = {
	"/libunistring", unistring_dl_loaded, unistring_dl_load, unistring_dl_load_name,
	&unistring_dl, sizeof unistring_dl
};

/* After testdl_load(): the members are the library's. */
static void
test_members(void **state)
{
	const uint8_t	 s[] = "\xc3\x84";	/* A with diaeresis */
	uint8_t		 out[16], *r;
	size_t		 n = sizeof out;

	assert_int_equal(unistring_dl.tolower(0xc4), 0xe4);
	/* Combining acute: a mark; en dash: a dash. */
	assert_true(unistring_dl.is_general_category(0x301,
	    *unistring_dl.cat_m));
	assert_true(unistring_dl.is_general_category(0x2013,
	    *unistring_dl.cat_pd));
	assert_false(unistring_dl.is_general_category(0x41,
	    *unistring_dl.cat_m));
	assert_int_equal(unistring_dl.bidi_category(0x5d0), UC_BIDI_R);
	/* NFKD takes the diaeresis apart. */
	r = unistring_dl.u8_normalize(unistring_dl.nfkd, s, 2, out,
	    &n);
	assert_ptr_equal(r, out);
	assert_int_equal(n, 3);
	assert_memory_equal(out, "A\xcc\x88", 3);
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
