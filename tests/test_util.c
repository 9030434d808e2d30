/* test_util.c: UTF-8 helpers, formatted strings, reading files, the
 * fatal hook. */
#include <config.h>

#include <sys/stat.h>
#include <sys/wait.h>

#include <fcntl.h>
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
test_xgrowarray(void **state)
{
	int	*v = NULL, *was;
	size_t	 cap = 0, i;

	(void)state;
	for (i = 0; i < 1000; i++) {
		v = xgrowarray(v, &cap, i + 1, sizeof *v);
		assert_true(cap >= i + 1);
		v[i] = (int)i;
	}
	/* Doubling: 16 to 1024, and the elements kept on the way. */
	assert_int_equal(cap, 1024);
	for (i = 0; i < 1000; i++)
		assert_int_equal(v[i], (int)i);
	/* Room already there: the same array, the same capacity. */
	was = v;
	assert_ptr_equal(xgrowarray(v, &cap, 1024, sizeof *v), was);
	assert_int_equal(cap, 1024);
	/* A jump past double goes straight to enough. */
	v = xgrowarray(v, &cap, 5000, sizeof *v);
	assert_int_equal(cap, 8192);
	assert_int_equal(v[999], 999);
	free(v);
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

static int	hook_fd = -1;

static void
hook(void)
{
	ssize_t	n = write(hook_fd, "restored", 8);

	(void)n;
}

/* fatal() calls the hook (the pager's gives the terminal back) before it
 * prints and exits. */
static void
test_fatal_hook(void **state)
{
	char	buf[16];
	int	fds[2], status;
	pid_t	pid;

	assert_int_equal(pipe(fds), 0);
	if ((pid = fork()) == 0) {
		close(fds[0]);
		hook_fd = fds[1];
		util_set_fatal_hook(hook);
		fclose(stderr);
		fatal("a test of the hook");
	}
	assert_true(pid > 0);
	close(fds[1]);
	memset(buf, 0, sizeof buf);
	assert_int_equal(read(fds[0], buf, sizeof buf - 1), 8);
	assert_string_equal(buf, "restored");
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 1);
}

/* Only a regular file (or "-") is read; the size is known up front and
 * passed to the progress callback, which can stop the reading. */
static int
progress_stop(void *arg, size_t now, size_t total)
{
	*(size_t *)arg = total;
	return 1;
}

static void
test_read_file_kinds(void **state)
{
	char	 dir[] = "/tmp/reel-test-XXXXXX", *path, *data, *cause;
	size_t	 len, total = 0;
	int	 fd;

	assert_non_null(mkdtemp(dir));
	path = xprintf("%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	/* With a writer that never writes, a read would never end. */
	assert_true((fd = open(path, O_RDWR)) != -1);
	alarm(20);
	assert_int_equal(read_file(path, 100, &data, &len, &cause), -1);
	assert_non_null(strstr(cause, "not a regular file"));
	free(cause);
	alarm(0);
	close(fd);
	assert_int_equal(read_file(dir, 100, &data, &len, &cause), -1);
	assert_non_null(strstr(cause, "Is a directory"));
	free(cause);
	unlink(path);
	free(path);

	path = xprintf("%s/page.html", dir);
	assert_true((fd = open(path, O_WRONLY | O_CREAT, 0600)) != -1);
	assert_int_equal(write(fd, "<p>12345</p>", 12), 12);
	close(fd);
	assert_int_equal(read_file_progress(path, 100, progress_stop, &total,
	    &data, &len, &cause), REEL_EXIT_FAILURE);
	assert_int_equal(total, 12);
	assert_non_null(strstr(cause, "cancelled"));
	free(cause);
	assert_int_equal(read_file_progress(path, 11, NULL, NULL, &data, &len,
	    &cause), REEL_EXIT_CONTENT);
	free(cause);
	assert_int_equal(read_file_progress(path, 12, NULL, NULL, &data, &len,
	    &cause), REEL_EXIT_OK);
	assert_int_equal(len, 12);
	assert_string_equal(data, "<p>12345</p>");
	free(data);
	unlink(path);
	free(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_utf8_roundtrip),
		cmocka_unit_test(test_utf8_next_and_ascii),
		cmocka_unit_test(test_xprintf),
		cmocka_unit_test(test_xgrowarray),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_read_file_kinds),
		cmocka_unit_test(test_fatal_hook),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
