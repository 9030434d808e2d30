/* util.c: fatal errors, checked allocation and small helpers. */
#include <config.h>

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "util.h"

#define READ_CHUNK	65536		/* first buffer for a pipe */
#define READ_TICK_MS	100		/* longest wait between progress calls */

/* Called once before fatal() prints: the pager restores the terminal. */
static void	(*util_fatal_hook)(void);

void
util_set_fatal_hook(void (*hook)(void))
{
	util_fatal_hook = hook;
}

static void	util_vwarn(const char *, va_list)
		    __attribute__((format(printf, 1, 0)));

/* Writes "reel: message" on standard error, after what stdout holds. */
static void
util_vwarn(const char *fmt, va_list ap)
{
	fflush(stdout);
	fputs("reel: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
fatal(const char *fmt, ...)
{
	void	(*hook)(void) = util_fatal_hook;
	va_list	ap;

	util_fatal_hook = NULL;
	if (hook != NULL)
		hook();
	va_start(ap, fmt);
	util_vwarn(fmt, ap);
	va_end(ap);
	exit(REEL_EXIT_FAILURE);
}

void
warnx_(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	util_vwarn(fmt, ap);
	va_end(ap);
}

void *
xmalloc(size_t size)
{
	void	*p;

	if (size == 0)
		size = 1;
	if ((p = malloc(size)) == NULL)
		fatal(_("out of memory"));
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if (n == 0 || size == 0)
		n = size = 1;
	if ((p = calloc(n, size)) == NULL)
		fatal(_("out of memory"));
	return p;
}

void *
xrealloc(void *p, size_t size)
{
	if (size == 0)
		size = 1;
	if ((p = realloc(p, size)) == NULL)
		fatal(_("out of memory"));
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		fatal(_("out of memory"));
	return xrealloc(p, n * size);
}

void *
xgrowarray(void *p, size_t *cap, size_t need, size_t size)
{
	size_t	n;

	if (need <= *cap && p != NULL)
		return p;
	n = *cap < 16 ? 16 : *cap;
	while (n < need)
		n = n > SIZE_MAX / 2 ? need : n * 2;
	p = xreallocarray(p, n, size);
	*cap = n;
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	n = strnlen(s, n);
	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvprintf(const char *fmt, va_list ap)
{
	char	*s;

	if (vasprintf(&s, fmt, ap) == -1)
		fatal(_("out of memory"));
	return s;
}

char *
xprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvprintf(fmt, ap);
	va_end(ap);
	return s;
}

int
read_file(const char *path, size_t max, char **out, size_t *outlen,
    char **cause)
{
	if (read_file_progress(path, max, NULL, NULL, out, outlen,
	    cause) != 0)
		return -1;
	return 0;
}

/* Opens path for reading, or takes standard input for "-"; only a regular
 * file is opened: a FIFO or a device could keep the reader waiting for
 * ever (O_NONBLOCK lets even a FIFO without a writer open at once). */
static int
read_open(const char *path, const char *name, size_t *size, char **cause)
{
	struct stat	st;
	int		fd = STDIN_FILENO, saved;

	if (strcmp(path, "-") != 0 && (fd = open(path, O_RDONLY | O_CLOEXEC |
	    O_NONBLOCK | O_NOCTTY)) == -1) {
		*cause = xprintf("%s: %s", name, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		saved = errno;
		*cause = xprintf("%s: %s", name, strerror(saved));
		goto fail;
	}
	*size = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size :
	    0;
	if (fd == STDIN_FILENO || S_ISREG(st.st_mode))
		return fd;
	if (S_ISDIR(st.st_mode))
		*cause = xprintf("%s: %s", name, strerror(EISDIR));
	else
		*cause = xprintf(_("%s: not a regular file (- reads standard "
		    "input)"), name);
fail:
	if (fd != STDIN_FILENO)
		close(fd);
	return -1;
}

int
read_file_progress(const char *path, size_t max,
    int (*tick)(void *, size_t, size_t), void *arg, char **out,
    size_t *outlen, char **cause)
{
	struct pollfd	 pfd;
	const char	*name;
	char		*data = NULL;
	size_t		 len = 0, cap, size;
	ssize_t		 n;
	int		 fd, r, rc = REEL_EXIT_FAILURE, saved;

	if (max > SIZE_MAX / 2)
		max = SIZE_MAX / 2;
	name = strcmp(path, "-") == 0 ? _("standard input") : path;
	if ((fd = read_open(path, name, &size, cause)) == -1)
		return REEL_EXIT_FAILURE;
	/* Room for one byte more than the limit, to see it passed. */
	cap = size > 0 && size < max ? size + 1 : READ_CHUNK;
	if (cap > max)
		cap = max + 1;
	data = xmalloc(cap + 1);
	pfd.fd = fd;
	pfd.events = POLLIN;
	for (;;) {
		/* Wait in short steps, so that the caller can give up on
		 * input that does not come; a signal only shortens a step. */
		r = poll(&pfd, 1, tick != NULL ? READ_TICK_MS : -1);
		if (r == -1 && errno != EINTR) {
			saved = errno;
			*cause = xprintf("%s: %s", name, strerror(saved));
			goto out;
		}
		if (tick != NULL && tick(arg, len, size) != 0) {
			*cause = xprintf(_("%s: cancelled"), name);
			goto out;
		}
		if (r <= 0)
			continue;
		if (len == cap) {
			cap = cap > max / 2 ? max + 1 : cap * 2;
			data = xrealloc(data, cap + 1);
		}
		if ((n = read(fd, data + len, cap - len)) == -1) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			saved = errno;
			*cause = xprintf("%s: %s", name, strerror(saved));
			goto out;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > max) {
			*cause = xprintf(ngettext_("%s: larger than the "
			    "limit of %zu byte", "%s: larger than the limit "
			    "of %zu bytes", max), name, max);
			rc = REEL_EXIT_CONTENT;
			goto out;
		}
	}
	data[len] = '\0';
	*out = data;
	*outlen = len;
	data = NULL;
	rc = REEL_EXIT_OK;
out:
	free(data);
	if (fd != STDIN_FILENO)
		close(fd);
	return rc;
}

size_t
utf8_decode(const char *s, size_t len, unsigned int *cp)
{
	const unsigned char	*u = (const unsigned char *)s;
	unsigned int		 c, min;
	size_t			 n, i;

	if (len == 0)
		return 0;
	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2; c &= 0x1f; min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3; c &= 0x0f; min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4; c &= 0x07; min = 0x10000;
	} else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

size_t
utf8_encode(unsigned int c, char *out)
{
	unsigned char	*u = (unsigned char *)out;

	if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		c = 0xfffd;
	if (c < 0x80) {
		u[0] = c;
		return 1;
	}
	if (c < 0x800) {
		u[0] = 0xc0 | (c >> 6);
		u[1] = 0x80 | (c & 0x3f);
		return 2;
	}
	if (c < 0x10000) {
		u[0] = 0xe0 | (c >> 12);
		u[1] = 0x80 | ((c >> 6) & 0x3f);
		u[2] = 0x80 | (c & 0x3f);
		return 3;
	}
	u[0] = 0xf0 | (c >> 18);
	u[1] = 0x80 | ((c >> 12) & 0x3f);
	u[2] = 0x80 | ((c >> 6) & 0x3f);
	u[3] = 0x80 | (c & 0x3f);
	return 4;
}

int
utf8_valid(const char *s, size_t len)
{
	unsigned int	cp;
	uint64_t	w;
	size_t		n;

	while (len > 0) {
		/* Pages are mostly ASCII: skip it eight bytes at a time. */
		while (len >= 8) {
			memcpy(&w, s, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			s += 8;
			len -= 8;
		}
		if (len == 0)
			break;
		if ((unsigned char)*s < 0x80) {
			s++;
			len--;
			continue;
		}
		if ((n = utf8_decode(s, len, &cp)) == 0)
			return 0;
		s += n;
		len -= n;
	}
	return 1;
}

int
ascii_prefix_ci(const char *p, size_t n, const char *word)
{
	size_t	i;

	for (i = 0; word[i] != '\0'; i++) {
		if (i >= n || ascii_lower((unsigned char)p[i]) != word[i])
			return 0;
	}
	return 1;
}

int
strprefix_ci(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}
