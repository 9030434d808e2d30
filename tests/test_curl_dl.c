/* test_curl_dl.c: libcurl is not in the process until curl_dl_load()
 * opens it; a missing library or function is one clear error. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "curl_dl.h"
#include "testdl.h"
#include "testhome.h"
#include "util.h"

/* The program links nothing of libcurl: before a load it is not mapped. */
static void
test_not_mapped_before(void **state)
{
	assert_false(curl_dl_loaded());
	assert_false(testdl_mapped("/libcurl"));
	assert_null(curl_dl.easy_init);
}

static void
test_missing_library(void **state)
{
	char	*cause = NULL;

	assert_int_equal(curl_dl_load_name("libreel-no-such-library.so.0",
	    &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "libreel-no-such-library.so.0"));
	assert_null(strchr(cause, '\n'));
	free(cause);
	assert_false(curl_dl_loaded());
	assert_null(curl_dl.global_init);
}

/* A library that is there but is not libcurl: the first function it lacks
 * is named, and the table stays empty. */
static void
test_missing_function(void **state)
{
	char	*cause = NULL;

	assert_int_equal(curl_dl_load_name("libc.so.6", &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "curl_global_init"));
	free(cause);
	assert_false(curl_dl_loaded());
	assert_null(curl_dl.global_init);
	assert_false(testdl_mapped("/libcurl"));
}

static void
test_load(void **state)
{
	char	 *cause = NULL;
	size_t	  i;
	CURL	 *h;

	assert_int_equal(curl_dl_load(&cause), 0);
	assert_null(cause);
	assert_true(curl_dl_loaded());
	assert_true(testdl_mapped("/libcurl"));
	/* Every member is filled. */
	for (i = 0; i < sizeof curl_dl / sizeof(void (*)(void)); i++) {
		void	(*fn)(void);

		memcpy(&fn, (char *)&curl_dl + i * sizeof fn, sizeof fn);
		assert_non_null(fn);
	}
	/* And they are libcurl's. */
	assert_int_equal(curl_dl.global_init(CURL_GLOBAL_DEFAULT), CURLE_OK);
	assert_string_equal(curl_dl.easy_strerror(CURLE_OK), "No error");
	h = curl_dl.easy_init();
	assert_non_null(h);
	assert_int_equal(curl_dl.easy_setopt(h, CURLOPT_URL,
	    "http://127.0.0.1/"), CURLE_OK);
	curl_dl.easy_cleanup(h);
	curl_dl.global_cleanup();
	/* A second load is the first one. */
	assert_int_equal(curl_dl_load(&cause), 0);
	assert_null(cause);
}

static int
setup(void **state)
{
	return testhome_enter("curl-dl") == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	return testhome_leave();
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

	return cmocka_run_group_tests(tests, setup, teardown);
}
