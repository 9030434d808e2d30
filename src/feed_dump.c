/* feed_dump.c: a parsed feed written as JSON with json-c, the output of
 * "reel feed parse" (its schema is in reel(1)). */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "date.h"
#include "feed.h"
#include "feed_dump.h"
#include "util.h"

static json_object *
feed_dump_new(json_object *o)
{
	if (o == NULL)
		fatal(_("out of memory"));
	return o;
}

/* Adds key: v; a NULL v is JSON's null. */
static void
feed_dump_add(json_object *o, const char *key, json_object *v)
{
	if (json_object_object_add(o, key, v) != 0)
		fatal(_("out of memory"));
}

static void
feed_dump_push(json_object *a, json_object *v)
{
	if (json_object_array_add(a, v) != 0)
		fatal(_("out of memory"));
}

static json_object *
feed_dump_string(const char *s)
{
	return s != NULL ? feed_dump_new(json_object_new_string(s)) : NULL;
}

static json_object *
feed_dump_date(int64_t t)
{
	json_object	*o;
	char		*s;

	if (t == FEED_NO_DATE)
		return NULL;
	s = date_rfc3339(t);
	o = feed_dump_string(s);
	free(s);
	return o;
}

static json_object *
feed_dump_length(int64_t n)
{
	if (n == FEED_NO_LENGTH)
		return NULL;
	return feed_dump_new(json_object_new_int64(n));
}

static const char *
feed_dump_type(enum feed_type t)
{
	switch (t) {
	case FEED_HTML:
		return "text/html";
	case FEED_XHTML:
		return "application/xhtml+xml";
	default:
		return "text/plain";
	}
}

/* key: the value; with FEED_DUMP_ALL also key_detail: type and base. */
static void
feed_dump_text(json_object *o, const char *key, const struct feed_text *t,
    int flags)
{
	json_object	*d;
	char		*k;

	feed_dump_add(o, key, feed_dump_string(t->value));
	if (!(flags & FEED_DUMP_ALL) || t->value == NULL)
		return;
	d = feed_dump_new(json_object_new_object());
	feed_dump_add(d, "type", feed_dump_string(feed_dump_type(t->type)));
	feed_dump_add(d, "base", feed_dump_string(t->base));
	k = xprintf("%s_detail", key);
	feed_dump_add(o, k, d);
	free(k);
}

static json_object *
feed_dump_people(const struct feed_person *v, size_t n, int flags)
{
	json_object	*a, *o;
	size_t		 i;

	a = feed_dump_new(json_object_new_array());
	for (i = 0; i < n; i++) {
		o = feed_dump_new(json_object_new_object());
		feed_dump_add(o, "name", feed_dump_string(v[i].name));
		feed_dump_add(o, "email", feed_dump_string(v[i].email));
		if (flags & FEED_DUMP_ALL)
			feed_dump_add(o, "uri", feed_dump_string(v[i].uri));
		feed_dump_push(a, o);
	}
	return a;
}

static json_object *
feed_dump_strings(char **v, size_t n)
{
	json_object	*a;
	size_t		 i;

	a = feed_dump_new(json_object_new_array());
	for (i = 0; i < n; i++)
		feed_dump_push(a, feed_dump_string(v[i]));
	return a;
}

static json_object *
feed_dump_links(const struct feed_link *v, size_t n)
{
	json_object	*a, *o;
	size_t		 i;

	a = feed_dump_new(json_object_new_array());
	for (i = 0; i < n; i++) {
		o = feed_dump_new(json_object_new_object());
		feed_dump_add(o, "href", feed_dump_string(v[i].href));
		feed_dump_add(o, "rel", feed_dump_string(v[i].rel));
		feed_dump_add(o, "type", feed_dump_string(v[i].type));
		feed_dump_add(o, "title", feed_dump_string(v[i].title));
		feed_dump_add(o, "length", feed_dump_length(v[i].length));
		feed_dump_push(a, o);
	}
	return a;
}

