/* testhome.c: a temporary home for each test program. */
#include <config.h>

#include <sys/stat.h>

#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testhome.h"
#include "util.h"

static char	testhome_dir[PATH_MAX];

static const struct {
	const char	*var;
	const char	*sub;
} testhome_vars[] = {
	{ "HOME", "home" },
	{ "XDG_CONFIG_HOME", "config" },
	{ "XDG_DATA_HOME", "data" },
	{ "XDG_STATE_HOME", "state" },
	{ "XDG_CACHE_HOME", "cache" },
};

static const char *const testhome_proxies[] = {
	"http_proxy", "https_proxy", "all_proxy", "no_proxy",
	"HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY",
};

const char *
testhome_enter(const char *name)
{
	char	*p;
	size_t	 i;
	int	 n;

	n = snprintf(testhome_dir, sizeof testhome_dir,
	    "/tmp/reel-test-%s.XXXXXX", name);
	if (n < 0 || (size_t)n >= sizeof testhome_dir ||
	    mkdtemp(testhome_dir) == NULL)
		return NULL;
	for (i = 0; i < nitems(testhome_vars); i++) {
		p = testhome_path(testhome_vars[i].sub);
		if (mkdir(p, 0700) != 0 ||
		    setenv(testhome_vars[i].var, p, 1) != 0) {
			free(p);
			return NULL;
		}
		free(p);
	}
	for (i = 0; i < nitems(testhome_proxies); i++)
		unsetenv(testhome_proxies[i]);
	return testhome_dir;
}

char *
testhome_path(const char *name)
{
	return xprintf("%s/%s", testhome_dir, name);
}

static int
testhome_rm(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

int
testhome_leave(void)
{
	int	rc;

	if (testhome_dir[0] == '\0')
		return 0;
	rc = nftw(testhome_dir, testhome_rm, 16, FTW_DEPTH | FTW_PHYS);
	testhome_dir[0] = '\0';
	return rc == 0 ? 0 : -1;
}
