/* url.c: the one URL module, on libxml2's RFC 3986 parser: links resolved
 * as a browser resolves them, redirect targets, hosts and names. */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/uri.h>

#include "buf.h"
#include "sanitize.h"
#include "url.h"
#include "util.h"

int
url_is_web(const char *s)
{
	return s != NULL && (strprefix_ci(s, "http://") ||
	    strprefix_ci(s, "https://"));
}

size_t
url_scheme_len(const char *s)
{
	size_t	i;

	if (!ascii_isalpha((unsigned char)*s))
		return 0;
	for (i = 1; ascii_isalpha((unsigned char)s[i]) ||
	    (s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' ||
	    s[i] == '.'; i++)
		;
	return s[i] == ':' ? i : 0;
}

const char *
url_name(const char *what)
{
	/* TRANSLATORS: the name of "-" in messages, where a file's
	 * name would be. */
	return strcmp(what, "-") == 0 ? _("standard input") : what;
}

/* Is the scheme of n bytes at s http or https? */
static int
url_web_scheme(const char *s, size_t n)
{
	return (n == 4 && ascii_prefix_ci(s, n, "http")) ||
	    (n == 5 && ascii_prefix_ci(s, n, "https"));
}

/*
 * The schemes a link keeps: the web, which reel reads, and mail, which a
 * browser opens. The rest keep their words but lose the link: scripts
 * (javascript:), inline bytes (data:), local files (file:), and the
 * schemes of apps, which nothing here could follow.
 */
static int
url_scheme_ok(const char *s, size_t len)
{
	static const char *const schemes[] = { "http", "https", "mailto" };
	size_t			 i;

	for (i = 0; i < nitems(schemes); i++) {
		if (strlen(schemes[i]) == len && ascii_prefix_ci(s, len,
		    schemes[i]))
			return 1;
	}
	return 0;
}

/* An attribute's URL as a browser reads it: C0 controls and spaces off
 * both ends, tabs and newlines inside dropped. Allocated. */
static char *
url_strip(const char *s)
{
	struct buf	 b = BUF_INIT;
	size_t		 len;

	while (*s != '\0' && (unsigned char)*s <= ' ')
		s++;
	len = strlen(s);
	while (len > 0 && (unsigned char)s[len - 1] <= ' ')
		len--;
	for (; len > 0; s++, len--) {
		if (*s != '\t' && *s != '\n' && *s != '\r')
			buf_addc(&b, *s);
	}
	return buf_detach(&b, NULL);
}

static int
url_xdigit(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

/*
 * Percent-encodes what a URL cannot hold as written, as a browser does
 * before it resolves a link: controls, spaces and non-ASCII bytes,
 * " < > ^ ` { | }, a '%' that starts no escape, a second '#', and
 * brackets outside the host (where they hold an IPv6 address). A
 * backslash is a slash in a web URL (web), else escaped too. What is
 * left parses as RFC 3986 asks.
 */
static char *
url_escape(const char *s, int web)
{
	struct buf	 b = BUF_INIT;
	const char	*p, *host = NULL, *host_end = NULL;
	size_t		 n;
	int		 fragment = 0;
	unsigned char	 c;

	p = s + ((n = url_scheme_len(s)) > 0 ? n + 1 : 0);
	if (p[0] == '/' && p[1] == '/') {
		host = p + 2;
		host_end = host + strcspn(host, "/?#\\");
	}
	for (p = s; (c = (unsigned char)*p) != '\0'; p++) {
		if (c == '\\' && web)
			c = '/';
		if (c == '#' && !fragment) {
			fragment = 1;
			buf_addc(&b, '#');
			continue;
		}
		if ((c == '[' || c == ']') && p >= host && p < host_end) {
			buf_addc(&b, (char)c);
			continue;
		}
		if (c <= ' ' || c >= 0x7f || c == '#' ||
		    strchr("\"<>\\^`{|}[]", c) != NULL ||
		    (c == '%' && !(url_xdigit(p[1]) && url_xdigit(p[2]))))
			buf_printf(&b, "%%%02X", c);
		else
			buf_addc(&b, (char)c);
	}
	return buf_detach(&b, NULL);
}

/* A path with its "." and ".." segments worked out ("a/./b/../c" is
 * "a/c") and no empty ones; ".." that climbs above a relative path's
 * start stays. */
static char *
url_path_clean(const char *path)
{
	struct buf	  b = BUF_INIT;
	const char	**seg, *p, *q;
	size_t		 *len, n = 0, cap, l, i;
	int		  abs = *path == '/', dir = 0;

	cap = strlen(path) + 1;		/* segments are at most this many */
	seg = xreallocarray(NULL, cap, sizeof *seg);
	len = xreallocarray(NULL, cap, sizeof *len);
	for (p = path + abs;; p = q + 1) {
		q = strchr(p, '/');
		l = q != NULL ? (size_t)(q - p) : strlen(p);
		/* "a//b" is "a/b"; a trailing slash is kept. */
		dir = (l == 1 && p[0] == '.') || (l == 0 && q != NULL);
		if (l == 2 && p[0] == '.' && p[1] == '.') {
			dir = 1;
			if (n > 0 && !(len[n - 1] == 2 &&
			    strncmp(seg[n - 1], "..", 2) == 0))
				n--;
			else if (!abs) {
				seg[n] = p;
				len[n++] = l;
			}
		} else if (!dir) {
			seg[n] = p;
			len[n++] = l;
		}
		if (q == NULL)
			break;
	}
	if (abs)
		buf_addc(&b, '/');
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(&b, '/');
		buf_add(&b, seg[i], len[i]);
	}
	if (dir && n > 0)
		buf_addc(&b, '/');
	free(seg);
	free(len);
	return buf_detach(&b, NULL);
}

/*
 * A link of a page read from a file: a path, as the file's own name is.
 * The link is decoded as a browser opens a file URL ("my%20notes.html"
 * is "my notes.html"), without its query and fragment, and joined to the
 * file's directory. A result that would read as an option or a URL
 * ("-" is standard input to reel) starts with "./". NULL for a link that
 * names no file here ("//host/x", "%00").
 */
/* Is s all printable ASCII but the space? */
static int
url_printable(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s <= ' ' || (unsigned char)*s >= 0x7f)
			return 0;
	return 1;
}

