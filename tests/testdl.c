/* testdl.c: what the tests of the dlopen() modules share. */
#include <config.h>

#include <stddef.h>
#include <stdio.h>
#include <string.h>

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
