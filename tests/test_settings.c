/* test_settings.c: the settings table: defaults, each type's values and
 * limits, where a value came from and what outranks it, colours and
 * attributes by name, and when colour is drawn. */
#include <config.h>

#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "settings.h"
#include "util.h"

static int
setup(void **state)
{
	(void)state;
	unsetenv("NO_COLOR");
	settings_reset();
	return 0;
}

/* Sets name to value from the file; returns the error, or NULL. */
static char *
set(enum setting i, const char *value)
{
	char	*cause = NULL;

	if (settings_set(i, value, SETTINGS_FILE, &cause) == 0) {
		assert_null(cause);
		return NULL;
	}
	assert_non_null(cause);
	return cause;
}

static void
test_defaults(void **state)
{
	static const struct {
		enum setting	 i;
		const char	*name;
		const char	*text;
		long		 num;
	} want[] = {
		{ SET_WIDTH, "width", "80", 80 },
		{ SET_ALIGN, "align", "centre", SETTINGS_ALIGN_CENTRE },
		{ SET_ASCII, "ascii", "no", 0 },
		{ SET_CONNECT_TIMEOUT, "connect-timeout", "15", 15 },
		{ SET_TIMEOUT, "timeout", "60", 60 },
		{ SET_STALL_TIME, "stall-time", "20", 20 },
		{ SET_MAX_SIZE, "max-size", "16M", 16L * 1024 * 1024 },
		{ SET_MAX_REDIRS, "max-redirs", "10", 10 },
		{ SET_REFRESH_TOTAL, "refresh-total", "16", 16 },
		{ SET_REFRESH_PER_HOST, "refresh-per-host", "4", 4 },
		{ SET_BROWSER, "browser", "", 0 },
		{ SET_ITEM_OPEN, "item-open", "link", SETTINGS_ITEM_LINK },
		{ SET_DATE_FORMAT, "date-format", "%Y-%m-%d", 0 },
		{ SET_COLOR, "color", "auto", SETTINGS_COLOR_AUTO },
	};
	char	*text;
	size_t	 k;

	(void)state;
	assert_int_equal(nitems(want), SET_COUNT);
	for (k = 0; k < nitems(want); k++) {
		assert_string_equal(settings_name(want[k].i), want[k].name);
		assert_int_equal(settings_find(want[k].name), want[k].i);
		text = settings_text(want[k].i);
		assert_string_equal(text, want[k].text);
		free(text);
		assert_int_equal(settings_int(want[k].i), want[k].num);
		assert_int_equal(settings_origin(want[k].i), SETTINGS_DEFAULT);
	}
	assert_int_equal(settings_find("Width"), -1);
	assert_int_equal(settings_find(""), -1);
}

static void
test_numbers(void **state)
{
	static const struct {
		enum setting	 i;
		const char	*value;
		long		 num;	/* -1: refused */
	} cases[] = {
		{ SET_WIDTH, "10", 10 }, { SET_WIDTH, "10000", 10000 },
		{ SET_WIDTH, "9", -1 }, { SET_WIDTH, "10001", -1 },
		{ SET_WIDTH, "", -1 }, { SET_WIDTH, " 72", 72 },
		{ SET_WIDTH, "72 ", -1 }, { SET_WIDTH, "0x50", -1 },
		{ SET_WIDTH, "99999999999999999999", -1 },
		{ SET_TIMEOUT, "0", 0 }, { SET_TIMEOUT, "86400", 86400 },
		{ SET_TIMEOUT, "-1", -1 }, { SET_MAX_REDIRS, "101", -1 },
		{ SET_REFRESH_TOTAL, "0", -1 },
		{ SET_REFRESH_TOTAL, "256", 256 },
		{ SET_REFRESH_PER_HOST, "65", -1 },
		{ SET_MAX_SIZE, "1", 1 }, { SET_MAX_SIZE, "1k", 1024 },
		{ SET_MAX_SIZE, "3M", 3L * 1024 * 1024 },
		{ SET_MAX_SIZE, "0", 0 }, { SET_MAX_SIZE, "0M", 0 },
		{ SET_MAX_SIZE, "1G", -1 }, { SET_MAX_SIZE, "M", -1 },
		{ SET_MAX_SIZE, "2KK", -1 },
		{ SET_MAX_SIZE, "9223372036854775807M", -1 },
		{ SET_MAX_SIZE, "-1K", -1 },
	};
	char	*cause;
	size_t	 k;

	(void)state;
	for (k = 0; k < nitems(cases); k++) {
		settings_reset();
		cause = set(cases[k].i, cases[k].value);
		if (cases[k].num == -1) {
			if (cause == NULL)
				fail_msg("%s %s was taken",
				    settings_name(cases[k].i), cases[k].value);
			/* Refused, the value stays. */
			assert_int_equal(settings_origin(cases[k].i),
			    SETTINGS_DEFAULT);
		} else {
			if (cause != NULL)
				fail_msg("%s %s: %s", settings_name(cases[k].i),
				    cases[k].value, cause);
			assert_int_equal(settings_int(cases[k].i),
			    cases[k].num);
		}
		free(cause);
	}
}

