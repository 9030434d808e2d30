/* fuzz_feed_check.c: the check the feed targets end with: every string
 * of a feed is valid UTF-8 with no control character, and every URL in
 * it is a web or mailto URL (never javascript:, data: or file:). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "feed.h"
#include "fuzz.h"
#include "sanitize.h"
#include "util.h"

static void
fuzz_str(const char *s, int flags)
{
	if (s != NULL && (!utf8_valid(s, strlen(s)) ||
	    !sanitize_is_clean(s, strlen(s), flags))) {
		fprintf(stderr, "not clean: \"%s\"\n", s);
		abort();
	}
}

/* HTML (descriptions, summaries, content, whatever type the feed
 * declared) keeps its newlines and tabs; titles and rights are text. */
static void
fuzz_text(const struct feed_text *t, int html)
{
	fuzz_str(t->value, html ? SANITIZE_PRE : 0);
	fuzz_url(t->base);
}

void
fuzz_url(const char *u)
{
	if (u == NULL)
		return;
	fuzz_str(u, 0);
	if (strncasecmp(u, "http://", 7) != 0 &&
	    strncasecmp(u, "https://", 8) != 0 &&
	    strncasecmp(u, "mailto:", 7) != 0) {
		fprintf(stderr, "not a web URL: \"%s\"\n", u);
		abort();
	}
}

static void
fuzz_people(const struct feed_person *p, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		fuzz_str(p[i].name, 0);
		fuzz_str(p[i].email, 0);
		fuzz_url(p[i].uri);
	}
}

static void
fuzz_links(const struct feed_link *l, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (l[i].href == NULL)
			abort();
		fuzz_url(l[i].href);
		fuzz_str(l[i].rel, 0);
		fuzz_str(l[i].type, 0);
		fuzz_str(l[i].title, 0);
	}
}

void
fuzz_feed_check(const struct feed *f)
{
	const struct feed_item	*it;
	size_t			 i, j;

	fuzz_str(f->encoding, 0);
	fuzz_str(f->bozo_message, 0);
	fuzz_str(f->id, 0);
	fuzz_text(&f->title, 0);
	fuzz_text(&f->description, 1);
	fuzz_text(&f->rights, 0);
	fuzz_url(f->link);
	fuzz_links(f->links, f->nlinks);
	fuzz_str(f->language, 0);
	fuzz_url(f->image);
	fuzz_people(f->authors, f->nauthors);
	for (i = 0; i < f->ncategories; i++)
		fuzz_str(f->categories[i], 0);
	for (i = 0; i < f->nitems; i++) {
		it = &f->items[i];
		fuzz_str(it->id, 0);
		fuzz_text(&it->title, 0);
		fuzz_url(it->link);
		fuzz_links(it->links, it->nlinks);
		fuzz_people(it->authors, it->nauthors);
		fuzz_text(&it->summary, 1);
		fuzz_text(&it->content, 1);
		fuzz_text(&it->rights, 0);
		for (j = 0; j < it->ncategories; j++)
			fuzz_str(it->categories[j], 0);
		for (j = 0; j < it->nenclosures; j++) {
			if (it->enclosures[j].url == NULL)
				abort();
			fuzz_url(it->enclosures[j].url);
			fuzz_str(it->enclosures[j].type, 0);
		}
		fuzz_url(it->thumbnail);
	}
}
