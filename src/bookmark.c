/* bookmark.c: bookmark files read and written as plain data: Netscape
 * HTML (what every browser imports and exports), reel's JSON, lists of
 * URLs, and Markdown with front matter. */
#include <config.h>

#include <sys/types.h>

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json.h>

#include "bookmark.h"
#include "buf.h"
#include "date.h"
#include "entity.h"
#include "sanitize.h"
#include "url.h"
#include "util.h"

/* Folders deeper than this are read, but name no more tags. */
#define BOOKMARK_MAX_DEPTH	32
/* Attributes read of one tag of a Netscape file. */
#define BOOKMARK_MAX_ATTRS	16
/* What a warning quotes of a line it skipped, in bytes. */
#define BOOKMARK_QUOTE_MAX	80

static const char *const bookmark_formats[] = {
	[BOOKMARK_HTML] = "html",
	[BOOKMARK_MARKDOWN] = "markdown",
	[BOOKMARK_JSON] = "json",
};

int
bookmark_format_parse(const char *s)
{
	size_t	i;

	for (i = 0; i < nitems(bookmark_formats); i++)
		if (strcmp(s, bookmark_formats[i]) == 0)
			return (int)i;
	return -1;
}

void
bookmark_free(struct bookmark *b)
{
	size_t	i;

	free(b->url);
	free(b->title);
	free(b->author);
	free(b->site);
	free(b->published);
	free(b->note);
	for (i = 0; i < b->ntags; i++)
		free(b->tags[i]);
	free(b->tags);
	for (i = 0; i < b->nquotes; i++)
		free(b->quotes[i].text);
	free(b->quotes);
	free(b->text);
	memset(b, 0, sizeof *b);
}

void
bookmark_file_free(struct bookmark_file *f)
{
	size_t	i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++)
		bookmark_free(&f->v[i]);
	free(f->v);
	for (i = 0; i < f->nwarnings; i++)
		free(f->warnings[i]);
	free(f->warnings);
	free(f);
}

static void
bookmark_warn(struct bookmark_file *f, char *msg)
{
	f->warnings = xreallocarray(f->warnings, f->nwarnings + 1,
	    sizeof *f->warnings);
	f->warnings[f->nwarnings++] = msg;
}

/* s of len bytes as one line for a message: sanitized, cut short. */
static char *
bookmark_quote(const char *s, size_t len)
{
	if (len > BOOKMARK_QUOTE_MAX)
		len = BOOKMARK_QUOTE_MAX;
	return sanitize(s, len, 0);
}

/* Text of a file as one line: character references decoded (HTML's),
 * tags left out, sanitized (a browser's file holds the titles pages
 * gave), runs of white space one space, none at the ends; NULL when
 * nothing is left. */
static char *
bookmark_text(const char *s, size_t len, int html)
{
	struct buf	 raw = BUF_INIT, clean = BUF_INIT, out = BUF_INIT;
	const char	*p, *end = s + len;
	int		 space = 0;

	if (html) {
		/* Markup inside a title (<b>) is not its text. */
		for (p = s; p < end; p++) {
			if (*p == '<') {
				while (p < end && *p != '>')
					p++;
				continue;
			}
			buf_addc(&raw, *p);
		}
		entity_decode(&out, buf_str(&raw), raw.len, ENTITY_HTML);
		sanitize_append(&clean, buf_str(&out), out.len, 0);
		buf_reset(&out);
	} else
		sanitize_append(&clean, s, len, 0);
	for (p = buf_str(&clean); *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '\f') {
			space = out.len > 0;
			continue;
		}
		if (space)
			buf_addc(&out, ' ');
		space = 0;
		buf_addc(&out, *p);
	}
	buf_free(&raw);
	buf_free(&clean);
	if (out.len == 0) {
		buf_free(&out);
		return NULL;
	}
	return buf_detach(&out, NULL);
}

/* Gives b the tag of len bytes, trimmed, once (case ignored). */
static void
bookmark_add_tag(struct bookmark *b, const char *tag, size_t len)
{
	char	*t;
	size_t	 i;

	if ((t = bookmark_text(tag, len, 0)) == NULL)
		return;
	for (i = 0; i < b->ntags; i++) {
		if (strcasecmp(b->tags[i], t) == 0) {
			free(t);
			return;
		}
	}
	b->tags = xreallocarray(b->tags, b->ntags + 2, sizeof *b->tags);
	b->tags[b->ntags++] = t;
	b->tags[b->ntags] = NULL;
}

