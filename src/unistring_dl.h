/* unistring_dl.h: libunistring loaded at run time, by the first search or
 * the first text that is not ASCII to lay out right to left or not, so
 * that a run that never needs Unicode's tables never maps them. */
#ifndef REEL_UNISTRING_DL_H
#define REEL_UNISTRING_DL_H

#include <unicase.h>
#include <unictype.h>
#include <uniname.h>
#include <uninorm.h>

/* The name unistring_dl_load() opens. */
#define UNISTRING_DL_SONAME	"libunistring.so.2"

/* The functions search.c and layout.c call, each with the type the
 * headers declare, and the addresses of the variables they read (a
 * general category, a normalisation form). Filled by unistring_dl_load();
 * every member is NULL before. */
struct unistring_dl {
	__typeof__(u8_casefold)			*u8_casefold;
	__typeof__(u8_normalize)		*u8_normalize;
	__typeof__(uc_bidi_category)		*bidi_category;
	__typeof__(uc_mirror_char)		*mirror_char;
	__typeof__(uc_tolower)			*tolower;
	__typeof__(uc_is_general_category)	*is_general_category;
	__typeof__(unicode_character_name)	*character_name;
	const uc_general_category_t		*cat_m;
	const uc_general_category_t		*cat_pd;
	const uc_general_category_t		*cat_pf;
	const uc_general_category_t		*cat_pi;
	const uc_general_category_t		*cat_ps;
	uninorm_t				 nfkd;
};

/* The table: use it (unistring_dl.tolower()) only after
 * unistring_dl_need() or unistring_dl_load(). */
extern struct unistring_dl unistring_dl;

/* Loads UNISTRING_DL_SONAME and fills the table, once. Returns 0, or -1
 * and an allocated one-line message in *cause naming the library and
 * what was wrong. */
int	unistring_dl_load(char **);
/* unistring_dl_load() with another library name: for the tests. */
int	unistring_dl_load_name(const char *, char **);
/* Whether the table is filled. */
int	unistring_dl_loaded(void);
/* Loads the library or ends reel with that message (fatal()): for
 * callers with no error to return. */
void	unistring_dl_need(void);

#endif
