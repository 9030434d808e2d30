/* extract_meta.c: an essay's metadata: title, byline, site, date, excerpt,
 * language and lead image, from JSON-LD (json-c), <meta> and the page. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "buf.h"
#include "date.h"
#include "entity.h"
#include "extract_dom.h"
#include "extract_int.h"
#include "extract_meta.h"
#include "text.h"
#include "url.h"
#include "util.h"

/* A <meta> value by its normalised key ("og:title"); the last one wins. */
struct xmetaval {
	char	*key;
	char	*value;
};

struct xmetavals {
	struct xmetaval	*v;
	size_t		 n;
	size_t		 cap;
};

/* A copy of s without white space at either end, as JavaScript's trim(). */
static char *
extract_meta_trim(const char *s, size_t len)
{
	size_t	start;

	len = text_trim(s, len, TEXT_JS, &start);
	return xstrndup(s + start, len);
}

static void
extract_meta_set(char **field, char *s)
{
	if (*field == NULL && s != NULL && *s != '\0')
		*field = s;
	else
		free(s);
}

/* Decodes the entities a page leaves escaped in <meta content>: the five
 * named ones of XML and numeric references, as Readability does. */
static char *
extract_meta_unescape(const char *s)
{
	struct buf	b = BUF_INIT;

	entity_decode(&b, s, strlen(s), ENTITY_BASIC);
	return buf_detach(&b, NULL);
}

/* The base of the page's links: its <base href> resolved against its URL
 * when that gives a web URL, or a path for a page read from a file;
 * else the URL itself. Allocated; NULL when url is NULL and there is no
 * <base>. */
char *
extract_meta_base(xmlNodePtr root, const char *url)
{
	xmlNodePtr	 n;
	const char	*href;
	char		*r;

	for (n = root; n != NULL; n = extract_dom_next(n, 0)) {
		if (!extract_dom_is(n, XT_BASE) ||
		    (href = extract_dom_attr(n, "href")) == NULL)
			continue;
		if ((r = url_resolve(href, url)) != NULL &&
		    (url_is_web(r) || (!url_is_web(url) &&
		    url_scheme_len(r) == 0)))
			return r;
		free(r);
		break;		/* only the first <base> counts */
	}
	return url != NULL ? xstrdup(url) : NULL;
}

/* JSON-LD: the schema.org types that describe an article. */
static int
extract_meta_article_type(const char *t)
{
	static const char *const inner[] = { "AdvertiserContentArticle",
	    "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
	    "BackgroundNewsArticle", "OpinionNewsArticle",
	    "ReportageNewsArticle", "ReviewNewsArticle", "Report",
	    "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle",
	    "SocialMediaPosting", "BlogPosting", "LiveBlogPosting",
	    "DiscussionForumPosting", "TechArticle", NULL };
	size_t	i, len = strlen(t);

	/* Readability's pattern anchors only its first and last word. */
	if (strncmp(t, "Article", 7) == 0)
		return 1;
	if (len >= 12 && strcmp(t + len - 12, "APIReference") == 0)
		return 1;
	for (i = 0; inner[i] != NULL; i++) {
		if (strstr(t, inner[i]) != NULL)
			return 1;
	}
	return 0;
}

/* Whether an object's @type (a string, or an array of them) is an
 * article type. */
static int
extract_meta_jsonld_is_article(json_object *o)
{
	json_object	*t;
	size_t		 i;

	if (!json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, "@type", &t))
		return 0;
	if (json_object_is_type(t, json_type_string))
		return extract_meta_article_type(json_object_get_string(t));
	if (json_object_is_type(t, json_type_array)) {
		for (i = 0; i < json_object_array_length(t); i++) {
			json_object	*e = json_object_array_get_idx(t, i);

			if (json_object_is_type(e, json_type_string) &&
			    extract_meta_article_type(
			    json_object_get_string(e)))
				return 1;
		}
	}
	return 0;
}

static int
extract_meta_schema_org(const char *s)
{
	if (strncmp(s, "http://", 7) == 0)
		s += 7;
	else if (strncmp(s, "https://", 8) == 0)
		s += 8;
	else
		return 0;
	return strcmp(s, "schema.org") == 0 || strcmp(s, "schema.org/") == 0;
}