/* Splits a list of tags at its commas. */
static void
bookmark_add_tags(struct bookmark *b, const char *list)
{
	const char	*p, *comma;

	for (p = list; p != NULL; p = comma != NULL ? comma + 1 : NULL) {
		comma = strchr(p, ',');
		bookmark_add_tag(b, p, comma != NULL ? (size_t)(comma - p) :
		    strlen(p));
	}
}

/* The bookmark of url in f: the one there, or a new one at the end.
 * Takes url. */
static struct bookmark *
bookmark_get(struct bookmark_file *f, char *url)
{
	struct bookmark	*b;
	size_t		 i;

	for (i = 0; i < f->n; i++) {
		if (strcmp(f->v[i].url, url) == 0) {
			free(url);
			return &f->v[i];
		}
	}
	f->v = xreallocarray(f->v, f->n + 1, sizeof *f->v);
	b = &f->v[f->n++];
	memset(b, 0, sizeof *b);
	b->url = url;
	return b;
}

/* A URL of a file as a request names it (what a URL cannot hold
 * percent-encoded, as `reel bookmark add` has it), or NULL when it is
 * none reel fetches. */
static char *
bookmark_url(const char *s, size_t len)
{
	char	*t, *u;

	if ((t = bookmark_text(s, len, 0)) == NULL)
		return NULL;
	u = url_absolute(t, NULL);
	free(t);
	if (u != NULL && !url_is_web(u)) {
		free(u);
		return NULL;
	}
	return u;
}

/*
 * The Netscape bookmark file: HTML of <DT><A HREF=...>, <DD> notes and
 * <H3> folders over <DL> lists, as browsers write it (not well-formed:
 * <DT>, <DD> and <p> are never closed). Read by a small scanner of tags,
 * not an HTML parser: nothing but these tags matters.
 */

struct bookmark_attr {
	char	name[32];
	char	*value;		/* entity-decoded */
};

struct bookmark_scan {
	const char		*p, *end;
	struct bookmark_file	*f;
	char			*folders[BOOKMARK_MAX_DEPTH];
	size_t			 depth;		/* <DL>s open */
	char			*folder;	/* the last <H3>'s name */
	int			 folder_set;	/* an <H3> came since the
						   last <DL> */
	/* The bookmark a <DD> describes, or -1. */
	ssize_t			 last;
	size_t			 skipped;	/* non-web links */
};

static int
bookmark_at(const struct bookmark_scan *sc, const char *p, const char *s)
{
	size_t	n = strlen(s);

	return (size_t)(sc->end - p) >= n && strncasecmp(p, s, n) == 0;
}

/* Where s (case ignored) next starts from p, or the end. */
static const char *
bookmark_find(const struct bookmark_scan *sc, const char *p, const char *s)
{
	for (; p < sc->end; p++)
		if (bookmark_at(sc, p, s))
			return p;
	return sc->end;
}

/* Reads a tag's attributes from sc->p (after its name) to its '>'. */
static size_t
bookmark_attrs(struct bookmark_scan *sc, struct bookmark_attr *av)
{
	const char	*p = sc->p, *end = sc->end, *name, *val;
	size_t		 n = 0, nlen, vlen;
	struct buf	 b = BUF_INIT;
	char		 q;

	for (;;) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (p >= end || *p == '>' || *p == '/' || *p == '<')
			break;
		name = p;
		while (p < end && !isspace((unsigned char)*p) && *p != '=' &&
		    *p != '>')
			p++;
		nlen = (size_t)(p - name);
		while (p < end && isspace((unsigned char)*p))
			p++;
		val = NULL;
		vlen = 0;
		if (p < end && *p == '=') {
			p++;
			while (p < end && isspace((unsigned char)*p))
				p++;
			if (p < end && (*p == '"' || *p == '\'')) {
				q = *p++;
				val = p;
				while (p < end && *p != q)
					p++;
				vlen = (size_t)(p - val);
				if (p < end)
					p++;
			} else {
				val = p;
				while (p < end && !isspace((unsigned char)*p) &&
				    *p != '>')
					p++;
				vlen = (size_t)(p - val);
			}
		}
		/* "=value" with no name: skipped ('=' is taken, so the
		 * loop goes on; a step more could pass the end). */
		if (nlen == 0)
			continue;
		if (n < BOOKMARK_MAX_ATTRS && nlen < sizeof av[n].name) {
			memcpy(av[n].name, name, nlen);
			av[n].name[nlen] = '\0';
			buf_reset(&b);
			if (val != NULL)
				entity_decode(&b, val, vlen, ENTITY_HTML);
			av[n].value = xstrdup(buf_str(&b));
			n++;
		}
	}
	if (p < end && *p == '/')
		p++;
	if (p < end && *p == '>')
		p++;
	sc->p = p;
	buf_free(&b);
	return n;
}

