/* test_conf.c: the configuration file: its lines, every error message
 * (with its suggestion), include files and their cycles, where the file
 * is, the order of command line, environment, file and defaults, and
 * dumps that read back as the same configuration. Files are written in a
 * home of the test's own. */
#include <config.h>

#include <sys/stat.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "conf.h"
#include "fetch.h"
#include "keys.h"
#include "settings.h"
#include "testhome.h"
#include "util.h"

static int
setup(void **state)
{
	(void)state;
	if (testhome_enter("config") == NULL)
		return -1;
	unsetenv("BROWSER");
	unsetenv("NO_COLOR");
	conf_free();
	settings_reset();
	keys_reset();
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	conf_free();
	settings_reset();
	keys_reset();
	return testhome_leave();
}

/* Writes text to the file name of the test's home; returns its path. */
static char *
write_file(const char *name, const char *text)
{
	char	*path = testhome_path(name), *dir, *slash;
	FILE	*f;

	dir = xstrdup(path);
	for (slash = strchr(dir + 1, '/'); slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(dir, 0700);
		*slash = '/';
	}
	free(dir);
	assert_non_null(f = fopen(path, "w"));
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	return path;
}

/* Parses text as "config"; returns its errors ("" for none), to free. */
static char *
parse(const char *text, size_t *n)
{
	char	*errors;

	*n = conf_parse("config", text, &errors);
	if (errors == NULL)
		return xstrdup("");
	return errors;
}

static void
test_lines(void **state)
{
	const struct settings_colour	*c;
	char				*errors;
	size_t				 n;

	(void)state;
	errors = parse("# a comment\n"
	    "\n"
	    "   set width 72   # after a line\n"
	    "set\talign left\r\n"
	    "set browser \"lynx -dump '%s'\"\n"
	    "set date-format '%d %B %Y'\n"
	    "set max-size 512K\n"
	    "set ascii yes\n"
	    "set item-open content\n"
	    "bind x next-section\n"
	    "bind outline x cancel\n"
	    "bind \"#\" top\n"
	    "unbind pager j\n"
	    "unbind k\n"
	    "color status white blue bold underline\n"
	    "colour heading brightred color208\n", &n);
	assert_string_equal(errors, "");
	assert_int_equal(n, 0);
	free(errors);
	assert_int_equal(settings_int(SET_WIDTH), 72);
	assert_int_equal(settings_int(SET_ALIGN), SETTINGS_ALIGN_LEFT);
	assert_string_equal(settings_str(SET_BROWSER), "lynx -dump '%s'");
	assert_string_equal(settings_str(SET_DATE_FORMAT), "%d %B %Y");
	assert_int_equal(settings_int(SET_MAX_SIZE), 512 * 1024);
	assert_int_equal(settings_int(SET_ASCII), 1);
	assert_int_equal(settings_int(SET_ITEM_OPEN), SETTINGS_ITEM_CONTENT);
	assert_int_equal(settings_origin(SET_WIDTH), SETTINGS_FILE);
	assert_int_equal(settings_origin(SET_TIMEOUT), SETTINGS_DEFAULT);

	/* x everywhere, but its own binding in the outline. */
	assert_int_equal(keys_lookup_in(KEYS_PAGER, 'x'), ACTION_NEXT_SECTION);
	assert_int_equal(keys_lookup_in(KEYS_LINKS, 'x'), ACTION_NEXT_SECTION);
	assert_int_equal(keys_lookup_in(KEYS_OUTLINE, 'x'), ACTION_CANCEL);
	assert_int_equal(keys_lookup_in(KEYS_PAGER, '#'), ACTION_TOP);
	/* j hidden in the pager only; k gone everywhere. */
	assert_int_equal(keys_lookup_in(KEYS_PAGER, 'j'), ACTION_NONE);
	assert_int_equal(keys_lookup_in(KEYS_HELP, 'j'), ACTION_LINE_DOWN);
	assert_int_equal(keys_lookup_in(KEYS_HELP, 'k'), ACTION_NONE);
	assert_int_equal(keys_lookup_in(KEYS_PAGER, KEYC_UP), ACTION_LINE_UP);

	c = settings_colour(SETTINGS_EL_STATUS);
	assert_int_equal(c->fg, 7);
	assert_int_equal(c->bg, 4);
	assert_int_equal(c->attrs, SETTINGS_BOLD | SETTINGS_UNDERLINE);
	c = settings_colour(SETTINGS_EL_HEADING);
	assert_int_equal(c->fg, 9);
	assert_int_equal(c->bg, 208);
	assert_int_equal(c->attrs, 0);
}

