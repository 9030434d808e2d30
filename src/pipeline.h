/* pipeline.h: the path of an essay, from a URL or file to a document:
 * fetch, decode, clean, extract. */
#ifndef REEL_PIPELINE_H
#define REEL_PIPELINE_H

#include <stddef.h>

struct doc;
struct fetch_opts;

/* Parses len bytes of a page of media type type ("text/plain" for plain
 * text, else HTML; may be NULL), in any charset (http_charset may be NULL),
 * whose final URL is url, into a document. Returns the document, or NULL
 * and a message in *cause. */
struct doc	*pipeline_page(const char *, size_t, const char *, const char *,
		    const char *, char **);
/* Fetches what (URL, file or "-") and turns it into a document. Returns 0
 * and the document in *dp, or an enum reel_exit status and a message. */
int		 pipeline_load(const char *, const struct fetch_opts *,
		    struct doc **, char **);

#endif
