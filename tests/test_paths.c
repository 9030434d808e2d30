/* test_paths.c: the XDG Base Directory rules for each kind of directory,
 * and the making of them, in a temporary HOME of the test's own. */
#include <config.h>

#include <ftw.h>

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

#include "paths.h"
#include "util.h"

static char	 tmpdir[] = "/tmp/reel-test-paths.XXXXXX";

static const struct kind {
	enum paths_kind	 kind;
	const char	*var;
	const char	*home;		/* the default, under HOME */
} kinds[] = {
	{ PATHS_CONFIG, "XDG_CONFIG_HOME", ".config" },
	{ PATHS_DATA, "XDG_DATA_HOME", ".local/share" },
	{ PATHS_STATE, "XDG_STATE_HOME", ".local/state" },
	{ PATHS_CACHE, "XDG_CACHE_HOME", ".cache" },
};

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

/* A fresh HOME (tmpdir/home, which exists) and no XDG variable. */
static int
setup(void **state)
{
	char	*home;
	size_t	 i;

	if (mkdtemp(tmpdir) == NULL)
		return -1;
	home = xprintf("%s/home", tmpdir);
	if (mkdir(home, 0755) != 0 || setenv("HOME", home, 1) != 0)
		return -1;
	free(home);
	for (i = 0; i < nitems(kinds); i++)
		unsetenv(kinds[i].var);
	return 0;
}

static int
teardown(void **state)
{
	if (nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS) != 0)
		return -1;
	strcpy(tmpdir, "/tmp/reel-test-paths.XXXXXX");
	return 0;
}

static char *
tmp(const char *rest)
{
	return xprintf("%s/%s", tmpdir, rest);
}

/* Only an absolute value counts: unset, empty and relative values give
 * the default under HOME; a trailing slash makes no double slash. */
static void
test_dir_rules(void **state)
{
	static const struct {
		const char	*value;		/* NULL: unset */
		int		 absolute;	/* tmpdir + value is set */
	} cases[] = {
		{ NULL, 0 },
		{ "", 0 },
		{ "relative/dir", 0 },
		{ "./x", 0 },
		{ "~/x", 0 },
		{ "/xdg", 1 },
		{ "/xdg/", 1 },
		{ "/xdg//", 1 },
	};
	char	*value, *got, *want, *cause = NULL;
	size_t	 i, j;

	for (i = 0; i < nitems(kinds); i++) {
		for (j = 0; j < nitems(cases); j++) {
			value = NULL;
			if (cases[j].value == NULL)
				unsetenv(kinds[i].var);
			else if (cases[j].absolute) {
				value = xprintf("%s%s", tmpdir,
				    cases[j].value);
				setenv(kinds[i].var, value, 1);
			} else
				setenv(kinds[i].var, cases[j].value, 1);
			if (cases[j].absolute)
				want = tmp("xdg/reel");
			else
				want = xprintf("%s/home/%s/reel", tmpdir,
				    kinds[i].home);
			got = paths_dir(kinds[i].kind, &cause);
			assert_non_null(got);
			assert_string_equal(got, want);
			free(got);
			free(want);
			free(value);
		}
		unsetenv(kinds[i].var);
	}
	/* paths_dir() creates nothing. */
	got = tmp("home/.config");
	assert_int_equal(access(got, F_OK), -1);
	free(got);
}

/* Without an absolute HOME there is no default: a message naming both
 * variables; an absolute XDG variable needs no HOME. */
static void
test_no_home(void **state)
{
	static const char *const homes[] = { NULL, "", "home" };
	char	*got, *cause, *xdg;
	size_t	 i, j;

	for (j = 0; j < nitems(homes); j++) {
		if (homes[j] == NULL)
			unsetenv("HOME");
		else
			setenv("HOME", homes[j], 1);
		for (i = 0; i < nitems(kinds); i++) {
			cause = NULL;
			assert_null(paths_dir(kinds[i].kind, &cause));
			assert_non_null(cause);
			assert_non_null(strstr(cause, kinds[i].var));
			assert_non_null(strstr(cause, "HOME"));
			free(cause);
			cause = NULL;
			assert_null(paths_make(kinds[i].kind, &cause));
			free(cause);
			cause = NULL;
			assert_null(paths_file(kinds[i].kind, "x", &cause));
			free(cause);

			xdg = tmp("xdg");
			setenv(kinds[i].var, xdg, 1);
			got = paths_dir(kinds[i].kind, &cause);
			assert_non_null(got);
			assert_string_equal(got + strlen(xdg), "/reel");
			free(got);
			free(xdg);
			unsetenv(kinds[i].var);
		}
	}
}

