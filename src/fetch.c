/* fetch.c: getting a page's bytes: http and https through libcurl, local
 * files and standard input, all under the same limits, and a check that
 * what came is a page (HTML or plain text) and not a PDF or an image. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "curl_dl.h"

#include "buf.h"
#include "decode.h"
#include "fetch.h"
#include "sanitize.h"
#include "url.h"
#include "util.h"

/* How many bytes of a body are looked at to tell what it is. */
#define FETCH_SNIFF_LEN		1024
/* Longest reason phrase kept from a status line. */
#define FETCH_REASON_MAX	96
#define FETCH_USER_AGENT	PACKAGE_NAME "/" PACKAGE_VERSION
#define FETCH_ACCEPT \
	"Accept: text/html, application/xhtml+xml, text/plain;q=0.9, */*;q=0.1"
#define FETCH_ACCEPT_XML \
	"Accept: application/rss+xml, application/atom+xml, " \
	"application/feed+json, application/xml;q=0.9, text/xml;q=0.9, " \
	"application/json;q=0.8, text/x-opml;q=0.8, */*;q=0.1"

/* Whether libcurl is loaded (curl_dl.c) and started: only a URL needs
 * it, so a local file or a dump never maps it (nor its TLS library). */
static int fetch_curl_ready;

/* Where a body goes: the bytes, under the size limit, and what they are. */
struct fetch_sink {
	struct buf	 body;
	size_t		 max;
	char		*declared;	/* media type from Content-Type */
	int		 file;		/* a local file or standard input */
	const char	*named;		/* the type a file's name gives */
	char		*type;		/* what the body is, once decided */
	int		 refused;	/* ... and it is not a page */
	int		 too_large;
	int		 xml;		/* XML and JSON are welcome too */
	char		*malformed;	/* a Content-Type that cannot be
					   read, sanitized, or NULL */
};

/* One HTTP fetch, its redirects included: fetch() performs it alone,
 * refresh.c many at once through a curl multi handle. */
struct fetch_xfer {
	CURL			*h;
	const struct fetch_opts	*o;
	struct fetch_sink	 sink;
	long			 status;	/* from the last status line,
						   then the answer's */
	char			 reason[FETCH_REASON_MAX];
	int			 typed;		/* sink.declared is set */
	struct decode		*dec;		/* the body's coding, if any */
	int			 coded;		/* dec is set for this hop */
	char			*coding_error;	/* why the body cannot be
						   decoded, or NULL */
	char			 errbuf[CURL_ERROR_SIZE];
	struct curl_slist	*headers;
	char			*url;		/* as the caller gave it */
	char			*cur;		/* this hop's URL */
	char			**seen;		/* each hop's, no fragment */
	size_t			 nseen;
	long			 redirects;
	long			 deadline;	/* ms, fetch_now_ms()'s clock */
	int			 conditional;	/* validators were sent */
	int			 permanent;	/* every hop so far 301 or 308 */
	char			*moved;		/* where those hops led */
};

/* Signatures of what is not a page, after the WHATWG MIME Sniffing
 * standard and the formats people link to. */
static const struct fetch_magic {
	const char	*bytes;		/* at offset 0 */
	size_t		 len;
	size_t		 off2;
	const char	*bytes2;	/* at off2, or NULL */
	const char	*type;
} fetch_magics[] = {
	{ "%PDF-", 5, 0, NULL, "application/pdf" },
	{ "%!PS-Adobe-", 11, 0, NULL, "application/postscript" },
	{ "\x89PNG\r\n\x1a\n", 8, 0, NULL, "image/png" },
	{ "GIF87a", 6, 0, NULL, "image/gif" },
	{ "GIF89a", 6, 0, NULL, "image/gif" },
	{ "\xff\xd8\xff", 3, 0, NULL, "image/jpeg" },
	{ "RIFF", 4, 8, "WEBP", "image/webp" },
	{ "RIFF", 4, 8, "WAVE", "audio/wav" },
	{ "RIFF", 4, 8, "AVI ", "video/x-msvideo" },
	{ "\0\0\1\0", 4, 0, NULL, "image/x-icon" },
	{ "", 0, 4, "ftypavif", "image/avif" },
	{ "", 0, 4, "ftypheic", "image/heic" },
	{ "", 0, 4, "ftyp", "video/mp4" },
	{ "\x1a\x45\xdf\xa3", 4, 0, NULL, "video/webm" },
	{ "OggS\0", 5, 0, NULL, "application/ogg" },
	{ "ID3\3", 4, 0, NULL, "audio/mpeg" },
	{ "ID3\4", 4, 0, NULL, "audio/mpeg" },
	{ "fLaC", 4, 0, NULL, "audio/flac" },
	{ "PK\3\4", 4, 0, NULL, "application/zip" },
	{ "\x1f\x8b\x08", 3, 0, NULL, "application/gzip" },
	{ "Rar!\x1a\x07", 6, 0, NULL, "application/vnd.rar" },
	{ "7z\xbc\xaf\x27\x1c", 6, 0, NULL, "application/x-7z-compressed" },
	{ "\xfd" "7zXZ\0", 6, 0, NULL, "application/x-xz" },
	{ "\x28\xb5\x2f\xfd", 4, 0, NULL, "application/zstd" },
	{ "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, 0, NULL,
	    "application/x-ole-storage" },
	{ "\x7f" "ELF", 4, 0, NULL, "application/x-executable" },
	{ "wOFF", 4, 0, NULL, "font/woff" },
	{ "wOF2", 4, 0, NULL, "font/woff2" },
};

/* What to call a type that is not a page. A name ending in '/', '-' or
 * '.' is a prefix. */
