/* essay.h: an essay opened for reading, from the web, a file or the
 * library: loaded, kept in the library, and where its reader stopped. */
#ifndef REEL_ESSAY_H
#define REEL_ESSAY_H

#include <stdint.h>

#include "store.h"

struct doc;
struct fetch_opts;

/* An essay opened, and what the library knows of it. */
struct essay {
	struct doc	*doc;		/* the caller may take it (and set
					   NULL) */
	int64_t		 id;		/* in the library; 0: not kept */
	struct store_pos pos;		/* where its reader stopped, */
	int64_t		 read;		/* when (0: never), */
	int		 finished;	/* and whether they had seen the end */
	int64_t		 offline;	/* a kept copy shown because the page
					   could not be fetched: when it was
					   kept; else 0 */
	char		*trouble;	/* why the library could not keep it
					   or say where its reader was, or
					   NULL */
};

/*
 * Loads what (a URL, a file or "-") as pipeline_load() does and keeps it
 * in the library st (NULL for none): its final URL, the URL asked for
 * leading to it too, its metadata, its content as an XHTML fragment and
 * its plain text; a file under its absolute name (symbolic links
 * resolved), standard input not at all. When a URL cannot be fetched
 * for the network (not for an HTTP status) and st keeps that essay, the
 * kept copy is loaded instead and e->offline says when it was kept.
 * Returns 0 and fills e (free with essay_free()), or an enum reel_exit
 * status and a message in *cause. Trouble with the library fails
 * nothing: e->trouble says what it was.
 */
int		 essay_load(struct store *, const char *,
		    const struct fetch_opts *, struct essay *, char **);
/* Opens the essay st keeps under url, or when url is NULL as essay id,
 * with no network. Returns 0 and fills e (free with essay_free()), 1 when
 * there is none, or -1 and a message in *cause. */
int		 essay_open_kept(struct store *, const char *, int64_t,
		    struct essay *, char **);
/* Frees what e holds (its document unless taken), not e. */
void		 essay_free(struct essay *);

/* Keeps the essay d, whose content is the fragment *fragment, in st
 * (store_doc_put_take() with its plain text made here); the fragment is
 * taken, freed and *fragment set to NULL. requested, the URL asked for,
 * may be NULL. Returns 0 and its id in *id, or -1 and *cause. */
int		 essay_put(struct store *, const struct doc *, char **,
		    const char *, int64_t *, char **);
/* Builds the document of an essay as the library keeps it (a
 * store_doc_get() result). Returns it (free with doc_free()), or NULL and
 * a message in *cause. */
struct doc	*essay_doc(const struct store_doc *, char **);

#endif
