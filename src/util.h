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

/* Checked allocation: each returns memory the caller frees (never NULL;
 * a size of 0 is taken as 1), or calls fatal() when there is none. */
void	*xmalloc(size_t);
/* Zeroed; n * size is checked for overflow. */
void	*xcalloc(size_t, size_t);
/* Resizes p (NULL for a new block); the old pointer is then invalid. */
void	*xrealloc(void *, size_t);
/* xrealloc() of n elements of size, n * size checked for overflow. */
void	*xreallocarray(void *, size_t, size_t);
/* Makes room for at least need elements of size in the array p whose
 * capacity *cap counts (doubling, from at least 16), and returns the array
 * (p itself when it already fits); fatal() on overflow. The grow-array
 * idiom in one place: v = xgrowarray(v, &cap, n + 1, sizeof *v). */
void	*xgrowarray(void *, size_t *, size_t, size_t);
/* Returns a copy of s; of at most n bytes of s, NUL-terminated. */
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* Returns a newly allocated formatted string; the caller frees it. */
char	*xprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
/* xprintf() with a va_list, which it uses up. */
char	*xvprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/* Reads a whole file (or standard input for "-") into a newly allocated,
 * NUL-terminated buffer of at most max bytes; only a regular file is
 * read, never a FIFO, a device or a directory. Returns 0, or -1 and a
 * message in *cause naming the file ("standard input" for "-"). */
int	 read_file(const char *, size_t, char **, size_t *, char **);
/* read_file() that calls tick(arg, bytes so far, the file's size or 0)
 * between reads and at least every tenth of a second while input is
 * awaited, signals or not; a non-zero return stops it with "NAME:
 * cancelled". tick may be NULL. Returns an enum reel_exit status: 0,
 * REEL_EXIT_CONTENT when larger than max, else REEL_EXIT_FAILURE. */
int	 read_file_progress(const char *, size_t,
	    int (*)(void *, size_t, size_t), void *, char **, size_t *,
	    char **);

/* Returns non-zero if the len bytes at s are valid UTF-8. */
int	 utf8_valid(const char *, size_t);
/* Decodes one UTF-8 sequence at s (at most len bytes). Returns its length
 * and stores the code point in *cp, or returns 0 for an invalid sequence. */
size_t	 utf8_decode(const char *, size_t, unsigned int *);
/* Encodes cp as UTF-8 into out (at least 4 bytes). Returns the length. */
size_t	 utf8_encode(unsigned int, char *);

/* Decodes one code point at s (at most len > 0 bytes), as text is read:
 * an invalid sequence gives U+FFFD for its first byte. Returns the bytes
 * used (1 to 4). Inline: it is in the inner loop of every text pass. */
static inline size_t
utf8_next(const char *s, size_t len, unsigned int *cp)
{
	size_t	n;

	if ((unsigned char)*s < 0x80) {
		*cp = (unsigned char)*s;
		return 1;
	}
	if ((n = utf8_decode(s, len, cp)) == 0) {
		*cp = 0xfffd;
		n = 1;
	}
	return n;
}

/* Case-insensitive ASCII prefix test of NUL-terminated strings. */
int	 strprefix_ci(const char *, const char *);
/* Does the n bytes at p start with word (ASCII, lower case), ASCII case
 * ignored? */
int	 ascii_prefix_ci(const char *, size_t, const char *);
/* ASCII case folding and letters, whatever the locale says. */
static inline int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static inline int
ascii_isalpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

#endif
