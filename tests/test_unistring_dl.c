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

/* reel links nothing of it: before a load it is not mapped. */
static void
test_not_mapped_before(void **state)
{
	assert_false(unistring_dl_loaded());
	assert_int_equal(testdl_mapped("/libunistring"), 0);
	assert_true(testdl_filled(&unistring_dl, sizeof unistring_dl, 0));
}

static void
test_missing_library(void **state)
{
	char	*cause = NULL;

	assert_int_equal(unistring_dl_load_name("libreel-no-such-library.so.0",
	    &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "libreel-no-such-library.so.0"));
	assert_null(strchr(cause, '\n'));
	free(cause);
	assert_false(unistring_dl_loaded());
	assert_true(testdl_filled(&unistring_dl, sizeof unistring_dl, 0));
}

/* A library that is there but is not this one: the table stays empty. */
static void
test_missing_function(void **state)
{
	char	*cause = NULL;

	assert_int_equal(unistring_dl_load_name("libc.so.6", &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "libc.so.6"));
	free(cause);
	assert_false(unistring_dl_loaded());
	assert_true(testdl_filled(&unistring_dl, sizeof unistring_dl, 0));
}

static void
test_load(void **state)
{
	char	*cause = NULL;

	assert_int_equal(unistring_dl_load(&cause), 0);
	assert_null(cause);
	assert_true(unistring_dl_loaded());
	assert_int_equal(testdl_mapped("/libunistring"), 1);
	assert_true(testdl_filled(&unistring_dl, sizeof unistring_dl, 1));
	/* And the members are the library's. */
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
	/* A second load is the first one. */
	assert_int_equal(unistring_dl_load(&cause), 0);
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
