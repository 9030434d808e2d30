/* browser.c: $BROWSER, split as its convention says and run without a
 * shell: no character of a URL is ever interpreted by anything but the
 * browser. */
#include <config.h>

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "browser.h"
#include "buf.h"
#include "util.h"

/* One word with "%s" and "%%" replaced; *used is set if it had "%s". */
static char *
browser_word(const char *w, size_t len, const char *url, int *used)
{
	struct buf	b = BUF_INIT;
	size_t		i;

	for (i = 0; i < len; i++) {
		if (w[i] == '%' && i + 1 < len && w[i + 1] == 's') {
			buf_adds(&b, url);
			*used = 1;
			i++;
		} else if (w[i] == '%' && i + 1 < len && w[i + 1] == '%') {
			buf_addc(&b, '%');
			i++;
		} else
			buf_addc(&b, w[i]);
	}
	return buf_detach(&b, NULL);
}

char **
browser_argv(const char *alt, const char *url)
{
	char		**argv = NULL;
	const char	 *p = alt, *end;
	size_t		  n = 0;
	int		  used = 0;

	for (;;) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		end = p + strcspn(p, " ");
		argv = xreallocarray(argv, n + 2, sizeof *argv);
		argv[n++] = browser_word(p, (size_t)(end - p), url, &used);
		p = end;
	}
	if (n == 0)
		return NULL;
	if (!used) {
		argv = xreallocarray(argv, n + 2, sizeof *argv);
		argv[n++] = xstrdup(url);
	}
	argv[n] = NULL;
	return argv;
}

void
browser_free(char **argv)
{
	size_t	i;

	if (argv == NULL)
		return;
	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}

/* Runs argv and waits. Returns 0 when it ran and exited 0, 1 when it
 * could not start (the next alternative may), -1 on any other failure;
 * a message in *cause for 1 and -1. */
static int
browser_run(char **argv, char **cause)
{
	pid_t	pid;
	int	fds[2], status, err = 0;
	ssize_t	n;

	/* The child reports a failed execvp through a pipe that a
	 * successful one closes. */
	if (pipe2(fds, O_CLOEXEC) == -1) {
		*cause = xprintf("%s: %s", argv[0], strerror(errno));
		return -1;
	}
	if ((pid = fork()) == -1) {
		*cause = xprintf("%s: %s", argv[0], strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		execvp(argv[0], argv);
		err = errno;
		n = write(fds[1], &err, sizeof err);
		(void)n;
		/* The child's copy: freed only to keep leak checkers quiet. */
		browser_free(argv);
		_exit(127);
	}
	close(fds[1]);
	do
		n = read(fds[0], &err, sizeof err);
	while (n == -1 && errno == EINTR);
	close(fds[0]);
	while (waitpid(pid, &status, 0) == -1) {
		if (errno != EINTR) {
			*cause = xprintf("%s: %s", argv[0], strerror(errno));
			return -1;
		}
	}
	if (n == (ssize_t)sizeof err) {
		*cause = xprintf("%s: %s", argv[0], strerror(err));
		return 1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status))
		/* TRANSLATORS: the browser program, then its exit
		 * status. */
		*cause = xprintf(_("%s exited with status %d"), argv[0],
		    WEXITSTATUS(status));
	else
		*cause = xprintf(_("%s was killed by signal %d"), argv[0],
		    WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return -1;
}

int
browser_open(const char *browser, const char *url, char **cause)
{
	char		**argv, *alt, *why = NULL;
	const char	 *p = browser, *end;
	int		  rc;

	if (*url == '-') {
		/* A browser would take it for an option. */
		*cause = xprintf(_("%s: not opening what looks like an "
		    "option"), url);
		return -1;
	}
	for (;;) {
		end = p + strcspn(p, ":");
		alt = xstrndup(p, (size_t)(end - p));
		argv = browser_argv(alt, url);
		free(alt);
		if (argv != NULL) {
			free(why);
			why = NULL;
			rc = browser_run(argv, &why);
			browser_free(argv);
			if (rc <= 0) {
				if (rc < 0)
					*cause = why;
				return rc;
			}
		}
		if (*end == '\0')
			break;
		p = end + 1;
	}
	if (why == NULL)
		why = xstrdup(_("BROWSER names no program"));
	*cause = why;
	return -1;
}
