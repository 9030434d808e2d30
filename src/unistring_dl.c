/* unistring_dl.c: libunistring opened with dlopen() when a search or a
 * text that is not ASCII first needs it, its functions and variables
 * resolved into one table (dl.c); reel is not linked with -lunistring. */
#include <config.h>

#include <stddef.h>

#include "dl.h"
#include "unistring_dl.h"
#include "util.h"

struct unistring_dl unistring_dl;

static const struct dl_sym unistring_dl_syms[] = {
#define SYM(name, m)	{ name, offsetof(struct unistring_dl, m) }
	SYM("u8_casefold", u8_casefold),
	SYM("u8_normalize", u8_normalize),
	SYM("uc_bidi_category", bidi_category),
	SYM("uc_mirror_char", mirror_char),
	SYM("uc_tolower", tolower),
	SYM("uc_is_general_category", is_general_category),
	SYM("unicode_character_name", character_name),
	SYM("UC_CATEGORY_M", cat_m),
	SYM("UC_CATEGORY_Pd", cat_pd),
	SYM("UC_CATEGORY_Pf", cat_pf),
	SYM("UC_CATEGORY_Pi", cat_pi),
	SYM("UC_CATEGORY_Ps", cat_ps),
	SYM("uninorm_nfkd", nfkd),
#undef SYM
};

/* The libunistring reel is built and tested with (Debian 12's). */
static struct dl_lib unistring_dl_lib = {
	UNISTRING_DL_SONAME, "libunistring2", "libunistring 1.0",
	unistring_dl_syms, nitems(unistring_dl_syms), &unistring_dl,
	sizeof unistring_dl, NULL
};

int
unistring_dl_load_name(const char *name, char **cause)
{
	return dl_load(&unistring_dl_lib, name, cause);
}

int
unistring_dl_load(char **cause)
{
	return dl_load(&unistring_dl_lib, NULL, cause);
}

int
unistring_dl_loaded(void)
{
	return unistring_dl_lib.handle != NULL;
}

void
unistring_dl_need(void)
{
	dl_need(&unistring_dl_lib);
}