/*
 * Is a resolved web URL printable: its host valid UTF-8 (an IDN, as
 * url_idn() gives it back) with no space, control (C1 too) or bidi
 * override, the rest printable ASCII? Anything else came from a base libxml2 could not parse and
 * copied as it was ("htTp://[m:\\@h/" and a newline: fuzz_url).
 */
static int
url_web_printable(const char *r)
{
	const char	*host, *end, *p;

	if ((host = strstr(r, "://")) == NULL)
		return url_printable(r);
	host += 3;
	end = host + strcspn(host, "/?#");
	if (!utf8_valid(host, (size_t)(end - host)) ||
	    !sanitize_is_clean(host, (size_t)(end - host), 0))
		return 0;
	for (p = r; *p != '\0'; p++) {
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return 0;
		if ((unsigned char)*p >= 0x80 && (p < host || p >= end))
			return 0;
	}
	return 1;
}

static char *
url_resolve_path(const char *href, const char *base)
{
	struct buf	 b = BUF_INIT;
	const char	*p, *slash, *frag;
	char		*path, *r;
	int		 hi, lo;

	if (href[0] == '/' && href[1] == '/')
		return NULL;
	if (base != NULL && strcmp(base, "-") != 0 && *href != '/' &&
	    (slash = strrchr(base, '/')) != NULL)
		buf_add(&b, base, (size_t)(slash - base + 1));
	for (p = href; *p != '\0' && *p != '?' && *p != '#'; p++) {
		if (*p == '%' && url_xdigit(p[1]) && url_xdigit(p[2])) {
			hi = p[1] <= '9' ? p[1] - '0' : ascii_lower(p[1]) -
			    'a' + 10;
			lo = p[2] <= '9' ? p[2] - '0' : ascii_lower(p[2]) -
			    'a' + 10;
			buf_addc(&b, (char)(hi * 16 + lo));
			p += 2;
		} else
			buf_addc(&b, *p);
	}
	if (p == href) {
		/* "#notes" or "?x": the file itself. */
		buf_free(&b);
		if (base == NULL || strcmp(base, "-") == 0)
			return NULL;
		buf_adds(&b, base);
	}
	for (p = buf_str(&b); *p != '\0'; p++) {
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			break;
	}
	if ((size_t)(p - buf_str(&b)) != b.len) {
		buf_free(&b);
		return NULL;
	}
	path = url_path_clean(buf_str(&b));
	buf_free(&b);
	if (*path == '\0') {
		free(path);
		path = xstrdup("./");
	} else if (*path != '/' && (*path == '-' ||
	    memchr(path, ':', strcspn(path, "/")) != NULL)) {
		r = xprintf("./%s", path);
		free(path);
		path = r;
	}
	/* The fragment stays, as written: where in the file a link leads
	 * (url_split_fragment() takes it off again). */
	if ((frag = strchr(href, '#')) != NULL && frag[1] != '\0' &&
	    url_printable(frag)) {
		r = xprintf("%s%s", path, frag);
		free(path);
		path = r;
	}
	return path;
}

