/* conf.h: the configuration file ($XDG_CONFIG_HOME/reel/config): `set`,
 * `bind`, `unbind`, `color` and `include` lines read into the settings
 * and the key table, under the environment and the command line. */
#ifndef REEL_CONF_H
#define REEL_CONF_H

#include <stddef.h>

struct fetch_opts;

/* The deepest nesting of include lines. */
#define CONF_MAX_DEPTH	16

/* Reads path instead of $XDG_CONFIG_HOME/reel/config from now on (NULL:
 * that one again); a copy is kept. */
void	 conf_set_file(const char *);
/* Adds a command-line setting ("width=72", -o) that every later
 * conf_load() applies over the file and the environment. Returns 0, or
 * -1 and *cause (allocated) when the name or the value is wrong. */
int	 conf_option(const char *, char **);
/* Forgets the file and the options given. */
void	 conf_free(void);

/* Puts the defaults back, then reads the file (a missing default file is
 * no error), then the environment (BROWSER), then the options. A bad
 * line is skipped and the rest applies. Returns the number of errors;
 * *errors (the caller frees it; NULL when there are none) holds one line
 * each, "FILE:LINE: what was wrong", newline-terminated. */
size_t	 conf_load(char **);
/* Returns the number of errors of the last conf_load(), and its first
 * error's line in *first (owned here, until the next load). */
size_t	 conf_errors(const char **);
/* Returns the last load's errors as one line for a status line (how
 * many, and the first), allocated; NULL when there were none. */
char	*conf_errors_line(void);
/* Reads text as if it were a file named name, over what is in force
 * (include lines are relative to the working directory). Returns and
 * sets *errors as conf_load() does. */
size_t	 conf_parse(const char *, const char *, char **);

/* The whole configuration in force, settings, colours and key table, as
 * lines that conf_parse() reads back as the same; the caller frees it. */
char	*conf_dump(void);
/* The key table alone, the same way. */
char	*conf_keys(void);

/* Fills o with the fetch limits of the settings (the rest as
 * fetch_opts_default() has it). */
void	 conf_fetch_opts(struct fetch_opts *);

#endif
