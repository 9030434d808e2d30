/* store.h: the library, one SQLite file: feeds and their items, the
 * essays read and where their reader stopped, and a full-text search. */
#ifndef REEL_STORE_H
#define REEL_STORE_H

#include <stddef.h>
#include <stdint.h>

struct store;

/* The schema version this reel writes (PRAGMA user_version). */
#define STORE_VERSION		4

/* store_open() flags. */
#define STORE_CHECK		0x1	/* PRAGMA quick_check before use */

/* Lists: only unread items. */
#define STORE_UNREAD		0x1
/* Feed lists: by title (case ignored) instead of subscription order. */
#define STORE_BY_TITLE		0x2

/* A feed as stored. Times are seconds since 1970 in UTC, 0 for never. */
struct store_feed {
	int64_t		 id;
	char		*url;
	char		*title;		/* NULL when neither feed nor user
					   gave one */
	char		*link;		/* the site */
	char		*description;
	char		**tags;		/* NULL-terminated, sorted */
	size_t		 ntags;
	int64_t		 added;
	int64_t		 position;	/* order of subscription or import */
	char		*etag;		/* HTTP validators, NULL if none */
	char		*last_modified;
	long		 status;	/* last HTTP status, 0 if none */
	char		*error;		/* last refresh's error, NULL if it
					   went well */
	int64_t		 checked;
	int		 gone;		/* the server said 410 Gone */
	size_t		 nitems;
	size_t		 nunread;
};

/* What a refresh learnt of a feed, for store_feed_update(). */
struct store_refresh {
	const char	*url;		/* new URL after a 301, or NULL */
	int		 fetched;	/* a body came (not a 304, not an
					   error): the fields below it
					   replace the stored ones */
	const char	*title;		/* NULL keeps the stored one */
	const char	*link;		/* NULL keeps */
	const char	*description;	/* NULL keeps */
	const char	*etag;		/* NULL clears */
	const char	*last_modified;	/* NULL clears */
	long		 status;
	const char	*error;		/* NULL: the refresh went well */
	int64_t		 checked;	/* 0: now */
	int		 gone;
};

/* One item of a parsed feed, for store_merge(): a struct feed_item
 * (feed.h) copied field by field, the authors' names joined. The strings
 * are the caller's; remote text is sanitized on its way in. */
struct store_item_in {
	const char	*guid;		/* the feed's id; NULL or "": the link,
					   else a hash of title and summary */
	const char	*link;
	const char	*title;
	const char	*authors;	/* one display string */
	int64_t		 published;	/* UTC seconds; unknown: 0 or
					   FEED_NO_DATE (INT64_MIN) */
	int64_t		 updated;	/* the same */
	const char	*summary;	/* HTML as the feed gives it */
	const char	*content;
	const char	*enclosure_url;	/* the first enclosure only */
	const char	*enclosure_type;
	int64_t		 enclosure_length;	/* bytes; unknown: 0 or
						   FEED_NO_LENGTH (-1) */
	const char	*thumbnail;
};

/* What store_merge() did. */
struct store_merged {
	size_t		 added;		/* new guids */
	size_t		 updated;	/* known guids whose fields changed */
};

/* An item as stored. Lists fill only what a list shows: the fields from
 * summary on are NULL or 0 there; store_item_get() fills them all. The
 * strings are the item's (one allocation, mem): copy what must outlive
 * store_item_free(). */
struct store_item {
	int64_t		 id;
	int64_t		 feed;
	char		*feed_title;	/* the feed's title, else its URL */
	char		*guid;
	char		*link;
	char		*title;
	char		*authors;
	int64_t		 published;	/* 0 if unknown */
	int64_t		 updated;	/* 0 if unknown */
	int64_t		 date;		/* what it is sorted by: published,
					   else updated, else first seen */
	int		 unread;
	char		*summary;
	char		*content;
	char		*enclosure_url;
	char		*enclosure_type;
	int64_t		 enclosure_length;
	char		*thumbnail;
	int64_t		 first_seen;
	char		*mem;		/* private: the strings above */
};

/* Where a reader is in an essay: the layout's anchor, which holds across
 * window sizes, and the section it is in. */
struct store_pos {
	size_t		 section;	/* 1 + its index in the essay's
					   sections; 0 before the first */
	size_t		 block;
	size_t		 offset;	/* bytes into the block's text */
};

/* An essay read. Lists fill everything but content and text (NULL
 * there); store_doc_get() fills them too, its strings in one allocation
 * (mem) as an item's. store_doc_put() reads only the caller's fields. */
