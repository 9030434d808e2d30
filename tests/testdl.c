/* testdl.c: what the tests of the dlopen() modules share. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testdl.h"

int
testdl_mapped(const char *what)
{
	FILE	*f;
	char	 line[4096];
	int	 found = 0;

	if ((f = fopen("/proc/self/maps", "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (strstr(line, what) != NULL)
			found = 1;
	fclose(f);
	return found;
}

int
testdl_filled(const void *t, size_t size, int all)
{
	void	*p;
	size_t	 i;

	for (i = 0; i + sizeof p <= size; i += sizeof p) {
		memcpy(&p, (const char *)t + i, sizeof p);
		if ((p != NULL) != (all != 0))
			return 0;
	}
	return 1;
}

void
testdl_not_mapped_before(void **state)
{
	const struct testdl_mod	*m = *state;

	assert_false(m->loaded());
	assert_int_equal(testdl_mapped(m->mapped), 0);
	assert_true(testdl_filled(m->table, m->size, 0));
}

void
testdl_missing_library(void **state)
{
	const struct testdl_mod	*m = *state;
	char			*cause = NULL;

	assert_int_equal(m->load_name("libreel-no-such-library.so.0",
	    &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "libreel-no-such-library.so.0"));
	assert_null(strchr(cause, '\n'));
	free(cause);
	assert_false(m->loaded());
	assert_true(testdl_filled(m->table, m->size, 0));
}

void
testdl_missing_function(void **state)
{
	const struct testdl_mod	*m = *state;
	char			*cause = NULL;

	assert_int_equal(m->load_name("libc.so.6", &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "libc.so.6"));
	free(cause);
	assert_false(m->loaded());
	assert_true(testdl_filled(m->table, m->size, 0));
}

void
testdl_load(void **state)
{
	const struct testdl_mod	*m = *state;
	char			*cause = NULL;

	assert_int_equal(m->load(&cause), 0);
	assert_null(cause);
	assert_true(m->loaded());
	assert_int_equal(testdl_mapped(m->mapped), 1);
	assert_true(testdl_filled(m->table, m->size, 1));
	assert_int_equal(m->load(&cause), 0);
	assert_null(cause);
}