/* Returns non-zero if the authority ("//user@host:port") at the start
 * of s escapes a byte that would change what it says once libxml2 has
 * unescaped it: "//a%40b/" would become "//a@b/", whose host is b
 * (fuzz_url). Controls, '%' and what delimits or cannot be in a host;
 * "%2E" and an IDN host's escapes stay. */
static int
url_authority_escapes(const char *s)
{
	const char	*p, *end;
	int		 c;

	if (s[0] != '/' || s[1] != '/')
		return 0;
	end = s + 2 + strcspn(s + 2, "/?#");
	for (p = s + 2; p + 2 < end; p++) {
		if (*p != '%' || !url_xdigit(p[1]) || !url_xdigit(p[2]))
			continue;
		c = (p[1] <= '9' ? p[1] - '0' :
		    ascii_lower((unsigned char)p[1]) - 'a' + 10) * 16 +
		    (p[2] <= '9' ? p[2] - '0' :
		    ascii_lower((unsigned char)p[2]) - 'a' + 10);
		if (c < 0x21 || c == 0x7f ||
		    strchr("\"#%/:<>?@[\\]^`{|}", c) != NULL)
			return 1;
	}
	return 0;
}

/* A host in brackets is an IPv6 literal and nothing else, with a port
 * at most after it; any other host holds none of the code points the
 * URL standard forbids in one, nor what url_escape() escapes (controls,
 * space, "\"#/<>?@[\]^`{|}": libxml2 unescapes "%13" or "%22" in a
 * host to the byte; fuzz_url). host to end is
 * what the URL holds between "//" (or "@") and the path. */