/* Every error: one line naming the file and line, what was expected. */
static void
test_errors(void **state)
{
	static const struct {
		const char	*line;
		const char	*error;
	} cases[] = {
		{ "set width", "expected set NAME VALUE (quote a value with "
		    "spaces)" },
		{ "set width 72 80", "expected set NAME VALUE (quote a value "
		    "with spaces)" },
		{ "set wdth 72", "unknown setting \"wdth\" (did you mean "
		    "width?)" },
		{ "set colour auto", "unknown setting \"colour\" (did you "
		    "mean color?)" },
		{ "set speed 3", "unknown setting \"speed\"" },
		{ "set width 5", "width: expected a whole number from 10 to "
		    "10000, not \"5\"" },
		{ "set width 72px", "width: expected a whole number from 10 "
		    "to 10000, not \"72px\"" },
		{ "set timeout -1", "timeout: expected a whole number from 0 "
		    "to 86400, not \"-1\"" },
		{ "set max-size 2Q", "max-size: expected a size in bytes from "
		    "0 (K and M allowed), not \"2Q\"" },
		{ "set max-size -1K", "max-size: expected a size in bytes from "
		    "0 (K and M allowed), not \"-1K\"" },
		{ "set max-size 99999999999999999999M", "max-size: expected "
		    "a size in bytes from 0 (K and M allowed), not "
		    "\"99999999999999999999M\"" },
		{ "set ascii maybe", "ascii: expected yes or no, not "
		    "\"maybe\"" },
		{ "set align middle", "align: expected centre or left, not "
		    "\"middle\"" },
		{ "set color sometimes", "color: expected auto, always or "
		    "never, not \"sometimes\"" },
		{ "set item-open page", "item-open: expected link or "
		    "content, not \"page\"" },
		{ "set date-format \"\"", "date-format: expected a "
		    "strftime(3) format that writes something, not \"\"" },
		{ "set browser \"a\tb\"", "browser: expected text without "
		    "control characters" },
		{ "set width \"80", "missing closing \"" },
		{ "set width '80", "missing closing '" },
		{ "bind x", "expected bind [CONTEXT] KEY ACTION" },
		{ "bind pager x quit now", "expected bind [CONTEXT] KEY "
		    "ACTION" },
		{ "bind pagr x quit", "unknown context \"pagr\" (did you mean "
		    "pager?)" },
		{ "bind nowhere x quit", "unknown context \"nowhere\"" },
		{ "bind Ctrl-1 quit", "unknown key \"Ctrl-1\" (a character, "
		    "Ctrl-X, F1-F12 or a name such as PgDn)" },
		{ "bind x nxt-section", "unknown action \"nxt-section\" (did "
		    "you mean next-section?)" },
		{ "bind x frobnicate", "unknown action \"frobnicate\"" },
		{ "unbind", "expected unbind [CONTEXT] KEY" },
		{ "unbind ouline x", "unknown context \"ouline\" (did you "
		    "mean outline?)" },
		{ "unbind F13", "unknown key \"F13\" (a character, Ctrl-X, "
		    "F1-F12 or a name such as PgDn)" },
		{ "unbind-all now", "expected unbind-all alone" },
		{ "color status red", "expected color ELEMENT FOREGROUND "
		    "BACKGROUND [ATTRIBUTE]..." },
		{ "colour status", "expected colour ELEMENT FOREGROUND "
		    "BACKGROUND [ATTRIBUTE]..." },
		{ "color stauts red blue", "unknown colour element \"stauts\" "
		    "(did you mean status?)" },
		{ "color wallpaper red blue", "unknown colour element "
		    "\"wallpaper\"" },
		{ "color status rde blue", "unknown colour \"rde\" (a name "
		    "such as red or brightred, default, or color0 to "
		    "color255)" },
		{ "color status red color256", "unknown colour \"color256\" "
		    "(a name such as red or brightred, default, or color0 to "
		    "color255)" },
		{ "color status red blue blink", "unknown attribute \"blink\" "
		    "(bold, reverse, underline, italic or none)" },
		{ "include", "expected include FILE" },
		{ "include a b", "expected include FILE" },
		{ "bnd x quit", "unknown command \"bnd\" (did you mean "
		    "bind?)" },
		{ "frobnicate", "unknown command \"frobnicate\"" },
		{ "a b c d e f g h i j k l m n o p q", "too many words (at "
		    "most 16)" },
		{ "set width \xff", "not valid UTF-8" },
		{ "bind \x1b[A quit", "unknown key \"?[A\" (a character, "
		    "Ctrl-X, F1-F12 or a name such as PgDn)" },
	};
	char	*errors, *want;
	size_t	 i, n;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		errors = parse(cases[i].line, &n);
		want = xprintf("config:1: %s\n", cases[i].error);
		if (strcmp(errors, want) != 0 || n != 1)
			fail_msg("%s: said \"%s\", %zu errors; wanted \"%s\"",
			    cases[i].line, errors, n, want);
		free(want);
		free(errors);
	}
	/* Nothing was set by a line in error. */
	assert_int_equal(settings_int(SET_WIDTH), 80);
	assert_int_equal(keys_lookup('x'), ACTION_NONE);
}

