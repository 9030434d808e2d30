/* browser.h: opening a URL in the reader's $BROWSER, through fork and
 * execvp on an argument vector, never a shell. */
#ifndef REEL_BROWSER_H
#define REEL_BROWSER_H

/* Returns the argument vector of one $BROWSER alternative for url: its
 * words split on spaces, each "%s" replaced by url ("%%" is a '%'), or
 * url appended when there is no "%s". NULL for an empty alternative.
 * Free with browser_free(). */
char	**browser_argv(const char *, const char *);
/* Frees an argument vector of browser_argv() and its words; NULL is
 * fine. */
void	  browser_free(char **);
/* Runs the first alternative of browser (':'-separated, as the $BROWSER
 * convention has it) that starts, with url, and waits for it. Returns 0,
 * or -1 and a one-line message in *cause. */
int	  browser_open(const char *, const char *, char **);

#endif