static const char *
bookmark_attr(const struct bookmark_attr *av, size_t n, const char *name)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcasecmp(av[i].name, name) == 0)
			return av[i].value;
	return NULL;
}

static void
bookmark_attrs_free(struct bookmark_attr *av, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(av[i].value);
}

/* Where the title of a link ends: its </A>, or where a list's next
 * entry starts when the file forgot it. */
static const char *
bookmark_title_end(const struct bookmark_scan *sc)
{
	static const char *const ends[] = { "</a", "<dt", "<dd", "<dl",
	    "</dl" };
	const char	*p;
	size_t		 i;

	/* One pass: a file of many links is read once per link only as
	 * far as that link goes. */
	for (p = sc->p; p < sc->end; p++) {
		if (*p != '<')
			continue;
		for (i = 0; i < nitems(ends); i++)
			if (bookmark_at(sc, p, ends[i]))
				return p;
	}
	return sc->end;
}

/* <A HREF=...>title</A>: a bookmark, tagged with its folders. */
static void
bookmark_scan_a(struct bookmark_scan *sc, struct bookmark_attr *av,
    size_t n)
{
	struct bookmark	*b;
	const char	*href, *tags, *date, *close;
	char		*url, *end;
	long long	 t;
	size_t		 i;

	close = bookmark_title_end(sc);
	sc->last = -1;
	if ((href = bookmark_attr(av, n, "href")) == NULL) {
		sc->p = close;
		return;
	}
	if ((url = bookmark_url(href, strlen(href))) == NULL) {
		sc->skipped++;
		sc->p = close;
		return;
	}
	b = bookmark_get(sc->f, url);
	sc->last = b - sc->f->v;
	if (b->title == NULL)
		b->title = bookmark_text(sc->p, (size_t)(close - sc->p), 1);
	sc->p = close;
	if ((tags = bookmark_attr(av, n, "tags")) != NULL)
		bookmark_add_tags(b, tags);
	for (i = 0; i < sc->depth && i < BOOKMARK_MAX_DEPTH; i++)
		if (sc->folders[i] != NULL)
			bookmark_add_tag(b, sc->folders[i],
			    strlen(sc->folders[i]));
	if (b->added == 0 && (date = bookmark_attr(av, n, "add_date")) !=
	    NULL) {
		t = strtoll(date, &end, 10);
		/* Some browsers write microseconds. */
		while (t > 100000000000LL)
			t /= 1000;
		if (end != date && *end == '\0' && t > 0)
			b->added = t;
	}
}

/* <H3 ...>name</H3>: the folder the next <DL> holds. A browser's own
 * folders (its toolbar, its unsorted bookmarks) name no tag. */
static void
bookmark_scan_h3(struct bookmark_scan *sc, struct bookmark_attr *av,
    size_t n)
{
	const char	*close = bookmark_find(sc, sc->p, "</h3");

	free(sc->folder);
	sc->folder = NULL;
	sc->folder_set = 1;
	sc->last = -1;
	if (bookmark_attr(av, n, "personal_toolbar_folder") == NULL &&
	    bookmark_attr(av, n, "unfiled_bookmarks_folder") == NULL)
		sc->folder = bookmark_text(sc->p, (size_t)(close - sc->p), 1);
	sc->p = close;
}

/* <DD>text: the note of the bookmark just before. */
static void
bookmark_scan_dd(struct bookmark_scan *sc)
{
	const char	*close = bookmark_find(sc, sc->p, "<");
	struct bookmark	*b;

	if (sc->last >= 0) {
		b = &sc->f->v[sc->last];
		if (b->note == NULL)
			b->note = bookmark_text(sc->p, (size_t)(close - sc->p),
			    1);
	}
	sc->last = -1;
	sc->p = close;
}

