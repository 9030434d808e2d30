/* test_term.c: the terminal layer without a terminal: keys and escape
 * sequences read from an off-screen screen's input, text cut by display
 * width, styles, and a list drawn. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "keys.h"
#include "list.h"
#include "settings.h"
#include "term.h"
#include "util.h"

#define END	(-100)		/* ends a list of keys */

/* Bytes typed, and the keys term_read() makes of them, in order. */
static const struct {
	const char	*bytes;
	int		 keys[6];
} typed[] = {
	/* terminfo knows these (the off-screen screen is xterm-256color) */
	{ "\033[5~", { KEYC_PPAGE, END } },
	{ "\033OH", { KEYC_HOME, END } },
	{ "\033[Z", { KEYC_BTAB, END } },
	{ "\033OP", { KEYC_F1, END } },
	/* and not these: read whole by term.c, never split into keys */
	{ "\033[4~", { KEYC_END, END } },
	{ "\033[1~j", { KEYC_HOME, 'j', END } },
	{ "\033[99~j", { TERM_KEY_IGNORED, 'j', END } },
	{ "\033[25;3~k", { TERM_KEY_IGNORED, 'k', END } },
	/* an Escape and a key are both keys */
	{ "\033x", { KEYC_ESCAPE, 'x', END } },
	{ "\033\033", { KEYC_ESCAPE, KEYC_ESCAPE, END } },
	{ "\033", { KEYC_ESCAPE, END } },
	{ "\033[", { KEYC_ESCAPE, '[', END } },
	/* text and control keys */
	{ "q\r\x7f\t", { 'q', KEYC_ENTER, KEYC_BSPACE, KEYC_TAB, END } },
	{ "\xc3\xa9\xe6\x98\xa0", { 0xe9, 0x6620, END } },
	{ "\x07", { 0x07, END } },
};

static void
test_keys(void **state)
{
	struct term_offscreen	*o = term_offscreen_new(80, 24);
	size_t			 i, k;
	int			 key;

	assert_non_null(o);
	for (i = 0; i < nitems(typed); i++) {
		assert_int_equal(term_offscreen_keys(o, typed[i].bytes,
		    strlen(typed[i].bytes)), 0);
		for (k = 0; typed[i].keys[k] != END; k++) {
			key = term_read(0);
			if (key != typed[i].keys[k])
				fail_msg("\"%s\" key %zu: %d, not %d",
				    typed[i].bytes + 1, k, key,
				    typed[i].keys[k]);
		}
		assert_int_equal(term_read(0), TERM_KEY_NONE);
	}
	term_offscreen_free(o);
}

/* Keys typed while a page loads: dropped, but q, Escape and Ctrl-G
 * cancel it. */
static void
test_typeahead(void **state)
{
	static const struct {
		const char	*bytes;
		int		 want;
	} cases[] = {
		{ "", 0 },
		{ "jjG/word\r", 0 },
		{ "jjq", TERM_TYPEAHEAD_CANCEL },
		{ "\033", TERM_TYPEAHEAD_CANCEL },
		{ "\033[6~\033[4~", 0 },
		{ "\x07j", TERM_TYPEAHEAD_CANCEL },
		{ "Q", 0 },
	};
	struct term_offscreen	*o = term_offscreen_new(80, 24);
	size_t			 i;

	assert_non_null(o);
	for (i = 0; i < nitems(cases); i++) {
		assert_int_equal(term_offscreen_keys(o, cases[i].bytes,
		    strlen(cases[i].bytes)), 0);
		assert_int_equal(term_typeahead(), cases[i].want);
		assert_int_equal(term_read(0), TERM_KEY_NONE);
	}
	term_offscreen_free(o);
}

/* Text cut to a width by display width: wide characters whole or not
 * at all, a combining mark with its letter. */