static int
url_host_ok(const char *host, const char *end)
{
	const char	*p, *close;
	unsigned char	 c;

	if (*host != '[') {
		for (p = host; p < end; p++) {
			c = (unsigned char)*p;
			if (c < 0x21 || c == 0x7f ||
			    strchr("\"#/<>?@[\\]^`{|}", c) != NULL)
				return 0;
			/* No C1 control, no bidi control (fuzz_url):
			 * U+0080-009F, U+200E-200F, U+202A-202E,
			 * U+2066-2069. */
			if (c == 0xc2 && p + 1 < end &&
			    (unsigned char)p[1] >= 0x80 &&
			    (unsigned char)p[1] <= 0x9f)
				return 0;
			if (c == 0xe2 && end - p >= 3 && ((p[1] == '\x80' &&
			    (((unsigned char)p[2] >= 0x8e &&
			    (unsigned char)p[2] <= 0x8f) ||
			    ((unsigned char)p[2] >= 0xaa &&
			    (unsigned char)p[2] <= 0xae))) ||
			    (p[1] == '\x81' && (unsigned char)p[2] >= 0xa6 &&
			    (unsigned char)p[2] <= 0xa9)))
				return 0;
			/* A '%' starts an escape or is no host's. */
			if (c == '%' && (end - p < 3 ||
			    !url_xdigit(p[1]) || !url_xdigit(p[2])))
				return 0;
		}
		return 1;
	}
	if ((close = memchr(host, ']', (size_t)(end - host))) == NULL ||
	    close == host + 1)
		return 0;
	for (p = host + 1; p < close; p++)
		if (!url_xdigit(*p) && *p != ':' && *p != '.')
			return 0;
	if (close + 1 < end && close[1] != ':')
		return 0;
	for (p = close + 2; p < end; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return 1;
}

/* Writes the brackets of a web URL's path, query and fragment escaped,
 * as url_escape() writes them: libxml2 writes them as they are when it
 * resolves a reference, so the same URL came out two ways (fuzz_url).
 * Returns r or a new string in its place. */
static char *
url_brackets(char *r)
{
	struct buf	 b = BUF_INIT;
	char		*p, *rest;

	if ((p = strstr(r, "://")) == NULL)
		return r;
	rest = p + 3 + strcspn(p + 3, "/?#");
	if (strpbrk(rest, "[]") == NULL)
		return r;
	buf_add(&b, r, (size_t)(rest - r));
	for (p = rest; *p != '\0'; p++) {
		if (*p == '[')
			buf_adds(&b, "%5B");
		else if (*p == ']')
			buf_adds(&b, "%5D");
		else
			buf_addc(&b, *p);
	}
	free(r);
	return buf_detach(&b, NULL);
}

/*
 * Gives a resolved web URL its host back as written: url_escape()
 * percent-encoded an IDN host's letters for libxml2, but "%E8%A9%B9.com"
 * names no host, where "詹.com" is one that libcurl (IDNA) looks up. Only
 * a host whose escapes are all of non-ASCII bytes and make UTF-8 is
 * decoded. Returns -1 for a URL with an empty host ("http:///x").
 */
static int
url_idn(char *r)
{
	struct buf	 b = BUF_INIT;
	char		*host, *end, *at, *p;
	int		 hi, lo, ok = 1;

	if ((host = strstr(r, "://")) == NULL)
		return 0;
	host += 3;
	end = host + strcspn(host, "/?#");
	if ((at = memchr(host, '@', (size_t)(end - host))) != NULL)
		host = at + 1;
	if (host == end)
		return -1;
	/* libxml2 unescapes the host of a reference "//host/x": bytes that
	 * make no UTF-8 name no host (fuzz_url); nor do brackets that hold
	 * no IPv6 address ("//[>", fuzz_opml). */
	if (!utf8_valid(host, (size_t)(end - host)) ||
	    !url_host_ok(host, end))
		return -1;
	if (memchr(host, '%', (size_t)(end - host)) == NULL)
		return 0;
	for (p = host; p < end && ok; p++) {
		if (*p != '%') {
			buf_addc(&b, *p);
			continue;
		}
		/* Only escapes of bytes 0x80 and up: "%2F" stays. */
		if (p + 2 >= end || !url_xdigit(p[1]) || !url_xdigit(p[2]) ||
		    p[1] < '8') {
			ok = 0;
			break;
		}
		hi = p[1] <= '9' ? p[1] - '0' :
		    ascii_lower((unsigned char)p[1]) - 'a' + 10;
		lo = p[2] <= '9' ? p[2] - '0' :
		    ascii_lower((unsigned char)p[2]) - 'a' + 10;
		buf_addc(&b, (char)(hi * 16 + lo));
		p += 2;
	}
	/* Decoded, it is held to the same: "%C2%90" is a C1 control
	 * (fuzz_url). */
	if (ok && utf8_valid(b.data, b.len) &&
	    !url_host_ok(b.data, b.data + b.len)) {
		buf_free(&b);
		return -1;
	}
	/* The decoded host is shorter: it fits where the escaped one was. */
	if (ok && utf8_valid(b.data, b.len)) {
		memcpy(host, b.data, b.len);
		memmove(host + b.len, end, strlen(end) + 1);
	}
	buf_free(&b);
	return 0;
}

/* The stripped, non-empty reference h, whose scheme is n bytes long (0
 * for none), escaped and resolved by libxml2 against base, which only a
 * relative h uses. Allocated, or NULL. */
static char *
url_build(const char *h, size_t n, const char *base)
{
	xmlChar	*u;
	char	*e, *eb = NULL, *r = NULL;
	int	 web;

	web = n == 0 || url_web_scheme(h, n);
	e = url_escape(h, web);
	if (web && url_authority_escapes(e + (n > 0 ? n + 1 : 0))) {
		free(e);
		return NULL;
	}
	/* A web URL has a host: "http:x" names nothing reel can fetch. */
	if (n > 0 && web && strncmp(e + n + 1, "//", 2) != 0) {
		free(e);
		return NULL;
	}
	/* The base is escaped and held to the same authority check as
	 * the reference: libxml2 kept a newline of a base's fragment in
	 * what it resolved, and unescaped bytes of its user name
	 * (fuzz_url). */
	if (n == 0 && base != NULL) {
		eb = url_escape(base, url_is_web(base));
		if (url_is_web(eb) && url_authority_escapes(eb +
		    url_scheme_len(eb) + 1)) {
			free(e);
			free(eb);
			return NULL;
		}
	}
	if ((u = xmlBuildURI(BAD_CAST e, BAD_CAST eb)) != NULL) {
		r = xstrdup((const char *)u);
		xmlFree(u);
	}
	free(e);
	free(eb);
	/* libxml2 hands a relative reference back as it is when it cannot
	 * parse the base: that is a path, not a URL on the base's site. */
	if (r != NULL && n == 0 && !url_is_web(r)) {
		free(r);
		return NULL;
	}
	/* What libxml2 made of it is held to the same: "//@i\\x" came out
	 * with "%40" in its user name (fuzz_url). */
	if (r != NULL && web && strstr(r, "://") != NULL &&
	    url_authority_escapes(strstr(r, "://") + 1)) {
		free(r);
		return NULL;
	}
	if (r != NULL && web && url_idn(r) != 0) {
		free(r);
		return NULL;
	}
	if (r != NULL && web)
		r = url_brackets(r);
	if (r != NULL && web && !url_web_printable(r)) {
		free(r);
		return NULL;
	}
	return r;
}

char *
url_resolve(const char *href, const char *base)
{
	char	*h, *r;
	size_t	 n;

	if (href == NULL)
		return NULL;
	h = url_strip(href);
	n = url_scheme_len(h);
	if (*h == '\0' || (n > 0 && !url_scheme_ok(h, n)))
		r = NULL;
	else if (n == 0 && !url_is_web(base))
		r = url_resolve_path(h, base);
	else
		r = url_build(h, n, base);
	free(h);
	return r;
}

char *
url_absolute(const char *href, const char *base)
{
	char	*h, *r, *host, *p;
	size_t	 n, i;

	h = url_strip(href);
	n = url_scheme_len(h);
	if (*h == '\0' || (n == 0 && (base == NULL ||
	    url_scheme_len(base) == 0))) {
		free(h);
		return NULL;
	}
	r = url_build(h, n, base);
	free(h);
	if (r == NULL || !url_is_web(r))
		return r;
	if ((host = url_host(r)) == NULL) {
		free(r);
		return NULL;
	}
	free(host);
	/* As a request names it: "HTTP://h" is "http://h/". */
	n = url_scheme_len(r);
	for (i = 0; i < n; i++)
		r[i] = (char)ascii_lower((unsigned char)r[i]);
	p = r + n + 3;
	p += strcspn(p, "/?#");
	if (*p != '/') {
		i = (size_t)(p - r);
		h = xprintf("%.*s/%s", (int)i, r, p);
		free(r);
		r = h;
	}
	return r;
}

char *
url_host(const char *url)
{
	xmlURIPtr	 u;
	xmlChar		*s;
	char		*e, *host = NULL;
	size_t		 n, i;

	if ((n = url_scheme_len(url)) == 0 ||
	    strncmp(url + n + 1, "//", 2) != 0)
		return NULL;
	/* Escaped first, so that an IDN host as written parses. */
	e = url_escape(url, url_web_scheme(url, n));
	u = xmlParseURIRaw(e, 1);
	free(e);
	if (u == NULL)
		return NULL;
	/* "%00" would cut the host short where it is unescaped. */
	if (u->server != NULL && *u->server != '\0' &&
	    strstr(u->server, "%00") == NULL &&
	    (s = BAD_CAST xmlURIUnescapeString(u->server, 0, NULL)) != NULL) {
		host = xstrdup((const char *)s);
		xmlFree(s);
	}
	xmlFreeURI(u);
	if (host == NULL)
		return NULL;
	/* A host is letters, not controls or bytes that are no text. */
	for (i = 0; host[i] != '\0'; i++) {
		if ((unsigned char)host[i] <= ' ' || host[i] == 0x7f)
			break;
		host[i] = (char)ascii_lower((unsigned char)host[i]);
	}
	if (host[i] != '\0' || !utf8_valid(host, i)) {
		free(host);
		return NULL;
	}
	return host;
}

char *
url_strip_fragment(const char *url)
{
	xmlURIPtr	u;
	int		absolute;

	if ((u = xmlParseURIRaw(url, 1)) == NULL)
		return NULL;
	absolute = u->scheme != NULL;
	xmlFreeURI(u);
	return absolute ? xstrndup(url, strcspn(url, "#")) : NULL;
}

const char *
url_fragment(const char *url)
{
	const char	*p = strchr(url, '#');

	return p != NULL ? p + 1 : NULL;
}

char *
url_file_path(const char *url)
{
	const char	*p, *end, *q;
	char		*path, *copy;

	if (!strprefix_ci(url, "file://"))
		return NULL;
	p = url + 7;
	/* The host: none, or this machine by name. */
	if (strprefix_ci(p, "localhost/"))
		p += 9;
	if (*p != '/')
		return NULL;
	end = p + strcspn(p, "?#");
	/* A NUL written as %00 would cut the name short. */
	for (q = p; q + 2 < end; q++)
		if (q[0] == '%' && q[1] == '0' && q[2] == '0')
			return NULL;
	if ((path = xmlURIUnescapeString(p, (int)(end - p), NULL)) == NULL)
		return NULL;
	copy = xstrdup(path);
	xmlFree(path);
	return copy;
}

char *
url_from_path(const char *path)
{
	const char	*frag = strrchr(path, '#');
	char		*name, *abs, *cwd, *esc, *url;

	name = xstrndup(path, frag != NULL ? (size_t)(frag - path) :
	    strlen(path));
	if ((abs = realpath(name, NULL)) == NULL) {
		if (name[0] == '/' || (cwd = getcwd(NULL, 0)) == NULL)
			abs = xstrdup(name);
		else {
			abs = xprintf("%s/%s", cwd, name);
			free(cwd);
		}
	}
	free(name);
	if ((esc = (char *)xmlURIEscapeStr(BAD_CAST abs,
	    BAD_CAST "/-._~!$&'()*+,;=:@")) == NULL)
		fatal("%s", _("out of memory"));
	url = xprintf("file://%s%s%s", esc, frag != NULL ? "#" : "",
	    frag != NULL ? frag + 1 : "");
	xmlFree(esc);
	free(abs);
	return url;
}

char *
url_split_fragment(const char *url, const char **fragment)
{
	const char	*h;

	/* A URL's fragment is after its first '#'; a path's after its
	 * last, which url_resolve() put there. */
	h = url_scheme_len(url) > 0 && strstr(url, "://") != NULL ?
	    strchr(url, '#') : strrchr(url, '#');
	*fragment = h != NULL ? h + 1 : NULL;
	return xstrndup(url, h != NULL ? (size_t)(h - url) : strlen(url));
}
