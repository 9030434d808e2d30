/* feed_build.c: the feed model (feed.h) made and freed, and the builders
 * the readers of each format fill it with (feed_build.h): every string
 * goes in through here, trimmed and sanitized, every URL resolved. */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "date.h"
#include "entity.h"
#include "feed.h"
#include "feed_build.h"
#include "sanitize.h"
#include "text.h"
#include "url.h"
#include "util.h"

struct feed *
feed_new(const char *version)
{
	struct feed	*f = xcalloc(1, sizeof *f);

	f->version = version;
	f->updated = f->published = f->created = FEED_NO_DATE;
	return f;
}

/* Gives back the room an item's arrays do not use: xgrowarray() starts
 * at 16, and a feed of 100,000 items has one link each. */
void
feed_trim_item(struct feed_item *it)
{
#define TRIM(v, n, cap) do {						\
	if ((n) > 0 && (n) < (cap)) {					\
		(v) = xreallocarray((v), (n), sizeof *(v));		\
		(cap) = (n);						\
	}								\
} while (0)
	TRIM(it->links, it->nlinks, it->links_cap);
	TRIM(it->authors, it->nauthors, it->authors_cap);
	TRIM(it->categories, it->ncategories, it->categories_cap);
	TRIM(it->enclosures, it->nenclosures, it->enclosures_cap);
#undef TRIM
}

struct feed_item *
feed_add_item(struct feed *f)
{
	struct feed_item	*it;

	if (f->nitems > 0)
		feed_trim_item(&f->items[f->nitems - 1]);
	f->items = xgrowarray(f->items, &f->items_cap, f->nitems + 1,
	    sizeof *f->items);
	it = &f->items[f->nitems++];
	memset(it, 0, sizeof *it);
	it->published = it->updated = it->created = FEED_NO_DATE;
	return it;
}

void
feed_bozo(struct feed *f, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	f->bozo = 1;
	if (f->bozo_message != NULL)
		return;
	va_start(ap, fmt);
	msg = xvprintf(fmt, ap);
	va_end(ap);
	f->bozo_message = sanitize(msg, strlen(msg), 0);
	free(msg);
}

/* windows-1252's characters at 0x80-0x9f, for the C1 controls a feed
 * holds when it was written in windows-1252 and declared Latin-1 or
 * converted as if it were ("don\xc2\x92t"); 0 where it has none. */
static const unsigned short feed_cp1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

void
feed_set(char **dst, const char *s, size_t len, int flags)
{
	struct buf	 fixed = BUF_INIT;
	size_t		 start, n, i, j;
	unsigned int	 cp;
	char		 enc[4];

	free(*dst);
	*dst = NULL;
	if (s == NULL || (n = text_trim(s, len, TEXT_HTML, &start)) == 0)
		return;
	s += start;
	/* No text means a C1 control: it is windows-1252 read wrongly. */
	for (i = 0; i + 1 < n; i++)
		if ((unsigned char)s[i] == 0xc2 &&
		    (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9f)
			break;
	if (i + 1 >= n) {
		*dst = sanitize(s, n, flags);
		return;
	}
	buf_add(&fixed, s, i);
	for (j = i; j < n; j++) {
		if (j + 1 < n && (unsigned char)s[j] == 0xc2 &&
		    (unsigned char)s[j + 1] >= 0x80 &&
		    (unsigned char)s[j + 1] <= 0x9f &&
		    (cp = feed_cp1252[(unsigned char)s[j + 1] - 0x80]) != 0) {
			buf_add(&fixed, enc, utf8_encode(cp, enc));
			j++;
		} else
			buf_addc(&fixed, s[j]);
	}
	*dst = sanitize(fixed.data, fixed.len, flags);
	buf_free(&fixed);
}

int
feed_set_url(char **dst, const char *href, const char *base)
{
	size_t	 start;
	char	*u;

	if (href == NULL || text_trim(href, strlen(href), TEXT_HTML,
	    &start) == 0)
		return -1;
	if ((u = url_resolve(href, base)) == NULL)
		return -1;
	feed_set(dst, u, strlen(u), 0);
	free(u);
	return *dst != NULL ? 0 : -1;
}

static void
feed_text_clear(struct feed_text *t)
{
	free(t->value);
	free(t->base);
	t->value = t->base = NULL;
	t->type = FEED_TEXT;
}

static void
feed_text_base(struct feed_text *t, enum feed_type type, const char *base)
{
	t->type = type;
	t->base = base != NULL ? sanitize(base, strlen(base), 0) : NULL;
}

void
feed_set_text(struct feed_text *t, const char *s, size_t len,
    enum feed_type type, const char *base)
{
	char	*text;

	feed_text_clear(t);
	if (type == FEED_TEXT)
		feed_set(&t->value, s, len, 0);
	else {
		text = feed_html_text(s, len);
		feed_set(&t->value, text, strlen(text), 0);
		free(text);
	}
	feed_text_base(t, type, base);
}

void
feed_set_html(struct feed_text *t, const char *s, size_t len,
    enum feed_type type, const char *base)
{
	struct buf	 html = BUF_INIT;
	size_t		 start, n, i;

	feed_text_clear(t);
	if (type != FEED_TEXT)
		feed_set(&t->value, s, len, SANITIZE_PRE);
	else if ((n = text_trim(s, len, TEXT_HTML, &start)) > 0) {
		/* Text escaped into HTML; its line breaks stay breaks. */
		for (i = start; i < start + n; i++) {
			switch (s[i]) {
			case '&':
				buf_adds(&html, "&amp;");
				break;
			case '<':
				buf_adds(&html, "&lt;");
				break;
			case '>':
				buf_adds(&html, "&gt;");
				break;
			case '\n':
				buf_adds(&html, "<br>\n");
				break;
			default:
				buf_addc(&html, s[i]);
				break;
			}
		}
		feed_set(&t->value, html.data, html.len, SANITIZE_PRE);
		buf_free(&html);
	}
	feed_text_base(t, type, base);
}

int64_t
feed_date(const char *s)
{
	struct date	d;

	if (s == NULL || date_parse(s, &d) != 0)
		return FEED_NO_DATE;
	return date_utc(&d);
}

int64_t
feed_length(const char *s)
{
	int64_t	v = 0;

	if (s == NULL)
		return FEED_NO_LENGTH;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (*s < '0' || *s > '9')
		return FEED_NO_LENGTH;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (v > (INT64_MAX - 9) / 10)
			return FEED_NO_LENGTH;
		v = v * 10 + (*s - '0');
	}
	return v;
}

