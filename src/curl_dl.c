/* curl_dl.c: libcurl opened with dlopen() on the first URL and its
 * functions resolved into one table, as systemd loads its optional
 * libraries; reel is not linked with -lcurl. */
#include <config.h>

#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

#include "curl_dl.h"
#include "gettext.h"
#include "util.h"

struct curl_dl curl_dl;

_Static_assert(sizeof(void *) == sizeof curl_dl.easy_init,
    "dlsym() results are copied into function pointers");

/* The library stays open until the process ends: libcurl and OpenSSL
 * register handlers at exit that must find their code mapped. */
static void *curl_dl_handle;

/* Each member of the table and the symbol that fills it. */
static const struct curl_dl_sym {
	const char	*name;
	size_t		 off;
} curl_dl_syms[] = {
#define SYM(m)	{ "curl_" #m, offsetof(struct curl_dl, m) }
	SYM(global_init),
	SYM(global_cleanup),
	SYM(easy_init),
	SYM(easy_cleanup),
	SYM(easy_setopt),
	SYM(easy_getinfo),
	SYM(easy_perform),
	SYM(easy_header),
	SYM(easy_strerror),
	SYM(slist_append),
	SYM(slist_free_all),
	SYM(multi_init),
	SYM(multi_cleanup),
	SYM(multi_setopt),
	SYM(multi_add_handle),
	SYM(multi_remove_handle),
	SYM(multi_perform),
	SYM(multi_poll),
	SYM(multi_info_read),
	SYM(multi_strerror),
#undef SYM
};

/* Loads name and fills the table. */
int
curl_dl_load_name(const char *name, char **cause)
{
	struct curl_dl	 t;
	const char	*err;
	void		*h, *f;
	size_t		 i;

	if (curl_dl_handle != NULL)
		return 0;
	if ((h = dlopen(name, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		err = dlerror();
		/* TRANSLATORS: %s is a library's file name, then dlerror()'s
		 * words; libcurl4 is the name of a Debian package. */
		*cause = xprintf(_("cannot load libcurl (%s): %s; install "
		    "libcurl4"), name, err != NULL ? err : _("not found"));
		return -1;
	}
	memset(&t, 0, sizeof t);
	for (i = 0; i < sizeof curl_dl_syms / sizeof curl_dl_syms[0]; i++) {
		(void)dlerror();
		if ((f = dlsym(h, curl_dl_syms[i].name)) == NULL) {
			/* TRANSLATORS: a library's file name, then the
			 * function it lacks. */
			*cause = xprintf(_("cannot load libcurl (%s): no "
			    "function %s (libcurl 7.85 or later is needed)"),
			    name, curl_dl_syms[i].name);
			(void)dlclose(h);
			return -1;
		}
		/* POSIX guarantees a data pointer from dlsym() converts to
		 * a function pointer; memcpy says so without a cast. */
		memcpy((char *)&t + curl_dl_syms[i].off, &f, sizeof f);
	}
	curl_dl = t;
	curl_dl_handle = h;
	return 0;
}

/* Loads libcurl by its soname. */
int
curl_dl_load(char **cause)
{
	return curl_dl_load_name(CURL_DL_SONAME, cause);
}

/* Whether curl_dl_load() has succeeded. */
int
curl_dl_loaded(void)
{
	return curl_dl_handle != NULL;
}
