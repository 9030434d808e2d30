/* test_prompt.c: the line typed at the bottom of a library list:
 * characters in (UTF-8), the last character out, Enter and Escape. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "keys.h"
#include "prompt.h"

static void
test_typing(void **state)
{
	struct prompt	p;

	prompt_open(&p, 3, NULL);
	assert_int_equal(p.kind, 3);
	assert_string_equal(prompt_text(&p), "");
	assert_int_equal(prompt_key(&p, 'f'), PROMPT_EDIT);
	assert_int_equal(prompt_key(&p, 0xe9), PROMPT_EDIT);	/* é */
	assert_int_equal(prompt_key(&p, 0x5f71), PROMPT_EDIT);	/* 影 */
	assert_string_equal(prompt_text(&p), "f\xc3\xa9\xe5\xbd\xb1");
	/* Backspace takes a character, not a byte. */
	assert_int_equal(prompt_key(&p, KEYC_BSPACE), PROMPT_EDIT);
	assert_string_equal(prompt_text(&p), "f\xc3\xa9");
	assert_int_equal(prompt_key(&p, KEYC_BSPACE), PROMPT_EDIT);
	assert_string_equal(prompt_text(&p), "f");
	/* Keys that are no text add nothing. */
	assert_int_equal(prompt_key(&p, KEYC_UP), PROMPT_EDIT);
	assert_int_equal(prompt_key(&p, 0x01), PROMPT_EDIT);
	assert_int_equal(prompt_key(&p, 0x9b), PROMPT_EDIT);	/* CSI */
	assert_int_equal(prompt_key(&p, 0xd800), PROMPT_EDIT);
	assert_string_equal(prompt_text(&p), "f");
	assert_int_equal(prompt_key(&p, KEYC_ENTER), PROMPT_DONE);
	assert_string_equal(prompt_text(&p), "f");
	prompt_free(&p);
	assert_int_equal(p.kind, 0);
}

static void
test_ending(void **state)
{
	struct prompt	p;
	int		i;

	prompt_open(&p, 1, "film");
	assert_string_equal(prompt_text(&p), "film");
	assert_int_equal(prompt_key(&p, 0x15), PROMPT_EDIT);	/* Ctrl-U */
	assert_string_equal(prompt_text(&p), "");
	/* Backspace on an empty line leaves it, as Escape and Ctrl-G do. */
	assert_int_equal(prompt_key(&p, KEYC_BSPACE), PROMPT_CANCEL);
	assert_int_equal(prompt_key(&p, KEYC_ESCAPE), PROMPT_CANCEL);
	assert_int_equal(prompt_key(&p, 0x07), PROMPT_CANCEL);
	/* A line has an end. */
	for (i = 0; i < 1000; i++)
		prompt_key(&p, 'x');
	assert_true(strlen(prompt_text(&p)) <= 256);
	assert_true(strlen(prompt_text(&p)) >= 250);
	prompt_free(&p);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_typing),
		cmocka_unit_test(test_ending),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