static json_object *
feed_dump_item(const struct feed_item *it, int flags)
{
	json_object	*o, *a, *e;
	size_t		 i;

	o = feed_dump_new(json_object_new_object());
	feed_dump_add(o, "id", feed_dump_string(it->id));
	feed_dump_text(o, "title", &it->title, flags);
	feed_dump_add(o, "link", feed_dump_string(it->link));
	feed_dump_add(o, "authors", feed_dump_people(it->authors,
	    it->nauthors, flags));
	feed_dump_add(o, "published", feed_dump_date(it->published));
	feed_dump_add(o, "updated", feed_dump_date(it->updated));
	feed_dump_text(o, "summary", &it->summary, flags);
	feed_dump_text(o, "content", &it->content, flags);
	feed_dump_add(o, "categories", feed_dump_strings(it->categories,
	    it->ncategories));
	a = feed_dump_new(json_object_new_array());
	for (i = 0; i < it->nenclosures; i++) {
		e = feed_dump_new(json_object_new_object());
		feed_dump_add(e, "url", feed_dump_string(it->enclosures[i].url));
		feed_dump_add(e, "type",
		    feed_dump_string(it->enclosures[i].type));
		feed_dump_add(e, "length",
		    feed_dump_length(it->enclosures[i].length));
		feed_dump_push(a, e);
	}
	feed_dump_add(o, "enclosures", a);
	if (flags & FEED_DUMP_ALL) {
		feed_dump_add(o, "created", feed_dump_date(it->created));
		feed_dump_text(o, "rights", &it->rights, flags);
		feed_dump_add(o, "links", feed_dump_links(it->links,
		    it->nlinks));
		feed_dump_add(o, "thumbnail", feed_dump_string(it->thumbnail));
	}
	return o;
}

/* Writes v as pretty JSON, its lines after the first indented by indent
 * spaces. Returns 0, or -1 when out cannot be written. */
static int
feed_dump_value(FILE *out, json_object *v, int indent)
{
	const char	*s, *nl;

	s = json_object_to_json_string_ext(v, JSON_C_TO_STRING_PRETTY |
	    JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);
	if (s == NULL)
		fatal(_("out of memory"));
	for (; (nl = strchr(s, '\n')) != NULL; s = nl + 1)
		if (fwrite(s, 1, (size_t)(nl - s) + 1, out) !=
		    (size_t)(nl - s) + 1 || fprintf(out, "%*s", indent, "") < 0)
			return -1;
	return fputs(s, out) == EOF ? -1 : 0;
}

int
feed_dump(FILE *out, const struct feed *f, int flags)
{
	json_object	*root, *item;
	size_t		 i;
	int		 rc = 0;

	root = feed_dump_new(json_object_new_object());
	feed_dump_text(root, "title", &f->title, flags);
	feed_dump_add(root, "link", feed_dump_string(f->link));
	feed_dump_text(root, "description", &f->description, flags);
	feed_dump_add(root, "language", feed_dump_string(f->language));
	feed_dump_add(root, "updated", feed_dump_date(f->updated));
	feed_dump_add(root, "image", feed_dump_string(f->image));
	feed_dump_add(root, "authors", feed_dump_people(f->authors,
	    f->nauthors, flags));
	if (flags & FEED_DUMP_ALL) {
		feed_dump_add(root, "version", feed_dump_string(f->version));
		feed_dump_add(root, "encoding", feed_dump_string(f->encoding));
		feed_dump_add(root, "bozo", feed_dump_new(
		    json_object_new_boolean(f->bozo)));
		feed_dump_add(root, "bozo_message",
		    feed_dump_string(f->bozo_message));
		feed_dump_add(root, "id", feed_dump_string(f->id));
		feed_dump_add(root, "published", feed_dump_date(f->published));
		feed_dump_add(root, "created", feed_dump_date(f->created));
		feed_dump_text(root, "rights", &f->rights, flags);
		feed_dump_add(root, "links", feed_dump_links(f->links,
		    f->nlinks));
		feed_dump_add(root, "categories",
		    feed_dump_strings(f->categories, f->ncategories));
	}
	/* The members one by one and the items one at a time: a feed of
	 * 100,000 items is never a tree of a million JSON objects. */
	if (fputs("{\n", out) == EOF)
		rc = -1;
	json_object_object_foreach(root, key, v) {
		if (rc == 0 && (fprintf(out, "  \"%s\": ", key) < 0 ||
		    (v == NULL ? fputs("null", out) == EOF :
		    feed_dump_value(out, v, 2) != 0) || fputs(",\n", out) == EOF))
			rc = -1;
	}
	if (rc == 0 && fputs("  \"items\": [", out) == EOF)
		rc = -1;
	for (i = 0; i < f->nitems && rc == 0; i++) {
		item = feed_dump_item(&f->items[i], flags);
		if (fputs(i > 0 ? ",\n    " : "\n    ", out) == EOF ||
		    feed_dump_value(out, item, 4) != 0)
			rc = -1;
		json_object_put(item);
	}
	if (rc == 0 && fputs(f->nitems > 0 ? "\n  ]\n}\n" : "]\n}\n",
	    out) == EOF)
		rc = -1;
	json_object_put(root);
	return rc;
}