static const struct fetch_kind {
	const char	*type;
	const char	*what;
} fetch_kinds[] = {
	/* TRANSLATORS: this and the kinds below name what reel refuses
	 * to read, in "URL: not an HTML page: a PDF document (TYPE)". */
	{ "application/pdf", N_("a PDF document") },
	{ "application/x-pdf", N_("a PDF document") },
	{ "application/postscript", N_("a PostScript document") },
	{ "image/", N_("an image") },
	{ "audio/", N_("a sound file") },
	{ "video/", N_("a video") },
	{ "application/ogg", N_("a sound or video file") },
	{ "font/", N_("a font") },
	{ "application/epub+zip", N_("an e-book") },
	{ "application/zip", N_("an archive") },
	{ "application/gzip", N_("an archive") },
	{ "application/x-gzip", N_("an archive") },
	{ "application/x-tar", N_("an archive") },
	{ "application/x-bzip2", N_("an archive") },
	{ "application/x-xz", N_("an archive") },
	{ "application/zstd", N_("an archive") },
	{ "application/vnd.rar", N_("an archive") },
	{ "application/x-rar-compressed", N_("an archive") },
	{ "application/x-7z-compressed", N_("an archive") },
	{ "application/msword", N_("an office document") },
	{ "application/rtf", N_("an office document") },
	{ "application/x-ole-storage", N_("an office document") },
	{ "application/vnd.ms-", N_("an office document") },
	{ "application/vnd.openxmlformats-", N_("an office document") },
	{ "application/vnd.oasis.opendocument.", N_("an office document") },
	{ "application/json", N_("JSON data") },
	{ "application/javascript", N_("a script") },
	{ "text/javascript", N_("a script") },
	{ "text/css", N_("a style sheet") },
	{ "application/rss+xml", N_("a feed") },
	{ "application/atom+xml", N_("a feed") },
	{ "application/feed+json", N_("a feed") },
	{ "application/xml", N_("an XML document") },
	{ "text/xml", N_("an XML document") },
	{ "application/x-executable", N_("a program") },
	{ "application/octet-stream", N_("binary data") },
};

/* Loads and starts libcurl once, on the first URL. */
int
fetch_global_init(char **cause)
{
	CURLcode	cc;

	if (fetch_curl_ready)
		return 0;
	if (curl_dl_load(cause) != 0)
		return -1;
	if ((cc = curl_dl.global_init(CURL_GLOBAL_DEFAULT)) != CURLE_OK) {
		*cause = xprintf(_("cannot initialise libcurl: %s"),
		    curl_dl.easy_strerror(cc));
		return -1;
	}
	fetch_curl_ready = 1;
	return 0;
}

/* Stops libcurl if it was started. */
void
fetch_global_cleanup(void)
{
	if (!fetch_curl_ready)
		return;
	curl_dl.global_cleanup();
	fetch_curl_ready = 0;
}

/* Standard reason phrases, for HTTP/2 and servers that send none. */
static const struct fetch_reason {
	long		 status;
	const char	*reason;
} fetch_reasons[] = {
	{ 300, "Multiple Choices" }, { 301, "Moved Permanently" },
	{ 302, "Found" }, { 303, "See Other" }, { 304, "Not Modified" },
	{ 307, "Temporary Redirect" }, { 308, "Permanent Redirect" },
	{ 400, "Bad Request" }, { 401, "Unauthorized" },
	{ 402, "Payment Required" }, { 403, "Forbidden" },
	{ 404, "Not Found" }, { 405, "Method Not Allowed" },
	{ 406, "Not Acceptable" }, { 407, "Proxy Authentication Required" },
	{ 408, "Request Timeout" }, { 409, "Conflict" }, { 410, "Gone" },
	{ 411, "Length Required" }, { 412, "Precondition Failed" },
	{ 413, "Content Too Large" }, { 414, "URI Too Long" },
	{ 415, "Unsupported Media Type" }, { 416, "Range Not Satisfiable" },
	{ 417, "Expectation Failed" }, { 418, "I'm a teapot" },
	{ 421, "Misdirected Request" }, { 422, "Unprocessable Content" },
	{ 425, "Too Early" }, { 426, "Upgrade Required" },
	{ 428, "Precondition Required" }, { 429, "Too Many Requests" },
	{ 431, "Request Header Fields Too Large" },
	{ 451, "Unavailable For Legal Reasons" },
	{ 500, "Internal Server Error" }, { 501, "Not Implemented" },
	{ 502, "Bad Gateway" }, { 503, "Service Unavailable" },
	{ 504, "Gateway Timeout" }, { 505, "HTTP Version Not Supported" },
	{ 507, "Insufficient Storage" }, { 508, "Loop Detected" },
	{ 511, "Network Authentication Required" },
};

void
fetch_opts_default(struct fetch_opts *o)
{
	memset(o, 0, sizeof *o);
	o->connect_timeout = FETCH_CONNECT_TIMEOUT;
	o->timeout = FETCH_TIMEOUT;
	o->stall_time = FETCH_STALL_TIME;
	o->stall_speed = FETCH_STALL_SPEED;
	o->max_size = FETCH_MAX_SIZE;
	o->max_redirects = FETCH_MAX_REDIRECTS;
}