struct store_doc {
	int64_t		 id;
	char		*url;		/* the final URL, after redirects */
	char		*title;
	char		*byline;
	char		*site;
	char		*published;	/* ISO 8601 as the page gave it */
	char		*lang;
	char		*dir;		/* "ltr", "rtl" or NULL */
	char		*excerpt;
	char		*image;
	char		*content;	/* the cleaned XHTML fragment */
	char		*text;		/* plain text, for search */
	int64_t		 fetched;	/* 0 in store_doc_put(): now */
	struct store_pos pos;
	int64_t		 read;		/* last read, 0 if never */
	int		 finished;
	char		*mem;		/* private: the strings above */
};

/* A run of a snippet that matched the query: bytes [start, end). */
struct store_mark {
	size_t		 start;
	size_t		 end;
};

/* One result of store_search(). */
struct store_hit {
	int64_t		 doc;
	char		*url;
	char		*title;
	char		*byline;
	char		*site;
	char		*snippet;	/* one line of the text around the
					   best match */
	struct store_mark *marks;	/* what matched in it, in order */
	size_t		 nmarks;
	int		 in_title;	/* the title matches */
	double		 score;		/* bm25: lower is better */
	char		*published;	/* ISO 8601 as the page gave it */
	int64_t		 fetched;	/* when it was kept */
	int		 bookmarked;
};

/* Opens the library at path, or at $XDG_DATA_HOME/reel/library.db when
 * path is NULL (the directory made 0700, the file 0600), creating or
 * migrating its schema; a file of a newer version, or not a reel library,
 * is refused and left untouched, and before a migration the file is
 * copied beside itself as library.db.vN.bak. Returns 0 and *sp (close
 * with store_close()), or -1 and a message naming the file in *cause. */
int	 store_open(const char *, int, struct store **, char **);
/* Closes the library; a transaction still open is rolled back. NULL is
 * allowed. */
void	 store_close(struct store *);
/* Returns the file's path; owned by the store. */
const char *store_path(const struct store *);

/* A batch of changes as one transaction (one refresh of many feeds):
 * begin takes the write lock at once, so that two reel processes wait
 * for each other instead of failing. Each returns 0 or -1 and *cause;
 * rollback only fails if there is no transaction. */
int	 store_begin(struct store *, char **);
int	 store_commit(struct store *, char **);
int	 store_rollback(struct store *, char **);

/* Subscribes to url with an optional title and NULL-terminated tags (or
 * NULL). Returns 0 and the new feed's id in *id; 1, the existing feed's
 * id and "URL: already subscribed" in *cause when it is; -1 and *cause on
 * error. */
int	 store_feed_add(struct store *, const char *, const char *,
	    const char *const *, int64_t *, char **);
/* Unsubscribes from url, its items and tags with it. Returns 0, or -1
 * and *cause (also when url is not subscribed). */
int	 store_feed_remove(struct store *, const char *, char **);
/* Fills *f with the feed of that URL; free it with store_feed_free().
 * Returns 0, or -1 and *cause (also when url is not subscribed). */
int	 store_feed_get(struct store *, const char *, struct store_feed *,
	    char **);
/* Lists the feeds (STORE_BY_TITLE, or by position) with their counts and
 * tags into an array the caller frees with store_feeds_free(). Returns 0
 * or -1 and *cause. */
int	 store_feed_list(struct store *, int, struct store_feed **,
	    size_t *, char **);
/* Replaces the tags of feed id by the NULL-terminated tags; tags that
 * differ only in case are one. Returns 0 or -1 and *cause. */
int	 store_feed_tags(struct store *, int64_t, const char *const *,
	    char **);
/* Sets the site's link of feed id (an OPML htmlUrl, before any refresh
 * gave one); NULL clears it. Returns 0 or -1 and *cause. */
int	 store_feed_link(struct store *, int64_t, const char *, char **);
/* Records a refresh of feed id. Returns 0, or -1 and *cause (a new URL
 * that another feed has is refused, and nothing changes). */
int	 store_feed_update(struct store *, int64_t,
	    const struct store_refresh *, char **);
/* Marks every item of feed id read; 0 for every feed. Returns 0 or -1
 * and *cause. */
int	 store_feed_read(struct store *, int64_t, char **);
/* Frees what f holds (not f); store_feeds_free() frees an array of n. */
void	 store_feed_free(struct store_feed *);
void	 store_feeds_free(struct store_feed *, size_t);

/* Merges n parsed items into feed id by guid: new ones are added unread,
 * known ones whose fields changed are updated, read or unread as they
 * were; nothing is ever doubled. Adds into *m (which the caller zeroes).
 * All or nothing. Returns 0 or -1 and *cause. */
int	 store_merge(struct store *, int64_t, const struct store_item_in *,
	    size_t, struct store_merged *, char **);
