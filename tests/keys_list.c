/* keys_list.c: prints every key of the live key table as the manual
 * spells it, one "key<TAB>action" line each, for man.test. */
#include <config.h>

#include <stdio.h>

#include "keys.h"
#include "util.h"

int
main(void)
{
	char	name[16];
	int	keys[64], a;
	size_t	i, n;

	for (a = 1; a < ACTION_COUNT; a++) {
		n = keys_bound((enum action)a, keys, nitems(keys));
		if (n > nitems(keys))
			fatal("%s: more than %zu keys", keys_action_name(
			    (enum action)a), nitems(keys));
		for (i = 0; i < n; i++)
			printf("%s\t%s\n", keys_name(keys[i], name),
			    keys_action_name((enum action)a));
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		fatal("standard output: write error");
	return 0;
}
