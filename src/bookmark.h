/* bookmark.h: bookmarks moving in and out of reel, as plain data: the
 * files read (a Netscape bookmark file from any browser, reel's own JSON,
 * a list of URLs) and written (Netscape HTML with tags, Markdown with
 * front matter, JSON). No network, no library: the commands do that. */
#ifndef REEL_BOOKMARK_H
#define REEL_BOOKMARK_H

#include <stddef.h>
#include <stdint.h>

struct buf;

/* A paragraph kept as a quote: its block in the essay, and its text. */
struct bookmark_quote {
	size_t		 block;
	char		*text;
};

/* One bookmark as a file holds it. Every field but url may be NULL (or
 * 0); each string is its own allocation. */
struct bookmark {
	char			*url;
	char			*title;
	char			*author;
	char			*site;
	char			*published;	/* as the page gave it */
	char			*note;
	/* NULL-terminated, or NULL. */
	char			**tags;
	size_t			 ntags;
	int64_t			 added;	/* UTC seconds, 0: none */
	int64_t			 read;	/* last read, 0: never */
	struct bookmark_quote	*quotes;
	size_t			 nquotes;
	/* The essay's plain text (Markdown only). */
	char			*text;
};

/* What a file gave: its bookmarks, one per URL in the file's order (a
 * URL given twice is one, with the tags of both), and one line for each
 * entry that was skipped. */
struct bookmark_file {
	/* "Netscape", "JSON" or "URL list". */
	const char	*kind;
	struct bookmark	*v;
	size_t		 n;
	char		**warnings;
	size_t		 nwarnings;
};

enum bookmark_format {
	BOOKMARK_HTML,			/* the Netscape bookmark file */
	BOOKMARK_MARKDOWN,
	BOOKMARK_JSON,
};

/* Returns the format named ("html", "markdown", "json"), or -1. */
int	 bookmark_format_parse(const char *);

/* Reads len bytes of a bookmark file: Netscape HTML (folders become
 * tags, but a browser's toolbar and unsorted folders), reel's JSON
 * (an array of objects as bookmark_format_one() writes them), or lines
 * of http and https URLs (blank lines and lines starting with # skipped).
 * Only http and https bookmarks are kept. Returns 0 and *fp (free with
 * bookmark_file_free()), or -1 and a message in *cause (malformed JSON,
 * nothing that is a bookmark file). */
int	 bookmark_parse(const char *, size_t, struct bookmark_file **,
	    char **);
void	 bookmark_file_free(struct bookmark_file *);
/* Frees what b holds, not b. */
void	 bookmark_free(struct bookmark *);

/* A file of bookmarks written a bookmark at a time: begin, one for each
 * (i counting from 0), end with their number. Appended to out. */
void	 bookmark_format_begin(struct buf *, enum bookmark_format);
void	 bookmark_format_one(struct buf *, enum bookmark_format,
	    const struct bookmark *, size_t);
void	 bookmark_format_end(struct buf *, enum bookmark_format, size_t);

#endif
