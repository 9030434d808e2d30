/* test_util.c: UTF-8 helpers, formatted strings, reading files. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "util.h"

static void
test_utf8_roundtrip(void **state)
{
	unsigned int	cps[] = { 0x41, 0xe9, 0x20ac, 0x6620, 0x1f3ac, 0x10ffff };
	unsigned int	cp;
	char		enc[4];
	size_t		i, n;

	for (i = 0; i < nitems(cps); i++) {
		n = utf8_encode(cps[i], enc);
		assert_int_equal(utf8_decode(enc, n, &cp), n);
		assert_int_equal(cp, cps[i]);
		/* A truncated sequence is invalid. */
		if (n > 1)
			assert_int_equal(utf8_decode(enc, n - 1, &cp), 0);
	}
	/* Surrogates and out-of-range values encode as U+FFFD. */
	assert_int_equal(utf8_encode(0xd800, enc), 3);
	assert_memory_equal(enc, "\xef\xbf\xbd", 3);
	assert_true(utf8_valid("caf\xc3\xa9", 5));
	assert_false(utf8_valid("caf\xe9", 4));
	assert_false(utf8_valid("\xe0\x80\xaf", 3));	/* overlong */
}

static void
test_utf8_next_and_ascii(void **state)
{
	unsigned int	cp;

	assert_int_equal(utf8_next("\xc3\xa9x", 3, &cp), 2);
	assert_int_equal(cp, 0xe9);
	/* An invalid byte is one U+FFFD, and reading goes on after it. */
	assert_int_equal(utf8_next("\xe9x", 2, &cp), 1);
	assert_int_equal(cp, 0xfffd);
	assert_int_equal(utf8_next("\xe2\x82", 2, &cp), 1);
	assert_int_equal(cp, 0xfffd);
	assert_int_equal(ascii_lower('Q'), 'q');
	assert_int_equal(ascii_lower(0xc9), 0xc9);
	assert_true(ascii_isalpha('z'));
	assert_false(ascii_isalpha('1'));
	assert_true(ascii_prefix_ci("<HTML lang", 10, "<html"));
	assert_false(ascii_prefix_ci("<HT", 3, "<html"));
	assert_false(ascii_prefix_ci("<body", 5, "<html"));
}

static void
test_xprintf(void **state)
{
	char	*s = xprintf("%s: HTTP %d %s", "https://example.org/x", 404,
	    "Not Found");

	assert_string_equal(s, "https://example.org/x: HTTP 404 Not Found");
	free(s);
	assert_true(strprefix_ci("HTTPS://x", "https://"));
	assert_false(strprefix_ci("ftp://x", "https://"));
}

static void
test_read_file(void **state)
{
	char	 path[] = "/tmp/reel-test-XXXXXX", *data, *cause = NULL;
	size_t	 len;
	int	 fd;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "hello", 5), 5);
	close(fd);
	assert_int_equal(read_file(path, 100, &data, &len, &cause), 0);
	assert_int_equal(len, 5);
	assert_string_equal(data, "hello");
	free(data);
	/* Over the limit: refused, never truncated. */
	assert_int_equal(read_file(path, 4, &data, &len, &cause), -1);
	assert_non_null(strstr(cause, path));
	free(cause);
	unlink(path);
	assert_int_equal(read_file(path, 100, &data, &len, &cause), -1);
	assert_non_null(strstr(cause, "No such file"));
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_utf8_roundtrip),
		cmocka_unit_test(test_utf8_next_and_ascii),
		cmocka_unit_test(test_xprintf),
		cmocka_unit_test(test_read_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
