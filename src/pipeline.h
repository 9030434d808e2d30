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
/* pipeline_page() and pipeline_load() that also hand back, beside the
 * document, the essay's content as the library keeps it: an XHTML
 * fragment (extract_fragment.h) in *fragment, which the caller frees,
 * set only when the document is. */
struct doc	*pipeline_page_fragment(const char *, size_t, const char *,
		    const char *, const char *, char **, char **);
int		 pipeline_load_fragment(const char *, const struct fetch_opts *,
		    struct doc **, char **, char **);

#endif