/* Lists the items of feed id, or of every feed for 0, newest first (and
 * only unread ones with STORE_UNREAD), into an array the caller frees with
 * store_items_free(). Returns 0 or -1 and *cause. */
int	 store_item_list(struct store *, int64_t, int, struct store_item **,
	    size_t *, char **);
/* Fills *it with item id, everything in it; free with store_item_free().
 * Returns 0 or -1 and *cause. */
int	 store_item_get(struct store *, int64_t, struct store_item *,
	    char **);
/* Marks item id unread (non-zero) or read. Returns 0 or -1 and *cause. */
int	 store_item_mark(struct store *, int64_t, int, char **);
/* Counts the unread items of feed id, of every feed for 0. Returns 0 or
 * -1 and *cause. */
int	 store_unread(struct store *, int64_t, size_t *, char **);
/* Frees what it holds (not it); store_items_free() frees an array of n. */
void	 store_item_free(struct store_item *);
void	 store_items_free(struct store_item *, size_t);

/* Keeps the essay d (its url the final one, its content and text set;
 * id, pos, read and finished are ignored): a new one, or in place of the
 * one with that URL, whose reading position is kept. requested, the URL
 * asked for (NULL if the same), then leads to it too. All or nothing.
 * Returns 0 and its id in *id (may be NULL), or -1 and *cause. */
int	 store_doc_put(struct store *, const struct store_doc *,
	    const char *, int64_t *, char **);
/* The same for an essay made just now, which takes d's content and text:
 * they are freed as soon as its row holds them, before its full-text
 * entry is made from the row, so that a long essay is not in memory
 * three times at once (issue 14); both are NULL on return. */
int	 store_doc_put_take(struct store *, struct store_doc *, const char *,
	    int64_t *, char **);
/* Fills *d with the essay that url (its final URL or one that led to it)
 * names; free with store_doc_free(). Returns 0, 1 if there is none (no
 * message), or -1 and *cause. */
int	 store_doc_get(struct store *, const char *, struct store_doc *,
	    char **);
/* store_doc_get() of the essay with that id. */
int	 store_doc_get_id(struct store *, int64_t, struct store_doc *,
	    char **);
/* store_doc_get_id() without the content and the text (left NULL): the
 * metadata and the reading position alone. */
int	 store_doc_meta_id(struct store *, int64_t, struct store_doc *,
	    char **);
/* Hands back what memory SQLite keeps for the library that it can (its
 * cache of pages, its statements' buffers), as after keeping an essay of
 * megabytes; nothing inside a transaction. */
void	 store_release(struct store *);
/* Saves where the reader of essay id is, now, and whether they reached
 * the end. Returns 0 or -1 and *cause. */
int	 store_doc_pos(struct store *, int64_t, const struct store_pos *,
	    int, char **);
/* Lists the essays opened and not finished, last read first ("continue
 * reading"). Returns 0 or -1 and *cause; free with store_docs_free(). */
int	 store_doc_unfinished(struct store *, struct store_doc **, size_t *,
	    char **);
/* Frees what d holds (not d); store_docs_free() frees an array of n. */
void	 store_doc_free(struct store_doc *);
void	 store_docs_free(struct store_doc *, size_t);

/* Searches the essays' titles, bylines, sites and text with an FTS5
 * query ("cafe" finds "Café"; cinem*, "long take", a AND b, NEAR);
 * what is not a valid query is searched as its words. Hits whose title
 * matches come first, then by bm25; at most max (0: all). Returns 0 and
 * an array the caller frees with store_hits_free(), or -1 and *cause. */
int	 store_search(struct store *, const char *, size_t,
	    struct store_hit **, size_t *, char **);
void	 store_hits_free(struct store_hit *, size_t);

/*
 * Bookmarks: essays kept on purpose, with tags, a note and quotes. A
 * bookmark is its essay's (one per essay, whatever URL led to it);
 * removing it leaves the essay in the library.
 */

/* A paragraph of a bookmarked essay kept as a quote. */
struct store_quote {
	int64_t		 id;
	size_t		 block;		/* the paragraph: its block in the
					   essay's document */
	char		*text;		/* as it was when marked */
	int64_t		 added;
};

/* A bookmark, with what the list shows of its essay. The strings but
 * tags are one allocation (mem); tags is NULL-terminated, sorted, each
 * its own; free with store_bookmark_free(). */
