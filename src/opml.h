/* opml.h: subscription lists in OPML 1.0 and 2.0: read, with nested
 * outlines as tags and included lists followed, and written back. */
#ifndef REEL_OPML_H
#define REEL_OPML_H

#include <stddef.h>

struct fetch_opts;
struct _xmlHashTable;

struct opml_sub {
	char		 *url;		/* xmlUrl, resolved; never NULL */
	char		 *title;	/* title, else text; or NULL */
	char		 *html_url;	/* htmlUrl, or NULL */
	char		**tags;		/* the names of the outlines it was
					   under, in the order met; each once */
	size_t		  ntags, tags_cap;
};

struct opml {
	char			 *title;	/* <head><title>, or NULL */
	struct opml_sub		 *subs;		/* each URL once */
	size_t			  nsubs, subs_cap;
	/* What was wrong but did not stop the reading, one line each,
	 * "NAME:LINE: message", sanitized. */
	char			**warnings;
	size_t			  nwarnings, warnings_cap;
	struct _xmlHashTable	 *index;	/* private: subs by URL */
};

/* Returns an empty list; free it with opml_free(). */
struct opml	*opml_new(void);
void		 opml_free(struct opml *);
/* Adds the feed url (title and html_url may be NULL) unless it is there
 * already, and returns its entry, owned by o; the strings are copied
 * through sanitize. */
struct opml_sub	*opml_add(struct opml *, const char *, const char *,
		    const char *);
/* Adds tag to s unless s has it already or it is empty. */
void		 opml_add_tag(struct opml_sub *, const char *);

/*
 * Reads the OPML at what (a file, an http(s) URL or "-"), fetched under o
 * (NULL for the defaults). An outline of type="include" brings in the list
 * at its url, a file or URL relative to the list that names it; an
 * include that leads back to a list being read is a cycle, reported and
 * not followed. A broken outline (no xmlUrl, bad nesting, an include that
 * cannot be read) is a warning with its line in o->warnings; the rest is
 * kept. Returns 0 and *op (free with opml_free()), or an enum reel_exit
 * status and a one-line message in *cause when what itself cannot be
 * read or is not OPML.
 */
int		 opml_load(const char *, const struct fetch_opts *,
		    struct opml **, char **);
/* opml_load() of the len bytes at data, named name (for messages and
 * relative includes). */
int		 opml_parse(const char *, size_t, const char *,
		    const struct fetch_opts *, struct opml **, char **);
/*
 * Writes o as OPML 2.0, allocated (its length in *len if len is not
 * NULL): feeds without tags first, then one outline per tag holding each
 * feed that has it (a feed with two tags is under both), each level
 * sorted by title and URL, so that writing what was read from what was
 * written gives the same bytes.
 */
char		*opml_write(const struct opml *, size_t *);

#endif