/* A bad line stops nothing: the lines around it apply, each error is
 * counted once with its own line number. */
static void
test_rest_applies(void **state)
{
	char	*errors;
	size_t	 n;

	(void)state;
	errors = parse("set width 60\n"
	    "bind x nxt-section\n"
	    "bind y next-section\n"
	    "set width abc\n"
	    "set timeout 5\n", &n);
	assert_int_equal(n, 2);
	assert_string_equal(errors,
	    "config:2: unknown action \"nxt-section\" (did you mean "
	    "next-section?)\n"
	    "config:4: width: expected a whole number from 10 to 10000, "
	    "not \"abc\"\n");
	free(errors);
	assert_int_equal(settings_int(SET_WIDTH), 60);
	assert_int_equal(settings_int(SET_TIMEOUT), 5);
	assert_int_equal(keys_lookup('y'), ACTION_NEXT_SECTION);
	assert_int_equal(keys_lookup('x'), ACTION_NONE);
}

/* A file from Windows reads as any other; a NUL byte is its line's
 * error, and the line numbers go on. */
static void
test_crlf_and_nul(void **state)
{
	static const char text[] = "set width 61\r\nset\0 x\r\n"
	    "\r\nbind y quit\r\nset timeout oops\r\n";
	char	*path = testhome_path("crlf"), *errors, *want;
	FILE	*f;

	(void)state;
	assert_non_null(f = fopen(path, "w"));
	assert_int_equal(fwrite(text, 1, sizeof text - 1, f),
	    sizeof text - 1);
	assert_int_equal(fclose(f), 0);
	conf_set_file(path);
	assert_int_equal(conf_load(&errors), 2);
	want = xprintf("%s:2: a NUL byte in the line\n"
	    "%s:5: timeout: expected a whole number from 0 to 86400, not "
	    "\"oops\"\n", path, path);
	assert_string_equal(errors, want);
	assert_int_equal(settings_int(SET_WIDTH), 61);
	assert_int_equal(keys_lookup('y'), ACTION_QUIT);
	free(want);
	free(errors);
	free(path);
}

/* Includes: relative to the including file, nested; a cycle and too deep
 * a nesting are refused at the line that would make them. */
