/* gettext.h: the translation macros. */
#ifndef REEL_GETTEXT_H
#define REEL_GETTEXT_H

#include <config.h>

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#define ngettext_(s, p, n) ngettext(s, p, n)
#else
#define _(s) (s)
#define ngettext_(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

#endif