static void
test_text_of_sizes(void **state)
{
	static const struct {
		const char	*value;
		const char	*text;
	} cases[] = {
		{ "1000", "1000" }, { "2048", "2K" }, { "1024K", "1M" },
		{ "0M", "0" },
		{ "1536K", "1536K" }, { "5M", "5M" }, { "1025", "1025" },
	};
	char	*text;
	size_t	 k;

	(void)state;
	for (k = 0; k < nitems(cases); k++) {
		assert_null(set(SET_MAX_SIZE, cases[k].value));
		text = settings_text(SET_MAX_SIZE);
		assert_string_equal(text, cases[k].text);
		free(text);
	}
}

static void
test_words(void **state)
{
	static const struct {
		enum setting	 i;
		const char	*value;
		long		 num;	/* -1: refused */
		const char	*text;
	} cases[] = {
		{ SET_ASCII, "yes", 1, "yes" }, { SET_ASCII, "ON", 1, "yes" },
		{ SET_ASCII, "true", 1, "yes" }, { SET_ASCII, "1", 1, "yes" },
		{ SET_ASCII, "no", 0, "no" }, { SET_ASCII, "Off", 0, "no" },
		{ SET_ASCII, "false", 0, "no" }, { SET_ASCII, "0", 0, "no" },
		{ SET_ASCII, "y", -1, NULL }, { SET_ASCII, "", -1, NULL },
		{ SET_ALIGN, "left", SETTINGS_ALIGN_LEFT, "left" },
		{ SET_ALIGN, "center", SETTINGS_ALIGN_CENTRE, "centre" },
		{ SET_ALIGN, "Left", -1, NULL },
		{ SET_ITEM_OPEN, "content", SETTINGS_ITEM_CONTENT, "content" },
		{ SET_ITEM_OPEN, "links", -1, NULL },
		{ SET_COLOR, "never", SETTINGS_COLOR_NEVER, "never" },
		{ SET_COLOR, "always", SETTINGS_COLOR_ALWAYS, "always" },
		{ SET_COLOR, "yes", -1, NULL },
		{ SET_BROWSER, "w3m -N %s", 0, "w3m -N %s" },
		{ SET_BROWSER, "", 0, "" },
		{ SET_BROWSER, "evil\x1b[2J", -1, NULL },
		{ SET_BROWSER, "line\nbreak", -1, NULL },
		{ SET_DATE_FORMAT, "%e %b", 0, "%e %b" },
		{ SET_DATE_FORMAT, "plain", 0, "plain" },
		{ SET_DATE_FORMAT, "", -1, NULL },
		{ SET_DATE_FORMAT, "%p", 0, "%p" },
		{ SET_DATE_FORMAT, "tab\there", -1, NULL },
	};
	char	*cause, *text;
	size_t	 k;

	(void)state;
	for (k = 0; k < nitems(cases); k++) {
		settings_reset();
		cause = set(cases[k].i, cases[k].value);
		if (cases[k].num == -1) {
			if (cause == NULL)
				fail_msg("%s \"%s\" was taken",
				    settings_name(cases[k].i), cases[k].value);
			free(cause);
			continue;
		}
		if (cause != NULL)
			fail_msg("%s \"%s\": %s", settings_name(cases[k].i),
			    cases[k].value, cause);
		assert_int_equal(settings_int(cases[k].i), cases[k].num);
		text = settings_text(cases[k].i);
		assert_string_equal(text, cases[k].text);
		free(text);
	}
	assert_string_equal(settings_str(SET_DATE_FORMAT), "%Y-%m-%d");
	assert_null(set(SET_BROWSER, "lynx"));
	assert_string_equal(settings_str(SET_BROWSER), "lynx");
}

/* A value is replaced only from as far up as it came: command line, then
 * environment, then file. A refused value is refused whatever its
 * origin. */
static void
test_origins(void **state)
{
	char	*cause = NULL;

	(void)state;
	assert_int_equal(settings_set(SET_BROWSER, "env", SETTINGS_ENV,
	    &cause), 0);
	assert_int_equal(settings_set(SET_BROWSER, "file", SETTINGS_FILE,
	    &cause), 0);
	assert_string_equal(settings_str(SET_BROWSER), "env");
	assert_int_equal(settings_origin(SET_BROWSER), SETTINGS_ENV);
	assert_int_equal(settings_set(SET_BROWSER, "cli", SETTINGS_CMDLINE,
	    &cause), 0);
	assert_int_equal(settings_set(SET_BROWSER, "env2", SETTINGS_ENV,
	    &cause), 0);
	assert_string_equal(settings_str(SET_BROWSER), "cli");
	assert_int_equal(settings_set(SET_WIDTH, "5", SETTINGS_DEFAULT,
	    &cause), -1);
	assert_string_equal(cause,
	    "expected a whole number from 10 to 10000, not \"5\"");
	free(cause);
	cause = NULL;
	assert_int_equal(settings_check(SET_WIDTH, "50", &cause), 0);
	assert_int_equal(settings_int(SET_WIDTH), 80);
	settings_reset();
	assert_string_equal(settings_str(SET_BROWSER), "");
	assert_int_equal(settings_origin(SET_BROWSER), SETTINGS_DEFAULT);
}

