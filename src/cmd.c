/* cmd.c: the library commands' shared steps. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "gettext.h"
#include "store.h"
#include "util.h"

int
cmd_open(struct store **sp)
{
	char	*cause = NULL;

	if (store_open(NULL, 0, sp, &cause) != 0)
		return cmd_fail(cause, -1);
	return 0;
}

int
cmd_fail(char *cause, int rc)
{
	warnx_("%s", cause);
	free(cause);
	return rc;
}

int
cmd_flush(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		warnx_(_("standard output: %s"), strerror(errno));
		return REEL_EXIT_FAILURE;
	}
	return REEL_EXIT_OK;
}