static void
test_include(void **state)
{
	char	*top, *errors, *want, *name, *text, *sub;
	size_t	 n, i;

	(void)state;
	top = write_file("conf/top", "include sub/a\nset width 50\n");
	sub = write_file("conf/sub/a", "set timeout 7\ninclude b\n");
	free(write_file("conf/sub/b", "set stall-time 9\ninclude ../top\n"));
	conf_set_file(top);
	n = conf_load(&errors);
	assert_int_equal(n, 1);
	/* The path as reel makes it, from the file that names it. */
	text = xstrdup(sub);
	*strrchr(text, '/') = '\0';
	want = xprintf("%s/b:2: include %s/../top: a cycle (it includes "
	    "itself)\n", text, text);
	assert_string_equal(errors, want);
	free(want);
	free(text);
	free(errors);
	assert_int_equal(settings_int(SET_TIMEOUT), 7);
	assert_int_equal(settings_int(SET_STALL_TIME), 9);
	assert_int_equal(settings_int(SET_WIDTH), 50);
	free(sub);

	/* A chain of 20 files: the 17th include is one too deep. */
	for (i = 0; i < 20; i++) {
		name = xprintf("deep/%zu", i);
		text = xprintf("set width %zu\ninclude %zu\n", 20 + i, i + 1);
		free(write_file(name, text));
		free(name);
		free(text);
	}
	free(top);
	top = testhome_path("deep/0");
	conf_set_file(top);
	n = conf_load(&errors);
	assert_int_equal(n, 1);
	text = xstrdup(top);
	*strrchr(text, '/') = '\0';
	want = xprintf("%s/15:2: include %s/16: nested more than 16 deep\n",
	    text, text);
	assert_string_equal(errors, want);
	assert_int_equal(settings_int(SET_WIDTH), 35);
	free(want);
	free(errors);

	/* A missing include is its line's error. */
	free(write_file("deep/0", "include nothing-here\nset width 44\n"));
	n = conf_load(&errors);
	assert_int_equal(n, 1);
	want = xprintf("%s/0:1: include %s/nothing-here: No such file or "
	    "directory\n", text, text);
	assert_string_equal(errors, want);
	assert_int_equal(settings_int(SET_WIDTH), 44);
	free(want);
	free(errors);
	free(text);
	free(top);
}

/* The file is $XDG_CONFIG_HOME/reel/config; a relative XDG_CONFIG_HOME
 * counts for nothing; no file is the defaults, no error. */
static void
test_where(void **state)
{
	char	*errors, *path, *cwd;
	size_t	 n;

	(void)state;
	n = conf_load(&errors);
	assert_int_equal(n, 0);
	assert_null(errors);
	assert_int_equal(settings_int(SET_WIDTH), 80);

	path = write_file("config/reel/config", "set width 66\n");
	free(path);
	assert_int_equal(conf_load(&errors), 0);
	assert_int_equal(settings_int(SET_WIDTH), 66);

	path = write_file("home/.config/reel/config", "set width 55\n");
	free(path);
	setenv("XDG_CONFIG_HOME", "config", 1);
	assert_int_equal(conf_load(&errors), 0);
	assert_int_equal(settings_int(SET_WIDTH), 55);
	cwd = testhome_path("config");
	setenv("XDG_CONFIG_HOME", cwd, 1);
	free(cwd);

	/* A file named on the command line must be there. */
	path = testhome_path("no-such-file");
	conf_set_file(path);
	assert_int_equal(conf_load(&errors), 1);
	assert_non_null(strstr(errors, "no-such-file: No such file"));
	assert_int_equal(settings_int(SET_WIDTH), 80);
	free(errors);
	free(path);
}

/* Command line over environment over file over default; NO_COLOR off
 * unless the configuration asks for colour. */
static void
test_precedence(void **state)
{
	char	*cause = NULL, *errors, *path;

	(void)state;
	path = write_file("config/reel/config",
	    "set browser file-browser\nset color always\nset width 70\n");
	free(path);
	assert_int_equal(conf_load(&errors), 0);
	assert_string_equal(settings_str(SET_BROWSER), "file-browser");

	setenv("BROWSER", "env-browser", 1);
	assert_int_equal(conf_load(&errors), 0);
	assert_string_equal(settings_str(SET_BROWSER), "env-browser");
	assert_int_equal(settings_origin(SET_BROWSER), SETTINGS_ENV);

	assert_int_equal(conf_option("browser=cli-browser", &cause), 0);
	assert_int_equal(conf_option("width=100", &cause), 0);
	assert_int_equal(conf_load(&errors), 0);
	assert_string_equal(settings_str(SET_BROWSER), "cli-browser");
	assert_int_equal(settings_int(SET_WIDTH), 100);
	assert_int_equal(settings_origin(SET_WIDTH), SETTINGS_CMDLINE);
	conf_free();

	/* NO_COLOR: the file's "always" wins; "auto" obeys it. */
	setenv("NO_COLOR", "1", 1);
	assert_int_equal(conf_load(&errors), 0);
	assert_int_equal(settings_use_colour(), 1);
	path = write_file("config/reel/config", "set color auto\n");
	free(path);
	assert_int_equal(conf_load(&errors), 0);
	assert_int_equal(settings_use_colour(), 0);
	setenv("NO_COLOR", "", 1);
	assert_int_equal(conf_load(&errors), 0);
	assert_int_equal(settings_use_colour(), 1);
	assert_int_equal(conf_option("color=never", &cause), 0);
	assert_int_equal(conf_load(&errors), 0);
	assert_int_equal(settings_use_colour(), 0);
	unsetenv("NO_COLOR");
	unsetenv("BROWSER");
}