static void
bookmark_netscape(const char *data, size_t len, struct bookmark_file *f)
{
	struct bookmark_scan	 sc;
	struct bookmark_attr	 av[BOOKMARK_MAX_ATTRS];
	const char		*name;
	size_t			 nlen, n, i;
	int			 closing;

	memset(&sc, 0, sizeof sc);
	sc.p = data;
	sc.end = data + len;
	sc.f = f;
	sc.last = -1;
	while ((sc.p = bookmark_find(&sc, sc.p, "<")) < sc.end) {
		if (bookmark_at(&sc, sc.p, "<!--")) {
			sc.p = bookmark_find(&sc, sc.p + 4, "-->");
			continue;
		}
		sc.p++;
		if ((closing = sc.p < sc.end && *sc.p == '/'))
			sc.p++;
		name = sc.p;
		while (sc.p < sc.end && isalnum((unsigned char)*sc.p))
			sc.p++;
		nlen = (size_t)(sc.p - name);
		n = bookmark_attrs(&sc, av);
		if (nlen == 2 && strncasecmp(name, "dl", 2) == 0) {
			if (closing) {
				if (sc.depth > 0 && --sc.depth <
				    BOOKMARK_MAX_DEPTH) {
					free(sc.folders[sc.depth]);
					sc.folders[sc.depth] = NULL;
				}
			} else {
				if (sc.depth < BOOKMARK_MAX_DEPTH) {
					sc.folders[sc.depth] = sc.folder;
					sc.folder = NULL;
				}
				sc.depth++;
			}
			sc.folder_set = 0;
		} else if (!closing && nlen == 1 && strncasecmp(name, "a",
		    1) == 0)
			bookmark_scan_a(&sc, av, n);
		else if (!closing && nlen == 2 && strncasecmp(name, "h3",
		    2) == 0)
			bookmark_scan_h3(&sc, av, n);
		else if (!closing && nlen == 2 && strncasecmp(name, "dd",
		    2) == 0)
			bookmark_scan_dd(&sc);
		bookmark_attrs_free(av, n);
	}
	for (i = 0; i < BOOKMARK_MAX_DEPTH; i++)
		free(sc.folders[i]);
	free(sc.folder);
	if (sc.skipped > 0)
		bookmark_warn(f, xprintf(ngettext_("%zu link is not an http "
		    "or https URL: skipped", "%zu links are not http or https "
		    "URLs: skipped", sc.skipped), sc.skipped));
}

/* Lines of URLs. */
static void
bookmark_urls(const char *data, size_t len, struct bookmark_file *f)
{
	const char	*p = data, *end = data + len, *nl, *s, *e;
	char		*url, *q;
	size_t		 line = 0;

	for (; p < end; p = nl < end ? nl + 1 : end) {
		line++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		for (s = p; s < nl && isspace((unsigned char)*s); s++)
			/* nothing */;
		for (e = nl; e > s && isspace((unsigned char)e[-1]); e--)
			/* nothing */;
		if (s == e || *s == '#')
			continue;
		if ((url = bookmark_url(s, (size_t)(e - s))) == NULL) {
			q = bookmark_quote(s, (size_t)(e - s));
			/* TRANSLATORS: a line of a list of URLs. */
			bookmark_warn(f, xprintf(_("line %zu: not an http or "
			    "https URL: %s"), line, q));
			free(q);
			continue;
		}
		(void)bookmark_get(f, url);
	}
}

/* A string member of o, or NULL. */
static const char *
bookmark_json_str(json_object *o, const char *key)
{
	json_object	*v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* A string member of o sanitized (flags as sanitize()'s), or NULL when
 * there is none or it is empty. */
static char *
bookmark_json_text(json_object *o, const char *key, int flags)
{
	json_object	*v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string) ||
	    json_object_get_string_len(v) == 0)
		return NULL;
	return sanitize(json_object_get_string(v),
	    (size_t)json_object_get_string_len(v), flags);
}

