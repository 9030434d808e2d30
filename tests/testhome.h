/* testhome.h: a home of a test's own: a temporary directory that HOME and
 * every XDG base directory point into, so that no test touches the real
 * home or another test's library. */
#ifndef REEL_TESTHOME_H
#define REEL_TESTHOME_H

/* Makes /tmp/reel-test-NAME.XXXXXX with home, config, data, state and
 * cache directories inside (0700), points HOME and XDG_CONFIG_HOME,
 * XDG_DATA_HOME, XDG_STATE_HOME and XDG_CACHE_HOME at them, and unsets
 * the proxy variables so that the tests' servers on 127.0.0.1 are reached
 * directly. Returns the directory's path (owned here), or NULL and errno
 * when it cannot be made. One at a time. */
const char	*testhome_enter(const char *);
/* Returns the path of name inside the directory; the caller frees it. */
char		*testhome_path(const char *);
/* Removes the directory and all under it. Returns 0, or -1 if something
 * could not be removed. */
int		 testhome_leave(void);

#endif
