/* replay.c: runs a fuzz target's LLVMFuzzerTestOneInput() on the files
 * named, outside libFuzzer, so that each finding kept under
 * tests/fixtures/fuzz stays a regression test (tests/fuzz-regress.test)
 * in every build. A target that finds its invariant broken aborts. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
main(int argc, char **argv)
{
	char	*data, *cause = NULL;
	size_t	 len;
	int	 i;

	for (i = 1; i < argc; i++) {
		if (read_file(argv[i], SIZE_MAX, &data, &len, &cause) != 0) {
			fprintf(stderr, "%s\n", cause);
			free(cause);
			return 1;
		}
		LLVMFuzzerTestOneInput((const uint8_t *)data, len);
		free(data);
		printf("%s: ok\n", argv[i]);
	}
	return 0;
}