/* One object of reel's JSON. */
static void
bookmark_json_one(json_object *o, size_t i, struct bookmark_file *f)
{
	struct bookmark	*b;
	struct date	 d;
	json_object	*v, *e, *blk;
	const char	*s;
	char		*url, *text;
	size_t		 j, n;

	if (!json_object_is_type(o, json_type_object) ||
	    (s = bookmark_json_str(o, "url")) == NULL) {
		bookmark_warn(f, xprintf(_("entry %zu: no \"url\""), i + 1));
		return;
	}
	if ((url = bookmark_url(s, strlen(s))) == NULL) {
		url = bookmark_quote(s, strlen(s));
		bookmark_warn(f, xprintf(_("entry %zu: not an http or https "
		    "URL: %s"), i + 1, url));
		free(url);
		return;
	}
	b = bookmark_get(f, url);
	if (b->title == NULL)
		b->title = bookmark_json_text(o, "title", 0);
	if (b->note == NULL)
		b->note = bookmark_json_text(o, "note", SANITIZE_PRE);
	if (b->added == 0 && (s = bookmark_json_str(o, "added")) != NULL &&
	    date_parse(s, &d) == 0)
		b->added = date_utc(&d);
	if (json_object_object_get_ex(o, "tags", &v) &&
	    json_object_is_type(v, json_type_array)) {
		n = json_object_array_length(v);
		for (j = 0; j < n; j++) {
			e = json_object_array_get_idx(v, j);
			if (json_object_is_type(e, json_type_string))
				bookmark_add_tag(b, json_object_get_string(e),
				    (size_t)json_object_get_string_len(e));
		}
	}
	if (b->nquotes > 0 || !json_object_object_get_ex(o, "quotes", &v) ||
	    !json_object_is_type(v, json_type_array))
		return;
	n = json_object_array_length(v);
	for (j = 0; j < n; j++) {
		e = json_object_array_get_idx(v, j);
		if (!json_object_object_get_ex(e, "block", &blk) ||
		    !json_object_is_type(blk, json_type_int) ||
		    json_object_get_int64(blk) < 0 ||
		    (text = bookmark_json_text(e, "text", SANITIZE_PRE)) ==
		    NULL)
			continue;
		b->quotes = xreallocarray(b->quotes, b->nquotes + 1,
		    sizeof *b->quotes);
		b->quotes[b->nquotes].block =
		    (size_t)json_object_get_int64(blk);
		b->quotes[b->nquotes++].text = text;
	}
}

static int
bookmark_json(const char *data, size_t len, struct bookmark_file *f,
    char **cause)
{
	json_tokener		*tok;
	json_object		*root;
	enum json_tokener_error	 err;
	size_t			 i, n;

	if (len > INT32_MAX) {
		*cause = xstrdup(_("JSON: too large"));
		return -1;
	}
	if ((tok = json_tokener_new()) == NULL)
		fatal(_("out of memory"));
	root = json_tokener_parse_ex(tok, data, (int)len);
	err = json_tokener_get_error(tok);
	if (root == NULL || err != json_tokener_success) {
		*cause = xprintf(_("JSON: %s at byte %zu"),
		    json_tokener_error_desc(err == json_tokener_success ?
		    json_tokener_continue : err),
		    json_tokener_get_parse_end(tok));
		json_object_put(root);
		json_tokener_free(tok);
		return -1;
	}
	json_tokener_free(tok);
	if (!json_object_is_type(root, json_type_array)) {
		*cause = xstrdup(_("JSON: not reel's bookmarks (an array of "
		    "objects with a \"url\")"));
		json_object_put(root);
		return -1;
	}
	n = json_object_array_length(root);
	for (i = 0; i < n; i++)
		bookmark_json_one(json_object_array_get_idx(root, i), i, f);
	json_object_put(root);
	return 0;
}

/* Whether data (past white space) looks like a Netscape file: its
 * doctype, or a list of links. */
static int
bookmark_is_html(const char *data, size_t len)
{
	static const char *const marks[] = {
		"<!doctype netscape", "<dl", "<dt", "<a href",
	};
	struct bookmark_scan	 sc;
	size_t			 i;

	memset(&sc, 0, sizeof sc);
	sc.end = data + len;
	for (i = 0; i < nitems(marks); i++)
		if (bookmark_find(&sc, data, marks[i]) < sc.end)
			return 1;
	return 0;
}