static void
assert_mode(const char *rest, mode_t want)
{
	struct stat	 st;
	char		*path = tmp(rest);

	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 07777, want);
	free(path);
}

/* Every directory made is 0700 whatever the umask, parents too; HOME
 * itself (0755) is left as it is. */
static void
test_make_modes(void **state)
{
	static const mode_t	umasks[] = { 022, 077, 0277, 0 };
	char			*got, *cause = NULL, *want, *sub;
	mode_t			 old;
	size_t			 i, j;

	for (j = 0; j < nitems(umasks); j++) {
		old = umask(umasks[j]);
		for (i = 0; i < nitems(kinds); i++) {
			got = paths_make(kinds[i].kind, &cause);
			umask(old);
			assert_non_null(got);
			want = xprintf("%s/home/%s/reel", tmpdir,
			    kinds[i].home);
			assert_string_equal(got, want);
			free(want);
			free(got);
			sub = xprintf("home/%s/reel", kinds[i].home);
			assert_mode(sub, 0700);
			free(sub);
			old = umask(umasks[j]);
		}
		umask(old);
		assert_mode("home/.config", 0700);
		assert_mode("home/.local", 0700);
		assert_mode("home/.local/share", 0700);
		assert_mode("home/.local/state", 0700);
		assert_mode("home/.cache", 0700);
		assert_mode("home", 0755);
		/* Again from nothing under the next umask. */
		teardown(state);
		setup(state);
	}
}

/* An existing directory keeps its mode; paths_file() joins the name. */
static void
test_existing_and_file(void **state)
{
	char	*xdg, *dir, *got, *cause = NULL, *want;

	xdg = tmp("data");
	dir = tmp("data/reel");
	assert_int_equal(mkdir(xdg, 0751), 0);
	assert_int_equal(mkdir(dir, 0755), 0);
	assert_int_equal(chmod(dir, 0755), 0);
	setenv("XDG_DATA_HOME", xdg, 1);
	got = paths_file(PATHS_DATA, "library.db", &cause);
	assert_non_null(got);
	want = tmp("data/reel/library.db");
	assert_string_equal(got, want);
	free(want);
	free(got);
	assert_mode("data", 0751);
	assert_mode("data/reel", 0755);
	/* The file itself is not made. */
	want = tmp("data/reel/library.db");
	assert_int_equal(access(want, F_OK), -1);
	free(want);
	free(dir);
	free(xdg);
	unsetenv("XDG_DATA_HOME");
}

/* A file where a directory should be: an error naming that file. */
static void
test_file_in_the_way(void **state)
{
	static const char *const ways[] = { "cache", "cache/reel" };
	char	*xdg, *way, *cause;
	FILE	*f;
	size_t	 i;

	xdg = tmp("cache");
	for (i = 0; i < nitems(ways); i++) {
		if (i > 0)
			assert_int_equal(mkdir(xdg, 0700), 0);
		way = tmp(ways[i]);
		assert_non_null(f = fopen(way, "w"));
		fclose(f);
		setenv("XDG_CACHE_HOME", xdg, 1);
		cause = NULL;
		assert_null(paths_make(PATHS_CACHE, &cause));
		assert_non_null(cause);
		assert_true(strncmp(cause, way, strlen(way)) == 0);
		assert_non_null(strstr(cause, "Not a directory"));
		free(cause);
		cause = NULL;
		assert_null(paths_file(PATHS_CACHE, "x", &cause));
		assert_non_null(strstr(cause, way));
		free(cause);
		assert_int_equal(unlink(way), 0);
		free(way);
	}
	assert_int_equal(rmdir(xdg), 0);
	free(xdg);
	unsetenv("XDG_CACHE_HOME");
}

/* A parent the directory cannot be made in: the error names it. */
static void
test_unmakeable(void **state)
{
	char	*cause = NULL;

	setenv("XDG_STATE_HOME", "/proc/self/reel-test", 1);
	assert_null(paths_make(PATHS_STATE, &cause));
	assert_non_null(cause);
	assert_true(strncmp(cause, "/proc/self/reel-test", 20) == 0);
	free(cause);
	unsetenv("XDG_STATE_HOME");
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test_setup_teardown(test_dir_rules, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_no_home, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_make_modes, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_existing_and_file, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_file_in_the_way, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unmakeable, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