static void
test_cells(void **state)
{
	static const struct {
		const char	*text;
		int		 cells;
		int		 drawn;
		const char	*row;
	} cases[] = {
		{ "abcdef", 3, 3, "abc" },
		{ "abc", 10, 3, "abc" },
		{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 5, 4,
		    "\xe6\x97\xa5\xe6\x9c\xac" },
		{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 6, 6,
		    "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e" },
		{ "a\xe6\x97\xa5", 2, 1, "a" },
		{ "cafe\xcc\x81s", 4, 4, "cafe\xcc\x81" },
		{ "e\xcc\x81\xcc\xa3x", 1, 1, "e\xcc\x81\xcc\xa3" },
		{ "\xe2\x90\x9b[2J", 3, 3, "\xe2\x90\x9b[2" },
		{ "abc", 0, 0, "" },
	};
	struct term_offscreen	*o = term_offscreen_new(20, 5);
	size_t			 i;
	char			*row;

	assert_non_null(o);
	assert_int_equal(term_cols(), 20);
	assert_int_equal(term_rows(), 5);
	for (i = 0; i < nitems(cases); i++) {
		term_erase();
		assert_int_equal(term_cells(1, 2, cases[i].text,
		    strlen(cases[i].text), cases[i].cells, 0),
		    cases[i].drawn);
		row = term_offscreen_row(o, 1);
		assert_int_equal(strncmp(row, "  ", 2), 0);
		assert_int_equal(strncmp(row + 2, cases[i].row,
		    strlen(cases[i].row)), 0);
		/* Nothing after what fits. */
		assert_int_equal(row[2 + strlen(cases[i].row)], ' ');
		free(row);
	}
	/* Off the screen: nothing drawn, nowhere. */
	term_erase();
	assert_int_equal(term_cells(5, 0, "abc", 3, 20, 0), 0);
	assert_int_equal(term_cells(0, 20, "abc", 3, 20, 0), 0);
	row = term_offscreen_row(o, 0);
	assert_string_equal(row, "                    ");
	free(row);
	term_offscreen_free(o);
}

/* Styles: attributes always, colours unless NO_COLOR; the last row's
 * last cell never written. */
static void
test_styles(void **state)
{
	struct term_offscreen	*o;
	struct buf		 b = BUF_INIT;
	char			*row;
	int			 a;

	unsetenv("NO_COLOR");
	o = term_offscreen_new(10, 3);
	assert_non_null(o);
	assert_true(term_colour());
	term_cells(0, 0, "ab", 2, 10, TERM_BOLD | TERM_CYAN);
	term_cells(0, 2, "cd", 2, 10, TERM_REVERSE | TERM_UNDERLINE);
	term_cells(0, 4, "ef", 2, 10, TERM_ON_GREEN);
	a = term_offscreen_attrs(o, 0, 1);
	assert_int_equal(a, TERM_BOLD | TERM_CYAN);
	assert_int_equal(term_offscreen_attrs(o, 0, 3),
	    TERM_REVERSE | TERM_UNDERLINE);
	assert_int_equal(term_offscreen_attrs(o, 0, 5), TERM_ON_GREEN);
	assert_int_equal(term_offscreen_attrs(o, 0, 6), 0);
	buf_adds(&b, "0123456789");
	term_bar(1, &b, TERM_BOLD);
	term_bar(2, &b, TERM_REVERSE);
	row = term_offscreen_row(o, 1);
	assert_string_equal(row, "0123456789");
	free(row);
	row = term_offscreen_row(o, 2);
	assert_string_equal(row, "012345678 ");
	free(row);
	assert_true(term_offscreen_attrs(o, 2, 8) & TERM_REVERSE);
	assert_false(term_offscreen_attrs(o, 2, 9) & TERM_REVERSE);
	term_offscreen_free(o);

	setenv("NO_COLOR", "1", 1);
	o = term_offscreen_new(10, 3);
	assert_non_null(o);
	assert_false(term_colour());
	term_cells(0, 0, "ab", 2, 10, TERM_BOLD | TERM_CYAN);
	assert_int_equal(term_offscreen_attrs(o, 0, 0), TERM_BOLD);
	/* An element's own attributes stay without colour: the status
	 * line is reversed. */
	term_cells(0, 2, "cd", 2, 10, TERM_STATUS);
	assert_int_equal(term_offscreen_attrs(o, 0, 2), TERM_REVERSE);
	term_offscreen_free(o);
	unsetenv("NO_COLOR");
	buf_free(&b);
}

/* The colours and attributes of the elements come from the settings;
 * "color always" draws colour under NO_COLOR, "never" none without it;
 * term_restyle() takes a change. */