int
bookmark_parse(const char *data, size_t len, struct bookmark_file **fp,
    char **cause)
{
	struct bookmark_file	*f;
	const char		*p = data, *end = data + len;

	f = xcalloc(1, sizeof *f);
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end && isspace((unsigned char)*p))
		p++;
	if (p < end && (*p == '[' || *p == '{')) {
		f->kind = "JSON";
		if (bookmark_json(p, (size_t)(end - p), f, cause) != 0) {
			bookmark_file_free(f);
			return -1;
		}
	} else if (bookmark_is_html(p, (size_t)(end - p))) {
		f->kind = "Netscape";
		bookmark_netscape(p, (size_t)(end - p), f);
	} else {
		f->kind = "URL list";
		if (memchr(p, '\0', (size_t)(end - p)) != NULL) {
			*cause = xstrdup(_("not a bookmark file (a Netscape "
			    "bookmark file, reel's JSON or a list of URLs)"));
			bookmark_file_free(f);
			return -1;
		}
		bookmark_urls(p, (size_t)(end - p), f);
	}
	*fp = f;
	return 0;
}

/*
 * Writing.
 */

/* s as a YAML double-quoted scalar, or null. */
static void
bookmark_yaml(struct buf *out, const char *s)
{
	if (s == NULL) {
		buf_adds(out, "null");
		return;
	}
	buf_addc(out, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_printf(out, "\\%c", *s);
		else if (*s == '\n')
			buf_adds(out, "\\n");
		else if (*s == '\t')
			buf_adds(out, "\\t");
		else if ((unsigned char)*s < 0x20 || *s == 0x7f)
			buf_printf(out, "\\x%02x", (unsigned char)*s);
		else
			buf_addc(out, *s);
	}
	buf_addc(out, '"');
}

static void
bookmark_yaml_time(struct buf *out, int64_t t)
{
	char	*s;

	if (t == 0) {
		buf_adds(out, "null");
		return;
	}
	s = date_rfc3339(t);
	bookmark_yaml(out, s);
	free(s);
}

void
bookmark_format_begin(struct buf *out, enum bookmark_format fmt)
{
	switch (fmt) {
	case BOOKMARK_HTML:
		/* The lines every browser writes and looks for. */
		buf_adds(out, "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"
		    "<!-- This is an automatically generated file.\n"
		    "     It will be read and overwritten.\n"
		    "     DO NOT EDIT! -->\n"
		    "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; "
		    "charset=UTF-8\">\n"
		    "<TITLE>Bookmarks</TITLE>\n"
		    "<H1>Bookmarks</H1>\n"
		    "<DL><p>\n");
		break;
	case BOOKMARK_JSON:
		buf_addc(out, '[');
		break;
	case BOOKMARK_MARKDOWN:
		break;
	}
}

static void
bookmark_one_html(struct buf *out, const struct bookmark *b)
{
	size_t	i;

	buf_adds(out, "    <DT><A HREF=\"");
	buf_add_markup(out, b->url, 0);
	buf_addc(out, '"');
	if (b->added != 0)
		buf_printf(out, " ADD_DATE=\"%" PRId64 "\"", b->added);
	if (b->read != 0)
		buf_printf(out, " LAST_VISIT=\"%" PRId64 "\"", b->read);
	if (b->ntags > 0) {
		/* A comma separates tags: one inside a tag would split it. */
		buf_adds(out, " TAGS=\"");
		for (i = 0; i < b->ntags; i++) {
			if (i > 0)
				buf_addc(out, ',');
			buf_add_markup(out, b->tags[i], 0);
		}
		buf_addc(out, '"');
	}
	buf_addc(out, '>');
	buf_add_markup(out, b->title != NULL ? b->title : b->url, 0);
	buf_adds(out, "</A>\n");
	if (b->note != NULL) {
		buf_adds(out, "    <DD>");
		buf_add_markup(out, b->note, 0);
		buf_addc(out, '\n');
	}
}

