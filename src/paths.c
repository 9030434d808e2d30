/* paths.c: where reel keeps its files, under the XDG Base Directory rules,
 * and the making of those directories (mode 0700, parents too). */
#include <config.h>

#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "util.h"

#define PATHS_NAME	"reel"

/* Each kind: its variable, the default under $HOME, and what to say when
 * neither gives an absolute path. */
static const struct paths_base {
	const char	*var;
	const char	*home;
	const char	*none;
} paths_bases[] = {
	[PATHS_CONFIG] = { "XDG_CONFIG_HOME", ".config",
	    N_("no place for the configuration: neither XDG_CONFIG_HOME nor "
	    "HOME is an absolute path") },
	[PATHS_DATA] = { "XDG_DATA_HOME", ".local/share",
	    N_("no place for the library: neither XDG_DATA_HOME nor HOME is "
	    "an absolute path") },
	[PATHS_STATE] = { "XDG_STATE_HOME", ".local/state",
	    N_("no place for the state files: neither XDG_STATE_HOME nor "
	    "HOME is an absolute path") },
	[PATHS_CACHE] = { "XDG_CACHE_HOME", ".cache",
	    N_("no place for the cache: neither XDG_CACHE_HOME nor HOME is "
	    "an absolute path") },
};

/* Returns the variable's value if it is an absolute path, else NULL: the
 * specification tells to ignore a relative one, and an empty one is as if
 * unset. */
static const char *
paths_absolute(const char *var)
{
	const char	*v = getenv(var);

	if (v == NULL || *v != '/')
		return NULL;
	return v;
}

/* Joins dir and the rest, with one '/' between whatever slashes dir
 * ends with. */
static char *
paths_join(const char *dir, const char *rest)
{
	size_t	len = strlen(dir);

	while (len > 0 && dir[len - 1] == '/')
		len--;
	return xprintf("%.*s/%s", (int)len, dir, rest);
}

char *
paths_dir(enum paths_kind kind, char **cause)
{
	const struct paths_base	*b = &paths_bases[kind];
	const char		*v, *home;
	char			*rest, *dir;

	if ((v = paths_absolute(b->var)) != NULL)
		return paths_join(v, PATHS_NAME);
	if ((home = paths_absolute("HOME")) == NULL) {
		*cause = xstrdup(_(b->none));
		return NULL;
	}
	rest = xprintf("%s/%s", b->home, PATHS_NAME);
	dir = paths_join(home, rest);
	free(rest);
	return dir;
}

/* Makes dir and its missing parents, each new one 0700 whatever the
 * umask; an existing directory is left as it is. */
static int
paths_mkdirs(const char *dir, char **cause)
{
	struct stat	 st;
	char		*p, *slash;
	int		 saved;

	p = xstrdup(dir);
	slash = p;
	for (;;) {
		slash = strchr(slash + 1, '/');
		if (slash != NULL) {
			if (slash[-1] == '/')
				continue;
			*slash = '\0';
		}
		if (mkdir(p, 0700) == 0) {
			if (chmod(p, 0700) != 0)
				goto fail;
		} else if (errno != EEXIST)
			goto fail;
		else if (stat(p, &st) != 0)
			goto fail;
		else if (!S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			goto fail;
		}
		if (slash == NULL)
			break;
		*slash = '/';
	}
	free(p);
	return 0;

fail:
	saved = errno;
	*cause = xprintf("%s: %s", p, strerror(saved));
	free(p);
	return -1;
}

char *
paths_make(enum paths_kind kind, char **cause)
{
	char	*dir;

	if ((dir = paths_dir(kind, cause)) == NULL)
		return NULL;
	if (paths_mkdirs(dir, cause) != 0) {
		free(dir);
		return NULL;
	}
	return dir;
}

char *
paths_file(enum paths_kind kind, const char *name, char **cause)
{
	char	*dir, *file;

	if ((dir = paths_make(kind, cause)) == NULL)
		return NULL;
	file = paths_join(dir, name);
	free(dir);
	return file;
}
