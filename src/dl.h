/* dl.h: a shared library opened with dlopen() when a run first needs it
 * and its symbols resolved into a table, the loader that each library's
 * own module (curl_dl.c, sqlite_dl.c, ...) describes its library to. */
#ifndef REEL_DL_H
#define REEL_DL_H

#include <stddef.h>

/* One member of a module's table and the symbol that fills it: the
 * address of a function, or of a variable the library exports. */
struct dl_sym {
	const char	*name;
	size_t		 off;
};

/* A library as its module describes it; handle is NULL until loaded. */
struct dl_lib {
	const char		*soname;	/* "libsqlite3.so.0" */
	const char		*package;	/* the Debian package */
	const char		*version;	/* "SQLite 3.31": the oldest */
	const struct dl_sym	*syms;
	size_t			 nsyms;
	void			*table;		/* every member a pointer */
	size_t			 size;
	void			*handle;
};

/* Opens file (lib->soname when NULL) and fills lib->table, once: later
 * calls return 0 at once. Returns 0, or -1 and an allocated one-line
 * message in *cause naming the library and what was wrong (the table is
 * left as it was, all NULL). The library stays open until the process
 * ends: libraries register handlers at exit that must find their code. */
int	dl_load(struct dl_lib *, const char *, char **);
/* dl_load() of lib->soname for a caller with no way to report an error:
 * a library that cannot be loaded is an incomplete installation, and
 * fatal() says which. */
void	dl_need(struct dl_lib *);

#endif
