/* test_buf.c: the growable buffer. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"

static void
test_add_and_detach(void **state)
{
	struct buf	 b = BUF_INIT;
	char		*s;
	size_t		 len, i;

	assert_string_equal(buf_str(&b), "");
	buf_adds(&b, "abc");
	buf_addc(&b, 'd');
	buf_add(&b, "e\0f", 3);
	assert_int_equal(b.len, 7);
	assert_memory_equal(b.data, "abcde\0f", 8);
	buf_reset(&b);
	assert_string_equal(buf_str(&b), "");
	for (i = 0; i < 10000; i++)
		buf_printf(&b, "%zu,", i);
	assert_int_equal(b.len, strlen(b.data));
	assert_memory_equal(b.data + b.len - 5, "9999,", 5);
	s = buf_detach(&b, &len);
	assert_int_equal(len, strlen(s));
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	free(s);
	s = buf_detach(&b, &len);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	free(s);
	buf_free(&b);
}

/* Room reserved and nothing added: detached, the text is "", not what
 * the memory held before (an empty UTF-16 page; found by fuzz_charset). */
static void
test_reserve_then_detach(void **state)
{
	struct buf	 b = BUF_INIT;
	char		*junk, *s;
	size_t		 len = 1;

	/* Memory the buffer is likely to get next, not zero. */
	junk = malloc(64);
	assert_non_null(junk);
	memset(junk, 'x', 64);
	free(junk);
	buf_reserve(&b, 0);
	assert_string_equal(buf_str(&b), "");
	s = buf_detach(&b, &len);
	assert_int_equal(len, 0);
	assert_string_equal(s, "");
	free(s);
}

/* Markup: the four characters as references; white space as references
 * or as spaces. */
static void
test_add_markup(void **state)
{
	struct buf	b = BUF_INIT;

	buf_add_markup(&b, "a&b<c>\"d\te\nf\rg", 0);
	assert_string_equal(buf_str(&b), "a&amp;b&lt;c&gt;&quot;d e f g");
	buf_reset(&b);
	buf_add_markup(&b, "x\ty\n\r'", BUF_MARKUP_WS_REFS);
	assert_string_equal(buf_str(&b), "x&#9;y&#10;&#13;'");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_add_and_detach),
		cmocka_unit_test(test_reserve_then_detach),
		cmocka_unit_test(test_add_markup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
