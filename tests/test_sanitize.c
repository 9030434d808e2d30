/* test_sanitize.c: the one door for remote text, against real attack
 * strings. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sanitize.h"
#include "util.h"

static void
check(const char *in, size_t len, int flags, const char *want)
{
	char	*out = sanitize(in, len, flags);

	assert_string_equal(out, want);
	assert_true(utf8_valid(out, strlen(out)));
	assert_true(sanitize_is_clean(out, strlen(out), flags));
	free(out);
}

#define CHECK(in, flags, want) check(in, sizeof(in) - 1, flags, want)

static void
test_plain_text_unchanged(void **state)
{
	CHECK("The Hotel Ballroom Sequence", 0, "The Hotel Ballroom Sequence");
	CHECK("caf\xc3\xa9 \xe6\x98\xa0\xe7\x94\xbb \xf0\x9f\x8e\xac", 0,
	    "caf\xc3\xa9 \xe6\x98\xa0\xe7\x94\xbb \xf0\x9f\x8e\xac");
	assert_true(sanitize_is_clean("plain", 5, 0));
}

static void
test_osc_title(void **state)
{
	/* ESC ] 0 ; title BEL: would set the terminal's title. */
	CHECK("\x1b]0;pwned\x07rest", 0,
	    "\xe2\x90\x9b]0;pwned\xe2\x90\x87rest");
	assert_false(sanitize_is_clean("\x1b]0;x\x07", 6, 0));
}

static void
test_csi_clear(void **state)
{
	/* ESC [ 2 J: would clear the screen. */
	CHECK("a\x1b[2Jb", 0, "a\xe2\x90\x9b[2Jb");
}

static void
test_osc52_clipboard(void **state)
{
	/* OSC 52 writes the clipboard; ST-terminated variant. */
	CHECK("\x1b]52;c;cm0gLXJmIH4=\x1b\\", 0,
	    "\xe2\x90\x9b]52;c;cm0gLXJmIH4=\xe2\x90\x9b\\");
}

static void
test_osc8_link(void **state)
{
	CHECK("\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\", 0,
	    "\xe2\x90\x9b]8;;http://evil.example/\xe2\x90\x9b\\click"
	    "\xe2\x90\x9b]8;;\xe2\x90\x9b\\");
}

static void
test_8bit_csi(void **state)
{
	/* A raw 0x9b byte is invalid UTF-8: U+FFFD. */
	CHECK("x\x9b" "2Jy", 0, "x\xef\xbf\xbd" "2Jy");
	/* U+009B CSI and U+009D OSC encoded as UTF-8 are C1 controls. */
	CHECK("x\xc2\x9b" "2J\xc2\x9d" "0;t", 0,
	    "x\xef\xbf\xbd" "2J\xef\xbf\xbd" "0;t");
}

static void
test_c0_del(void **state)
{
	CHECK("\x01\x08\x7f", 0, "\xe2\x90\x81\xe2\x90\x88\xe2\x90\xa1");
	/* NUL inside the counted string is made visible, not a terminator. */
	check("a\0b", 3, 0, "a\xe2\x90\x80" "b");
}

static void
test_whitespace(void **state)
{
	CHECK("a\tb\nc\rd\fe", 0, "a b c d e");
	CHECK("a\tb\r\nc", SANITIZE_PRE, "a\tb\nc");
	/* Line and paragraph separators. */
	CHECK("a\xe2\x80\xa8" "b", 0, "a b");
	CHECK("a\xe2\x80\xa9" "b", SANITIZE_PRE, "a\nb");
}

static void
test_bidi_overrides(void **state)
{
	/* U+202E RIGHT-TO-LEFT OVERRIDE hides "exe.txt" tricks. */
	CHECK("evil\xe2\x80\xaetxt.exe", 0, "eviltxt.exe");
	CHECK("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad" "a", 0, "a");
	CHECK("\xe2\x81\xa6" "b\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9", 0, "b");
	/* The marks LRM/RLM are not overrides and stay. */
	CHECK("\xe2\x80\x8f" "a", 0, "\xe2\x80\x8f" "a");
}

static void
test_invalid_utf8(void **state)
{
	/* Each byte that starts no valid sequence is one U+FFFD: overlong,
	 * surrogate, truncated, out of range. */
	CHECK("\xc0\xaf", 0, "\xef\xbf\xbd\xef\xbf\xbd");
	CHECK("\xed\xa0\x80", 0, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	CHECK("ab\xe2\x82", 0, "ab\xef\xbf\xbd\xef\xbf\xbd");
	CHECK("\xf4\x90\x80\x80", 0,
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	/* Latin-1 text mislabelled as UTF-8. */
	CHECK("caf\xe9!", 0, "caf\xef\xbf\xbd!");
	/* U+FFFE and U+FFFF are valid UTF-8 but no characters (XML has
	 * none); U+FFFD and U+10FFFF stay. */
	CHECK("a\xef\xbf\xbe" "b\xef\xbf\xbf", SANITIZE_PRE,
	    "a\xef\xbf\xbd" "b\xef\xbf\xbd");
	CHECK("\xef\xbf\xbd\xf4\x8f\xbf\xbf", 0,
	    "\xef\xbf\xbd\xf4\x8f\xbf\xbf");
}

static void
test_every_byte(void **state)
{
	char	in[256], *out;
	size_t	i;

	for (i = 0; i < sizeof in; i++)
		in[i] = (char)i;
	out = sanitize(in, sizeof in, 0);
	assert_true(utf8_valid(out, strlen(out)));
	for (i = 0; out[i] != '\0'; i++) {
		unsigned char	c = (unsigned char)out[i];

		assert_false(c < 0x20 || c == 0x7f);
	}
	assert_true(sanitize_is_clean(out, strlen(out), 0));
	free(out);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_plain_text_unchanged),
		cmocka_unit_test(test_osc_title),
		cmocka_unit_test(test_csi_clear),
		cmocka_unit_test(test_osc52_clipboard),
		cmocka_unit_test(test_osc8_link),
		cmocka_unit_test(test_8bit_csi),
		cmocka_unit_test(test_c0_del),
		cmocka_unit_test(test_whitespace),
		cmocka_unit_test(test_bidi_overrides),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_every_byte),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
