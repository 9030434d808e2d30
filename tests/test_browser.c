/* test_browser.c: $BROWSER split by its convention, and run without a
 * shell: alternatives, %s, a URL full of shell syntax. */
#include <config.h>

#include <sys/stat.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "browser.h"
#include "util.h"

static void
check_argv(const char *alt, const char *url, const char *const *want)
{
	char	**argv = browser_argv(alt, url);
	size_t	  i;

	assert_non_null(argv);
	for (i = 0; want[i] != NULL; i++) {
		assert_non_null(argv[i]);
		assert_string_equal(argv[i], want[i]);
	}
	assert_null(argv[i]);
	browser_free(argv);
}

static void
test_argv(void **state)
{
	static const char *const plain[] = { "firefox", "https://x.org/a",
	    NULL };
	static const char *const words[] = { "lynx", "-force_html",
	    "https://x.org/a", NULL };
	static const char *const percent[] = { "open", "-a", "https://x.org/a",
	    "--url=https://x.org/a%", NULL };

	check_argv("firefox", "https://x.org/a", plain);
	check_argv("  lynx   -force_html ", "https://x.org/a", words);
	check_argv("open -a %s --url=%s%%", "https://x.org/a", percent);
	assert_null(browser_argv("   ", "https://x.org/a"));
	assert_null(browser_argv("", "https://x.org/a"));
}

static void
test_run(void **state)
{
	char		 dir[] = "/tmp/reel-browser.XXXXXX";
	char		*path, *cause = NULL;
	struct stat	 st;

	assert_non_null(mkdtemp(dir));
	/* A URL full of shell syntax is one argument, never a command. */
	path = xprintf("%s/a;b $(echo x) `y` 'z'", dir);
	/* The first alternative does not exist: the next one runs. */
	assert_int_equal(browser_open("/nonexistent/browser:touch", path,
	    &cause), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(unlink(path), 0);
	free(path);
	assert_int_equal(rmdir(dir), 0);

	assert_int_equal(browser_open("/nonexistent/browser", "https://x.org",
	    &cause), -1);
	assert_non_null(strstr(cause, "/nonexistent/browser"));
	free(cause);
	assert_int_equal(browser_open("false", "https://x.org", &cause), -1);
	assert_non_null(strstr(cause, "status 1"));
	free(cause);
	assert_int_equal(browser_open(" : ", "https://x.org", &cause), -1);
	free(cause);
	/* What a browser would read as an option is refused. */
	assert_int_equal(browser_open("true", "--remote-debugging", &cause),
	    -1);
	free(cause);
}

/* The bytes of file, its length in *len; NULL if it cannot be read. */
static char *
slurp(const char *file, size_t *len)
{
	char	*data, *cause = NULL;

	if (read_file(file, SIZE_MAX, &data, len, &cause) != 0) {
		free(cause);
		return NULL;
	}
	return data;
}

/* A URL made of every piece of shell syntax reaches the browser as one
 * argument, byte for byte, and runs nothing: the browser is a script of
 * ours that writes its argument count and arguments (NUL-separated), and
 * none of the files the URL's commands would make appears. */
static void
test_inert(void **state)
{
	/* The URL as an argument of its own, and in a word with "%s". */
	static const char *const words[] = { "", " --url=%s" };
	static const char *const prefix[] = { "", "--url=" };
	char		 dir[] = "/tmp/reel-browser.XXXXXX";
	char		*script, *url, *args, *got, *want, *browser, *pwn;
	char		*cause = NULL;
	size_t		 len, wantlen, i, j;
	struct stat	 st;
	FILE		*f;

	assert_non_null(mkdtemp(dir));
	script = xprintf("%s/record", dir);
	args = xprintf("%s/args", dir);
	assert_non_null(f = fopen(script, "w"));
	fprintf(f, "#!/bin/sh\nprintf '%%s\\0' \"$#\" \"$@\" >%s\n", args);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(script, 0700), 0);
	url = xprintf("https://x.example/a;touch %s/p1;b?$(touch %s/p2)&"
	    "`touch %s/p3`|touch %s/p4&&touch %s/p5>%s/p6 'q\"\n"
	    "touch %s/p7 || touch %s/p8 # ${IFS}*", dir, dir, dir, dir, dir,
	    dir, dir, dir);
	for (i = 0; i < nitems(words); i++) {
		browser = xprintf("%s/record%s", dir, words[i]);
		if (browser_open(browser, url, &cause) != 0)
			fail_msg("%s: %s", browser, cause);
		free(browser);
		/* "1", then the URL (after the word's own text). */
		want = xprintf("1%c%s%s", '\0', prefix[i], url);
		wantlen = 2 + strlen(prefix[i]) + strlen(url) + 1;
		assert_non_null(got = slurp(args, &len));
		assert_int_equal(len, wantlen);
		assert_memory_equal(got, want, wantlen);
		free(got);
		free(want);
		assert_int_equal(unlink(args), 0);
	}
	for (j = 1; j <= 8; j++) {
		pwn = xprintf("%s/p%zu", dir, j);
		assert_int_equal(stat(pwn, &st), -1);
		free(pwn);
	}
	assert_int_equal(unlink(script), 0);
	free(script);
	free(args);
	free(url);
	assert_int_equal(rmdir(dir), 0);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_argv),
		cmocka_unit_test(test_run),
		cmocka_unit_test(test_inert),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