/* An RFC 9110 token character. */
static int
fetch_tchar(int c)
{
	return ascii_isalpha(c) || (c >= '0' && c <= '9') ||
	    (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

static int
fetch_ows(int c)
{
	return c == ' ' || c == '\t';
}

/* Returns the length of a token at s, lower-cased into out if non-NULL. */
static size_t
fetch_token(const char *s, struct buf *out)
{
	size_t	n;

	for (n = 0; fetch_tchar((unsigned char)s[n]); n++)
		if (out != NULL)
			buf_addc(out, ascii_lower((unsigned char)s[n]));
	return n;
}

/* Splits a Content-Type value into its media type and its charset
 * parameter, both lower case and unquoted; either comes back NULL when
 * missing or malformed. The caller frees both. */
void
fetch_content_type(const char *ct, char **type, char **charset)
{
	struct buf	 t = BUF_INIT, name = BUF_INIT, value = BUF_INIT;
	const char	*p = ct;
	size_t		 n;
	int		 ok;

	*type = *charset = NULL;
	if (ct == NULL)
		return;
	while (fetch_ows((unsigned char)*p))
		p++;
	if ((n = fetch_token(p, &t)) == 0 || p[n] != '/')
		goto out;
	p += n;
	buf_addc(&t, '/');
	if ((n = fetch_token(++p, &t)) == 0)
		goto out;
	p += n;
	while (fetch_ows((unsigned char)*p))
		p++;
	if (*p != '\0' && *p != ';')
		goto out;
	*type = buf_detach(&t, NULL);
	while (*p == ';') {
		p++;
		while (fetch_ows((unsigned char)*p))
			p++;
		buf_reset(&name);
		buf_reset(&value);
		if ((n = fetch_token(p, &name)) == 0 || p[n] != '=')
			break;
		p += n + 1;
		ok = 1;
		if (*p == '"') {
			for (p++; *p != '"'; p++) {
				if (*p == '\\' && p[1] != '\0')
					p++;
				if (*p == '\0')
					goto out;
				if (!fetch_tchar((unsigned char)*p))
					ok = 0;
				buf_addc(&value,
				    ascii_lower((unsigned char)*p));
			}
			p++;
		} else
			p += fetch_token(p, &value);
		while (fetch_ows((unsigned char)*p))
			p++;
		if (*p != '\0' && *p != ';')
			break;
		/* A charset is a token; anything else is not one we know. */
		if (ok && value.len > 0 && *charset == NULL &&
		    strcmp(buf_str(&name), "charset") == 0)
			*charset = buf_detach(&value, NULL);
	}
out:
	buf_free(&t);
	buf_free(&name);
	buf_free(&value);
}

static const char *
fetch_kind(const char *type)
{
	const struct fetch_kind	*k;
	size_t			 i, n;
	char			 last;

	for (i = 0; i < nitems(fetch_kinds); i++) {
		k = &fetch_kinds[i];
		n = strlen(k->type);
		last = k->type[n - 1];
		if (last == '/' || last == '-' || last == '.') {
			if (strncmp(type, k->type, n) == 0)
				return _(k->what);
		} else if (strcmp(type, k->type) == 0)
			return _(k->what);
	}
	return NULL;
}

static const char *
fetch_magic(const char *p, size_t n)
{
	const struct fetch_magic	*m;
	size_t				 i, n2;

	for (i = 0; i < nitems(fetch_magics); i++) {
		m = &fetch_magics[i];
		if (n < m->len || memcmp(p, m->bytes, m->len) != 0)
			continue;
		if (m->bytes2 != NULL) {
			n2 = strlen(m->bytes2);
			if (n < m->off2 + n2 ||
			    memcmp(p + m->off2, m->bytes2, n2) != 0)
				continue;
		}
		return m->type;
	}
	return NULL;
}

/* The bytes the MIME Sniffing standard calls binary: no text has them,
 * except UTF-16, which begins with its byte-order mark. */
static int
fetch_binary(const char *p, size_t n)
{
	const unsigned char	*u = (const unsigned char *)p;
	size_t			 i;

	if (n >= 2 && ((u[0] == 0xfe && u[1] == 0xff) ||
	    (u[0] == 0xff && u[1] == 0xfe)))
		return 0;
	for (i = 0; i < n; i++)
		if (u[i] <= 0x08 || u[i] == 0x0b ||
		    (u[i] >= 0x0e && u[i] <= 0x1a) ||
		    (u[i] >= 0x1c && u[i] <= 0x1f))
			return 1;
	return 0;
}

/* An HTML page: it begins with one of the tags the MIME Sniffing standard
 * lists, or names <html>, <body> or an HTML doctype early on. */
static int
fetch_html(const char *p, size_t n)
{
	static const char	*starts[] = {
		"<!doctype html", "<html", "<head", "<script", "<iframe",
		"<h1", "<div", "<font", "<table", "<a", "<style", "<title",
		"<b", "<body", "<br", "<p", "<!--",
	};
	static const char	*anywhere[] = {
		"<!doctype html", "<html", "<body",
	};
	size_t			 i, j, len;

	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3, n -= 3;
	while (n > 0 && (*p == ' ' || *p == '\t' || *p == '\n' ||
	    *p == '\r' || *p == '\f'))
		p++, n--;
	for (i = 0; i < nitems(starts); i++) {
		len = strlen(starts[i]);
		if (ascii_prefix_ci(p, n, starts[i]) && n > len &&
		    (p[len] == ' ' || p[len] == '>'))
			return 1;
	}
	for (j = 0; j < n; j++) {
		if (p[j] != '<')
			continue;
		for (i = 0; i < nitems(anywhere); i++)
			if (ascii_prefix_ci(p + j, n - j, anywhere[i]))
				return 1;
	}
	return 0;
}

/* A feed's or another XML or JSON document's type (accept_xml). */
static int
fetch_xml_type(const char *type)
{
	size_t	n = strlen(type);

	return (n > 4 && (strcmp(type + n - 4, "/xml") == 0 ||
	    strcmp(type + n - 4, "+xml") == 0)) ||
	    (n > 5 && (strcmp(type + n - 5, "/json") == 0 ||
	    strcmp(type + n - 5, "+json") == 0)) ||
	    strcmp(type, "text/x-opml") == 0;
}

/* An XML declaration, in UTF-8 or (their zero bytes would look binary)
 * UTF-16 or UTF-32, with or without a byte-order mark. */
static int
fetch_xml_start(const char *p, size_t n)
{
	static const struct {
		const char	*bytes;
		size_t		 len;
	} starts[] = {
		{ "<?xml", 5 },
		{ "\xef\xbb\xbf<?xml", 8 },
		{ "\xfe\xff\0<\0?", 6 }, { "\xff\xfe<\0?\0", 6 },
		{ "\0<\0?", 4 }, { "<\0?\0", 4 },
		{ "\0\0\xfe\xff\0\0\0<", 8 }, { "\xff\xfe\0\0<\0\0\0", 8 },
		{ "\0\0\0<\0\0\0?", 8 }, { "<\0\0\0?\0\0\0", 8 },
	};
	size_t	i;

	for (i = 0; i < nitems(starts); i++)
		if (n >= starts[i].len &&
		    memcmp(p, starts[i].bytes, starts[i].len) == 0)
			return 1;
	return 0;
}

static int
fetch_octet(const char *type)
{
	return strcmp(type, "application/octet-stream") == 0 ||
	    strcmp(type, "binary/octet-stream") == 0 ||
	    strcmp(type, "application/unknown") == 0 ||
	    strcmp(type, "unknown/unknown") == 0 ||
	    strcmp(type, "*/*") == 0;
}

/*
 * Decides what the first bytes of a body are, given the declared media
 * type (NULL when there was none). A declared type is believed, except
 * that a page (HTML or text) that begins with a binary signature such as
 * %PDF- is what the signature says, and text/plain with binary bytes is
 * not text. A file's name is its declared type: an .html file is HTML
 * whatever control bytes it holds (sanitize makes them visible), as a
 * page served as text/html is. With no type, or application/octet-stream,
 * the bytes decide, in the MIME Sniffing standard's order: a signature,
 * then HTML, then binary bytes. Looks at the first bytes of the n at p;
 * sets s->type, and s->refused if it is not a page.
 */
static void
fetch_sink_decide(struct fetch_sink *s, const char *p, size_t n)
{
	const char	*magic, *type, *declared = s->declared;

	if (p == NULL)
		p = "";
	if (n > FETCH_SNIFF_LEN)
		n = FETCH_SNIFF_LEN;
	magic = fetch_magic(p, n);
	if (s->file)
		declared = s->named;
	if (declared != NULL && !fetch_octet(declared)) {
		type = declared;
		if (strcmp(type, "text/html") == 0 ||
		    strcmp(type, "application/xhtml+xml") == 0) {
			if (magic != NULL)
				type = magic;
		} else if (strcmp(type, "text/plain") == 0) {
			if (magic != NULL)
				type = magic;
			else if (fetch_binary(p, n))
				type = "application/octet-stream";
		}
	} else if (magic != NULL)
		type = magic;
	else if (s->xml && fetch_xml_start(p, n))
		type = "application/xml";
	else if (fetch_html(p, n))
		type = "text/html";
	else if (fetch_binary(p, n))
		type = "application/octet-stream";
	else
		type = s->file ? "text/html" : "text/plain";
	/* A Content-Type that says nothing reel can read says no page. */
	if (s->malformed != NULL && !s->file)
		type = "application/octet-stream";
	s->type = xstrdup(type);
	s->refused = strcmp(type, "text/html") != 0 &&
	    strcmp(type, "application/xhtml+xml") != 0 &&
	    strcmp(type, "text/plain") != 0 &&
	    !(s->xml && fetch_xml_type(type));
}

/* Keeps n more bytes. Returns 0, or -1 to stop: the body is too large or
 * not a page. */
static int
fetch_sink_add(struct fetch_sink *s, const char *p, size_t n)
{
	size_t	room = s->max - s->body.len;

	if (n > room) {
		buf_add(&s->body, p, room);
		s->too_large = 1;
		return -1;
	}
	buf_add(&s->body, p, n);
	/* A declared type needs no bytes to be refused; others need some. */
	if (s->type == NULL && (s->body.len >= FETCH_SNIFF_LEN ||
	    (s->declared != NULL && !fetch_octet(s->declared) &&
	    strcmp(s->declared, "text/plain") != 0)))
		fetch_sink_decide(s, s->body.data, s->body.len);
	return s->refused ? -1 : 0;
}

/* After the last byte, or after a stop: returns 0 for a page, or an exit
 * status and the reason in *cause. */
static int
fetch_sink_finish(struct fetch_sink *s, const char *name, char **cause)
{
	const char	*what;

	if (s->type == NULL)
		fetch_sink_decide(s, s->body.data, s->body.len);
	/* Text the bytes were taken for (nothing or octets declared) is
	 * text all through, not only in the bytes sniffed. */
	if (!s->refused && !s->file && strcmp(s->type, "text/plain") == 0 &&
	    (s->declared == NULL || fetch_octet(s->declared)) &&
	    s->body.len > FETCH_SNIFF_LEN &&
	    fetch_binary(s->body.data, s->body.len)) {
		free(s->type);
		s->type = xstrdup("application/octet-stream");
		s->refused = 1;
	}
	if (s->refused && s->malformed != NULL) {
		*cause = xprintf(_("%s: not an HTML page: malformed "
		    "Content-Type \"%s\""), name, s->malformed);
		return REEL_EXIT_CONTENT;
	}
	if (s->refused) {
		if ((what = fetch_kind(s->type)) != NULL)
			/* TRANSLATORS: the URL or file, what it is ("a PDF
			 * document"), and its media type. */
			*cause = xprintf(_("%s: not an HTML page: %s (%s)"),
			    name, what, s->type);
		else
			*cause = xprintf(_("%s: not an HTML page (%s)"), name,
			    s->type);
		return REEL_EXIT_CONTENT;
	}
	if (s->too_large) {
		*cause = xprintf(ngettext_("%s: larger than the limit of %zu "
		    "byte", "%s: larger than the limit of %zu bytes", s->max),
		    name, s->max);
		return REEL_EXIT_CONTENT;
	}
	return 0;
}

static void
fetch_sink_free(struct fetch_sink *s)
{
	buf_free(&s->body);
	free(s->declared);
	free(s->type);
	free(s->malformed);
	memset(s, 0, sizeof *s);
}

static void
fetch_sink_reset(struct fetch_sink *s, size_t max)
{
	fetch_sink_free(s);
	s->max = max;
}

/* The type a file's name declares, or NULL: a local file has no
 * Content-Type, and its name is the nearest thing to one. */
static const char *
fetch_named_type(const char *path)
{
	static const struct {
		const char	*ext;
		const char	*type;
	} exts[] = {
		{ ".html", "text/html" },
		{ ".htm", "text/html" },
		{ ".xhtml", "application/xhtml+xml" },
		{ ".xht", "application/xhtml+xml" },
		{ ".txt", "text/plain" },
		{ ".text", "text/plain" },
	};
	size_t	i, n = strlen(path), len;

	for (i = 0; i < nitems(exts); i++) {
		len = strlen(exts[i].ext);
		if (n > len && strcasecmp(path + n - len, exts[i].ext) == 0)
			return exts[i].type;
	}
	return NULL;
}

/* A local file, or standard input for "-", under the same size limit and
 * type check as a download. Input that keeps the reader waiting (a pipe
 * whose writer is slow) is waited for in steps, with progress called
 * between them, so that the pager can give up on it. */
static int
fetch_file(const char *path, const struct fetch_opts *o,
    struct fetch_result *r, char **cause)
{
	struct fetch_sink	 sink;
	char			*data;
	size_t			 len;
	int			 rc;

	if ((rc = read_file_progress(path, o->max_size, o->progress, o->arg,
	    &data, &len, cause)) != 0)
		return rc;
	memset(&sink, 0, sizeof sink);
	fetch_sink_reset(&sink, o->max_size);
	sink.file = 1;
	sink.xml = o->accept_xml;
	sink.named = strcmp(path, "-") == 0 ? NULL : fetch_named_type(path);
	fetch_sink_decide(&sink, data, len);
	if ((rc = fetch_sink_finish(&sink, url_name(path), cause)) == 0) {
		r->data = data;
		r->len = len;
		data = NULL;
		r->url = xstrdup(path);
		r->type = sink.type;
		sink.type = NULL;
	}
	free(data);
	fetch_sink_free(&sink);
	return rc;
}

static long
fetch_now_ms(void)
{
	struct timespec	ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		fatal("clock_gettime: %s", strerror(errno));
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static size_t
fetch_header_cb(char *p, size_t size, size_t n, void *arg)
{
	struct fetch_xfer	*f = arg;
	size_t			 len = size * n, i, j, k;
	long			 status = 0;

	/* Only status lines: "HTTP/1.1 404 Not Found", "HTTP/2 404". */
	if (len < 12 || memcmp(p, "HTTP/", 5) != 0)
		return len;
	for (i = 5; i < len && p[i] != ' '; i++)
		;
	for (j = i + 1; j < len && j < i + 4; j++) {
		if (p[j] < '0' || p[j] > '9')
			return len;
		status = status * 10 + (p[j] - '0');
	}
	if (j != i + 4)
		return len;
	f->status = status;
	f->reason[0] = '\0';
	if (j < len && p[j] == ' ') {
		for (i = j + 1; i < len && p[i] != '\r' && p[i] != '\n'; i++)
			;
		k = i - (j + 1);
		if (k >= sizeof f->reason)
			k = sizeof f->reason - 1;
		memcpy(f->reason, p + j + 1, k);
		f->reason[k] = '\0';
	}
	return len;
}

/* Sets sink.declared from the response's Content-Type, once per hop. */
static void
fetch_http_typed(struct fetch_xfer *f)
{
	char	*ct = NULL, *charset;

	if (f->typed)
		return;
	f->typed = 1;
	if (curl_dl.easy_getinfo(f->h, CURLINFO_CONTENT_TYPE, &ct) != CURLE_OK)
		ct = NULL;
	fetch_content_type(ct, &f->sink.declared, &charset);
	if (ct != NULL && ct[strspn(ct, " \t")] != '\0' &&
	    f->sink.declared == NULL)
		f->sink.malformed = sanitize(ct, strlen(ct), 0);
	free(charset);
}

static char	*fetch_xfer_value(struct fetch_xfer *, const char *);

static int
fetch_sink_out(void *arg, const char *p, size_t n)
{
	return fetch_sink_add(arg, p, n);
}

/* A piece of the body as it came: decoded here when it has a coding
 * (decode.h: libcurl's own decoding does not tell a stream cut short),
 * then kept. Returns 0, or -1 to stop. */
static int
fetch_body(struct fetch_xfer *f, const char *p, size_t n)
{
	char	*coding;

	if (!f->coded) {
		f->coded = 1;
		coding = fetch_xfer_value(f, "Content-Encoding");
		if (decode_new(coding, &f->dec) != 0) {
			f->coding_error = xprintf(_("unsupported content "
			    "encoding \"%s\""), coding);
			free(coding);
			return -1;
		}
		free(coding);
	}
	if (f->dec == NULL)
		return fetch_sink_add(&f->sink, p, n);
	switch (decode_add(f->dec, p, n, fetch_sink_out, &f->sink)) {
	case 0:
		return 0;
	case 1:
		return -1;
	default:
		f->coding_error = xprintf(_("cannot decompress the page: "
		    "bad %s data"), decode_name(f->dec));
		return -1;
	}
}

static size_t
fetch_write_cb(char *p, size_t size, size_t n, void *arg)
{
	struct fetch_xfer	*f = arg;
	long			 status;

	/* The bodies of redirects and errors are not wanted. */
	if (curl_dl.easy_getinfo(f->h, CURLINFO_RESPONSE_CODE, &status) !=
	    CURLE_OK)
		status = f->status;
	if (status < 200 || status > 299)
		return size * n;
	fetch_http_typed(f);
	if (fetch_body(f, p, size * n) != 0)
		return 0;
	return size * n;
}

static int
fetch_progress_cb(void *arg, curl_off_t dltotal, curl_off_t dlnow,
    curl_off_t ultotal, curl_off_t ulnow)
{
	struct fetch_xfer	*f = arg;

	return f->o->progress(f->o->arg, (size_t)dlnow, (size_t)dltotal) != 0;
}

static int
fetch_http_setup(struct fetch_xfer *f, struct curl_slist *headers,
    char **cause)
{
	const struct fetch_opts	*o = f->o;
	CURL			*h = f->h;
	CURLcode		 cc;

#define SET(opt, value) do {						\
	if ((cc = curl_dl.easy_setopt(h, opt, value)) != CURLE_OK)		\
		goto fail;						\
} while (0)
	SET(CURLOPT_ERRORBUFFER, f->errbuf);
	SET(CURLOPT_NOSIGNAL, 1L);
	/* http and https only, also after a redirect; we follow redirects
	 * ourselves so that each hop is checked and a loop is seen. */
	SET(CURLOPT_PROTOCOLS_STR, "http,https");
	SET(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	SET(CURLOPT_FOLLOWLOCATION, 0L);
	/* Every encoding this libcurl decodes: gzip, deflate, br, zstd. */
	/* Codings are decoded by fetch_body(), which sees a stream end. */
	SET(CURLOPT_ACCEPT_ENCODING, DECODE_ACCEPT);
	SET(CURLOPT_HTTP_CONTENT_DECODING, 0L);
	/* HTTP/2 where a TLS server offers it (ALPN), else HTTP/1.1. */
	SET(CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	SET(CURLOPT_SSL_VERIFYPEER, 1L);
	SET(CURLOPT_SSL_VERIFYHOST, 2L);
	SET(CURLOPT_USERAGENT, FETCH_USER_AGENT);
	SET(CURLOPT_HTTPHEADER, headers);
	SET(CURLOPT_CONNECTTIMEOUT, o->connect_timeout);
	SET(CURLOPT_LOW_SPEED_LIMIT, o->stall_speed);
	SET(CURLOPT_LOW_SPEED_TIME, o->stall_time);
	SET(CURLOPT_HEADERFUNCTION, fetch_header_cb);
	SET(CURLOPT_HEADERDATA, f);
	SET(CURLOPT_WRITEFUNCTION, fetch_write_cb);
	SET(CURLOPT_WRITEDATA, f);
	if (o->progress != NULL) {
		SET(CURLOPT_XFERINFOFUNCTION, fetch_progress_cb);
		SET(CURLOPT_XFERINFODATA, f);
		SET(CURLOPT_NOPROGRESS, 0L);
	}
	/* Proxies: libcurl reads http_proxy, https_proxy, all_proxy and
	 * no_proxy by itself, as long as CURLOPT_PROXY is left alone. */
#undef SET
	return 0;
fail:
	*cause = xprintf(_("libcurl: %s"), curl_dl.easy_strerror(cc));
	return -1;
}

/* The Location of the response just received, as the server wrote it;
 * NULL when there is none, or only white space (which libcurl, too, took
 * for none). Owned by libcurl until the next transfer. */
static const char *
fetch_location(struct fetch_xfer *f)
{
	struct curl_header	*h;

	if (curl_dl.easy_header(f->h, "Location", 0, CURLH_HEADER, -1, &h) !=
	    CURLHE_OK || h->value[strspn(h->value, " \t\r\n")] == '\0')
		return NULL;
	return h->value;
}

static const char *
fetch_reason(struct fetch_xfer *f, long status)
{
	size_t	i;

	/* The server's own words first; they pass sanitize with the rest
	 * of the message. */
	if (f->status == status && f->reason[0] != '\0' &&
	    strspn(f->reason, " \t") != strlen(f->reason))
		return f->reason;
	for (i = 0; i < nitems(fetch_reasons); i++)
		if (fetch_reasons[i].status == status)
			return fetch_reasons[i].reason;
	return NULL;
}

static int
fetch_http_status(struct fetch_xfer *f, const char *url, long status,
    char **cause)
{
	const char	*reason = fetch_reason(f, status);

	if (reason != NULL)
		/* TRANSLATORS: the URL, the HTTP status and the server's
		 * reason phrase ("404 Not Found"), as the server sent it. */
		*cause = xprintf(_("%s: HTTP %ld %s"), url, status, reason);
	else
		*cause = xprintf(_("%s: HTTP %ld"), url, status);
	return REEL_EXIT_HTTP;
}

/* Words for a libcurl error, without libcurl's "SSL certificate problem"
 * style prefixes. */
static const char *
fetch_errbuf(struct fetch_xfer *f, CURLcode cc)
{
	static const char	*prefixes[] = {
		"SSL certificate problem: ", "SSL: ",
		"Could not resolve proxy: ",
	};
	const char		*s = f->errbuf;
	size_t			 i, n;

	if (*s == '\0')
		return curl_dl.easy_strerror(cc);
	for (i = 0; i < nitems(prefixes); i++) {
		n = strlen(prefixes[i]);
		if (strncmp(s, prefixes[i], n) == 0)
			return s + n;
	}
	return s;
}

static int
fetch_curl_error(struct fetch_xfer *f, const char *url, CURLcode cc,
    long deadline, char **cause)
{
	const struct fetch_opts	*o = f->o;
	curl_off_t		 connected = 0;
	long			 oserr = 0;
	char			*host = NULL;
	int			 rc = REEL_EXIT_NETWORK;

	switch (cc) {
	case CURLE_WRITE_ERROR:
		if (f->sink.too_large || f->sink.refused)
			return fetch_sink_finish(&f->sink, url, cause);
		if (f->coding_error != NULL) {
			*cause = xprintf("%s: %s", url, f->coding_error);
			return REEL_EXIT_CONTENT;
		}
		*cause = xprintf("%s: %s", url, fetch_errbuf(f, cc));
		return REEL_EXIT_FAILURE;
	case CURLE_ABORTED_BY_CALLBACK:
		*cause = xprintf(_("%s: cancelled"), url);
		return REEL_EXIT_FAILURE;
	case CURLE_UNSUPPORTED_PROTOCOL:
		*cause = xprintf(_("%s: unsupported URL scheme"), url);
		return REEL_EXIT_CONTENT;
	case CURLE_URL_MALFORMAT:
		*cause = xprintf(_("%s: malformed URL"), url);
		return REEL_EXIT_USAGE;
	case CURLE_COULDNT_RESOLVE_HOST:
		host = url_host(url);
		*cause = xprintf(_("%s: cannot resolve host %s"), url,
		    host != NULL ? host : "?");
		free(host);
		return rc;
	case CURLE_COULDNT_RESOLVE_PROXY:
		*cause = xprintf(_("%s: cannot resolve proxy %s"), url,
		    fetch_errbuf(f, cc));
		return rc;
	case CURLE_COULDNT_CONNECT:
		if (curl_dl.easy_getinfo(f->h, CURLINFO_OS_ERRNO, &oserr) !=
		    CURLE_OK)
			oserr = 0;
		if (oserr == ECONNREFUSED)
			*cause = xprintf(_("%s: connection refused"), url);
		else if (oserr != 0)
			*cause = xprintf(_("%s: cannot connect: %s"), url,
			    strerror((int)oserr));
		else
			*cause = xprintf(_("%s: cannot connect: %s"), url,
			    fetch_errbuf(f, cc));
		return rc;
	case CURLE_OPERATION_TIMEDOUT:
		/* The request went out (a reused connection has no connect
		 * time, but has this): it was not the connection. */
		if (curl_dl.easy_getinfo(f->h, CURLINFO_PRETRANSFER_TIME_T,
		    &connected) != CURLE_OK)
			connected = 0;
		if (o->timeout > 0 && fetch_now_ms() >= deadline)
			*cause = xprintf(ngettext_("%s: timed out after %ld "
			    "second", "%s: timed out after %ld seconds",
			    o->timeout), url, o->timeout);
		else if (connected == 0)
			*cause = xprintf(ngettext_("%s: connection timed out "
			    "after %ld second", "%s: connection timed out "
			    "after %ld seconds", o->connect_timeout), url,
			    o->connect_timeout);
		else
			*cause = xprintf(ngettext_("%s: transfer stalled for "
			    "%ld second", "%s: transfer stalled for %ld "
			    "seconds", o->stall_time), url, o->stall_time);
		return rc;
	case CURLE_PEER_FAILED_VERIFICATION:
		*cause = xprintf(_("%s: certificate problem: %s"), url,
		    fetch_errbuf(f, cc));
		return rc;
	case CURLE_SSL_CACERT_BADFILE:
		*cause = xprintf(_("%s: cannot load the CA certificates: %s"),
		    url, fetch_errbuf(f, cc));
		return rc;
	case CURLE_SSL_CONNECT_ERROR:
		*cause = xprintf(_("%s: TLS handshake failed: %s"), url,
		    fetch_errbuf(f, cc));
		return rc;
	case CURLE_GOT_NOTHING:
		*cause = xprintf(_("%s: the server sent nothing"), url);
		return rc;
	case CURLE_PARTIAL_FILE:
		*cause = xprintf(_("%s: the transfer ended early"), url);
		return rc;
	case CURLE_BAD_CONTENT_ENCODING:
		*cause = xprintf(_("%s: cannot decompress the page: %s"), url,
		    fetch_errbuf(f, cc));
		return rc;
	default:
		*cause = xprintf("%s: %s", url, fetch_errbuf(f, cc));
		return rc;
	}
}

static void
fetch_free_list(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Reason phrases, redirect targets and URLs come from outside: a message
 * that holds them reaches the terminal only through sanitize. */
static void
fetch_clean_cause(char **cause)
{
	char	*clean;

	if (*cause == NULL)
		return;
	clean = sanitize(*cause, strlen(*cause), 0);
	free(*cause);
	*cause = clean;
}

/* Adds a whole header line to the request. */
static void
fetch_xfer_header(struct fetch_xfer *x, const char *line)
{
	struct curl_slist	*l;

	if ((l = curl_dl.slist_append(x->headers, line)) == NULL)
		fatal(_("out of memory"));
	x->headers = l;
}

/* Readies x for its next hop, to the last URL in x->seen. */
static int
fetch_xfer_hop(struct fetch_xfer *x, char **cause)
{
	CURLcode	cc;
	long		left = 0;

	fetch_sink_reset(&x->sink, x->o->max_size);
	x->sink.xml = x->o->accept_xml;
	x->status = 0;
	x->reason[0] = '\0';
	x->typed = 0;
	decode_free(x->dec);
	x->dec = NULL;
	x->coded = 0;
	free(x->coding_error);
	x->coding_error = NULL;
	x->errbuf[0] = '\0';
	if (x->o->timeout > 0 && (left = x->deadline - fetch_now_ms()) <= 0)
		left = 1;
	/* The request, without the fragment it has no business sending. */
	if ((cc = curl_dl.easy_setopt(x->h, CURLOPT_URL,
	    x->seen[x->nseen - 1])) != CURLE_OK ||
	    (cc = curl_dl.easy_setopt(x->h, CURLOPT_TIMEOUT_MS, left)) !=
	    CURLE_OK) {
		*cause = xprintf(_("%s: libcurl: %s"), x->cur,
		    curl_dl.easy_strerror(cc));
		return REEL_EXIT_FAILURE;
	}
	return 0;
}

int
fetch_xfer_new(const char *url, const struct fetch_opts *o,
    const char *etag, const char *last_modified, struct fetch_xfer **xp,
    char **cause)
{
	struct fetch_xfer	*x;
	char			*cur, *bare, *line;
	int			 rc;

	*xp = NULL;
	*cause = NULL;
	if (!url_is_web(url)) {
		*cause = xprintf(_("%s: unsupported URL scheme (reel reads "
		    "http and https)"), url);
		fetch_clean_cause(cause);
		return REEL_EXIT_CONTENT;
	}
	if ((cur = url_absolute(url, NULL)) == NULL ||
	    (bare = url_strip_fragment(cur)) == NULL) {
		free(cur);
		*cause = xprintf(_("%s: malformed URL"), url);
		fetch_clean_cause(cause);
		return REEL_EXIT_USAGE;
	}
	if (fetch_global_init(cause) != 0) {
		free(bare);
		free(cur);
		return REEL_EXIT_FAILURE;
	}
	x = xcalloc(1, sizeof *x);
	x->o = o;
	x->url = xstrdup(url);
	x->cur = cur;
	x->permanent = 1;
	x->seen = xreallocarray(NULL, o->max_redirects + 1, sizeof *x->seen);
	x->seen[x->nseen++] = bare;
	if ((x->h = curl_dl.easy_init()) == NULL)
		fatal(_("cannot initialise libcurl"));
	fetch_xfer_header(x, o->accept_xml ? FETCH_ACCEPT_XML : FETCH_ACCEPT);
	/* The validators as the server gave them; the store keeps them
	 * sanitized, so they hold no line break to end the header. */
	if (etag != NULL && *etag != '\0') {
		line = xprintf("If-None-Match: %s", etag);
		fetch_xfer_header(x, line);
		free(line);
		x->conditional = 1;
	}
	if (last_modified != NULL && *last_modified != '\0') {
		line = xprintf("If-Modified-Since: %s", last_modified);
		fetch_xfer_header(x, line);
		free(line);
		x->conditional = 1;
	}
	x->deadline = fetch_now_ms() + o->timeout * 1000;
	if (fetch_http_setup(x, x->headers, cause) != 0)
		rc = REEL_EXIT_FAILURE;
	else
		rc = fetch_xfer_hop(x, cause);
	if (rc != 0) {
		fetch_clean_cause(cause);
		fetch_xfer_free(x);
		return rc;
	}
	*xp = x;
	return 0;
}

void *
fetch_xfer_handle(struct fetch_xfer *x)
{
	return x->h;
}

const char *
fetch_xfer_url(const struct fetch_xfer *x)
{
	return x->cur;
}

long
fetch_xfer_status(const struct fetch_xfer *x)
{
	return x->status;
}

/* A response header's value, sanitized, or NULL when it has none. */
static char *
fetch_xfer_value(struct fetch_xfer *x, const char *name)
{
	struct curl_header	*h;
	size_t			 start, n;

	if (curl_dl.easy_header(x->h, name, 0, CURLH_HEADER, -1, &h) !=
	    CURLHE_OK)
		return NULL;
	start = strspn(h->value, " \t");
	n = strlen(h->value + start);
	while (n > 0 && (h->value[start + n - 1] == ' ' ||
	    h->value[start + n - 1] == '\t'))
		n--;
	return n > 0 ? sanitize(h->value + start, n, 0) : NULL;
}

/* What every answer that ends a transfer tells: where it ended, where it
 * moved for good, its validators. */
static void
fetch_xfer_result(struct fetch_xfer *x, long status, struct fetch_result *r)
{
	r->url = xstrdup(x->cur);
	r->status = status;
	r->moved = x->moved != NULL ? xstrdup(x->moved) : NULL;
	r->etag = fetch_xfer_value(x, "ETag");
	r->last_modified = fetch_xfer_value(x, "Last-Modified");
}

/* A 3xx answer: gets x ready for the next hop, or says why not. */
static int
fetch_xfer_redirect(struct fetch_xfer *x, long status, char **cause)
{
	const char	*loc;
	char		*next, *nbare;
	size_t		 i;

	if ((loc = fetch_location(x)) == NULL)
		return fetch_http_status(x, x->cur, status, cause);
	if ((next = url_absolute(loc, x->cur)) == NULL ||
	    (nbare = url_strip_fragment(next)) == NULL) {
		free(next);
		*cause = xprintf(_("%s: bad redirect to %s"), x->cur, loc);
		return REEL_EXIT_HTTP;
	}
	if (!url_is_web(next)) {
		*cause = xprintf(_("%s: redirect to an unsupported URL "
		    "scheme: %s"), x->cur, next);
		goto fail;
	}
	for (i = 0; i < x->nseen; i++) {
		if (strcmp(x->seen[i], nbare) == 0) {
			*cause = xprintf(_("%s: redirect loop (back to %s)"),
			    x->cur, next);
			free(next);
			free(nbare);
			return REEL_EXIT_HTTP;
		}
	}
	if (x->redirects++ == x->o->max_redirects) {
		*cause = xprintf(_("%s: too many redirects (more than %ld)"),
		    x->url, x->o->max_redirects);
		free(next);
		free(nbare);
		return REEL_EXIT_HTTP;
	}
	/* Only a chain of permanent redirects from the start moves the
	 * address for good; a temporary hop anywhere ends it. */
	if (x->permanent && (status == 301 || status == 308)) {
		free(x->moved);
		x->moved = xstrdup(next);
	} else
		x->permanent = 0;
	x->seen[x->nseen++] = nbare;
	free(x->cur);
	x->cur = next;
	return fetch_xfer_hop(x, cause);

fail:
	free(next);
	free(nbare);
	return REEL_EXIT_CONTENT;
}

int
fetch_xfer_done(struct fetch_xfer *x, int code, int *again,
    struct fetch_result *r, char **cause)
{
	char	*ct = NULL, *mt;
	long	 status;
	int	 rc;

	memset(r, 0, sizeof *r);
	*cause = NULL;
	*again = 0;
	if ((CURLcode)code != CURLE_OK) {
		rc = fetch_curl_error(x, x->cur, (CURLcode)code, x->deadline,
		    cause);
		goto fail;
	}
	if (curl_dl.easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &status) !=
	    CURLE_OK)
		status = x->status;
	x->status = status;
	if (status == 304 && x->conditional) {
		fetch_xfer_result(x, status, r);
		return 0;
	}
	if (status >= 300 && status <= 399) {
		if ((rc = fetch_xfer_redirect(x, status, cause)) != 0)
			goto fail;
		*again = 1;
		return 0;
	}
	if (status < 200 || status > 299) {
		rc = fetch_http_status(x, x->cur, status, cause);
		goto fail;
	}
	fetch_http_typed(x);
	if (x->dec != NULL && !decode_ended(x->dec)) {
		*cause = xprintf(_("%s: incomplete page: the %s data end "
		    "early"), x->cur, decode_name(x->dec));
		rc = REEL_EXIT_NETWORK;
		goto fail;
	}
	if ((rc = fetch_sink_finish(&x->sink, x->cur, cause)) != 0)
		goto fail;
	if (curl_dl.easy_getinfo(x->h, CURLINFO_CONTENT_TYPE, &ct) != CURLE_OK)
		ct = NULL;
	fetch_content_type(ct, &mt, &r->charset);
	free(mt);
	if (ct != NULL)
		r->content_type = sanitize(ct, strlen(ct), 0);
	r->type = x->sink.type;
	x->sink.type = NULL;
	r->data = buf_detach(&x->sink.body, &r->len);
	fetch_xfer_result(x, status, r);
	return 0;

fail:
	fetch_clean_cause(cause);
	fetch_result_free(r);
	return rc;
}

void
fetch_xfer_free(struct fetch_xfer *x)
{
	if (x == NULL)
		return;
	fetch_sink_free(&x->sink);
	decode_free(x->dec);
	free(x->coding_error);
	fetch_free_list(x->seen, x->nseen);
	free(x->url);
	free(x->cur);
	free(x->moved);
	curl_dl.easy_cleanup(x->h);
	curl_dl.slist_free_all(x->headers);
	free(x);
}

/*
 * An http or https URL. Redirects are followed here rather than by libcurl
 * so that each hop's scheme is checked, a loop is named as one (libcurl
 * would only count to its limit), and the timeout covers all hops.
 */
static int
fetch_http(const char *url, const struct fetch_opts *o,
    struct fetch_result *r, char **cause)
{
	struct fetch_xfer	*x;
	int			 rc, again = 1;

	if ((rc = fetch_xfer_new(url, o, NULL, NULL, &x, cause)) != 0)
		return rc;
	while (again && rc == 0)
		rc = fetch_xfer_done(x, curl_dl.easy_perform(x->h), &again, r,
		    cause);
	fetch_xfer_free(x);
	return rc;
}

int
fetch(const char *what, const struct fetch_opts *o, struct fetch_result *r,
    char **cause)
{
	size_t	 n;
	int	 rc;

	memset(r, 0, sizeof *r);
	*cause = NULL;
	n = url_scheme_len(what);
	if (url_is_web(what))
		rc = fetch_http(what, o, r, cause);
	else if (strcmp(what, "-") == 0 || n == 0 ||
	    (strncmp(what + n + 1, "//", 2) != 0 && access(what, F_OK) == 0))
		/* "notes:1.html" is a file if there is such a file. */
		rc = fetch_file(what, o, r, cause);
	else {
		*cause = xprintf(_("%s: unsupported URL scheme (reel reads "
		    "http and https)"), what);
		rc = REEL_EXIT_CONTENT;
	}
	if (rc != 0) {
		fetch_clean_cause(cause);
		fetch_result_free(r);
	}
	return rc;
}

void
fetch_result_free(struct fetch_result *r)
{
	free(r->data);
	free(r->url);
	free(r->type);
	free(r->charset);
	free(r->content_type);
	free(r->etag);
	free(r->last_modified);
	free(r->moved);
	memset(r, 0, sizeof *r);
}