static void
bookmark_one_markdown(struct buf *out, const struct bookmark *b, size_t i)
{
	size_t	j;

	if (i > 0)
		buf_addc(out, '\n');
	buf_adds(out, "---\ntitle: ");
	bookmark_yaml(out, b->title);
	buf_adds(out, "\nauthor: ");
	bookmark_yaml(out, b->author);
	buf_adds(out, "\nsite: ");
	bookmark_yaml(out, b->site);
	buf_adds(out, "\nurl: ");
	bookmark_yaml(out, b->url);
	buf_adds(out, "\ndate: ");
	bookmark_yaml(out, b->published);
	buf_adds(out, "\nadded: ");
	bookmark_yaml_time(out, b->added);
	buf_adds(out, "\ntags: [");
	for (j = 0; j < b->ntags; j++) {
		if (j > 0)
			buf_adds(out, ", ");
		bookmark_yaml(out, b->tags[j]);
	}
	buf_adds(out, "]\nnote: ");
	bookmark_yaml(out, b->note);
	buf_adds(out, "\nquotes:");
	if (b->nquotes == 0)
		buf_adds(out, " []");
	for (j = 0; j < b->nquotes; j++) {
		buf_adds(out, "\n  - ");
		bookmark_yaml(out, b->quotes[j].text);
	}
	buf_adds(out, "\n---\n");
	if (b->text != NULL && *b->text != '\0') {
		buf_addc(out, '\n');
		buf_adds(out, b->text);
		if (b->text[strlen(b->text) - 1] != '\n')
			buf_addc(out, '\n');
	}
}

static json_object *
bookmark_json_new(json_object *v)
{
	if (v == NULL)
		fatal(_("out of memory"));
	return v;
}

static void
bookmark_json_add(json_object *o, const char *key, json_object *v)
{
	if (json_object_object_add(o, key, v) != 0)
		fatal(_("out of memory"));
}

static json_object *
bookmark_json_string(const char *s)
{
	return s != NULL ? bookmark_json_new(json_object_new_string(s)) :
	    NULL;
}

static json_object *
bookmark_json_time(int64_t t)
{
	json_object	*o;
	char		*s;

	if (t == 0)
		return NULL;
	s = date_rfc3339(t);
	o = bookmark_json_string(s);
	free(s);
	return o;
}

static void
bookmark_one_json(struct buf *out, const struct bookmark *b, size_t i)
{
	json_object	*o, *tags, *quotes, *q;
	const char	*s;
	size_t		 j;

	o = bookmark_json_new(json_object_new_object());
	tags = bookmark_json_new(json_object_new_array());
	quotes = bookmark_json_new(json_object_new_array());
	bookmark_json_add(o, "url", bookmark_json_string(b->url));
	bookmark_json_add(o, "title", bookmark_json_string(b->title));
	bookmark_json_add(o, "author", bookmark_json_string(b->author));
	bookmark_json_add(o, "site", bookmark_json_string(b->site));
	bookmark_json_add(o, "published", bookmark_json_string(b->published));
	bookmark_json_add(o, "added", bookmark_json_time(b->added));
	bookmark_json_add(o, "read", bookmark_json_time(b->read));
	for (j = 0; j < b->ntags; j++)
		if (json_object_array_add(tags,
		    bookmark_json_string(b->tags[j])) != 0)
			fatal(_("out of memory"));
	bookmark_json_add(o, "tags", tags);
	bookmark_json_add(o, "note", bookmark_json_string(b->note));
	for (j = 0; j < b->nquotes; j++) {
		q = bookmark_json_new(json_object_new_object());
		bookmark_json_add(q, "block", bookmark_json_new(
		    json_object_new_int64((int64_t)b->quotes[j].block)));
		bookmark_json_add(q, "text",
		    bookmark_json_string(b->quotes[j].text));
		if (json_object_array_add(quotes, q) != 0)
			fatal(_("out of memory"));
	}
	bookmark_json_add(o, "quotes", quotes);
	s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_SPACED |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
	if (s == NULL)
		fatal(_("out of memory"));
	buf_adds(out, i > 0 ? ",\n  " : "\n  ");
	buf_adds(out, s);
	json_object_put(o);
}

void
bookmark_format_one(struct buf *out, enum bookmark_format fmt,
    const struct bookmark *b, size_t i)
{
	switch (fmt) {
	case BOOKMARK_HTML:
		bookmark_one_html(out, b);
		break;
	case BOOKMARK_MARKDOWN:
		bookmark_one_markdown(out, b, i);
		break;
	case BOOKMARK_JSON:
		bookmark_one_json(out, b, i);
		break;
	}
}

void
bookmark_format_end(struct buf *out, enum bookmark_format fmt, size_t n)
{
	switch (fmt) {
	case BOOKMARK_HTML:
		buf_adds(out, "</DL><p>\n");
		break;
	case BOOKMARK_JSON:
		buf_adds(out, n > 0 ? "\n]\n" : "]\n");
		break;
	case BOOKMARK_MARKDOWN:
		break;
	}
}
