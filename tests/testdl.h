/* testdl.h: what the tests of the dlopen() modules share. */
#ifndef REEL_TESTDL_H
#define REEL_TESTDL_H

#include <stddef.h>

/* Whether a file whose name holds what is mapped into this process. */
int	testdl_mapped(const char *);
/* Whether each of the n pointers of the table at t (n * sizeof(void *)
 * bytes) is set; all: every one, else none. */
int	testdl_filled(const void *, size_t, int);

/* A dlopen() module as its test sees it. */
struct testdl_mod {
	const char	*mapped;	/* "/libzstd": in /proc/self/maps */
	int		(*loaded)(void);
	int		(*load)(char **);
	int		(*load_name)(const char *, char **);
	const void	*table;
	size_t		 size;
};

/* The steps every module's test takes, in this order in one process (a
 * load is once a process): cmocka tests whose state is the module. */
/* reel links nothing of it: before a load it is not mapped. */
void	testdl_not_mapped_before(void **);
/* A missing library is one line naming it; the table stays empty. */
void	testdl_missing_library(void **);
/* A library that is there but is not this one: the table stays empty. */
void	testdl_missing_function(void **);
/* The load fills the whole table and maps the library; a second load
 * is the first one. */
void	testdl_load(void **);

#endif
