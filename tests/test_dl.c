/* test_dl.c: the loader of the dlopen() modules: a table filled from a
 * library's functions and variables, or one clear line that names the
 * library, the symbol it lacks or the package to install. */
#include <config.h>

#include <sys/wait.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "dl.h"
#include "testdl.h"
#include "util.h"

/* A table of the C library's libm: a function and the variable it sets
 * (which this program does not use, so that the library's is the one). */
struct libm_dl {
	double	(*lgamma)(double);
	int	*signgam;
};

static const struct dl_sym libm_syms[] = {
	{ "lgamma", offsetof(struct libm_dl, lgamma) },
	{ "signgam", offsetof(struct libm_dl, signgam) },
};

static const struct dl_sym libm_syms_missing[] = {
	{ "lgamma", offsetof(struct libm_dl, lgamma) },
	{ "reel_no_such_symbol", offsetof(struct libm_dl, signgam) },
};

static void
lib_init(struct dl_lib *lib, struct libm_dl *t, const struct dl_sym *syms,
    size_t n, const char *soname)
{
	memset(t, 0, sizeof *t);
	memset(lib, 0, sizeof *lib);
	lib->soname = soname;
	lib->package = "libc6";
	lib->version = "glibc 2.36";
	lib->syms = syms;
	lib->nsyms = n;
	lib->table = t;
	lib->size = sizeof *t;
}

static void
test_load(void **state)
{
	struct dl_lib	 lib;
	struct libm_dl	 t;
	char		*cause = NULL;

	lib_init(&lib, &t, libm_syms, nitems(libm_syms), "libm.so.6");
	assert_int_equal(dl_load(&lib, NULL, &cause), 0);
	assert_null(cause);
	assert_non_null(lib.handle);
	assert_true(testdl_filled(&t, sizeof t, 1));
	/* The function is lgamma, and it sets the variable: the sign of
	 * Gamma(-0.5), then of Gamma(0.5). */
	assert_true(t.lgamma(-0.5) > 1.26 && t.lgamma(-0.5) < 1.27);
	assert_int_equal(*t.signgam, -1);
	assert_true(t.lgamma(0.5) > 0.57 && t.lgamma(0.5) < 0.58);
	assert_int_equal(*t.signgam, 1);
	/* A second load keeps the first. */
	t.lgamma = NULL;
	assert_int_equal(dl_load(&lib, NULL, &cause), 0);
	assert_null(t.lgamma);
}

static void
test_missing_library(void **state)
{
	struct dl_lib	 lib;
	struct libm_dl	 t;
	char		*cause = NULL;

	lib_init(&lib, &t, libm_syms, nitems(libm_syms),
	    "libreel-no-such-library.so.0");
	assert_int_equal(dl_load(&lib, NULL, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "libreel-no-such-library.so.0"));
	assert_non_null(strstr(cause, "libc6"));
	assert_null(strchr(cause, '\n'));
	free(cause);
	assert_null(lib.handle);
	assert_true(testdl_filled(&t, sizeof t, 0));
	assert_false(testdl_mapped("libreel-no-such-library"));
}

/* The name given to dl_load() is the one opened and named. */
static void
test_missing_library_named(void **state)
{
	struct dl_lib	 lib;
	struct libm_dl	 t;
	char		*cause = NULL;

	lib_init(&lib, &t, libm_syms, nitems(libm_syms), "libm.so.6");
	assert_int_equal(dl_load(&lib, "libreel-other.so.1", &cause), -1);
	assert_non_null(strstr(cause, "libreel-other.so.1"));
	free(cause);
	assert_null(lib.handle);
}

/* A library without one of the symbols: it is named with the version
 * needed, and nothing of the table is filled. */
static void
test_missing_symbol(void **state)
{
	struct dl_lib	 lib;
	struct libm_dl	 t;
	char		*cause = NULL;

	lib_init(&lib, &t, libm_syms_missing, nitems(libm_syms_missing),
	    "libm.so.6");
	assert_int_equal(dl_load(&lib, NULL, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "reel_no_such_symbol"));
	assert_non_null(strstr(cause, "glibc 2.36"));
	assert_null(strchr(cause, '\n'));
	free(cause);
	assert_null(lib.handle);
	assert_true(testdl_filled(&t, sizeof t, 0));
}

/* dl_need() on a library that is not there ends the process with one
 * line on standard error and reel's failure status. */
static void
test_need_missing(void **state)
{
	struct dl_lib	 lib;
	struct libm_dl	 t;
	char		 buf[1024];
	ssize_t		 n;
	size_t		 len = 0;
	pid_t		 pid;
	int		 fd[2], status;

	lib_init(&lib, &t, libm_syms, nitems(libm_syms),
	    "libreel-no-such-library.so.0");
	assert_int_equal(pipe(fd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], STDERR_FILENO);
		dl_need(&lib);
		_exit(0);
	}
	close(fd[1]);
	while ((n = read(fd[0], buf + len, sizeof buf - 1 - len)) > 0)
		len += (size_t)n;
	close(fd[0]);
	buf[len] = '\0';
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), REEL_EXIT_FAILURE);
	assert_true(strncmp(buf, "reel: cannot load ", 18) == 0);
	assert_non_null(strstr(buf, "libreel-no-such-library.so.0"));
	assert_non_null(strchr(buf, '\n'));
	assert_ptr_equal(strchr(buf, '\n'), buf + len - 1);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_missing_library),
		cmocka_unit_test(test_missing_library_named),
		cmocka_unit_test(test_missing_symbol),
		cmocka_unit_test(test_need_missing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