static void
test_options(void **state)
{
	static const struct {
		const char	*opt;
		const char	*cause;
	} bad[] = {
		{ "width", "-o width: expected NAME=VALUE" },
		{ "widht=72", "-o unknown setting \"widht\" (did you mean "
		    "width?)" },
		{ "width=5", "-o width: expected a whole number from 10 to "
		    "10000, not \"5\"" },
		{ "color=", "-o color: expected auto, always or never, not "
		    "\"\"" },
	};
	struct fetch_opts	 fo;
	char			*cause, *errors;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(bad); i++) {
		cause = NULL;
		assert_int_equal(conf_option(bad[i].opt, &cause), -1);
		assert_string_equal(cause, bad[i].cause);
		free(cause);
	}
	/* Refused options are not kept. */
	assert_int_equal(conf_load(&errors), 0);
	assert_int_equal(settings_int(SET_WIDTH), 80);

	assert_int_equal(conf_option("max-size=2M", &cause), 0);
	assert_int_equal(conf_option("timeout=0", &cause), 0);
	assert_int_equal(conf_option("max-redirs=3", &cause), 0);
	assert_int_equal(conf_load(&errors), 0);
	conf_fetch_opts(&fo);
	assert_int_equal(fo.max_size, 2 * 1024 * 1024);
	assert_int_equal(fo.timeout, 0);
	assert_int_equal(fo.max_redirects, 3);
	assert_int_equal(fo.connect_timeout, 15);
}

/* Reads the dump of the configuration in force from the defaults: it
 * must be the same configuration, dumped the same. */
static void
roundtrip(char *(*dump)(void))
{
	char	*first, *second, *errors;
	size_t	 n;

	first = dump();
	settings_reset();
	keys_reset();
	n = conf_parse("dump", first, &errors);
	if (n != 0)
		fail_msg("the dump did not read back: %s", errors);
	second = dump();
	assert_string_equal(first, second);
	free(first);
	free(second);
}

static void
test_roundtrip(void **state)
{
	char	*errors, *dump;
	size_t	 n;

	(void)state;
	roundtrip(conf_dump);
	roundtrip(conf_keys);
	n = conf_parse("config",
	    "set browser \"say \\\"hi\\\" \\\\ #now\"\n"
	    "set date-format \"%A, %d. %B\"\n"
	    "set max-size 1000\n"
	    "set align left\n"
	    "set ascii on\n"
	    "unbind all j\n"
	    "unbind help k\n"
	    "bind links \"#\" top\n"
	    "bind bookmarks \"'\" quit\n"
	    "bind feeds \"\\\"\" quit\n"
	    "bind items F12 help\n"
	    "bind é back\n"
	    "color cursor color100 brightcyan italic reverse\n", &errors);
	assert_int_equal(n, 0);
	dump = conf_dump();
	assert_non_null(strstr(dump,
	    "set browser \"say \\\"hi\\\" \\\\ #now\"\n"));
	assert_non_null(strstr(dump, "set max-size 1000\n"));
	assert_non_null(strstr(dump, "set ascii yes\n"));
	assert_non_null(strstr(dump, "unbind help k\n"));
	assert_non_null(strstr(dump, "bind links \"#\" top\n"));
	assert_non_null(strstr(dump,
	    "color cursor color100 brightcyan reverse italic\n"));
	assert_null(strstr(dump, "bind all j "));
	free(dump);
	roundtrip(conf_dump);
	roundtrip(conf_keys);

	/* The key table alone starts from nothing. */
	keys_reset();
	dump = conf_keys();
	assert_int_equal(strncmp(dump, "unbind-all\nbind all j line-down\n",
	    32), 0);
	assert_non_null(strstr(dump, "bind all Ctrl-R reload-config\n"));
	free(dump);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rest_applies, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_crlf_and_nul, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_include, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_where, setup, teardown),
		cmocka_unit_test_setup_teardown(test_precedence, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_options, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_roundtrip, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
