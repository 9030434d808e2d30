/* feed_json.c: JSON Feed 1.0 and 1.1 (jsonfeed.org) read with json-c into
 * the same model as RSS and Atom. */
#include <config.h>

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "buf.h"
#include "feed.h"
#include "feed_build.h"
#include "sanitize.h"
#include "url.h"
#include "util.h"

#define FEED_JSON_VERSION	"https://jsonfeed.org/version/"

/* The member key of o when it is a string, or NULL; *len is its length
 * (a JSON string may hold NULs, which sanitize makes visible). */
static const char *
feed_json_string(json_object *o, const char *key, size_t *len)
{
	json_object	*v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	if (len != NULL)
		*len = (size_t)json_object_get_string_len(v);
	return json_object_get_string(v);
}

static json_object *
feed_json_member(json_object *o, const char *key, enum json_type type)
{
	json_object	*v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, type))
		return NULL;
	return v;
}

/* Sets *dst from a string member. */
static void
feed_json_set(json_object *o, const char *key, char **dst)
{
	const char	*s;
	size_t		 len;

	if ((s = feed_json_string(o, key, &len)) != NULL)
		feed_set(dst, s, len, 0);
}

static int64_t
feed_json_date(json_object *o, const char *key)
{
	const char	*s;

	if ((s = feed_json_string(o, key, NULL)) == NULL)
		return FEED_NO_DATE;
	return feed_date(s);
}

/* One author object: name and url; a mailto: URL is an e-mail address. */
static void
feed_json_person(json_object *a, const char *base, struct feed_person **v,
    size_t *n, size_t *cap)
{
	const char	*name, *url;

	if (!json_object_is_type(a, json_type_object))
		return;
	name = feed_json_string(a, "name", NULL);
	url = feed_json_string(a, "url", NULL);
	if (url != NULL && strprefix_ci(url, "mailto:"))
		feed_add_person(v, n, cap, name, url, NULL, base);
	else
		feed_add_person(v, n, cap, name, NULL, url, base);
}

/* Version 1.1's "authors", else version 1.0's "author". */
static void
feed_json_people(json_object *o, const char *base, struct feed_person **v,
    size_t *n, size_t *cap)
{
	json_object	*a;
	size_t		 i;

	if ((a = feed_json_member(o, "authors", json_type_array)) != NULL) {
		for (i = 0; i < json_object_array_length(a); i++)
			feed_json_person(json_object_array_get_idx(a, i), base,
			    v, n, cap);
	}
	if (*n == 0 && (a = feed_json_member(o, "author",
	    json_type_object)) != NULL)
		feed_json_person(a, base, v, n, cap);
}

/* An id: a string, or a number some feeds write instead. */
static void
feed_json_id(json_object *o, char **dst)
{
	json_object	*v;
	const char	*s;

	if (!json_object_object_get_ex(o, "id", &v))
		return;
	if (json_object_is_type(v, json_type_int) ||
	    json_object_is_type(v, json_type_double)) {
		s = json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN);
		feed_set(dst, s, strlen(s), 0);
	} else if (json_object_is_type(v, json_type_string))
		feed_set(dst, json_object_get_string(v),
		    (size_t)json_object_get_string_len(v), 0);
}

static void
feed_json_item(struct feed *f, json_object *o, const char *base)
{
	struct feed_item	*it;
	json_object		*a, *e;
	const char		*s;
	size_t			 len, i;
	int64_t			 length;

	if (!json_object_is_type(o, json_type_object)) {
		feed_bozo(f, _("an item that is not an object"));
		return;
	}
	it = feed_add_item(f);
	feed_json_id(o, &it->id);
	if ((s = feed_json_string(o, "url", NULL)) != NULL &&
	    feed_add_link(&it->links, &it->nlinks, &it->links_cap, s,
	    "alternate", "text/html", NULL, base) != NULL)
		it->link = xstrdup(it->links[it->nlinks - 1].href);
	if ((s = feed_json_string(o, "external_url", NULL)) != NULL)
		feed_add_link(&it->links, &it->nlinks, &it->links_cap, s,
		    "related", NULL, NULL, base);
	if ((s = feed_json_string(o, "title", &len)) != NULL)
		feed_set_text(&it->title, s, len, FEED_TEXT, base);
	if ((s = feed_json_string(o, "content_html", &len)) != NULL)
		feed_set_html(&it->content, s, len, FEED_HTML, base);
	else if ((s = feed_json_string(o, "content_text", &len)) != NULL)
		feed_set_html(&it->content, s, len, FEED_TEXT, base);
	if ((s = feed_json_string(o, "summary", &len)) != NULL)
		feed_set_html(&it->summary, s, len, FEED_TEXT, base);
	if ((s = feed_json_string(o, "image", NULL)) == NULL)
		s = feed_json_string(o, "banner_image", NULL);
	if (s != NULL)
		feed_set_url(&it->thumbnail, s, base);
	it->published = feed_json_date(o, "date_published");
	it->updated = feed_json_date(o, "date_modified");
	feed_json_people(o, base, &it->authors, &it->nauthors,
	    &it->authors_cap);
	if ((a = feed_json_member(o, "tags", json_type_array)) != NULL) {
		for (i = 0; i < json_object_array_length(a); i++) {
			e = json_object_array_get_idx(a, i);
			if (json_object_is_type(e, json_type_string))
				feed_add_category(&it->categories,
				    &it->ncategories, &it->categories_cap,
				    json_object_get_string(e),
				    (size_t)json_object_get_string_len(e));
		}
	}
	if ((a = feed_json_member(o, "attachments", json_type_array)) == NULL)
		return;
	for (i = 0; i < json_object_array_length(a); i++) {
		e = json_object_array_get_idx(a, i);
		if ((s = feed_json_string(e, "url", NULL)) == NULL)
			continue;
		length = FEED_NO_LENGTH;
		if (feed_json_member(e, "size_in_bytes", json_type_int) !=
		    NULL)
			length = json_object_get_int64(feed_json_member(e,
			    "size_in_bytes", json_type_int));
		if (length < 0)
			length = FEED_NO_LENGTH;
		feed_add_enclosure(it, s, feed_json_string(e, "mime_type",
		    NULL), base, length);
	}
}