void
feed_add_person(struct feed_person **v, size_t *n, size_t *cap,
    const char *name, const char *email, const char *uri, const char *base)
{
	struct feed_person	p;

	memset(&p, 0, sizeof p);
	if (name != NULL)
		feed_set(&p.name, name, strlen(name), 0);
	if (email != NULL) {
		if (strprefix_ci(email, "mailto:"))
			email += 7;
		feed_set(&p.email, email, strlen(email), 0);
	}
	if (uri != NULL)
		feed_set_url(&p.uri, uri, base);
	if (p.name == NULL && p.email == NULL && p.uri == NULL)
		return;
	*v = xgrowarray(*v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = p;
}

void
feed_add_category(char ***v, size_t *n, size_t *cap, const char *s,
    size_t len)
{
	char	*c = NULL;
	size_t	 i;

	feed_set(&c, s, len, 0);
	if (c == NULL)
		return;
	for (i = 0; i < *n; i++) {
		if (strcmp((*v)[i], c) == 0) {
			free(c);
			return;
		}
	}
	*v = xgrowarray(*v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = c;
}

struct feed_link *
feed_add_link(struct feed_link **v, size_t *n, size_t *cap,
    const char *href, const char *rel, const char *type, const char *title,
    const char *base)
{
	struct feed_link	l;

	memset(&l, 0, sizeof l);
	l.length = FEED_NO_LENGTH;
	if (feed_set_url(&l.href, href, base) != 0)
		return NULL;
	if (rel != NULL)
		feed_set(&l.rel, rel, strlen(rel), 0);
	if (l.rel == NULL)
		l.rel = xstrdup("alternate");
	if (type != NULL)
		feed_set(&l.type, type, strlen(type), 0);
	if (title != NULL)
		feed_set(&l.title, title, strlen(title), 0);
	*v = xgrowarray(*v, cap, *n + 1, sizeof **v);
	(*v)[*n] = l;
	return &(*v)[(*n)++];
}

void
feed_add_enclosure(struct feed_item *it, const char *url, const char *type,
    const char *base, int64_t length)
{
	struct feed_enclosure	e;
	size_t			i;

	memset(&e, 0, sizeof e);
	if (feed_set_url(&e.url, url, base) != 0)
		return;
	for (i = 0; i < it->nenclosures; i++) {
		if (strcmp(it->enclosures[i].url, e.url) == 0) {
			free(e.url);
			return;
		}
	}
	if (type != NULL)
		feed_set(&e.type, type, strlen(type), 0);
	e.length = length;
	it->enclosures = xgrowarray(it->enclosures, &it->enclosures_cap,
	    it->nenclosures + 1, sizeof *it->enclosures);
	it->enclosures[it->nenclosures++] = e;
}

static void
feed_free_people(struct feed_person *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].email);
		free(v[i].uri);
	}
	free(v);
}

static void
feed_free_links(struct feed_link *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].href);
		free(v[i].rel);
		free(v[i].type);
		free(v[i].title);
	}
	free(v);
}

