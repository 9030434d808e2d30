/* url.h: the one URL module, on libxml2's RFC 3986 parser (xmlParseURI,
 * xmlBuildURI): what is a URL, a reference resolved against its base as a
 * browser resolves it, hosts, fragments and the names messages use. */
#ifndef REEL_URL_H
#define REEL_URL_H

#include <stddef.h>

/* Returns non-zero if s is an http or https URL (what reel fetches); NULL
 * is not. */
int	 url_is_web(const char *);
/* Returns the length of the scheme s starts with ("https" of
 * "https://x"), or 0 if s does not start with a scheme and a colon. */
size_t	 url_scheme_len(const char *);
/* Returns what messages call what: "standard input" for "-", else what
 * itself; static or what, do not free. */
const char *url_name(const char *);
/* Returns the host of url, lower case, without user, password or port
 * ("[::1]" keeps its brackets), or NULL if url is not a URL with a host
 * (a file name, "-", file:///x). The caller frees it. */
char	*url_host(const char *);
/*
 * Resolves the reference href (a link, an image, a feed's xml:base or
 * item link) against base as a browser does: controls and spaces off both
 * ends, what a URL cannot hold percent-encoded, dot segments worked out.
 * Only http, https and mailto are kept: javascript:, data:, file: and
 * other schemes give NULL. When base is not a web URL (a file's path, or
 * NULL), a relative href gives a path, as for a page read from a file.
 * Returns an allocated URL or path, or NULL.
 */
char	*url_resolve(const char *, const char *);
/*
 * Resolves href against base as url_resolve() does, whatever scheme the
 * result has (a redirect may lead to ftp: or file:, and the caller says
 * why it goes no further); base is an absolute URL, or NULL when href
 * must be one itself. A web URL must have a host url_host() accepts, and
 * comes back as a request names it: "HTTP://h" is "http://h/". Returns an
 * allocated absolute URL, or NULL.
 */
char	*url_absolute(const char *, const char *);
/* Returns url without its fragment, allocated; NULL if url is not an
 * absolute URL. */
char	*url_strip_fragment(const char *);
/* Returns the fragment of url (after the first '#'), a pointer into url,
 * or NULL when there is none. */
const char *url_fragment(const char *);

/* Returns url (a URL or a path, as url_resolve() gives them) without
 * its fragment, allocated, and points *fragment at the fragment in url,
 * or NULL when there is none. */
char	*url_split_fragment(const char *, const char **);
/* Returns the local path a file: URL names (file:///p or
 * file://localhost/p, percent-decoded, without query or fragment),
 * allocated; NULL for another URL or another host. */
char	*url_file_path(const char *);
/* Returns the file: URL of a local path (made absolute, percent-encoded)
 * with the path's "#fragment" kept; allocated. */
char	*url_from_path(const char *);

#endif
