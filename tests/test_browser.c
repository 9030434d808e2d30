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

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_argv),
		cmocka_unit_test(test_run),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
