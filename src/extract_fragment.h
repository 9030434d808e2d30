/* extract_fragment.h: the essay's content as the library keeps it, a
 * cleaned XHTML fragment, and the document built again from one. */
#ifndef REEL_EXTRACT_FRAGMENT_H
#define REEL_EXTRACT_FRAGMENT_H

#include <stddef.h>

struct buf;
struct doc;
struct extract;

/* Appends the content a selection chose (after every clutter pass) to out
 * as an XHTML fragment: one <div> in the XHTML namespace holding what the
 * document is built from, each element with only the attributes the
 * builder reads, links and images resolved against the page's base
 * (absolute URLs, or absolute paths for a file read by its absolute
 * name), remote text sanitized. extract_fragment_doc() builds the same
 * document from it, with no base. */
void		 extract_fragment_write(const struct extract *, struct buf *);
/* Builds the document of a fragment extract_fragment_write() made (len
 * bytes), giving it the URL and metadata of m (title, byline, site,
 * published, lang, dir, excerpt, image; nothing else of m is read): no
 * scoring and no clutter pass, sections found as for a page. Returns a
 * new document (free with doc_free()), or NULL and a message in *cause
 * when the fragment is not one. */
struct doc	*extract_fragment_doc(const char *, size_t, const struct doc *,
		    char **);

#endif