static void
test_colours(void **state)
{
	static const struct {
		const char	*name;
		int		 colour;
	} cases[] = {
		{ "black", 0 }, { "red", 1 }, { "white", 7 }, { "RED", 1 },
		{ "brightblack", 8 }, { "brightwhite", 15 },
		{ "default", -1 }, { "color0", 0 }, { "color208", 208 },
		{ "color255", 255 }, { "color256", -2 }, { "color", -2 },
		{ "color-1", -2 }, { "colour1", -2 }, { "brightdefault", -2 },
		{ "pink", -2 }, { "", -2 }, { "color1x", -2 },
	};
	struct settings_colour	 c = { 1, 4, SETTINGS_BOLD };
	char			 name[16];
	size_t			 k;
	int			 i;

	(void)state;
	for (k = 0; k < nitems(cases); k++)
		if (settings_colour_find(cases[k].name) != cases[k].colour)
			fail_msg("%s: %d, wanted %d", cases[k].name,
			    settings_colour_find(cases[k].name),
			    cases[k].colour);
	/* Every colour's name finds it again. */
	for (i = -1; i < 256; i++)
		assert_int_equal(settings_colour_find(settings_colour_name(i,
		    name)), i);
	assert_string_equal(settings_colour_name(9, name), "brightred");
	assert_string_equal(settings_colour_name(100, name), "color100");

	assert_int_equal(settings_attr_find("bold"), SETTINGS_BOLD);
	assert_int_equal(settings_attr_find("Italic"), SETTINGS_ITALIC);
	assert_int_equal(settings_attr_find("none"), 0);
	assert_int_equal(settings_attr_find("blink"), -1);
	assert_string_equal(settings_attr_name(SETTINGS_REVERSE), "reverse");

	/* The elements, their names and defaults; a new colour, reset. */
	for (i = 0; i < SETTINGS_NELEMENTS; i++)
		assert_int_equal(settings_element_find(
		    settings_element_name((enum settings_element)i)), i);
	assert_int_equal(settings_element_find("statusbar"), -1);
	assert_int_equal(settings_colour(SETTINGS_EL_HEADING)->fg, 3);
	assert_int_equal(settings_colour(SETTINGS_EL_STATUS)->attrs,
	    SETTINGS_REVERSE);
	settings_colour_set(SETTINGS_EL_STATUS, &c);
	assert_int_equal(settings_colour(SETTINGS_EL_STATUS)->fg, 1);
	assert_int_equal(settings_colour(SETTINGS_EL_STATUS)->bg, 4);
	assert_int_equal(settings_colour(SETTINGS_EL_STATUS)->attrs,
	    SETTINGS_BOLD);
	settings_reset();
	assert_int_equal(settings_colour(SETTINGS_EL_STATUS)->fg, -1);
}

/* Dates as date-format writes them, in UTC. */
static void
test_date(void **state)
{
	char	*s;

	(void)state;
	/* 2006-01-02 15:04:05 UTC */
	s = settings_date(1136214245, 0);
	assert_string_equal(s, "2006-01-02");
	free(s);
	assert_null(set(SET_DATE_FORMAT, "%d.%m.%y %H:%M"));
	s = settings_date(1136214245, 0);
	assert_string_equal(s, "02.01.06 15:04");
	free(s);
	s = settings_date(0, 0);
	assert_string_equal(s, "01.01.70 00:00");
	free(s);
}

/* NO_COLOR (present and not empty) counts under "auto" only. */
static void
test_use_colour(void **state)
{
	(void)state;
	assert_int_equal(settings_use_colour(), 1);
	setenv("NO_COLOR", "", 1);
	assert_int_equal(settings_use_colour(), 1);
	setenv("NO_COLOR", "1", 1);
	assert_int_equal(settings_use_colour(), 0);
	assert_null(set(SET_COLOR, "always"));
	assert_int_equal(settings_use_colour(), 1);
	assert_null(set(SET_COLOR, "never"));
	unsetenv("NO_COLOR");
	assert_int_equal(settings_use_colour(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_defaults, setup),
		cmocka_unit_test_setup(test_numbers, setup),
		cmocka_unit_test_setup(test_text_of_sizes, setup),
		cmocka_unit_test_setup(test_words, setup),
		cmocka_unit_test_setup(test_origins, setup),
		cmocka_unit_test_setup(test_colours, setup),
		cmocka_unit_test_setup(test_use_colour, setup),
		cmocka_unit_test_setup(test_date, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
