/* testdl.h: what the tests of the dlopen() modules share. */
#ifndef REEL_TESTDL_H
#define REEL_TESTDL_H

/* Whether a file whose name holds what is mapped into this process. */
int	testdl_mapped(const char *);
/* Whether each of the n pointers of the table at t (n * sizeof(void *)
 * bytes) is set; all: every one, else none. */
int	testdl_filled(const void *, size_t, int);

#endif