static const char *
extract_meta_jstr(json_object *o, const char *key)
{
	json_object	*v;

	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* The author's name: an object with a name, an array of such objects
 * (names joined by commas), or a plain string that is not a URL. */
static char *
extract_meta_jsonld_author(json_object *a)
{
	struct buf	 b = BUF_INIT;
	const char	*name;
	json_object	*e;
	size_t		 i;
	char		*t;

	if (json_object_is_type(a, json_type_string)) {
		name = json_object_get_string(a);
		if (url_scheme_len(name) > 0)
			return NULL;
		return extract_meta_trim(name, strlen(name));
	}
	if ((name = extract_meta_jstr(a, "name")) != NULL)
		return extract_meta_trim(name, strlen(name));
	if (!json_object_is_type(a, json_type_array))
		return NULL;
	for (i = 0; i < json_object_array_length(a); i++) {
		e = json_object_array_get_idx(a, i);
		name = extract_meta_jstr(e, "name");
		if (name == NULL && e != NULL &&
		    json_object_is_type(e, json_type_string) &&
		    url_scheme_len(json_object_get_string(e)) == 0)
			name = json_object_get_string(e);
		if (name == NULL)
			continue;
		t = extract_meta_trim(name, strlen(name));
		if (*t != '\0') {
			if (b.len > 0)
				buf_adds(&b, ", ");
			buf_adds(&b, t);
		}
		free(t);
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

static const char *
extract_meta_jsonld_image(json_object *o)
{
	json_object	*v;
	const char	*s;

	if (!json_object_object_get_ex(o, "image", &v))
		return NULL;
	if (json_object_is_type(v, json_type_array) &&
	    json_object_array_length(v) > 0)
		v = json_object_array_get_idx(v, 0);
	if (v != NULL && json_object_is_type(v, json_type_string))
		return json_object_get_string(v);
	if ((s = extract_meta_jstr(v, "url")) != NULL)
		return s;
	return extract_meta_jstr(v, "contentUrl");
}

/* Finds the article object of one JSON-LD script, or NULL. */
static json_object *
extract_meta_jsonld_find(json_object *root)
{
	json_object	*o = root, *ctx, *v, *g;
	size_t		 i;
	int		 ok = 0;

	if (json_object_is_type(o, json_type_array)) {
		for (i = 0; i < json_object_array_length(root); i++) {
			o = json_object_array_get_idx(root, i);
			if (extract_meta_jsonld_is_article(o))
				break;
		}
		if (i == json_object_array_length(root))
			return NULL;
	}
	if (!json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, "@context", &ctx))
		return NULL;
	if (json_object_is_type(ctx, json_type_string))
		ok = extract_meta_schema_org(json_object_get_string(ctx));
	else if (json_object_is_type(ctx, json_type_object) &&
	    json_object_object_get_ex(ctx, "@vocab", &v) &&
	    json_object_is_type(v, json_type_string))
		ok = extract_meta_schema_org(json_object_get_string(v));
	if (!ok)
		return NULL;
	if (!json_object_object_get_ex(o, "@type", &v) &&
	    json_object_object_get_ex(o, "@graph", &g) &&
	    json_object_is_type(g, json_type_array)) {
		for (i = 0; i < json_object_array_length(g); i++) {
			v = json_object_array_get_idx(g, i);
			if (extract_meta_jsonld_is_article(v))
				return v;
		}
		return NULL;
	}
	return extract_meta_jsonld_is_article(o) ? o : NULL;
}

static void
extract_meta_jsonld_take(struct xctx *x, json_object *o)
{
	const char	*name, *headline, *s;
	json_object	*v;
	char		*title;

	name = extract_meta_jstr(o, "name");
	headline = extract_meta_jstr(o, "headline");
	if (name != NULL && headline != NULL && strcmp(name, headline) != 0) {
		/* Some sites put their own name in "name": take whichever
		 * matches the page's title, else name. */
		title = extract_meta_title(x);
		if (extract_dom_similarity(headline, title) > 0.75 &&
		    !(extract_dom_similarity(name, title) > 0.75))
			name = headline;
		free(title);
	} else if (name == NULL)
		name = headline;
	if (name != NULL)
		extract_meta_set(&x->meta.title,
		    extract_meta_trim(name, strlen(name)));
	if (json_object_object_get_ex(o, "author", &v))
		extract_meta_set(&x->meta.byline,
		    extract_meta_jsonld_author(v));
	if ((s = extract_meta_jstr(o, "description")) != NULL)
		extract_meta_set(&x->meta.excerpt,
		    extract_meta_trim(s, strlen(s)));
	if (json_object_object_get_ex(o, "publisher", &v) &&
	    (s = extract_meta_jstr(v, "name")) != NULL)
		extract_meta_set(&x->meta.site, extract_meta_trim(s, strlen(s)));
	if ((s = extract_meta_jstr(o, "datePublished")) != NULL)
		extract_meta_set(&x->meta.published,
		    extract_meta_trim(s, strlen(s)));
	if ((s = extract_meta_jsonld_image(o)) != NULL)
		extract_meta_set(&x->meta.image,
		    url_resolve(s, x->base));
}

/* Reads the first schema.org article in the page's JSON-LD scripts; must
 * run before the scripts are removed. */
void
extract_meta_jsonld(struct xctx *x)
{
	static const enum xtag	 tags[] = { XT_SCRIPT };
	struct xlist		 l = { NULL, 0, 0 };
	struct buf		 b = BUF_INIT;
	const char		*type, *s, *e;
	char			*copy;
	json_object		*root, *o;
	size_t			 i;

	extract_dom_collect(xmlDocGetRootElement(x->doc), tags, 1, &l);
	for (i = 0; i < l.n; i++) {
		type = extract_dom_attr(l.v[i], "type");
		if (type == NULL || strcmp(type, "application/ld+json") != 0)
			continue;
		buf_reset(&b);
		extract_dom_text(l.v[i], 0, &b);
		s = buf_str(&b);
		if (strncmp(s, "<![CDATA[", 9) == 0)
			s += 9;
		e = s + strlen(s);
		if (e - s >= 3 && strcmp(e - 3, "]]>") == 0)
			e -= 3;
		copy = xstrndup(s, (size_t)(e - s));
		root = json_tokener_parse(copy);
		free(copy);
		if (root == NULL)
			continue;
		if ((o = extract_meta_jsonld_find(root)) != NULL) {
			extract_meta_jsonld_take(x, o);
			json_object_put(root);
			break;
		}
		json_object_put(root);
	}
	buf_free(&b);
	extract_dom_list_free(&l);
}

static void
extract_meta_put(struct xmetavals *mv, const char *key, const char *value)
{
	size_t	i;

	for (i = 0; i < mv->n; i++) {
		if (strcmp(mv->v[i].key, key) == 0) {
			free(mv->v[i].value);
			mv->v[i].value = extract_meta_trim(value, strlen(value));
			return;
		}
	}
	mv->v = xgrowarray(mv->v, &mv->cap, mv->n + 1, sizeof *mv->v);
	mv->v[mv->n].key = xstrdup(key);
	mv->v[mv->n].value = extract_meta_trim(value, strlen(value));
	mv->n++;
}

static const char *
extract_meta_get(const struct xmetavals *mv, const char *key)
{
	size_t	i;

	for (i = 0; i < mv->n; i++) {
		if (strcmp(mv->v[i].key, key) == 0)
			return *mv->v[i].value != '\0' ? mv->v[i].value : NULL;
	}
	return NULL;
}

static const char *const extract_meta_prefixes[] = { "article", "dcterm",
    "dc", "og", "twitter", NULL };
static const char *const extract_meta_names[] = { "author", "creator",
    "description", "published_time", "title", "site_name", NULL };

/* White space in a name, byte by byte: ASCII only, a byte of a UTF-8
 * sequence is never space. */
static int
extract_meta_ws(char c)
{
	return (unsigned char)c < 0x80 && text_is_space((unsigned char)c,
	    TEXT_JS);
}

/* <meta property>: the first "prefix : name" anywhere in the list, as
 * "og:title"; NULL if none. */
static char *
extract_meta_property_key(const char *s)
{
	const char	*p;
	size_t		 i, j, pl, nl;

	for (; *s != '\0'; s++) {
		for (i = 0; extract_meta_prefixes[i] != NULL; i++) {
			pl = strlen(extract_meta_prefixes[i]);
			if (strncasecmp(s, extract_meta_prefixes[i], pl) != 0)
				continue;
			p = s + pl;
			while (extract_meta_ws(*p))
				p++;
			if (*p++ != ':')
				continue;
			while (extract_meta_ws(*p))
				p++;
			for (j = 0; extract_meta_names[j] != NULL; j++) {
				nl = strlen(extract_meta_names[j]);
				if (strncasecmp(p, extract_meta_names[j], nl) ==
				    0)
					break;
			}
			if (extract_meta_names[j] == NULL)
				continue;
			return xprintf("%s:%s", extract_meta_prefixes[i],
			    extract_meta_names[j]);
		}
	}
	return NULL;
}

/* <meta name>: "[prefix sep] name" as the whole value, normalised to lower
 * case without spaces and with dots as colons; NULL if it does not fit. */
static char *
extract_meta_name_key(const char *s)
{
	static const char *const prefixes[] = { "weibo:article",
	    "weibo:webpage", "dcterm", "dc", "og", "twitter", "parsely",
	    NULL };
	static const char *const names[] = { "author", "creator", "pub-date",
	    "description", "title", "site_name", NULL };
	const char	*p, *q;
	struct buf	 b = BUF_INIT;
	size_t		 i, j, len;

	while (extract_meta_ws(*s))
		s++;
	for (i = 0; i <= nitems(prefixes) - 1; i++) {
		p = s;
		if (prefixes[i] != NULL) {
			len = strlen(prefixes[i]);
			if (strncasecmp(p, prefixes[i], len) != 0)
				continue;
			p += len;
			while (extract_meta_ws(*p))
				p++;
			if (*p != '-' && *p != '.' && *p != ':')
				continue;
			p++;
			while (extract_meta_ws(*p))
				p++;
		}
		for (j = 0; names[j] != NULL; j++) {
			len = strlen(names[j]);
			if (strncasecmp(p, names[j], len) != 0)
				continue;
			for (q = p + len; extract_meta_ws(*q); q++)
				;
			if (*q == '\0')
				break;
		}
		if (names[j] == NULL)
			continue;
		for (p = s; *p != '\0'; p++) {
			if (extract_meta_ws(*p))
				continue;
			buf_addc(&b, *p == '.' ? ':' :
			    (char)ascii_lower((unsigned char)*p));
		}
		return buf_detach(&b, NULL);
	}
	return NULL;
}

static const char *
extract_meta_first(const struct xmetavals *mv, const char *const *keys)
{
	const char	*v;

	for (; *keys != NULL; keys++) {
		if ((v = extract_meta_get(mv, *keys)) != NULL)
			return v;
	}
	return NULL;
}

static void
extract_meta_take(char **field, const char *v)
{
	if (v != NULL)
		extract_meta_set(field, extract_meta_unescape(v));
}

/* Reads <meta name/property> after JSON-LD, which takes precedence; the
 * title falls back to <title> and the headings. */
void
extract_meta_tags(struct xctx *x)
{
	static const char *const title_keys[] = { "dc:title", "dcterm:title",
	    "og:title", "weibo:article:title", "weibo:webpage:title", "title",
	    "twitter:title", "parsely-title", NULL };
	static const char *const byline_keys[] = { "dc:creator",
	    "dcterm:creator", "author", "parsely-author", NULL };
	static const char *const excerpt_keys[] = { "dc:description",
	    "dcterm:description", "og:description",
	    "weibo:article:description", "weibo:webpage:description",
	    "description", "twitter:description", NULL };
	static const char *const date_keys[] = { "article:published_time",
	    "parsely-pub-date", NULL };
	static const enum xtag	 tags[] = { XT_META };
	struct xmetavals	 mv = { NULL, 0, 0 };
	struct xlist		 l = { NULL, 0, 0 };
	const char		*name, *prop, *content, *v;
	char			*key, *image = NULL;
	size_t			 i;

	extract_dom_collect(xmlDocGetRootElement(x->doc), tags, 1, &l);
	for (i = 0; i < l.n; i++) {
		name = extract_dom_attr(l.v[i], "name");
		prop = extract_dom_attr(l.v[i], "property");
		content = extract_dom_attr(l.v[i], "content");
		if (content == NULL || *content == '\0')
			continue;
		key = NULL;
		if (prop != NULL && (key = extract_meta_property_key(prop)) !=
		    NULL)
			extract_meta_put(&mv, key, content);
		else if (name != NULL &&
		    (key = extract_meta_name_key(name)) != NULL)
			extract_meta_put(&mv, key, content);
		free(key);
		/* The lead image is not in Readability's patterns. */
		if (image == NULL && ((prop != NULL &&
		    strcasecmp(prop, "og:image") == 0) || (name != NULL &&
		    (strcasecmp(name, "twitter:image") == 0 ||
		    strcasecmp(name, "twitter:image:src") == 0))))
			image = url_resolve(content, x->base);
		if (x->meta.lang == NULL && (v = extract_dom_attr(l.v[i],
		    "http-equiv")) != NULL &&
		    strcasecmp(v, "content-language") == 0)
			x->meta.lang = extract_meta_trim(content,
			    strlen(content));
	}
	extract_dom_list_free(&l);

	extract_meta_take(&x->meta.title, extract_meta_first(&mv, title_keys));
	if (x->meta.title == NULL)
		extract_meta_set(&x->meta.title, extract_meta_title(x));
	extract_meta_take(&x->meta.byline,
	    extract_meta_first(&mv, byline_keys));
	v = extract_meta_get(&mv, "article:author");
	if (v != NULL && url_scheme_len(v) == 0)
		extract_meta_take(&x->meta.byline, v);
	extract_meta_take(&x->meta.excerpt,
	    extract_meta_first(&mv, excerpt_keys));
	extract_meta_take(&x->meta.site, extract_meta_get(&mv, "og:site_name"));
	extract_meta_take(&x->meta.published,
	    extract_meta_first(&mv, date_keys));
	extract_meta_set(&x->meta.image, image);
	for (i = 0; i < mv.n; i++) {
		free(mv.v[i].key);
		free(mv.v[i].value);
	}
	free(mv.v);
}

/* Words as JavaScript's split(/\s+/) counts them: one more than the white
 * space runs, so leading space adds one. */
static size_t
extract_meta_words(const char *s)
{
	size_t		 n = 1, len = strlen(s), k;
	unsigned int	 cp;
	int		 inspace = 0;

	while (len > 0) {
		k = utf8_next(s, len, &cp);
		if (text_is_space(cp, TEXT_JS)) {
			if (!inspace)
				n++;
			inspace = 1;
		} else
			inspace = 0;
		s += k;
		len -= k;
	}
	return n;
}

/* JavaScript length (UTF-16 units) of a UTF-8 string. */
static size_t
extract_meta_jslen(const char *s)
{
	size_t		 n = 0, len = strlen(s), k;
	unsigned int	 cp;

	while (len > 0) {
		k = utf8_next(s, len, &cp);
		n += cp > 0xffff ? 2 : 1;
		s += k;
		len -= k;
	}
	return n;
}

/* Length of a title separator character at s: | - \ / > or », or an en
 * or em dash; *hier is set for the hierarchical ones (\ / > »). */
static size_t
extract_meta_sepchar(const char *s, int *hier)
{
	const unsigned char	*u = (const unsigned char *)s;

	*hier = 0;
	if (*s == '|' || *s == '-')
		return 1;
	if (*s == '\\' || *s == '/' || *s == '>') {
		*hier = 1;
		return 1;
	}
	if (u[0] == 0xc2 && u[1] == 0xbb) {
		*hier = 1;
		return 2;
	}
	if (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94))
		return 3;
	return 0;
}

/* Length of a separator between spaces (" | "), or 0. */
static size_t
extract_meta_sep(const char *s, int *hier)
{
	size_t	n;

	if (s[0] != ' ' || (n = extract_meta_sepchar(s + 1, hier)) == 0 ||
	    s[1 + n] != ' ')
		return 0;
	return n + 2;
}

static int
extract_meta_is_sepchar(const char *s, size_t *len)
{
	int	hier;

	return (*len = extract_meta_sepchar(s, &hier)) > 0;
}

/* The document's title: the first <title>, ASCII white space stripped and
 * collapsed as document.title does. */
static char *
extract_meta_doc_title(struct xctx *x)
{
	static const enum xtag	 tags[] = { XT_TITLE };
	struct xlist		 l = { NULL, 0, 0 };
	struct buf		 raw = BUF_INIT, out = BUF_INIT;
	struct text_run		 ws = { TEXT_HTML, 1, 0, 0, { 0 }, 0 };

	extract_dom_collect(xmlDocGetRootElement(x->doc), tags, 1, &l);
	if (l.n > 0) {
		extract_dom_text(l.v[0], 0, &raw);
		text_collapse(&out, buf_str(&raw), raw.len, &ws);
	}
	extract_dom_list_free(&l);
	buf_free(&raw);
	return buf_detach(&out, NULL);
}

/* Whether some h1 or h2 reads exactly s. */
static int
extract_meta_heading_is(struct xctx *x, const char *s)
{
	static const enum xtag	 tags[] = { XT_H1, XT_H2 };
	struct xlist		 l = { NULL, 0, 0 };
	struct buf		 b = BUF_INIT;
	size_t			 i;
	int			 found = 0;

	extract_dom_collect(xmlDocGetRootElement(x->doc), tags, 2, &l);
	for (i = 0; i < l.n && !found; i++) {
		buf_reset(&b);
		extract_dom_text(l.v[i], 0, &b);
		found = strcmp(buf_str(&b), s) == 0;
	}
	buf_free(&b);
	extract_dom_list_free(&l);
	return found;
}

/* Trims s and collapses its runs of two or more white-space characters
 * into one space, as Readability's title does. Allocated. */
static char *
extract_meta_normalize(const char *s)
{
	struct buf	 b = BUF_INIT;
	struct text_run	 ws = { TEXT_JS, 2, 0, 0, { 0 }, 0 };

	text_collapse(&b, s, strlen(s), &ws);
	return buf_detach(&b, NULL);
}

/* The article title from <title>: the site's name cut off at a separator
 * ("Title | Site", "Site: Title"), or the only h1 when the title is too
 * short or long to be one (Readability's _getArticleTitle). Allocated. */
char *
extract_meta_title(struct xctx *x)
{
	static const enum xtag	 h1[] = { XT_H1 };
	struct xlist		 l = { NULL, 0, 0 };
	struct buf		 b = BUF_INIT;
	char			*orig, *cur, *t, *u;
	const char		*p, *last = NULL, *colon;
	size_t			 n, words, len = 0;
	int			 hier = 0, h;

	t = extract_meta_doc_title(x);
	orig = extract_meta_trim(t, strlen(t));
	free(t);
	cur = xstrdup(orig);

	for (p = orig; *p != '\0'; p++) {	/* separators, left to right */
		if ((n = extract_meta_sep(p, &h)) > 0) {
			hier |= h;
			last = p;
			p += n - 1;
		}
	}
	if (last != NULL) {
		free(cur);
		cur = xstrndup(orig, (size_t)(last - orig));
		if (extract_meta_words(cur) < 3) {
			/* Too short: drop the first part instead. */
			for (p = orig; *p != '\0' &&
			    !extract_meta_is_sepchar(p, &len); p++)
				;
			free(cur);
			cur = xstrdup(*p != '\0' ? p + len : orig);
		}
	} else if (strstr(orig, ": ") != NULL) {
		if (!extract_meta_heading_is(x, orig)) {
			colon = strrchr(orig, ':');
			free(cur);
			cur = xstrdup(colon + 1);
			if (extract_meta_words(cur) < 3) {
				free(cur);
				cur = xstrdup(strchr(orig, ':') + 1);
			} else {
				t = xstrndup(orig,
				    (size_t)(strchr(orig, ':') - orig));
				if (extract_meta_words(t) > 5) {
					free(cur);
					cur = xstrdup(orig);
				}
				free(t);
			}
		}
	} else if ((len = extract_meta_jslen(orig)) > 150 || len < 15) {
		extract_dom_collect(xmlDocGetRootElement(x->doc), h1, 1, &l);
		if (l.n == 1) {
			extract_dom_text(l.v[0], 1, &b);
			free(cur);
			cur = buf_detach(&b, NULL);
		}
		extract_dom_list_free(&l);
	}
	t = extract_meta_normalize(cur);
	free(cur);
	cur = t;

	/* Four words or fewer: keep the whole title unless a hierarchical
	 * separator cut exactly one part off. */
	words = extract_meta_words(cur);
	if (words <= 4) {
		for (p = orig; *p != '\0'; p++) {
			if (extract_meta_is_sepchar(p, &len)) {
				while (extract_meta_is_sepchar(p, &len))
					p += len;
				p--;
				continue;
			}
			buf_addc(&b, *p);
		}
		u = buf_detach(&b, NULL);
		if (!hier || words != extract_meta_words(u) - 1) {
			free(cur);
			cur = xstrdup(orig);
		}
		free(u);
	}
	buf_free(&b);
	free(orig);
	return cur;
}

/* A title that names the site the metadata names too ("Seven Long Takes
 * | Cine Blog" on Cine Blog) loses that part, whichever end it is at:
 * the short-title rule above keeps it, having no site name to go by. */
static void
extract_meta_title_site(struct xctx *x)
{
	const char	*t = x->meta.title, *site = x->meta.site, *p;
	char		*cut = NULL;
	size_t		 n, slen, tlen;
	int		 hier;

	if (t == NULL || site == NULL || (slen = strlen(site)) == 0)
		return;
	tlen = strlen(t);
	for (p = t; *p != '\0'; p++) {
		if ((n = extract_meta_sep(p, &hier)) == 0)
			continue;
		if (strcasecmp(p + n, site) == 0 && p > t)
			cut = xstrndup(t, (size_t)(p - t));
		else if ((size_t)(p - t) == slen &&
		    strncasecmp(t, site, slen) == 0 && p + n < t + tlen)
			cut = xstrdup(p + n);
		if (cut != NULL) {
			free(x->meta.title);
			x->meta.title = cut;
			return;
		}
	}
}

/* With no date in the metadata: a <time datetime> under root that is
 * a date and is marked as the publication's (itemprop, a class
 * "published" or "entry-date", pubdate), or with marked 0 the first one
 * with a date. Allocated, or NULL. */
static char *
extract_meta_time(xmlNodePtr root, int marked)
{
	static const enum xtag	 times[] = { XT_TIME };
	static const char *const marks[] = { "published", "entry-date",
	    "post-date", "pubdate", NULL };
	struct xlist		 l = { NULL, 0, 0 };
	const char		*v, *first = NULL, *mark;
	char			*found = NULL;
	struct date		 d;
	size_t			 i;

	extract_dom_collect(root, times, nitems(times), &l);
	for (i = 0; i < l.n && found == NULL; i++) {
		if ((v = extract_dom_attr(l.v[i], "datetime")) == NULL ||
		    date_parse(v, &d) == -1)
			continue;
		if (first == NULL)
			first = v;
		if (((mark = extract_dom_attr(l.v[i], "itemprop")) != NULL &&
		    strcasecmp(mark, "datePublished") == 0) ||
		    ((mark = extract_dom_attr(l.v[i], "class")) != NULL &&
		    extract_dom_match_any(mark, marks)) ||
		    extract_dom_attr(l.v[i], "pubdate") != NULL)
			found = xstrdup(v);
	}
	if (found == NULL && first != NULL && !marked)
		found = xstrdup(first);
	extract_dom_list_free(&l);
	return found;
}

/* Fills what the content pass leaves open: the byline element, the excerpt
 * from the first paragraph, language, direction, date and image. */
void
extract_meta_finish(struct xctx *x)
{
	static const enum xtag	 ptags[] = { XT_P };
	static const enum xtag	 itags[] = { XT_IMG };
	struct xlist		 l = { NULL, 0, 0 };
	struct buf		 b = BUF_INIT;
	xmlNodePtr		 root = xmlDocGetRootElement(x->doc), n;
	const char		*v;
	char			*raw;
	struct date		 d;
	int			 i;

	if (x->meta.byline == NULL && x->byline != NULL) {
		x->meta.byline = x->byline;
		x->byline = NULL;
	}
	extract_meta_title_site(x);
	if (x->meta.excerpt == NULL && x->article != NULL) {
		extract_dom_collect(x->article, ptags, 1, &l);
		if (l.n > 0) {
			extract_dom_text(l.v[0], 0, &b);
			extract_meta_set(&x->meta.excerpt,
			    buf_detach(&b, NULL));
		}
		extract_dom_list_free(&l);
	}
	if (x->meta.image == NULL && x->article != NULL) {
		extract_dom_collect(x->article, itags, 1, &l);
		if (l.n > 0 && (v = extract_dom_attr(l.v[0], "src")) != NULL)
			extract_meta_set(&x->meta.image,
			    url_resolve(v, x->base));
		extract_dom_list_free(&l);
	}
	if (root != NULL && (v = extract_dom_attr(root, "lang")) != NULL &&
	    *v != '\0') {
		free(x->meta.lang);
		x->meta.lang = extract_meta_trim(v, strlen(v));
	}
	/* A marked date before any other; the essay, which has left the
	 * page's tree, before the rest of the page. */
	for (i = 0; i < 4 && x->meta.published == NULL; i++) {
		n = i % 2 == 0 ? x->article : root;
		if (n != NULL)
			x->meta.published = extract_meta_time(n, i < 2);
	}
	if ((raw = x->meta.published) != NULL) {
		x->meta.published = date_parse(raw, &d) == 0 ? date_iso(&d) :
		    NULL;
		free(raw);
	}
	buf_free(&b);
}