static void
test_colours_from_settings(void **state)
{
	struct settings_colour	 c = { 1, 4,
	    SETTINGS_BOLD | SETTINGS_UNDERLINE };
	struct term_offscreen	*o;
	char			*cause = NULL;
	int			 fg, bg;

	(void)state;
	settings_reset();
	settings_colour_set(SETTINGS_EL_STATUS, &c);
	setenv("NO_COLOR", "1", 1);
	assert_int_equal(settings_set(SET_COLOR, "always", SETTINGS_FILE,
	    &cause), 0);
	o = term_offscreen_new(10, 3);
	assert_non_null(o);
	assert_true(term_colour());
	term_cells(0, 0, "ab", 2, 10, TERM_STATUS);
	assert_int_equal(term_offscreen_attrs(o, 0, 0),
	    TERM_BOLD | TERM_UNDERLINE | TERM_STATUS);
	assert_int_equal(term_offscreen_colours(o, 0, 0, &fg, &bg), 0);
	assert_int_equal(fg, 1);
	assert_int_equal(bg, 4);
	/* A new colour, taken again. */
	c.fg = 2;
	c.attrs = 0;
	settings_colour_set(SETTINGS_EL_STATUS, &c);
	term_restyle();
	term_cells(0, 0, "ab", 2, 10, TERM_STATUS);
	assert_int_equal(term_offscreen_attrs(o, 0, 0), TERM_STATUS);
	assert_int_equal(term_offscreen_colours(o, 0, 0, &fg, &bg), 0);
	assert_int_equal(fg, 2);
	assert_int_equal(bg, 4);
	/* never: no colour, the attributes still. */
	assert_int_equal(settings_set(SET_COLOR, "never", SETTINGS_FILE,
	    &cause), 0);
	unsetenv("NO_COLOR");
	c.attrs = SETTINGS_REVERSE;
	settings_colour_set(SETTINGS_EL_STATUS, &c);
	term_restyle();
	assert_false(term_colour());
	term_cells(0, 0, "ab", 2, 10, TERM_STATUS);
	assert_int_equal(term_offscreen_attrs(o, 0, 0), TERM_REVERSE);
	assert_int_equal(term_offscreen_colours(o, 0, 0, &fg, &bg), -1);
	term_offscreen_free(o);
	settings_reset();
}

static const char *films[] = {
	"Sunrise", "Tabu", "City Girl", "Nosferatu", "Faust",
};

static void
films_text(void *arg, size_t i, struct buf *out)
{
	buf_adds(out, films[i]);
}

static void
films_row(void *arg, size_t i, struct buf *out, int *style)
{
	buf_printf(out, "%zu %s", i + 1, films[i]);
	if (i == 0)
		*style |= TERM_BOLD;
}

static const struct list_ops films_ops = { films_text, NULL };

/* A list drawn from its first screen row, the cursor's row reversed
 * unless it only scrolls; rows past its height or its items are left
 * alone. */
static void
test_list(void **state)
{
	struct term_offscreen	*o = term_offscreen_new(20, 6);
	struct list		 l;
	char			*row;
	int			 y;

	assert_non_null(o);
	list_init(&l, &films_ops, NULL, 0);
	list_resize(&l, nitems(films), 3);
	list_goto(&l, 3);
	term_erase();
	term_list(&l, 1, films_row, NULL);
	for (y = 0; y < 6; y++) {
		row = term_offscreen_row(o, y);
		switch (y) {
		case 1:
			assert_string_equal(row, "2 Tabu              ");
			break;
		case 3:
			assert_string_equal(row, "4 Nosferatu         ");
			break;
		case 0:
		case 4:
		case 5:
			assert_string_equal(row, "                    ");
			break;
		}
		free(row);
		assert_int_equal(!!(term_offscreen_attrs(o, y, 0) &
		    TERM_REVERSE), y == 3);
	}
	list_apply(&l, ACTION_TOP);
	term_erase();
	term_list(&l, 1, films_row, NULL);
	/* The cursor row is the cursor element: reversed, in its colour
	 * when there is colour. */
	assert_int_equal(term_offscreen_attrs(o, 1, 0),
	    TERM_BOLD | TERM_REVERSE | (term_colour() ? TERM_CURSOR : 0));
	assert_int_equal(term_offscreen_attrs(o, 2, 0), 0);
	list_free(&l);

	list_init(&l, &films_ops, NULL, LIST_SCROLL);
	list_resize(&l, nitems(films), 4);
	list_apply(&l, ACTION_BOTTOM);
	term_erase();
	term_list(&l, 0, films_row, NULL);
	row = term_offscreen_row(o, 0);
	assert_string_equal(row, "2 Tabu              ");
	free(row);
	for (y = 0; y < 4; y++)
		assert_false(term_offscreen_attrs(o, y, 0) & TERM_REVERSE);
	list_free(&l);

	/* Taller than the screen below y0: cut at the screen's end. */
	list_init(&l, &films_ops, NULL, 0);
	list_resize(&l, nitems(films), 10);
	term_erase();
	term_list(&l, 4, films_row, NULL);
	row = term_offscreen_row(o, 5);
	assert_string_equal(row, "2 Tabu              ");
	free(row);
	row = term_offscreen_row(o, 0);
	assert_string_equal(row, "                    ");
	free(row);
	list_free(&l);
	term_offscreen_free(o);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_typeahead),
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_styles),
		cmocka_unit_test(test_colours_from_settings),
		cmocka_unit_test(test_list),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "the C.UTF-8 locale is missing\n");
		return 1;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
