/* paths.h: reel's directories under the XDG Base Directory rules. */
#ifndef REEL_PATHS_H
#define REEL_PATHS_H

enum paths_kind {
	PATHS_CONFIG,	/* $XDG_CONFIG_HOME/reel, else ~/.config/reel */
	PATHS_DATA,	/* $XDG_DATA_HOME/reel, else ~/.local/share/reel */
	PATHS_STATE,	/* $XDG_STATE_HOME/reel, else ~/.local/state/reel */
	PATHS_CACHE,	/* $XDG_CACHE_HOME/reel, else ~/.cache/reel */
};

/* Returns reel's directory of that kind, allocated: the variable when it
 * is set to an absolute path, else the default under $HOME (unset, empty
 * or relative values are ignored, as the specification asks). Returns
 * NULL and a message in *cause when there is no absolute $HOME to fall
 * back on. Creates nothing. */
char	*paths_dir(enum paths_kind, char **);
/* paths_dir(), then creates the directory and any missing parents, each
 * new one with mode 0700. Returns NULL and a message naming the directory
 * in *cause if it cannot be made. */
char	*paths_make(enum paths_kind, char **);
/* paths_make() joined with name ("library.db"); allocated, or NULL and
 * *cause. */
char	*paths_file(enum paths_kind, const char *, char **);

#endif
