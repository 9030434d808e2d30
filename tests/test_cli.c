/* test_cli.c: the command line as cli_main() sees it: options, their
 * values, usage errors and exit statuses, with standard output and error
 * caught in files. Standard output is never a terminal here, so reel
 * dumps instead of paging, as it does in a pipe. */
#include <config.h>

#include <fcntl.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <getopt.h>

#include "cli.h"
#include "util.h"
#include "width.h"

struct run {
	int	 status;
	char	*out;
	char	*err;
};

static char *
slurp(int fd)
{
	char	*data;
	size_t	 len;
	off_t	 end = lseek(fd, 0, SEEK_END);
	ssize_t	 n;

	assert_true(end >= 0);
	len = (size_t)end;
	data = xmalloc(len + 1);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	n = read(fd, data, len);
	assert_int_equal(n, (ssize_t)len);
	data[len] = '\0';
	return data;
}

/* Runs cli_main() on a NULL-terminated argument list, "reel" first. */
static struct run
run(const char *arg, ...)
{
	char		*argv[32], outname[] = "/tmp/reel-cli.XXXXXX";
	char		 errname[] = "/tmp/reel-cli.XXXXXX";
	struct run	 r;
	va_list		 ap;
	int		 argc = 0, out, err, saved_out, saved_err;

	argv[argc++] = (char *)"reel";
	va_start(ap, arg);
	for (; arg != NULL; arg = va_arg(ap, const char *)) {
		assert_true(argc < 31);
		argv[argc++] = (char *)arg;
	}
	va_end(ap);
	argv[argc] = NULL;

	assert_true((out = mkstemp(outname)) != -1);
	assert_true((err = mkstemp(errname)) != -1);
	unlink(outname);
	unlink(errname);
	fflush(stdout);
	fflush(stderr);
	saved_out = dup(STDOUT_FILENO);
	saved_err = dup(STDERR_FILENO);
	dup2(out, STDOUT_FILENO);
	dup2(err, STDERR_FILENO);
	optind = 0;		/* getopt starts afresh */
	r.status = cli_main(argc, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(saved_out, STDOUT_FILENO);
	dup2(saved_err, STDERR_FILENO);
	close(saved_out);
	close(saved_err);
	r.out = slurp(out);
	r.err = slurp(err);
	close(out);
	close(err);
	return r;
}

static void
run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

static size_t
lines(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		n += *s == '\n';
	return n;
}

static char *
sample(void)
{
	const char	*dir = getenv("REEL_DATADIR");

	assert_non_null(dir);
	return xprintf("%s/sample-essay.html", dir);
}

static void
test_help_and_version(void **state)
{
	struct run	r;

	r = run("--help", NULL);
	assert_int_equal(r.status, REEL_EXIT_OK);
	assert_true(strncmp(r.out, "Usage: reel ", 12) == 0);
	assert_non_null(strstr(r.out, "--max-size=BYTES"));
	assert_string_equal(r.err, "");
	run_free(&r);

	r = run("-V", NULL);
	assert_int_equal(r.status, REEL_EXIT_OK);
	assert_true(strncmp(r.out, "reel " PACKAGE_VERSION "\n",
	    strlen("reel " PACKAGE_VERSION "\n")) == 0);
	run_free(&r);
}

/* Every usage error: status 2, a line naming what was wrong, nothing on
 * standard output. */
static void
test_usage_errors(void **state)
{
	/* A bad value is named and that is all, as in coreutils; a wrong
	 * shape of command line also shows the usage and --help. */
	static const struct {
		const char	*args[4];
		const char	*said;
		int		 usage;
	} cases[] = {
		{ { "dump", NULL }, "reel: missing URL or FILE\n", 1 },
		{ { "a", "b", NULL }, "reel: too many arguments\n", 1 },
		{ { "-f", "pdf", "x", NULL }, "reel: unknown format 'pdf'", 0 },
		{ { "-w", "9", "x", NULL }, "reel: --width must be at least 10",
		  0 },
		{ { "-w", "12x", "x", NULL },
		  "reel: invalid value for --width: '12x'", 0 },
		{ { "--timeout=-1", "x", NULL },
		  "reel: invalid value for --timeout: '-1'", 0 },
		{ { "--max-size=3G", "x", NULL },
		  "reel: invalid value for --max-size: '3G'", 0 },
		{ { "--max-redirs=101", "x", NULL },
		  "reel: invalid value for --max-redirs: '101'", 0 },
		{ { "-z", "x", NULL }, "reel: invalid option -- 'z'", 1 },
		{ { "--zap", "x", NULL },
		  "reel: unrecognized or ambiguous option '--zap'", 1 },
		{ { "--max", "x", NULL },
		  "reel: unrecognized or ambiguous option '--max'", 1 },
		{ { "--help=3", NULL },
		  "reel: option '--help' doesn't allow an argument", 1 },
		{ { "x", "--stall-time", NULL },
		  "reel: option '--stall-time' requires an argument", 1 },
	};
	struct run	r;
	size_t		i;

	for (i = 0; i < nitems(cases); i++) {
		r = run(cases[i].args[0], cases[i].args[1], cases[i].args[2],
		    cases[i].args[3]);
		if (r.status != REEL_EXIT_USAGE ||
		    strncmp(r.err, cases[i].said, strlen(cases[i].said)) != 0)
			fail_msg("case %zu: status %d, said \"%s\"", i, r.status,
			    r.err);
		assert_string_equal(r.out, "");
		if (cases[i].usage) {
			assert_non_null(strstr(r.err, "\nUsage: reel "));
			assert_non_null(strstr(r.err, "Try 'reel --help'"));
		} else
			assert_int_equal(lines(r.err), 1);
		run_free(&r);
	}
}

/* Options that work reach the dump: the format, the width, a size limit
 * the sample is over, the sample itself. */
static void
test_options_reach_the_dump(void **state)
{
	struct run	 r;
	char		*path = sample(), *line, *end;
	size_t		 len;

	r = run("dump", "-f", "json", path, NULL);
	assert_int_equal(r.status, REEL_EXIT_OK);
	assert_true(r.out[0] == '{');
	assert_non_null(strstr(r.out, "\"sections\""));
	run_free(&r);

	r = run("dump", "--width=40", path, NULL);
	assert_int_equal(r.status, REEL_EXIT_OK);
	for (line = r.out; *line != '\0'; line = end + (*end != '\0')) {
		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		/* The numbered list of links at the end keeps its URLs
		 * whole, as lynx -dump does. */
		if (line[0] == '[')
			break;
		len = width_str(line, (size_t)(end - line));
		if (len > 40)
			fail_msg("a line of %zu cells at --width=40: %.*s", len,
			    (int)(end - line), line);
	}
	assert_non_null(strstr(r.out, "\n[1] "));
	run_free(&r);

	r = run("dump", "--max-size=1K", path, NULL);
	assert_int_equal(r.status, REEL_EXIT_CONTENT);
	assert_non_null(strstr(r.err, "larger than the limit of 1024 bytes"));
	assert_string_equal(r.out, "");
	run_free(&r);

	/* Not a terminal: even without "dump", the text comes out. */
	r = run("--sample", "-f", "plain", NULL);
	assert_int_equal(r.status, REEL_EXIT_OK);
	assert_non_null(strstr(r.out, "This essay is about that withheld cut."));
	run_free(&r);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_help_and_version),
		cmocka_unit_test(test_usage_errors),
		cmocka_unit_test(test_options_reach_the_dump),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
