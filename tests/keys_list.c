/* keys_list.c: prints every key of the live key table as the manual
 * spells it, one "key<TAB>action" line each, for man.test; with
 * "actions" or "contexts", every action's or context's name. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "keys.h"
#include "util.h"

int
main(int argc, char **argv)
{
	char	name[16];
	int	keys[64], a;
	size_t	i, n;

	if (argc > 1 && strcmp(argv[1], "actions") == 0) {
		for (a = 0; a < ACTION_COUNT; a++)
			puts(keys_action_name((enum action)a));
	} else if (argc > 1 && strcmp(argv[1], "contexts") == 0) {
		for (a = 0; a < KEYS_NCONTEXTS; a++)
			puts(keys_context_name((enum keys_context)a));
	} else for (a = 1; a < ACTION_COUNT; a++) {
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
