/* util.h: fatal errors, checked allocation, small string helpers and the
 * exit statuses every command shares. */
#ifndef REEL_UTIL_H
#define REEL_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#include "gettext.h"

/* Exit statuses, listed in reel(1) EXIT STATUS. */
enum reel_exit {
	REEL_EXIT_OK = 0,
	REEL_EXIT_FAILURE = 1,	/* local trouble: unreadable file, bad data */
	REEL_EXIT_USAGE = 2,	/* bad command line */
	REEL_EXIT_NETWORK = 3,	/* DNS, connection, TLS, timeout */
	REEL_EXIT_HTTP = 4,	/* HTTP error status, redirect loop */
	REEL_EXIT_CONTENT = 5,	/* too large, not HTML, unsupported scheme */
};

#define nitems(a) (sizeof (a) / sizeof (a)[0])

/* Prints "reel: message" and exits: for what nothing can recover from. */
void	fatal(const char *, ...)
	    __attribute__((noreturn, format(printf, 1, 2)));
/* Sets a function fatal() calls first, before it prints and exits (the
 * pager's: it gives the terminal back); NULL for none. */
void	util_set_fatal_hook(void (*)(void));
/* Prints "reel: message" to standard error and goes on. */
void	warnx_(const char *, ...) __attribute__((format(printf, 1, 2)));

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* Returns a newly allocated formatted string; the caller frees it. */
char	*xprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/* Reads a whole file (or standard input for "-") into a newly allocated,
 * NUL-terminated buffer of at most max bytes. Returns 0, or -1 and a
 * message in *cause naming the file. */
int	 read_file(const char *, size_t, char **, size_t *, char **);

/* Returns non-zero if the len bytes at s are valid UTF-8. */
int	 utf8_valid(const char *, size_t);
/* Decodes one UTF-8 sequence at s (at most len bytes). Returns its length
 * and stores the code point in *cp, or returns 0 for an invalid sequence. */
size_t	 utf8_decode(const char *, size_t, unsigned int *);
/* Encodes cp as UTF-8 into out (at least 4 bytes). Returns the length. */
size_t	 utf8_encode(unsigned int, char *);

/* Decodes one code point at s (at most len > 0 bytes), as text is read:
 * an invalid sequence gives U+FFFD for its first byte. Returns the bytes
 * used (1 to 4). */
size_t	 utf8_next(const char *, size_t, unsigned int *);

/* Case-insensitive ASCII prefix test of NUL-terminated strings. */
int	 strprefix_ci(const char *, const char *);
/* Does the n bytes at p start with word (ASCII, lower case), ASCII case
 * ignored? */
int	 ascii_prefix_ci(const char *, size_t, const char *);
/* ASCII case folding and letters, whatever the locale says. */
int	 ascii_lower(int);
int	 ascii_isalpha(int);

#endif