static void
feed_free_strings(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
feed_free_item(struct feed_item *it)
{
	size_t	i;

	free(it->id);
	feed_text_clear(&it->title);
	free(it->link);
	feed_free_links(it->links, it->nlinks);
	feed_free_people(it->authors, it->nauthors);
	feed_text_clear(&it->summary);
	feed_text_clear(&it->content);
	feed_text_clear(&it->rights);
	feed_free_strings(it->categories, it->ncategories);
	for (i = 0; i < it->nenclosures; i++) {
		free(it->enclosures[i].url);
		free(it->enclosures[i].type);
	}
	free(it->enclosures);
	free(it->thumbnail);
}

void
feed_free(struct feed *f)
{
	size_t	i;

	if (f == NULL)
		return;
	free(f->encoding);
	free(f->bozo_message);
	free(f->id);
	feed_text_clear(&f->title);
	feed_text_clear(&f->description);
	feed_text_clear(&f->rights);
	free(f->link);
	feed_free_links(f->links, f->nlinks);
	free(f->language);
	free(f->image);
	feed_free_people(f->authors, f->nauthors);
	feed_free_strings(f->categories, f->ncategories);
	for (i = 0; i < f->nitems; i++)
		feed_free_item(&f->items[i]);
	free(f->items);
	free(f);
}

/* HTML reduced to text, for titles. */

/* Elements whose edges part words ("<p>a</p><p>b</p>" is "a b"). */
static int
feed_html_block(const char *name, size_t n)
{
	static const char	*blocks[] = {
		"address", "article", "blockquote", "br", "dd", "div", "dl",
		"dt", "figcaption", "figure", "footer", "h1", "h2", "h3",
		"h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre",
		"section", "table", "td", "th", "tr", "ul",
	};
	size_t			 i;

	for (i = 0; i < nitems(blocks); i++)
		if (strlen(blocks[i]) == n && ascii_prefix_ci(name, n,
		    blocks[i]))
			return 1;
	return 0;
}

/* Returns the end of the tag that starts at s[i] ('<'): past its '>',
 * quoted attribute values skipped, or len. */
static size_t
feed_html_tag_end(const char *s, size_t len, size_t i)
{
	char	q;

	for (i++; i < len && s[i] != '>'; i++) {
		/* A quote opens a value only after '=' ("alt=\"a>b\""); in
		 * href=x" it is part of the value. */
		if ((s[i] == '"' || s[i] == '\'') && s[i - 1] == '=') {
			q = s[i];
			while (++i < len && s[i] != q)
				;
			if (i == len)
				return len;
		}
	}
	return i < len ? i + 1 : len;
}

/* Skips to past "</name" ... '>' after s[i], or to len. */
static size_t
feed_html_skip_to_end(const char *s, size_t len, size_t i, const char *name)
{
	size_t	n = strlen(name);

	for (; i + 2 + n <= len; i++)
		if (s[i] == '<' && s[i + 1] == '/' &&
		    ascii_prefix_ci(s + i + 2, len - i - 2, name))
			return feed_html_tag_end(s, len, i);
	return len;
}

char *
feed_html_text(const char *s, size_t len)
{
	struct buf	 raw = BUF_INIT, dec = BUF_INIT, out = BUF_INIT;
	struct text_run	 run;
	const char	*end;
	size_t		 i = 0, j, k, n;

	while (i < len) {
		if (s[i] != '<' || i + 1 == len || !(ascii_isalpha(
		    (unsigned char)s[i + 1]) || s[i + 1] == '/' ||
		    s[i + 1] == '!' || s[i + 1] == '?')) {
			for (j = i + 1; j < len && s[j] != '<'; j++)
				;
			buf_add(&raw, s + i, j - i);
			i = j;
			continue;
		}
		if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			end = memmem(s + i + 4, len - i - 4, "-->", 3);
			i = end != NULL ? (size_t)(end - s) + 3 : len;
			continue;
		}
		k = i + 1 + (s[i + 1] == '/');
		for (n = 0; k + n < len && (ascii_isalpha((unsigned char)
		    s[k + n]) || (s[k + n] >= '0' && s[k + n] <= '9')); n++)
			;
		if (feed_html_block(s + k, n))
			buf_addc(&raw, ' ');
		j = feed_html_tag_end(s, len, i);
		/* What scripts and styles hold is not text. */
		if (s[i + 1] != '/' && n == 6 && ascii_prefix_ci(s + k, n,
		    "script"))
			j = feed_html_skip_to_end(s, len, j, "script");
		else if (s[i + 1] != '/' && n == 5 && ascii_prefix_ci(s + k,
		    n, "style"))
			j = feed_html_skip_to_end(s, len, j, "style");
		i = j;
	}
	entity_decode(&dec, buf_str(&raw), raw.len, ENTITY_HTML);
	memset(&run, 0, sizeof run);
	run.space = TEXT_HTML;
	run.min = 1;
	text_collapse(&out, buf_str(&dec), dec.len, &run);
	buf_free(&raw);
	buf_free(&dec);
	return buf_detach(&out, NULL);
}