struct store_bookmark {
	int64_t		 id;
	int64_t		 doc;		/* the essay (store_doc_get_id()) */
	char		*url;		/* the essay's final URL */
	char		*title;
	char		*byline;
	char		*site;
	char		*published;	/* ISO 8601 as the page gave it */
	char		*note;		/* NULL for none */
	char		**tags;
	size_t		 ntags;
	int64_t		 added;
	int64_t		 read;		/* last read, 0 if never */
	int64_t		 fetched;	/* when the kept copy was made */
	struct store_pos pos;		/* where its reader stopped */
	int		 finished;
	size_t		 nquotes;
	char		*mem;		/* private */
};

/* What to set in store_bookmark_put(). */
struct store_bookmark_in {
	const char *const *tags;	/* NULL-terminated; NULL keeps them */
	const char	*note;		/* NULL keeps it, "" removes it */
	int64_t		 added;		/* a new bookmark's date, 0: now (an
					   import keeps the original's) */
};

/* store_bookmark_list() orders. */
enum store_bookmark_order {
	STORE_BM_ADDED,			/* newest first */
	STORE_BM_TITLE,			/* A to Z, case ignored */
	STORE_BM_SITE,			/* by site, then title */
	STORE_BM_READ,			/* last read first, never read last */
};

/* A tag and how many bookmarks have it. */
struct store_tag {
	char		*name;
	size_t		 count;
};

/* Bookmarks essay doc (store_doc_put()'s id) with in's tags and note, or
 * when it is bookmarked already, sets what in gives. Returns 0 and the
 * bookmark's id in *id (may be NULL) for a new one, 1 and *id for one
 * that was there, or -1 and *cause. All or nothing. */
int	 store_bookmark_put(struct store *, int64_t,
	    const struct store_bookmark_in *, int64_t *, char **);
/* Fills *b with the bookmark of the essay url leads to (any URL that led
 * to it). Returns 0, 1 when there is none (no message), or -1 and
 * *cause. */
int	 store_bookmark_get(struct store *, const char *,
	    struct store_bookmark *, char **);
/* The same by the bookmark's id, and by its essay's id (the pager's
 * struct essay id). */
int	 store_bookmark_get_id(struct store *, int64_t,
	    struct store_bookmark *, char **);
int	 store_bookmark_get_doc(struct store *, int64_t,
	    struct store_bookmark *, char **);
/* Lists the bookmarks in that order, only those with tag (case ignored;
 * NULL: all) and only those whose essay matches the FTS5 query (as
 * store_search() reads it; NULL: all). Returns 0 and an array (free with
 * store_bookmarks_free()), or -1 and *cause. */
int	 store_bookmark_list(struct store *, enum store_bookmark_order,
	    const char *, const char *, struct store_bookmark **, size_t *,
	    char **);
/* Removes bookmark id, its tags and quotes; the essay stays. Returns 0,
 * or -1 and *cause (also when there is none). */
int	 store_bookmark_remove(struct store *, int64_t, char **);
/* Adds the NULL-terminated tags add and removes those of del (either may
 * be NULL) of bookmark id; case is ignored. Returns 0 or -1 and *cause. */
int	 store_bookmark_tag(struct store *, int64_t, const char *const *,
	    const char *const *, char **);
/* Lists every tag a bookmark has, A to Z, with its count (for filters
 * and completion). Returns 0 and an array (free with store_tags_free()),
 * or -1 and *cause. */
int	 store_tags(struct store *, struct store_tag **, size_t *, char **);
void	 store_tags_free(struct store_tag *, size_t);
/* Frees what b holds (not b); store_bookmarks_free() an array of n. */
void	 store_bookmark_free(struct store_bookmark *);
void	 store_bookmarks_free(struct store_bookmark *, size_t);

/* Keeps paragraph block of bookmark id, whose text is text, as a quote.
 * Returns 0, 1 when it was one already (nothing changes), or -1 and
 * *cause. */
int	 store_quote_add(struct store *, int64_t, size_t, const char *,
	    char **);
/* Unmarks it. Returns 0, 1 when it was no quote, or -1 and *cause. */
int	 store_quote_remove(struct store *, int64_t, size_t, char **);
/* Lists the quotes of bookmark id in the essay's order. Returns 0 and
 * an array (free with store_quotes_free()), or -1 and *cause. */
int	 store_quote_list(struct store *, int64_t, struct store_quote **,
	    size_t *, char **);
void	 store_quotes_free(struct store_quote *, size_t);

/* For tests of migration only: steps of SQL that follow reel's own, each
 * taking the schema one version further (STORE_VERSION + 1, ...); n of 0
 * removes them. The array must outlive the stores opened. */
void	 store_test_steps(const char *const *, size_t);
/* For tests of migration only: libraries are made and migrated up to
 * that version and no further, as the reel of that version made them
 * (a newer one is refused); 0 is STORE_VERSION again. Only opening and
 * closing work on such a library. */
void	 store_test_version(size_t);

#endif