int
feed_json_parse(const char *data, size_t len, const char *url,
    struct feed **fp, char **cause)
{
	struct json_tokener	*tok;
	enum json_tokener_error	 err;
	json_object		*root = NULL, *items;
	struct feed		*f;
	const char		*name = url != NULL ? url_name(url) :
				     _("the feed"), *s, *version;
	char			*msg = NULL;
	size_t			 i, end, slen;

	*fp = NULL;
	if (len > INT_MAX) {
		msg = xprintf(_("%s: too large to parse"), name);
		goto fail;
	}
	if ((tok = json_tokener_new()) == NULL)
		fatal(_("out of memory"));
	root = json_tokener_parse_ex(tok, data, (int)len);
	err = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	if (root == NULL || err != json_tokener_success) {
		/* TRANSLATORS: the feed, the offset of the error in
		 * bytes from the start, and the JSON parser's reason. */
		msg = xprintf(_("%s: not a feed: bad JSON at byte %zu: %s"),
		    name, end, json_tokener_error_desc(err));
		goto fail;
	}
	if (!json_object_is_type(root, json_type_object) ||
	    (version = feed_json_string(root, "version", NULL)) == NULL ||
	    strncmp(version, FEED_JSON_VERSION,
	    strlen(FEED_JSON_VERSION)) != 0) {
		msg = xprintf(_("%s: not a feed: JSON without a JSON Feed "
		    "version"), name);
		goto fail;
	}
	s = version + strlen(FEED_JSON_VERSION);
	f = feed_new(strcmp(s, "1") == 0 ? "json10" :
	    strcmp(s, "1.1") == 0 ? "json11" : "json");
	f->encoding = xstrdup("utf-8");
	for (; end < len; end++)
		if (strchr(" \t\r\n", data[end]) == NULL) {
			feed_bozo(f, _("bytes after the JSON object"));
			break;
		}
	if ((s = feed_json_string(root, "title", &slen)) != NULL)
		feed_set_text(&f->title, s, slen, FEED_TEXT, url);
	if ((s = feed_json_string(root, "description", &slen)) != NULL)
		feed_set_html(&f->description, s, slen, FEED_TEXT, url);
	if ((s = feed_json_string(root, "home_page_url", NULL)) != NULL &&
	    feed_add_link(&f->links, &f->nlinks, &f->links_cap, s,
	    "alternate", "text/html", NULL, url) != NULL)
		f->link = xstrdup(f->links[f->nlinks - 1].href);
	if ((s = feed_json_string(root, "feed_url", NULL)) != NULL)
		feed_add_link(&f->links, &f->nlinks, &f->links_cap, s, "self",
		    "application/feed+json", NULL, url);
	if ((s = feed_json_string(root, "icon", NULL)) == NULL)
		s = feed_json_string(root, "favicon", NULL);
	if (s != NULL)
		feed_set_url(&f->image, s, url);
	feed_json_set(root, "language", &f->language);
	feed_json_people(root, url, &f->authors, &f->nauthors,
	    &f->authors_cap);
	if ((items = feed_json_member(root, "items", json_type_array)) == NULL)
		feed_bozo(f, _("no \"items\" array"));
	else
		for (i = 0; i < json_object_array_length(items); i++)
			feed_json_item(f, json_object_array_get_idx(items, i),
			    url);
	json_object_put(root);
	*fp = f;
	return 0;
fail:
	json_object_put(root);
	*cause = sanitize(msg, strlen(msg), 0);
	free(msg);
	return -1;
}
