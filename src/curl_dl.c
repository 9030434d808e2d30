/* curl_dl.c: libcurl opened with dlopen() on the first URL and its
 * functions resolved into one table (dl.c); reel is not linked with
 * -lcurl. */
#include <config.h>

#include <stddef.h>

#include "curl_dl.h"
#include "dl.h"
#include "util.h"

struct curl_dl curl_dl;

static const struct dl_sym curl_dl_syms[] = {
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

/* The oldest libcurl configure accepts. */
static struct dl_lib curl_dl_lib = {
	CURL_DL_SONAME, "libcurl4", "libcurl 7.85",
	curl_dl_syms, nitems(curl_dl_syms), &curl_dl, sizeof curl_dl, NULL
};

/* Loads name and fills the table. */
int
curl_dl_load_name(const char *name, char **cause)
{
	return dl_load(&curl_dl_lib, name, cause);
}

/* Loads libcurl by its soname. */
int
curl_dl_load(char **cause)
{
	return dl_load(&curl_dl_lib, NULL, cause);
}

/* Whether curl_dl_load() has succeeded. */
int
curl_dl_loaded(void)
{
	return curl_dl_lib.handle != NULL;
}
