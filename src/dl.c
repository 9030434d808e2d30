/* dl.c: the loader shared by the modules of the libraries reel opens with
 * dlopen() (curl_dl.c, sqlite_dl.c, ...), as systemd loads its optional
 * libraries: a run maps only what it uses, and the dynamic loader's work
 * at start-up was most of what `reel dump` cost. */
#include <config.h>

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "dl.h"
#include "gettext.h"
#include "util.h"

_Static_assert(sizeof(void *) == sizeof(void (*)(void)),
    "dlsym() results are copied into function pointers");

int
dl_load(struct dl_lib *lib, const char *file, char **cause)
{
	const char	*err;
	void		*h, *p, *t;
	size_t		 i;

	if (lib->handle != NULL)
		return 0;
	if (file == NULL)
		file = lib->soname;
	if ((h = dlopen(file, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		err = dlerror();
		/* TRANSLATORS: a library's file name, dlerror()'s words (which
		 * may name the file again), then a Debian package. */
		*cause = xprintf(_("cannot load %s: %s; install the Debian "
		    "package %s"), file, err != NULL ? err : _("not found"),
		    lib->package);
		return -1;
	}
	t = xcalloc(1, lib->size);
	for (i = 0; i < lib->nsyms; i++) {
		(void)dlerror();
		if ((p = dlsym(h, lib->syms[i].name)) == NULL) {
			/* TRANSLATORS: a library's file name, the symbol it
			 * lacks, then a library and its oldest version that
			 * reel works with ("libcurl 7.85"). */
			*cause = xprintf(_("cannot load %s: it has no %s (%s "
			    "or later is needed)"), file, lib->syms[i].name,
			    lib->version);
			free(t);
			(void)dlclose(h);
			return -1;
		}
		/* POSIX guarantees a data pointer from dlsym() converts to
		 * a function pointer; memcpy says so without a cast. */
		memcpy((char *)t + lib->syms[i].off, &p, sizeof p);
	}
	memcpy(lib->table, t, lib->size);
	free(t);
	lib->handle = h;
	return 0;
}

void
dl_need(struct dl_lib *lib)
{
	char	*cause = NULL;

	if (lib->handle == NULL && dl_load(lib, NULL, &cause) != 0)
		fatal("%s", cause);
}
