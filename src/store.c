/* store.c: the library in one SQLite file, and the only code that speaks
 * SQLite: opening and migrating the schema, feeds, items, essays, search. */
#include <config.h>

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "paths.h"
#include "sanitize.h"
#include "sqlite_dl.h"
#include "store.h"
#include "util.h"

#define STORE_FILE		"library.db"
/* Long enough for the other process's longest transaction (a refresh
 * batch, a migration), short enough to say something when one hangs. */
#define STORE_BUSY_MS		5000
/* PRAGMA application_id: "reel". */
#define STORE_APP_ID		0x7265656c
/* Snippet markers: sanitized text never holds C0 controls but tab and
 * newline, so these cannot be the essay's own. */
#define STORE_MARK_ON		'\x01'
#define STORE_MARK_OFF		'\x02'

/*
 * The schema, one step per version: store_steps[n] takes version n to
 * n + 1, in one transaction with the new user_version. A released step is
 * never changed; a new version is a new step at the end (and
 * STORE_VERSION one more). Times are seconds since 1970 in UTC.
 */
static const char *const store_steps[] = {
	/* 0 -> 1: subscriptions, their items, the essays read, search. */
	"PRAGMA application_id = 1919247724;"	/* STORE_APP_ID */

	"CREATE TABLE feeds ("
	" id INTEGER PRIMARY KEY,"
	" url TEXT NOT NULL UNIQUE,"
	" title TEXT,"
	" link TEXT,"
	" description TEXT,"
	" added INTEGER NOT NULL,"
	" position INTEGER NOT NULL,"
	" etag TEXT,"
	" last_modified TEXT,"
	" status INTEGER NOT NULL DEFAULT 0,"
	" error TEXT,"				/* NULL: the last refresh went
						   well */
	" checked INTEGER NOT NULL DEFAULT 0,"
	" gone INTEGER NOT NULL DEFAULT 0);"

	"CREATE TABLE feed_tags ("
	" feed INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,"
	" tag TEXT NOT NULL COLLATE NOCASE,"
	" PRIMARY KEY (feed, tag)) WITHOUT ROWID;"
	"CREATE INDEX feed_tags_tag ON feed_tags (tag);"

	"CREATE TABLE items ("
	" id INTEGER PRIMARY KEY,"
	" feed INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,"
	" guid TEXT NOT NULL,"
	" link TEXT,"
	" title TEXT,"
	" authors TEXT,"
	" published INTEGER,"
	" updated INTEGER,"
	" date INTEGER NOT NULL,"		/* published, else updated,
						   else first_seen */
	" enclosure_url TEXT,"
	" enclosure_type TEXT,"
	" enclosure_length INTEGER,"
	" thumbnail TEXT,"
	" first_seen INTEGER NOT NULL,"
	" unread INTEGER NOT NULL DEFAULT 1,"
	" UNIQUE (feed, guid));"
	"CREATE INDEX items_date ON items (date);"
	"CREATE INDEX items_feed_date ON items (feed, date);"
	"CREATE INDEX items_feed_unread ON items (feed, unread);"
	/* The long text apart, so that a list of items reads small rows. */
	"CREATE TABLE item_texts ("
	" item INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,"
	" summary TEXT,"
	" content TEXT);"

	"CREATE TABLE documents ("
	" id INTEGER PRIMARY KEY,"
	" url TEXT NOT NULL UNIQUE,"		/* the final URL */
	" title TEXT,"
	" byline TEXT,"
	" site TEXT,"
	" published TEXT,"			/* ISO 8601, as the page says */
	" lang TEXT,"
	" dir TEXT,"
	" excerpt TEXT,"
	" image TEXT,"
	" fetched INTEGER NOT NULL,"
	" pos_section INTEGER NOT NULL DEFAULT 0,"
	" pos_block INTEGER NOT NULL DEFAULT 0,"
	" pos_offset INTEGER NOT NULL DEFAULT 0,"
	" read_at INTEGER,"			/* NULL: never read */
	" finished INTEGER NOT NULL DEFAULT 0,"
	/* The long columns last: a list reads no overflow page, and a
	 * snippet reads the text without the markup. */
	" text TEXT NOT NULL,"
	" content TEXT NOT NULL);"		/* cleaned XHTML fragment */
	"CREATE INDEX documents_reading ON documents (read_at)"
	" WHERE read_at IS NOT NULL AND NOT finished;"

	/* Every URL that led to a document, its final one included. */
	"CREATE TABLE document_urls ("
	" url TEXT PRIMARY KEY,"
	" document INTEGER NOT NULL"
	"  REFERENCES documents (id) ON DELETE CASCADE) WITHOUT ROWID;"
	"CREATE INDEX document_urls_document ON document_urls (document);"

	/* The index reads its text from documents (snippets need it);
	 * the triggers keep it in step, and a new reading position does not
	 * touch it. */
	"CREATE VIRTUAL TABLE documents_fts USING fts5 ("
	" title, byline, site, text,"
	" content = 'documents', content_rowid = 'id',"
	" tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN"
	" INSERT INTO documents_fts (rowid, title, byline, site, text)"
	"  VALUES (new.id, new.title, new.byline, new.site, new.text);"
	" END;"
	"CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN"
	" INSERT INTO documents_fts"
	"  (documents_fts, rowid, title, byline, site, text)"
	"  VALUES ('delete', old.id, old.title, old.byline, old.site,"
	"  old.text);"
	" END;"
	"CREATE TRIGGER documents_fts_update"
	" AFTER UPDATE OF title, byline, site, text ON documents BEGIN"
	" INSERT INTO documents_fts"
	"  (documents_fts, rowid, title, byline, site, text)"
	"  VALUES ('delete', old.id, old.title, old.byline, old.site,"
	"  old.text);"
	" INSERT INTO documents_fts (rowid, title, byline, site, text)"
	"  VALUES (new.id, new.title, new.byline, new.site, new.text);"
	" END;",

	/* 1 -> 2: bookmarks, their tags and quotes. A bookmark is an essay
	 * kept on purpose: removing it leaves the essay read. */
	"CREATE TABLE bookmarks ("
	" id INTEGER PRIMARY KEY,"
	" document INTEGER NOT NULL UNIQUE"
	"  REFERENCES documents (id) ON DELETE CASCADE,"
	" added INTEGER NOT NULL,"
	" note TEXT,"
	" last_read INTEGER);"			/* the essay's read_at */
	"CREATE INDEX bookmarks_added ON bookmarks (added);"
	/* One spelling per tag, the first given: "Film" and "film" are
	 * one. */
	"CREATE TABLE tags ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL UNIQUE COLLATE NOCASE);"
	"CREATE TABLE bookmark_tags ("
	" bookmark INTEGER NOT NULL REFERENCES bookmarks (id)"
	"  ON DELETE CASCADE,"
	" tag INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
	" PRIMARY KEY (bookmark, tag)) WITHOUT ROWID;"
	"CREATE INDEX bookmark_tags_tag ON bookmark_tags (tag);"
	/* A quote is a paragraph of the essay: its block, and its text as it
	 * was when marked. */
	"CREATE TABLE quotes ("
	" id INTEGER PRIMARY KEY,"
	" bookmark INTEGER NOT NULL REFERENCES bookmarks (id)"
	"  ON DELETE CASCADE,"
	" block INTEGER NOT NULL,"
	" added INTEGER NOT NULL,"
	" text TEXT NOT NULL,"
	" UNIQUE (bookmark, block));"
	/* The last reading of a bookmarked essay, kept beside the bookmark
	 * so that the list sorts by it with an index of its own. */
	"CREATE TRIGGER bookmarks_read AFTER UPDATE OF read_at ON documents"
	" BEGIN"
	" UPDATE bookmarks SET last_read = new.read_at"
	"  WHERE document = new.id;"
	" END;"
	"CREATE INDEX bookmarks_last_read ON bookmarks (last_read);",

	/* 2 -> 3: the reading of each essay (where its reader stopped,
	 * when, whether to the end) in a row of its own. In the essay's row,
	 * saving the place rewrote the whole row: SQLite read its text and
	 * copy into memory twice (33 MB for 200,000 paragraphs) and wrote
	 * them again on every quit. One row per essay, made with it; the
	 * full-text triggers are on documents and do not see a reading. */
	"CREATE TABLE readings ("
	" document INTEGER PRIMARY KEY"
	"  REFERENCES documents (id) ON DELETE CASCADE,"
	" pos_section INTEGER NOT NULL DEFAULT 0,"
	" pos_block INTEGER NOT NULL DEFAULT 0,"
	" pos_offset INTEGER NOT NULL DEFAULT 0,"
	" read_at INTEGER,"			/* NULL: never read */
	" finished INTEGER NOT NULL DEFAULT 0);"
	/* These columns come before the long ones: no overflow page read. */
	"INSERT INTO readings (document, pos_section, pos_block, pos_offset,"
	" read_at, finished)"
	" SELECT id, pos_section, pos_block, pos_offset, read_at, finished"
	" FROM documents;"
	"CREATE INDEX readings_unfinished ON readings (read_at)"
	" WHERE read_at IS NOT NULL AND NOT finished;"
	"CREATE TRIGGER documents_reading_new AFTER INSERT ON documents"
	" BEGIN"
	" INSERT INTO readings (document) VALUES (new.id);"
	" END;"
	"DROP TRIGGER bookmarks_read;"
	"CREATE TRIGGER bookmarks_read AFTER UPDATE OF read_at ON readings"
	" BEGIN"
	" UPDATE bookmarks SET last_read = new.read_at"
	"  WHERE document = new.document;"
	" END;"
	/* The old columns go, so that the place has one home (each drop
	 * rewrites the table once: 1.8 s for 3,000 essays of 35 KB). */
	"DROP INDEX documents_reading;"
	"ALTER TABLE documents DROP COLUMN pos_section;"
	"ALTER TABLE documents DROP COLUMN pos_block;"
	"ALTER TABLE documents DROP COLUMN pos_offset;"
	"ALTER TABLE documents DROP COLUMN read_at;"
	"ALTER TABLE documents DROP COLUMN finished;",

	/* 3 -> 4: the store keeps the full-text index in step itself,
	 * with statements of their own, not triggers inside the essay's
	 * INSERT: there SQLite held the row's record, its copy of the text
	 * for the trigger and the index's terms at once (53 MB for a page
	 * of 200,000 short paragraphs, whose numbers are 200,000 terms). */
	"DROP TRIGGER documents_fts_insert; DROP TRIGGER documents_fts_update;",
};

/* Steps a test adds after reel's own (store_test_steps()), and the
 * version a test stops at (store_test_version(), 0 for none). */
static const char *const	*store_extra_steps;
static size_t			 store_nextra_steps;
static size_t			 store_last_step;

/* The statements, prepared when first used and kept until close. */
enum store_st {
	ST_BEGIN,
	ST_COMMIT,
	ST_ROLLBACK,
	ST_SAVEPOINT,
	ST_RELEASE,
	ST_ROLLBACK_TO,

	ST_FEED_ADD,
	ST_FEED_ID,
	ST_FEED_EXISTS,
	ST_FEED_REMOVE,
	ST_FEED_GET,
	ST_FEED_LIST,
	ST_FEED_LIST_TITLE,
	ST_FEED_TAGS_CLEAR,
	ST_TAG_ADD,
	ST_FEED_LINK,
	ST_FEED_CHECKED,
	ST_FEED_FETCHED,
	ST_FEED_READ,
	ST_ALL_READ,

	ST_ITEM_FIND,
	ST_ITEM_UPDATE,
	ST_ITEM_INSERT,
	ST_ITEM_TEXT,
	ST_ITEM_LIST,
	ST_ITEM_LIST_FEED,
	ST_ITEM_GET,
	ST_ITEM_MARK,
	ST_UNREAD,
	ST_UNREAD_FEED,

	ST_DOC_SAME,
	ST_DOC_UNINDEX,
	ST_DOC_PUT,
	ST_DOC_INDEX,
	ST_DOC_URL,
	ST_DOC_GET,
	ST_DOC_GET_ID,
	ST_DOC_META_ID,
	ST_DOC_POS,
	ST_DOC_UNFINISHED,
	ST_SEARCH,
	ST_SNIPPET,

	ST_COUNT
};

/* The columns every feed query returns, in store_feed_row()'s order. */
#define STORE_FEED_COLS \
	"f.id, f.url, f.title, f.link, f.description, f.added, f.position," \
	" f.etag, f.last_modified, f.status, f.error, f.checked, f.gone," \
	" (SELECT count(*) FROM items WHERE feed = f.id)," \
	" (SELECT count(*) FROM items WHERE feed = f.id AND unread)," \
	" (SELECT group_concat(tag, char(31)) FROM feed_tags" \
	"  WHERE feed = f.id)"

/* ... every item list, in store_item_row()'s order ... */
#define STORE_ITEM_COLS \
	"i.id, i.feed, coalesce(f.title, f.url), i.guid, i.link, i.title," \
	" i.authors, i.published, i.updated, i.date, i.unread"
/* ... and store_item_get()'s, which reads on from there. */
#define STORE_ITEM_MORE \
	", t.summary, t.content, i.enclosure_url, i.enclosure_type," \
	" i.enclosure_length, i.thumbnail, i.first_seen"

/* ... every essay list, from documents d joined with readings r;
 * store_doc_get() adds content and text. */
#define STORE_DOC_COLS \
	"d.id, d.url, d.title, d.byline, d.site, d.published, d.lang, d.dir," \
	" d.excerpt, d.image, d.fetched, r.pos_section, r.pos_block," \
	" r.pos_offset, r.read_at, r.finished"
#define STORE_DOC_READING	" JOIN readings r ON r.document = d.id"

static const char *const store_sql[ST_COUNT] = {
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
	[ST_SAVEPOINT] = "SAVEPOINT store",
	[ST_RELEASE] = "RELEASE store",
	[ST_ROLLBACK_TO] = "ROLLBACK TO store",

	[ST_FEED_ADD] =
	    "INSERT INTO feeds (url, title, added, position)"
	    " VALUES (?1, ?2, ?3, ?4)"
	    " ON CONFLICT (url) DO NOTHING",
	[ST_FEED_ID] = "SELECT id FROM feeds WHERE url = ?1",
	[ST_FEED_EXISTS] = "SELECT 1 FROM feeds WHERE id = ?1",
	[ST_FEED_REMOVE] = "DELETE FROM feeds WHERE url = ?1",
	[ST_FEED_GET] =
	    "SELECT " STORE_FEED_COLS " FROM feeds f WHERE f.url = ?1",
	[ST_FEED_LIST] =
	    "SELECT " STORE_FEED_COLS " FROM feeds f ORDER BY f.position, f.id",
	[ST_FEED_LIST_TITLE] =
	    "SELECT " STORE_FEED_COLS " FROM feeds f"
	    " ORDER BY coalesce(f.title, f.url) COLLATE NOCASE, f.position",
	[ST_FEED_TAGS_CLEAR] = "DELETE FROM feed_tags WHERE feed = ?1",
	[ST_TAG_ADD] =
	    "INSERT INTO feed_tags (feed, tag) VALUES (?1, ?2)"
	    " ON CONFLICT DO NOTHING",
	[ST_FEED_LINK] = "UPDATE feeds SET link = ?2 WHERE id = ?1",
	[ST_FEED_CHECKED] =
	    "UPDATE feeds SET url = coalesce(?2, url), status = ?3, error = ?4,"
	    " checked = ?5, gone = ?6 WHERE id = ?1",
	[ST_FEED_FETCHED] =
	    "UPDATE feeds SET title = coalesce(?2, title),"
	    " link = coalesce(?3, link),"
	    " description = coalesce(?4, description), etag = ?5,"
	    " last_modified = ?6 WHERE id = ?1",
	[ST_FEED_READ] =
	    "UPDATE items SET unread = 0 WHERE feed = ?1 AND unread",
	[ST_ALL_READ] = "UPDATE items SET unread = 0 WHERE unread",

	/* A merge's statements number an item's fields alike (see
	 * store_item_bind()): link ?2 to thumbnail ?10, then the id ?1, or
	 * the feed ?11, guid ?12 and now ?13 of an insert. */
	[ST_ITEM_FIND] = "SELECT id FROM items WHERE feed = ?1 AND guid = ?2",
	[ST_ITEM_UPDATE] =
	    "UPDATE items SET link = ?2, title = ?3, authors = ?4,"
	    " published = ?5, updated = ?6,"
	    " date = coalesce(?5, ?6, first_seen),"
	    " enclosure_url = ?7, enclosure_type = ?8, enclosure_length = ?9,"
	    " thumbnail = ?10"
	    " WHERE id = ?1 AND (link IS NOT ?2 OR title IS NOT ?3"
	    " OR authors IS NOT ?4 OR published IS NOT ?5 OR updated IS NOT ?6"
	    " OR enclosure_url IS NOT ?7 OR enclosure_type IS NOT ?8"
	    " OR enclosure_length IS NOT ?9 OR thumbnail IS NOT ?10)",
	[ST_ITEM_INSERT] =
	    "INSERT INTO items (feed, guid, link, title, authors, published,"
	    " updated, date, enclosure_url, enclosure_type, enclosure_length,"
	    " thumbnail, first_seen)"
	    " VALUES (?11, ?12, ?2, ?3, ?4, ?5, ?6, coalesce(?5, ?6, ?13), ?7,"
	    " ?8, ?9, ?10, ?13)",
	/* Inserted, or updated if it changed: a change counts either way. */
	[ST_ITEM_TEXT] =
	    "INSERT INTO item_texts (item, summary, content)"
	    " VALUES (?1, ?2, ?3)"
	    " ON CONFLICT (item) DO UPDATE SET summary = excluded.summary,"
	    " content = excluded.content"
	    " WHERE summary IS NOT excluded.summary"
	    " OR content IS NOT excluded.content",
	[ST_ITEM_LIST] =
	    "SELECT " STORE_ITEM_COLS " FROM items i JOIN feeds f"
	    " ON f.id = i.feed WHERE (?1 = 0 OR i.unread)"
	    " ORDER BY i.date DESC, i.id DESC",
	[ST_ITEM_LIST_FEED] =
	    "SELECT " STORE_ITEM_COLS " FROM items i JOIN feeds f"
	    " ON f.id = i.feed WHERE i.feed = ?2 AND (?1 = 0 OR i.unread)"
	    " ORDER BY i.date DESC, i.id DESC",
	[ST_ITEM_GET] =
	    "SELECT " STORE_ITEM_COLS STORE_ITEM_MORE
	    " FROM items i JOIN feeds f ON f.id = i.feed"
	    " LEFT JOIN item_texts t ON t.item = i.id"
	    " WHERE i.id = ?1",
	[ST_ITEM_MARK] = "UPDATE items SET unread = ?2 WHERE id = ?1",
	[ST_UNREAD] = "SELECT count(*) FROM items WHERE unread",
	[ST_UNREAD_FEED] =
	    "SELECT count(*) FROM items WHERE feed = ?1 AND unread",

	[ST_DOC_PUT] =
	    "INSERT INTO documents (url, title, byline, site, published, lang,"
	    " dir, excerpt, image, content, text, fetched)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
	    " ON CONFLICT (url) DO UPDATE SET title = excluded.title,"
	    " byline = excluded.byline, site = excluded.site,"
	    " published = excluded.published, lang = excluded.lang,"
	    " dir = excluded.dir, excerpt = excluded.excerpt,"
	    " image = excluded.image, content = excluded.content,"
	    " text = excluded.text, fetched = excluded.fetched"
	    " RETURNING id",
	/* Whether the essay at a URL is indexed with these words already
	 * (an essay opened again, unchanged). */
	[ST_DOC_SAME] =
	    "SELECT 1 FROM documents WHERE url = ?1 AND title IS ?2"
	    " AND byline IS ?3 AND site IS ?4 AND text = ?5",
	/* The index entry of the essay at a URL, before it is put again:
	 * what it was indexed with, read from its row. */
	[ST_DOC_UNINDEX] =
	    "INSERT INTO documents_fts"
	    " (documents_fts, rowid, title, byline, site, text)"
	    " SELECT 'delete', id, title, byline, site, text FROM documents"
	    " WHERE url = ?1",
	[ST_DOC_INDEX] =
	    "INSERT INTO documents_fts (rowid, title, byline, site, text)"
	    " SELECT id, title, byline, site, text FROM documents"
	    " WHERE id = ?1",
	[ST_DOC_URL] =
	    "INSERT INTO document_urls (url, document) VALUES (?1, ?2)"
	    " ON CONFLICT (url) DO UPDATE SET document = excluded.document",
	[ST_DOC_GET] =
	    "SELECT " STORE_DOC_COLS ", d.content, d.text FROM document_urls u"
	    " JOIN documents d ON d.id = u.document" STORE_DOC_READING
	    " WHERE u.url = ?1",
	[ST_DOC_GET_ID] =
	    "SELECT " STORE_DOC_COLS ", d.content, d.text FROM documents d"
	    STORE_DOC_READING " WHERE d.id = ?1",
	[ST_DOC_META_ID] =
	    "SELECT " STORE_DOC_COLS " FROM documents d" STORE_DOC_READING
	    " WHERE d.id = ?1",
	/* The essay's own row is not touched. */
	[ST_DOC_POS] =
	    "UPDATE readings SET pos_section = ?2, pos_block = ?3,"
	    " pos_offset = ?4, read_at = ?5, finished = ?6 WHERE document = ?1",
	[ST_DOC_UNFINISHED] =
	    "SELECT " STORE_DOC_COLS " FROM readings r"
	    " JOIN documents d ON d.id = r.document"
	    " WHERE r.read_at IS NOT NULL AND NOT r.finished"
	    " ORDER BY r.read_at DESC, r.document DESC",
	/* A title match first (the query again, inside a column filter:
	 * highlight() would read every hit's whole row), then bm25 with the
	 * title weighing most, then the byline (an author's own essays
	 * before mentions of the name); the documents' rows read only for
	 * the hits kept. */
	[ST_SEARCH] =
	    "SELECT d.id, d.url, d.title, d.byline, d.site, h.in_title,"
	    " h.score, d.published, d.fetched,"
	    " EXISTS (SELECT 1 FROM bookmarks WHERE document = d.id)"
	    " FROM (SELECT rowid AS id, rowid IN (SELECT rowid"
	    "  FROM documents_fts WHERE documents_fts MATCH"
	    "  '{title} : (' || ?1 || ')') AS in_title,"
	    "  bm25(documents_fts, 10.0, 4.0, 2.0, 1.0) AS score"
	    "  FROM documents_fts WHERE documents_fts MATCH ?1"
	    "  ORDER BY in_title DESC, score, rowid LIMIT ?2) h"
	    " JOIN documents d ON d.id = h.id"
	    " ORDER BY h.in_title DESC, h.score, h.id",
	/* The text around the best match of one hit. */
	[ST_SNIPPET] =
	    "SELECT snippet(documents_fts, 3, char(1), char(2), '…', 24)"
	    " FROM documents_fts WHERE documents_fts MATCH ?1 AND rowid = ?2",
};

struct store {
	sqlite3		*db;
	char		*path;
	sqlite3_stmt	*st[ST_COUNT];
	int		 batch;		/* store_begin() is open */
	sqlite3_stmt	**bst;		/* the bookmarks' statements */
	/* In a batch, the last feed's position once looked up: max() over
	 * an unindexed column for each feed made importing 50,000 feeds
	 * quadratic (issue 14). */
	int64_t		 position;
	int		 position_known;
};

static void	store_bm_close(struct store *);

/* A string to bind, sanitized if it had to be. */
struct store_text {
	const char	*s;		/* NULL binds NULL */
	char		*own;		/* what to free */
};

void
store_test_steps(const char *const *steps, size_t n)
{
	store_extra_steps = n > 0 ? steps : NULL;
	store_nextra_steps = n;
}

void
store_test_version(size_t version)
{
	store_last_step = version;
}

const char *
store_path(const struct store *s)
{
	return s->path;
}

/* Sets *cause to "path: SQLite's message" and returns -1. */
static int
store_error(struct store *s, char **cause)
{
	*cause = xprintf("%s: %s", s->path, sqlite_dl.errmsg(s->db));
	return -1;
}

/* Returns statement n, prepared the first time; NULL and *cause if it
 * cannot be. */
static sqlite3_stmt *
store_stmt(struct store *s, enum store_st n, char **cause)
{
	if (s->st[n] == NULL && sqlite_dl.prepare_v3(s->db, store_sql[n], -1,
	    SQLITE_PREPARE_PERSISTENT, &s->st[n], NULL) != SQLITE_OK) {
		store_error(s, cause);
		s->st[n] = NULL;
		return NULL;
	}
	return s->st[n];
}

/* Makes st ready for its next use. What sqlite_dl.reset() returns repeats
 * the last step's result, which the caller has already acted on, and
 * sqlite_dl.clear_bindings() cannot fail. */
static void
store_reset(sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	(void)sqlite_dl.reset(st);
	(void)sqlite_dl.clear_bindings(st);
}

/* store_error() for a failed statement, which it resets. */
static int
store_fail(struct store *s, sqlite3_stmt *st, char **cause)
{
	store_error(s, cause);
	store_reset(st);
	return -1;
}

/* Steps a statement for the one row it may find: 0 with the row to read
 * (the caller resets st), 1 with st reset when there is none, or -1 and
 * *cause. */
static int
store_step_row(struct store *s, sqlite3_stmt *st, char **cause)
{
	int	rc;

	if ((rc = sqlite_dl.step(st)) == SQLITE_DONE) {
		store_reset(st);
		return 1;
	}
	if (rc != SQLITE_ROW)
		return store_fail(s, st, cause);
	return 0;
}

/* Runs statement n, which returns no row. */
static int
store_run(struct store *s, enum store_st n, char **cause)
{
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, n, cause)) == NULL)
		return -1;
	if (sqlite_dl.step(st) != SQLITE_DONE)
		return store_fail(s, st, cause);
	store_reset(st);
	return 0;
}

/* Starts what must happen whole: a transaction that takes the write lock
 * at once (a reader that became a writer inside a deferred transaction
 * could not wait for another writer, only fail), or inside a batch a
 * savepoint, so that a failed step leaves the batch as it was. */
static int
store_tx(struct store *s, char **cause)
{
	return store_run(s, s->batch ? ST_SAVEPOINT : ST_BEGIN, cause);
}

/* Ends what store_tx() started: kept if ok, else undone. Returns 0 when
 * kept; -1 when undone, with *cause set if keeping it was what failed
 * (else the caller's message stays). */
static int
store_tx_end(struct store *s, int ok, char **cause)
{
	char	*ignore = NULL;

	if (ok && store_run(s, s->batch ? ST_RELEASE : ST_COMMIT, cause) == 0)
		return 0;
	/* Undoing only fails when there is nothing left to undo; the first
	 * error is the one to report. */
	if (s->batch) {
		if (store_run(s, ST_ROLLBACK_TO, &ignore) == 0)
			store_run(s, ST_RELEASE, &ignore);
	} else if (sqlite_dl.get_autocommit(s->db) == 0)
		store_run(s, ST_ROLLBACK, &ignore);
	free(ignore);
	return -1;
}

int
store_begin(struct store *s, char **cause)
{
	if (s->batch) {
		*cause = xprintf(_("%s: a batch is already open"), s->path);
		return -1;
	}
	if (store_run(s, ST_BEGIN, cause) != 0)
		return -1;
	s->batch = 1;
	s->position_known = 0;
	return 0;
}

int
store_commit(struct store *s, char **cause)
{
	if (!s->batch) {
		*cause = xprintf(_("%s: no batch is open"), s->path);
		return -1;
	}
	s->batch = 0;
	if (store_run(s, ST_COMMIT, cause) != 0) {
		store_tx_end(s, 0, cause);
		return -1;
	}
	return 0;
}

int
store_rollback(struct store *s, char **cause)
{
	if (!s->batch) {
		*cause = xprintf(_("%s: no batch is open"), s->path);
		return -1;
	}
	s->batch = 0;
	if (sqlite_dl.get_autocommit(s->db) != 0)
		return 0;
	return store_run(s, ST_ROLLBACK, cause);
}

/* Remote text to bind: NULL for NULL or "", itself when clean, else
 * sanitized (flags as sanitize()'s). */
static void
store_text(struct store_text *t, const char *s, int flags)
{
	size_t	len;

	t->own = NULL;
	if (s == NULL || *s == '\0') {
		t->s = NULL;
		return;
	}
	len = strlen(s);
	if (sanitize_is_clean(s, len, flags))
		t->s = s;
	else
		t->s = t->own = sanitize(s, len, flags);
}

static int
store_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		return sqlite_dl.bind_null(st, i);
	return sqlite_dl.bind_text64(st, i, s, strlen(s), SQLITE_STATIC,
	    SQLITE_UTF8);
}

/* Binds remote text, sanitized as store_text() does; SQLite frees a
 * sanitized copy when it is done with it. */
static int
store_bind_remote(sqlite3_stmt *st, int i, const char *s, int flags)
{
	struct store_text	t;

	store_text(&t, s, flags);
	if (t.own == NULL)
		return store_bind_text(st, i, t.s);
	return sqlite_dl.bind_text64(st, i, t.own, strlen(t.own), free,
	    SQLITE_UTF8);
}

/* Binds a time, unknown (0, or feed.h's INT64_MIN) as NULL. */
static int
store_bind_time(sqlite3_stmt *st, int i, int64_t v)
{
	if (v == 0 || v == INT64_MIN)
		return sqlite_dl.bind_null(st, i);
	return sqlite_dl.bind_int64(st, i, v);
}

/* Binds a length, unknown (0 or less) as NULL. */
static int
store_bind_length(sqlite3_stmt *st, int i, int64_t v)
{
	if (v <= 0)
		return sqlite_dl.bind_null(st, i);
	return sqlite_dl.bind_int64(st, i, v);
}

/* Returns column i as a new string, or NULL for NULL. */
static char *
store_col(sqlite3_stmt *st, int i)
{
	const unsigned char	*t;

	if (sqlite_dl.column_type(st, i) == SQLITE_NULL)
		return NULL;
	if ((t = sqlite_dl.column_text(st, i)) == NULL)
		fatal(_("out of memory"));
	return xstrndup((const char *)t, (size_t)sqlite_dl.column_bytes(st, i));
}

static size_t
store_col_size(sqlite3_stmt *st, int i)
{
	sqlite3_int64	v = sqlite_dl.column_int64(st, i);

	return v > 0 ? (size_t)v : 0;
}

/* The most text columns one row hands out. */
#define STORE_MAX_STRINGS	12

/* Copies the text columns cols[0..n) of st's row into one allocation,
 * each NUL-terminated, and points *dst[i] into it (NULL for NULL): a list
 * of 10,000 items is 10,000 allocations, not 60,000. Returns the
 * allocation, which the caller frees. */
static char *
store_strings(sqlite3_stmt *st, const int *cols, char **const *dst, size_t n)
{
	const unsigned char	*t[STORE_MAX_STRINGS];
	size_t			 len[STORE_MAX_STRINGS], total = 1, i;
	char			*mem, *p;

	for (i = 0; i < n; i++) {
		t[i] = NULL;
		len[i] = 0;
		if (sqlite_dl.column_type(st, cols[i]) == SQLITE_NULL)
			continue;
		if ((t[i] = sqlite_dl.column_text(st, cols[i])) == NULL)
			fatal(_("out of memory"));
		len[i] = (size_t)sqlite_dl.column_bytes(st, cols[i]);
		total += len[i] + 1;
	}
	p = mem = xmalloc(total);
	for (i = 0; i < n; i++) {
		*dst[i] = NULL;
		if (t[i] == NULL)
			continue;
		memcpy(p, t[i], len[i]);
		p[len[i]] = '\0';
		*dst[i] = p;
		p += len[i] + 1;
	}
	return mem;
}

static int64_t
store_now(void)
{
	return (int64_t)time(NULL);
}

/* Runs a statement of one integer row (PRAGMA user_version) outside the
 * cache: what opening asks once. */
static int
store_int(struct store *s, const char *sql, int64_t *v, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite_dl.prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_error(s, cause);
	if ((rc = sqlite_dl.step(st)) != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			/* TRANSLATORS: the library's file, then the
			 * SQL statement that returned no row. */
			*cause = xprintf(_("%s: %s gave no answer"), s->path,
			    sql);
		else
			store_error(s, cause);
		sqlite_dl.finalize(st);
		return -1;
	}
	*v = sqlite_dl.column_int64(st, 0);
	sqlite_dl.finalize(st);
	return 0;
}

/* The same for one text row, allocated. */
static int
store_str(struct store *s, const char *sql, char **v, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite_dl.prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_error(s, cause);
	if ((rc = sqlite_dl.step(st)) != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			/* TRANSLATORS: the library's file, then the
			 * SQL statement that returned no row. */
			*cause = xprintf(_("%s: %s gave no answer"), s->path,
			    sql);
		else
			store_error(s, cause);
		sqlite_dl.finalize(st);
		return -1;
	}
	*v = store_col(st, 0);
	sqlite_dl.finalize(st);
	if (*v == NULL)
		*v = xstrdup("");
	return 0;
}

static int
store_exec(struct store *s, const char *sql, char **cause)
{
	char	*msg = NULL;

	if (sqlite_dl.exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		*cause = xprintf("%s: %s", s->path,
		    msg != NULL ? msg : sqlite_dl.errmsg(s->db));
		sqlite_dl.free(msg);
		return -1;
	}
	return 0;
}

/* The steps known, reel's and a test's, and step n of them. */
static size_t
store_nsteps(void)
{
	if (store_last_step != 0)
		return store_last_step;
	return nitems(store_steps) + store_nextra_steps;
}

static const char *
store_step(size_t n)
{
	if (n < nitems(store_steps))
		return store_steps[n];
	return store_extra_steps[n - nitems(store_steps)];
}

/* Refuses a file of a version this reel does not know. */
static int
store_newer(struct store *s, int64_t version, char **cause)
{
	/* TRANSLATORS: the library's file, its schema version, and the
	 * newest version this reel knows. */
	*cause = xprintf(_("%s: a library of version %lld, newer than this "
	    "reel knows (%zu): left as it is"), s->path, (long long)version,
	    store_nsteps());
	return -1;
}

/* Copies the library as it is now, in one read, to PATH.vN.bak (mode
 * 0600), N the version the copy holds, through a new name and a rename,
 * so that a backup is whole or absent. */
static int
store_backup(struct store *s, char **cause)
{
	sqlite3		*dst = NULL;
	sqlite3_backup	*b;
	sqlite3_stmt	*st = NULL;
	char		*bak = NULL, *tmp;
	int		 fd, rc = -1, saved;

	tmp = xprintf("%s.bak.new", s->path);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC |
	    O_NOFOLLOW, 0600)) == -1 || fchmod(fd, 0600) != 0) {
		saved = errno;
		*cause = xprintf("%s: %s", tmp, strerror(saved));
		if (fd != -1)
			close(fd);
		goto out;
	}
	close(fd);
	if (sqlite_dl.open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		if (dst == NULL)
			fatal(_("out of memory"));
		goto fail;
	}
	/* All pages in one step: one read transaction, one snapshot. */
	if ((b = sqlite_dl.backup_init(dst, "main", s->db, "main")) == NULL)
		goto fail;
	rc = sqlite_dl.backup_step(b, -1);
	if (sqlite_dl.backup_finish(b) != SQLITE_OK || rc != SQLITE_DONE) {
		rc = -1;
		goto fail;
	}
	rc = -1;
	if (sqlite_dl.prepare_v2(dst, "PRAGMA user_version", -1, &st, NULL) !=
	    SQLITE_OK || sqlite_dl.step(st) != SQLITE_ROW)
		goto fail;
	bak = xprintf("%s.v%" PRId64 ".bak", s->path,
	    (int64_t)sqlite_dl.column_int64(st, 0));
	sqlite_dl.finalize(st);
	st = NULL;
	if (sqlite_dl.close(dst) != SQLITE_OK)
		goto fail;
	dst = NULL;
	if (rename(tmp, bak) != 0) {
		saved = errno;
		*cause = xprintf("%s: %s", bak, strerror(saved));
		goto out;
	}
	rc = 0;
	goto out;

fail:
	/* TRANSLATORS: the backup's file, the library's file, SQLite's
	 * reason. */
	*cause = xprintf(_("%s: cannot back up %s: %s"), tmp, s->path,
	    sqlite_dl.errmsg(dst));
out:
	/* The statement's and the connection's results were seen above. */
	(void)sqlite_dl.finalize(st);
	if (dst != NULL)
		(void)sqlite_dl.close(dst);
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	free(bak);
	return rc;
}

/*
 * Takes the schema from the version the file has to the newest, one step
 * per transaction. Before the first step on a file that had a schema, a
 * backup. Each step starts by taking the write lock and reading the
 * version again: another reel may have migrated meanwhile.
 */
static int
store_migrate(struct store *s, int64_t version, char **cause)
{
	size_t	n = store_nsteps();
	char	*sql;

	if ((uint64_t)version == n)
		return 0;
	if (version > 0 && store_backup(s, cause) != 0)
		return -1;
	for (;;) {
		if (store_run(s, ST_BEGIN, cause) != 0)
			return -1;
		if (store_int(s, "PRAGMA user_version", &version, cause) != 0)
			goto fail;
		if (version < 0 || (uint64_t)version > n) {
			store_newer(s, version, cause);
			goto fail;
		}
		if ((uint64_t)version == n)
			break;
		if (store_exec(s, store_step((size_t)version), cause) != 0)
			goto fail;
		sql = xprintf("PRAGMA user_version = %" PRId64, version + 1);
		if (store_exec(s, sql, cause) != 0) {
			free(sql);
			goto fail;
		}
		free(sql);
		if (store_run(s, ST_COMMIT, cause) != 0)
			goto fail;
	}
	return store_run(s, ST_COMMIT, cause);

fail:
	store_tx_end(s, 0, cause);
	return -1;
}

/* Replaces *cause by why the file cannot be opened when SQLite says no
 * more than that it cannot: the file's or the directory's permissions. */
static void
store_why(struct store *s, char **cause)
{
	char	*dir, *slash;
	int	 saved;

	if (faccessat(AT_FDCWD, s->path, R_OK | W_OK, AT_EACCESS) != 0) {
		saved = errno;
		free(*cause);
		*cause = xprintf("%s: %s", s->path, strerror(saved));
		return;
	}
	dir = xstrdup(s->path);
	if ((slash = strrchr(dir, '/')) == NULL) {
		free(dir);
		dir = xstrdup(".");
	} else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	if (faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS) != 0) {
		saved = errno;
		free(*cause);
		/* TRANSLATORS: the library's file, its directory, the
		 * system's reason. */
		*cause = xprintf(_("%s: cannot write in its directory %s (%s)"),
		    s->path, dir, strerror(saved));
	}
	free(dir);
}

/*
 * Reads what the file says it is before anything is written to it: a
 * file that is not a database, is damaged, is another program's, or is of
 * a newer version is left byte for byte as it was.
 */
static int
store_check(struct store *s, int flags, int64_t *vp, char **cause)
{
	int64_t	 version, app, tables;
	char	*ok, *line;

	if (store_int(s, "PRAGMA user_version", &version, cause) != 0)
		return -1;
	if ((uint64_t)version > store_nsteps())
		return store_newer(s, version, cause);
	if (store_int(s, "PRAGMA application_id", &app, cause) != 0 ||
	    store_int(s, "SELECT count(*) FROM sqlite_schema", &tables,
	    cause) != 0)
		return -1;
	if ((version > 0 && app != STORE_APP_ID) ||
	    (version == 0 && (tables > 0 || app != 0))) {
		*cause = xprintf(_("%s: not a reel library: left as it is"),
		    s->path);
		return -1;
	}
	if ((flags & STORE_CHECK) && version > 0) {
		if (store_str(s, "PRAGMA quick_check", &ok, cause) != 0)
			return -1;
		if (strcmp(ok, "ok") != 0) {
			/* The first problem, on one line. */
			line = ok;
			if (strncmp(line, "*** ", 4) == 0 &&
			    strchr(line, '\n') != NULL)
				line = strchr(line, '\n') + 1;
			line[strcspn(line, "\n")] = '\0';
			/* TRANSLATORS: the library's file, then the
			 * first problem SQLite's integrity check found. */
			*cause = xprintf(_("%s: damaged: %s"), s->path, line);
			free(ok);
			return -1;
		}
		free(ok);
	}
	*vp = version;
	return 0;
}

/* Makes the file, 0600, if there is none: SQLite would make it 0644. */
static int
store_create(const char *path, char **cause)
{
	int	fd, saved;

	if ((fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) ==
	    -1) {
		if (errno == EEXIST)
			return 0;
		saved = errno;
		*cause = xprintf("%s: %s", path, strerror(saved));
		return -1;
	}
	close(fd);
	return 0;
}

int
store_open(const char *path, int flags, struct store **sp, char **cause)
{
	struct store	*s;
	char		*mode = NULL;
	int64_t		 fk, version;
	int		 rc;

	s = xcalloc(1, sizeof *s);
	/* SQLite is opened with the first library (sqlite_dl.c). */
	if (sqlite_dl_load(cause) != 0)
		goto fail;
	if (path != NULL)
		s->path = xstrdup(path);
	else if ((s->path = paths_file(PATHS_DATA, STORE_FILE, cause)) ==
	    NULL)
		goto fail;
	if (store_create(s->path, cause) != 0)
		goto fail;
	/* A store belongs to one thread: no mutex on each call. */
	rc = sqlite_dl.open_v2(s->path, &s->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);
	if (s->db == NULL)
		fatal(_("out of memory"));
	if (rc != SQLITE_OK) {
		store_error(s, cause);
		store_why(s, cause);
		goto fail;
	}
	/* SQLite opens a file it may not write read-only, and says so
	 * only at the first write. */
	if (sqlite_dl.db_readonly(s->db, "main") != 0) {
		*cause = xprintf(_("%s: cannot write it"), s->path);
		store_why(s, cause);
		goto fail;
	}
	if (sqlite_dl.busy_timeout(s->db, STORE_BUSY_MS) != SQLITE_OK) {
		store_error(s, cause);
		goto fail;
	}
	if (store_check(s, flags, &version, cause) != 0) {
		rc = sqlite_dl.errcode(s->db);
		if (rc == SQLITE_CANTOPEN || rc == SQLITE_READONLY ||
		    rc == SQLITE_PERM)
			store_why(s, cause);
		goto fail;
	}
	/* WAL: a reader never waits for a writer, nor a writer for readers.
	 * NORMAL: in WAL mode a crash may lose the last commits, never
	 * consistency, and a commit costs no fsync. */
	if (store_str(s, "PRAGMA journal_mode = WAL", &mode, cause) != 0) {
		rc = sqlite_dl.errcode(s->db);
		if (rc == SQLITE_CANTOPEN || rc == SQLITE_READONLY ||
		    rc == SQLITE_PERM)
			store_why(s, cause);
		goto fail;
	}
	if (strcmp(mode, "wal") != 0) {
		*cause = xprintf(_("%s: cannot use write-ahead logging "
		    "(journal mode %s)"), s->path, mode);
		goto fail;
	}
	if (store_exec(s, "PRAGMA synchronous = NORMAL;"
	    "PRAGMA foreign_keys = ON;", cause) != 0 ||
	    store_int(s, "PRAGMA foreign_keys", &fk, cause) != 0)
		goto fail;
	if (fk != 1) {
		*cause = xprintf(_("%s: this SQLite has no foreign keys"),
		    s->path);
		goto fail;
	}
	if (store_migrate(s, version, cause) != 0)
		goto fail;
	free(mode);
	*sp = s;
	return 0;

fail:
	free(mode);
	store_close(s);
	return -1;
}

void
store_close(struct store *s)
{
	size_t	i;

	if (s == NULL)
		return;
	if (s->db != NULL) {
		if (sqlite_dl.get_autocommit(s->db) == 0)
			(void)sqlite_dl.exec(s->db, "ROLLBACK", NULL, NULL,
			    NULL);
		/* finalize returns the last step's result, already seen. */
		for (i = 0; i < nitems(s->st); i++)
			(void)sqlite_dl.finalize(s->st[i]);
		store_bm_close(s);
		if (sqlite_dl.close(s->db) != SQLITE_OK)
			fatal("%s: %s", s->path, sqlite_dl.errmsg(s->db));
	}
	free(s->path);
	free(s);
}

/* Feeds. */

/* Binds the id of a row. */
static int
store_bind_id(sqlite3_stmt *st, int i, int64_t id)
{
	return sqlite_dl.bind_int64(st, i, id);
}

static int
store_tag_cmp(const void *a, const void *b)
{
	return strcasecmp(*(char *const *)a, *(char *const *)b);
}

/* Column i, tags joined by U+001F (group_concat), as a sorted
 * NULL-terminated array of *n new strings; an empty array for NULL. */
static char **
store_col_tags(sqlite3_stmt *st, int i, size_t *n)
{
	char	**tags, *all, *p, *sep;
	size_t	  cap = 0;

	*n = 0;
	tags = xgrowarray(NULL, &cap, 1, sizeof *tags);
	if ((all = store_col(st, i)) != NULL) {
		for (p = all; p != NULL; p = sep) {
			if ((sep = strchr(p, '\x1f')) != NULL)
				*sep++ = '\0';
			tags = xgrowarray(tags, &cap, *n + 2, sizeof *tags);
			tags[(*n)++] = xstrdup(p);
		}
		free(all);
		qsort(tags, *n, sizeof *tags, store_tag_cmp);
	}
	tags[*n] = NULL;
	return tags;
}

/* Fills f from a row of STORE_FEED_COLS. */
static void
store_feed_row(sqlite3_stmt *st, struct store_feed *f)
{
	memset(f, 0, sizeof *f);
	f->id = sqlite_dl.column_int64(st, 0);
	f->url = store_col(st, 1);
	f->title = store_col(st, 2);
	f->link = store_col(st, 3);
	f->description = store_col(st, 4);
	f->added = sqlite_dl.column_int64(st, 5);
	f->position = sqlite_dl.column_int64(st, 6);
	f->etag = store_col(st, 7);
	f->last_modified = store_col(st, 8);
	f->status = (long)sqlite_dl.column_int64(st, 9);
	f->error = store_col(st, 10);
	f->checked = sqlite_dl.column_int64(st, 11);
	f->gone = sqlite_dl.column_int(st, 12) != 0;
	f->nitems = store_col_size(st, 13);
	f->nunread = store_col_size(st, 14);
	f->tags = store_col_tags(st, 15, &f->ntags);
}

void
store_feed_free(struct store_feed *f)
{
	size_t	i;

	free(f->url);
	free(f->title);
	free(f->link);
	free(f->description);
	for (i = 0; i < f->ntags; i++)
		free(f->tags[i]);
	free(f->tags);
	free(f->etag);
	free(f->last_modified);
	free(f->error);
	memset(f, 0, sizeof *f);
}

void
store_feeds_free(struct store_feed *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		store_feed_free(&v[i]);
	free(v);
}

/* Adds tags to feed id: white space trimmed, empty ones skipped, one of
 * those that differ only in case. */
static int
store_add_tags(struct store *s, int64_t id, const char *const *tags,
    char **cause)
{
	sqlite3_stmt	*st;
	char		*tag, *end, *start;

	if (tags == NULL)
		return 0;
	if ((st = store_stmt(s, ST_TAG_ADD, cause)) == NULL)
		return -1;
	for (; *tags != NULL; tags++) {
		tag = sanitize(*tags, strlen(*tags), 0);
		for (start = tag; *start == ' '; start++)
			/* nothing */;
		end = start + strlen(start);
		while (end > start && end[-1] == ' ')
			end--;
		*end = '\0';
		if (*start != '\0' && (store_bind_id(st, 1, id) != SQLITE_OK ||
		    store_bind_text(st, 2, start) != SQLITE_OK ||
		    sqlite_dl.step(st) != SQLITE_DONE)) {
			free(tag);
			return store_fail(s, st, cause);
		}
		free(tag);
		store_reset(st);
	}
	return 0;
}

/* Sets *id to the id of the feed of url; 1 if there is none. */
static int
store_feed_id(struct store *s, const char *url, int64_t *id, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = store_stmt(s, ST_FEED_ID, cause)) == NULL)
		return -1;
	if (store_bind_remote(st, 1, url, 0) != SQLITE_OK)
		return store_fail(s, st, cause);
	if ((rc = sqlite_dl.step(st)) == SQLITE_ROW)
		*id = sqlite_dl.column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		return store_fail(s, st, cause);
	store_reset(st);
	return rc == SQLITE_ROW ? 0 : 1;
}

int
store_feed_add(struct store *s, const char *url, const char *title,
    const char *const *tags, int64_t *id, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (url == NULL || *url == '\0') {
		*cause = xstrdup(_("a feed needs a URL"));
		return -1;
	}
	if (store_tx(s, cause) != 0)
		return -1;
	if ((!s->batch || !s->position_known) && store_int(s,
	    "SELECT coalesce(max(position), 0) FROM feeds", &s->position,
	    cause) != 0)
		goto fail;
	s->position_known = s->batch;
	if ((st = store_stmt(s, ST_FEED_ADD, cause)) == NULL)
		goto fail;
	if (store_bind_remote(st, 1, url, 0) != SQLITE_OK ||
	    store_bind_remote(st, 2, title, 0) != SQLITE_OK ||
	    sqlite_dl.bind_int64(st, 3, store_now()) != SQLITE_OK ||
	    sqlite_dl.bind_int64(st, 4, s->position + 1) != SQLITE_OK ||
	    sqlite_dl.step(st) != SQLITE_DONE) {
		store_fail(s, st, cause);
		goto fail;
	}
	store_reset(st);
	if (sqlite_dl.changes(s->db) == 0) {
		if ((rc = store_feed_id(s, url, id, cause)) == 0)
			*cause = xprintf(_("%s: already subscribed"), url);
		else if (rc == 1)
			*cause = xprintf(_("%s: cannot subscribe"), url);
		store_tx_end(s, 0, cause);
		return rc == 0 ? 1 : -1;
	}
	*id = sqlite_dl.last_insert_rowid(s->db);
	s->position++;
	if (store_add_tags(s, *id, tags, cause) != 0)
		goto fail;
	return store_tx_end(s, 1, cause);

fail:
	store_tx_end(s, 0, cause);
	return -1;
}

int
store_feed_remove(struct store *s, const char *url, char **cause)
{
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, ST_FEED_REMOVE, cause)) == NULL)
		return -1;
	if (store_tx(s, cause) != 0)
		return -1;
	if (store_bind_remote(st, 1, url, 0) != SQLITE_OK ||
	    sqlite_dl.step(st) != SQLITE_DONE) {
		store_fail(s, st, cause);
		store_tx_end(s, 0, cause);
		return -1;
	}
	store_reset(st);
	if (sqlite_dl.changes(s->db) == 0) {
		*cause = xprintf(_("%s: not subscribed"), url);
		store_tx_end(s, 0, cause);
		return -1;
	}
	return store_tx_end(s, 1, cause);
}

int
store_feed_get(struct store *s, const char *url, struct store_feed *f,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = store_stmt(s, ST_FEED_GET, cause)) == NULL)
		return -1;
	if (store_bind_remote(st, 1, url, 0) != SQLITE_OK)
		return store_fail(s, st, cause);
	if ((rc = sqlite_dl.step(st)) == SQLITE_DONE) {
		store_reset(st);
		*cause = xprintf(_("%s: not subscribed"), url);
		return -1;
	}
	if (rc != SQLITE_ROW)
		return store_fail(s, st, cause);
	store_feed_row(st, f);
	store_reset(st);
	return 0;
}

int
store_feed_list(struct store *s, int flags, struct store_feed **fv,
    size_t *np, char **cause)
{
	sqlite3_stmt		*st;
	struct store_feed	*v = NULL;
	size_t			 n = 0, cap = 0;
	int			 rc;

	st = store_stmt(s, (flags & STORE_BY_TITLE) ? ST_FEED_LIST_TITLE :
	    ST_FEED_LIST, cause);
	if (st == NULL)
		return -1;
	while ((rc = sqlite_dl.step(st)) == SQLITE_ROW) {
		v = xgrowarray(v, &cap, n + 1, sizeof *v);
		store_feed_row(st, &v[n++]);
	}
	if (rc != SQLITE_DONE) {
		store_feeds_free(v, n);
		return store_fail(s, st, cause);
	}
	store_reset(st);
	*fv = v;
	*np = n;
	return 0;
}

/* Returns 0 if feed id exists, else -1 and a message saying it does not. */
static int
store_feed_exists(struct store *s, int64_t id, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = store_stmt(s, ST_FEED_EXISTS, cause)) == NULL)
		return -1;
	if (store_bind_id(st, 1, id) != SQLITE_OK)
		return store_fail(s, st, cause);
	rc = sqlite_dl.step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, st, cause);
	store_reset(st);
	if (rc == SQLITE_DONE) {
		*cause = xprintf(_("%s: no feed %lld"), s->path,
		    (long long)id);
		return -1;
	}
	return 0;
}

int
store_feed_tags(struct store *s, int64_t id, const char *const *tags,
    char **cause)
{
	sqlite3_stmt	*st;

	if (store_tx(s, cause) != 0)
		return -1;
	if (store_feed_exists(s, id, cause) != 0)
		goto fail;
	if ((st = store_stmt(s, ST_FEED_TAGS_CLEAR, cause)) == NULL)
		goto fail;
	if (store_bind_id(st, 1, id) != SQLITE_OK ||
	    sqlite_dl.step(st) != SQLITE_DONE) {
		store_fail(s, st, cause);
		goto fail;
	}
	store_reset(st);
	if (store_add_tags(s, id, tags, cause) != 0)
		goto fail;
	return store_tx_end(s, 1, cause);

fail:
	store_tx_end(s, 0, cause);
	return -1;
}

int
store_feed_link(struct store *s, int64_t id, const char *link, char **cause)
{
	sqlite3_stmt	*st;

	if (store_tx(s, cause) != 0)
		return -1;
	if (store_feed_exists(s, id, cause) != 0)
		goto fail;
	if ((st = store_stmt(s, ST_FEED_LINK, cause)) == NULL)
		goto fail;
	if (store_bind_id(st, 1, id) != SQLITE_OK ||
	    store_bind_remote(st, 2, link, 0) != SQLITE_OK ||
	    sqlite_dl.step(st) != SQLITE_DONE) {
		store_fail(s, st, cause);
		goto fail;
	}
	store_reset(st);
	return store_tx_end(s, 1, cause);

fail:
	store_tx_end(s, 0, cause);
	return -1;
}

int
store_feed_update(struct store *s, int64_t id, const struct store_refresh *r,
    char **cause)
{
	sqlite3_stmt	*st;

	if (store_tx(s, cause) != 0)
		return -1;
	if (store_feed_exists(s, id, cause) != 0)
		goto fail;
	if ((st = store_stmt(s, ST_FEED_CHECKED, cause)) == NULL)
		goto fail;
	if (store_bind_id(st, 1, id) != SQLITE_OK ||
	    store_bind_remote(st, 2, r->url, 0) != SQLITE_OK ||
	    sqlite_dl.bind_int64(st, 3, r->status) != SQLITE_OK ||
	    store_bind_remote(st, 4, r->error, 0) != SQLITE_OK ||
	    sqlite_dl.bind_int64(st, 5, r->checked != 0 ? r->checked :
	    store_now()) != SQLITE_OK ||
	    sqlite_dl.bind_int(st, 6, r->gone != 0) != SQLITE_OK)
		goto fail_st;
	if (sqlite_dl.step(st) != SQLITE_DONE) {
		if (sqlite_dl.extended_errcode(s->db) ==
		    SQLITE_CONSTRAINT_UNIQUE) {
			store_reset(st);
			*cause = xprintf(_("%s: already subscribed as another "
			    "feed"), r->url);
			goto fail;
		}
		goto fail_st;
	}
	store_reset(st);
	if (r->fetched) {
		if ((st = store_stmt(s, ST_FEED_FETCHED, cause)) == NULL)
			goto fail;
		if (store_bind_id(st, 1, id) != SQLITE_OK ||
		    store_bind_remote(st, 2, r->title, 0) != SQLITE_OK ||
		    store_bind_remote(st, 3, r->link, 0) != SQLITE_OK ||
		    store_bind_remote(st, 4, r->description, SANITIZE_PRE) !=
		    SQLITE_OK ||
		    store_bind_remote(st, 5, r->etag, 0) != SQLITE_OK ||
		    store_bind_remote(st, 6, r->last_modified, 0) !=
		    SQLITE_OK ||
		    sqlite_dl.step(st) != SQLITE_DONE)
			goto fail_st;
		store_reset(st);
	}
	return store_tx_end(s, 1, cause);

fail_st:
	store_fail(s, st, cause);
fail:
	store_tx_end(s, 0, cause);
	return -1;
}

int
store_feed_read(struct store *s, int64_t id, char **cause)
{
	sqlite3_stmt	*st;

	if (store_tx(s, cause) != 0)
		return -1;
	if ((st = store_stmt(s, id != 0 ? ST_FEED_READ : ST_ALL_READ,
	    cause)) == NULL)
		goto fail;
	if ((id != 0 && store_bind_id(st, 1, id) != SQLITE_OK) ||
	    sqlite_dl.step(st) != SQLITE_DONE) {
		store_fail(s, st, cause);
		goto fail;
	}
	store_reset(st);
	return store_tx_end(s, 1, cause);

fail:
	store_tx_end(s, 0, cause);
	return -1;
}

/* Items. */

/* An item's text, sanitized, for the merge statements. */
struct store_item_text {
	struct store_text	 guid;
	struct store_text	 link;
	struct store_text	 title;
	struct store_text	 authors;
	struct store_text	 summary;
	struct store_text	 content;
	struct store_text	 enclosure_url;
	struct store_text	 enclosure_type;
	struct store_text	 thumbnail;
	char			*hash;		/* a guid made up */
};

/* FNV-1a, 64 bits: the stable hash of an item with neither id nor link. */
static uint64_t
store_hash(uint64_t h, const char *s)
{
	if (s == NULL)
		s = "";
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

static void
store_item_text(struct store_item_text *x, const struct store_item_in *in)
{
	const char	*guid = in->guid;
	uint64_t	 h;

	x->hash = NULL;
	if (guid == NULL || *guid == '\0')
		guid = in->link;
	if (guid == NULL || *guid == '\0') {
		/* The NUL between them: "ab" + "c" is not "a" + "bc". */
		h = store_hash(UINT64_C(0xcbf29ce484222325), in->title);
		h = store_hash(h * UINT64_C(0x100000001b3), in->summary);
		guid = x->hash = xprintf("hash:%016" PRIx64, h);
	}
	store_text(&x->guid, guid, 0);
	store_text(&x->link, in->link, 0);
	store_text(&x->title, in->title, 0);
	store_text(&x->authors, in->authors, 0);
	store_text(&x->summary, in->summary, SANITIZE_PRE);
	store_text(&x->content, in->content, SANITIZE_PRE);
	store_text(&x->enclosure_url, in->enclosure_url, 0);
	store_text(&x->enclosure_type, in->enclosure_type, 0);
	store_text(&x->thumbnail, in->thumbnail, 0);
}

static void
store_item_text_free(struct store_item_text *x)
{
	free(x->guid.own);
	free(x->link.own);
	free(x->title.own);
	free(x->authors.own);
	free(x->summary.own);
	free(x->content.own);
	free(x->enclosure_url.own);
	free(x->enclosure_type.own);
	free(x->thumbnail.own);
	free(x->hash);
}

/* Binds the item's fields, ?2 to ?10 of the merge statements. */
static int
store_item_bind(sqlite3_stmt *st, const struct store_item_text *x,
    const struct store_item_in *in)
{
	if (store_bind_text(st, 2, x->link.s) != SQLITE_OK ||
	    store_bind_text(st, 3, x->title.s) != SQLITE_OK ||
	    store_bind_text(st, 4, x->authors.s) != SQLITE_OK ||
	    store_bind_time(st, 5, in->published) != SQLITE_OK ||
	    store_bind_time(st, 6, in->updated) != SQLITE_OK ||
	    store_bind_text(st, 7, x->enclosure_url.s) != SQLITE_OK ||
	    store_bind_text(st, 8, x->enclosure_type.s) != SQLITE_OK ||
	    store_bind_length(st, 9, in->enclosure_length) != SQLITE_OK ||
	    store_bind_text(st, 10, x->thumbnail.s) != SQLITE_OK)
		return -1;
	return 0;
}

/* Runs st, a merge statement, and says whether it changed a row. */
static int
store_merge_step(struct store *s, sqlite3_stmt *st, int *changed,
    char **cause)
{
	if (sqlite_dl.step(st) != SQLITE_DONE)
		return store_fail(s, st, cause);
	store_reset(st);
	*changed = sqlite_dl.changes(s->db) > 0;
	return 0;
}

/* Merges one item: found by feed and guid, it is updated where a field
 * changed; else it is new. */
static int
store_merge_one(struct store *s, int64_t feed, const struct store_item_in *in,
    int64_t now, struct store_merged *m, char **cause)
{
	struct store_item_text	 x;
	sqlite3_stmt		*find, *up, *ins, *text;
	int64_t			 id = 0;
	int			 rc = -1, found, changed = 0, texts;

	if ((find = store_stmt(s, ST_ITEM_FIND, cause)) == NULL ||
	    (up = store_stmt(s, ST_ITEM_UPDATE, cause)) == NULL ||
	    (ins = store_stmt(s, ST_ITEM_INSERT, cause)) == NULL ||
	    (text = store_stmt(s, ST_ITEM_TEXT, cause)) == NULL)
		return -1;
	store_item_text(&x, in);
	if (store_bind_id(find, 1, feed) != SQLITE_OK ||
	    store_bind_text(find, 2, x.guid.s) != SQLITE_OK ||
	    ((found = sqlite_dl.step(find)) != SQLITE_ROW && found !=
	    SQLITE_DONE)) {
		store_fail(s, find, cause);
		goto out;
	}
	if (found == SQLITE_ROW)
		id = sqlite_dl.column_int64(find, 0);
	store_reset(find);
	if (found == SQLITE_ROW) {
		if (store_item_bind(up, &x, in) != 0 ||
		    store_bind_id(up, 1, id) != SQLITE_OK) {
			store_fail(s, up, cause);
			goto out;
		}
		if (store_merge_step(s, up, &changed, cause) != 0)
			goto out;
	} else {
		if (store_item_bind(ins, &x, in) != 0 ||
		    store_bind_id(ins, 11, feed) != SQLITE_OK ||
		    store_bind_text(ins, 12, x.guid.s) != SQLITE_OK ||
		    sqlite_dl.bind_int64(ins, 13, now) != SQLITE_OK) {
			store_fail(s, ins, cause);
			goto out;
		}
		if (store_merge_step(s, ins, &changed, cause) != 0)
			goto out;
		id = sqlite_dl.last_insert_rowid(s->db);
	}
	if (store_bind_id(text, 1, id) != SQLITE_OK ||
	    store_bind_text(text, 2, x.summary.s) != SQLITE_OK ||
	    store_bind_text(text, 3, x.content.s) != SQLITE_OK) {
		store_fail(s, text, cause);
		goto out;
	}
	if (store_merge_step(s, text, &texts, cause) != 0)
		goto out;
	if (found != SQLITE_ROW)
		m->added++;
	else if (changed || texts)
		m->updated++;
	rc = 0;
out:
	store_item_text_free(&x);
	return rc;
}

int
store_merge(struct store *s, int64_t feed, const struct store_item_in *items,
    size_t n, struct store_merged *m, char **cause)
{
	struct store_merged	got = { 0, 0 };
	int64_t			now = store_now();
	size_t			i;

	if (store_tx(s, cause) != 0)
		return -1;
	if (store_feed_exists(s, feed, cause) != 0)
		goto fail;
	/* Last first: a feed lists its newest first, and among items of
	 * one date a higher id is listed first. */
	for (i = n; i > 0; i--) {
		if (store_merge_one(s, feed, &items[i - 1], now, &got,
		    cause) != 0)
			goto fail;
	}
	if (store_tx_end(s, 1, cause) != 0)
		return -1;
	m->added += got.added;
	m->updated += got.updated;
	return 0;

fail:
	store_tx_end(s, 0, cause);
	return -1;
}

/* Fills it from a row of STORE_ITEM_COLS, and of STORE_ITEM_MORE after
 * it when full. */
static void
store_item_row(sqlite3_stmt *st, struct store_item *it, int full)
{
	char	**const strs[] = { &it->feed_title, &it->guid, &it->link,
		    &it->title, &it->authors, &it->summary, &it->content,
		    &it->enclosure_url, &it->enclosure_type,
		    &it->thumbnail };
	const int	 cols[] = { 2, 3, 4, 5, 6, 11, 12, 13, 14, 16 };

	memset(it, 0, sizeof *it);
	it->mem = store_strings(st, cols, strs, full ? nitems(cols) : 5);
	it->id = sqlite_dl.column_int64(st, 0);
	it->feed = sqlite_dl.column_int64(st, 1);
	it->published = sqlite_dl.column_int64(st, 7);
	it->updated = sqlite_dl.column_int64(st, 8);
	it->date = sqlite_dl.column_int64(st, 9);
	it->unread = sqlite_dl.column_int(st, 10) != 0;
	if (!full)
		return;
	it->enclosure_length = sqlite_dl.column_int64(st, 15);
	it->first_seen = sqlite_dl.column_int64(st, 17);
}

void
store_item_free(struct store_item *it)
{
	free(it->mem);
	memset(it, 0, sizeof *it);
}

void
store_items_free(struct store_item *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		store_item_free(&v[i]);
	free(v);
}

int
store_item_list(struct store *s, int64_t feed, int flags,
    struct store_item **iv, size_t *np, char **cause)
{
	sqlite3_stmt		*st;
	struct store_item	*v = NULL;
	size_t			 n = 0, cap = 0;
	int			 rc;

	st = store_stmt(s, feed != 0 ? ST_ITEM_LIST_FEED : ST_ITEM_LIST,
	    cause);
	if (st == NULL)
		return -1;
	if (sqlite_dl.bind_int(st, 1, (flags & STORE_UNREAD) != 0) !=
	    SQLITE_OK || (feed != 0 && store_bind_id(st, 2, feed) !=
	    SQLITE_OK))
		return store_fail(s, st, cause);
	while ((rc = sqlite_dl.step(st)) == SQLITE_ROW) {
		v = xgrowarray(v, &cap, n + 1, sizeof *v);
		store_item_row(st, &v[n++], 0);
	}
	if (rc != SQLITE_DONE) {
		store_items_free(v, n);
		return store_fail(s, st, cause);
	}
	store_reset(st);
	*iv = v;
	*np = n;
	return 0;
}

int
store_item_get(struct store *s, int64_t id, struct store_item *it,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = store_stmt(s, ST_ITEM_GET, cause)) == NULL)
		return -1;
	if (store_bind_id(st, 1, id) != SQLITE_OK)
		return store_fail(s, st, cause);
	if ((rc = sqlite_dl.step(st)) == SQLITE_DONE) {
		store_reset(st);
		*cause = xprintf(_("%s: no item %lld"), s->path,
		    (long long)id);
		return -1;
	}
	if (rc != SQLITE_ROW)
		return store_fail(s, st, cause);
	store_item_row(st, it, 1);
	store_reset(st);
	return 0;
}

int
store_item_mark(struct store *s, int64_t id, int unread, char **cause)
{
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, ST_ITEM_MARK, cause)) == NULL)
		return -1;
	if (store_bind_id(st, 1, id) != SQLITE_OK ||
	    sqlite_dl.bind_int(st, 2, unread != 0) != SQLITE_OK ||
	    sqlite_dl.step(st) != SQLITE_DONE)
		return store_fail(s, st, cause);
	store_reset(st);
	if (sqlite_dl.changes(s->db) == 0) {
		*cause = xprintf(_("%s: no item %lld"), s->path,
		    (long long)id);
		return -1;
	}
	return 0;
}

int
store_unread(struct store *s, int64_t feed, size_t *n, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, feed != 0 ? ST_UNREAD_FEED : ST_UNREAD, cause);
	if (st == NULL)
		return -1;
	if ((feed != 0 && store_bind_id(st, 1, feed) != SQLITE_OK) ||
	    sqlite_dl.step(st) != SQLITE_ROW)
		return store_fail(s, st, cause);
	*n = store_col_size(st, 0);
	store_reset(st);
	return 0;
}

/* Essays. */

/* Fills d from a row of STORE_DOC_COLS, and content and text after it
 * when full. */
static void
store_doc_row(sqlite3_stmt *st, struct store_doc *d, int full)
{
	char	**const strs[] = { &d->url, &d->title, &d->byline,
		    &d->site, &d->published, &d->lang, &d->dir, &d->excerpt,
		    &d->image, &d->content, &d->text };
	const int	 cols[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 17 };

	memset(d, 0, sizeof *d);
	d->mem = store_strings(st, cols, strs, full ? nitems(cols) : 9);
	d->id = sqlite_dl.column_int64(st, 0);
	d->fetched = sqlite_dl.column_int64(st, 10);
	d->pos.section = store_col_size(st, 11);
	d->pos.block = store_col_size(st, 12);
	d->pos.offset = store_col_size(st, 13);
	d->read = sqlite_dl.column_int64(st, 14);
	d->finished = sqlite_dl.column_int(st, 15) != 0;
}

void
store_doc_free(struct store_doc *d)
{
	free(d->mem);
	memset(d, 0, sizeof *d);
}

void
store_docs_free(struct store_doc *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		store_doc_free(&v[i]);
	free(v);
}

/* Makes url lead to document id. */
static int
store_doc_alias(struct store *s, const char *url, int64_t id, char **cause)
{
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, ST_DOC_URL, cause)) == NULL)
		return -1;
	if (store_bind_remote(st, 1, url, 0) != SQLITE_OK ||
	    store_bind_id(st, 2, id) != SQLITE_OK ||
	    sqlite_dl.step(st) != SQLITE_DONE)
		return store_fail(s, st, cause);
	store_reset(st);
	return 0;
}

/* Binds text that may not be NULL: "" for none. */
static int
store_bind_nonnull(sqlite3_stmt *st, int i, const char *s, int flags)
{
	if (s == NULL || *s == '\0')
		return sqlite_dl.bind_text(st, i, "", 0, SQLITE_STATIC);
	return store_bind_remote(st, i, s, flags);
}

/* Whether the essay at d's URL is indexed with d's words already: 1, 0,
 * or -1 with *cause. */
static int
store_doc_same(struct store *s, const struct store_doc *d, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = store_stmt(s, ST_DOC_SAME, cause)) == NULL)
		return -1;
	if (store_bind_remote(st, 1, d->url, 0) != SQLITE_OK ||
	    store_bind_remote(st, 2, d->title, 0) != SQLITE_OK ||
	    store_bind_remote(st, 3, d->byline, 0) != SQLITE_OK ||
	    store_bind_remote(st, 4, d->site, 0) != SQLITE_OK ||
	    store_bind_nonnull(st, 5, d->text, SANITIZE_PRE) != SQLITE_OK)
		return store_fail(s, st, cause);
	if ((rc = sqlite_dl.step(st)) != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, st, cause);
	store_reset(st);
	return rc == SQLITE_ROW;
}

/* Takes the index entry of the essay at url out (ST_DOC_UNINDEX), or
 * puts that of essay id in (ST_DOC_INDEX). */
static int
store_doc_index(struct store *s, enum store_st which, const char *url,
    int64_t id, char **cause)
{
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, which, cause)) == NULL)
		return -1;
	if ((url != NULL ? store_bind_remote(st, 1, url, 0) :
	    store_bind_id(st, 1, id)) != SQLITE_OK ||
	    sqlite_dl.step(st) != SQLITE_DONE)
		return store_fail(s, st, cause);
	store_reset(st);
	return 0;
}

/* store_doc_put(); with take, d's content and text are freed as soon as
 * the row holds them. */
static int
store_doc_write(struct store *s, struct store_doc *d, int take,
    const char *requested, int64_t *idp, char **cause)
{
	sqlite3_stmt	*st;
	int64_t		 id;
	int		 same;

	if (d->url == NULL || *d->url == '\0') {
		*cause = xstrdup(_("an essay to keep needs its URL"));
		return -1;
	}
	if (store_tx(s, cause) != 0)
		return -1;
	/* The index in three steps (schema 4): the old entry out, the row,
	 * the new entry from the row; SQLite gives back each step's memory
	 * before the next. An essay put again with the same words keeps
	 * its entry. */
	if ((same = store_doc_same(s, d, cause)) < 0 || (!same &&
	    store_doc_index(s, ST_DOC_UNINDEX, d->url, 0, cause) != 0))
		goto fail;
	if ((st = store_stmt(s, ST_DOC_PUT, cause)) == NULL)
		goto fail;
	if (store_bind_remote(st, 1, d->url, 0) != SQLITE_OK ||
	    store_bind_remote(st, 2, d->title, 0) != SQLITE_OK ||
	    store_bind_remote(st, 3, d->byline, 0) != SQLITE_OK ||
	    store_bind_remote(st, 4, d->site, 0) != SQLITE_OK ||
	    store_bind_remote(st, 5, d->published, 0) != SQLITE_OK ||
	    store_bind_remote(st, 6, d->lang, 0) != SQLITE_OK ||
	    store_bind_remote(st, 7, d->dir, 0) != SQLITE_OK ||
	    store_bind_remote(st, 8, d->excerpt, 0) != SQLITE_OK ||
	    store_bind_remote(st, 9, d->image, 0) != SQLITE_OK ||
	    store_bind_nonnull(st, 10, d->content, SANITIZE_PRE) !=
	    SQLITE_OK ||
	    store_bind_nonnull(st, 11, d->text, SANITIZE_PRE) != SQLITE_OK ||
	    sqlite_dl.bind_int64(st, 12, d->fetched != 0 ? d->fetched :
	    store_now()) != SQLITE_OK ||
	    sqlite_dl.step(st) != SQLITE_ROW) {
		store_fail(s, st, cause);
		goto fail;
	}
	id = sqlite_dl.column_int64(st, 0);
	if (sqlite_dl.step(st) != SQLITE_DONE) {
		store_fail(s, st, cause);
		goto fail;
	}
	store_reset(st);
	if (take) {
		free(d->content);
		free(d->text);
		d->content = d->text = NULL;
	}
	if (!same && store_doc_index(s, ST_DOC_INDEX, NULL, id, cause) != 0)
		goto fail;
	if (store_doc_alias(s, d->url, id, cause) != 0 ||
	    (requested != NULL && *requested != '\0' &&
	    store_doc_alias(s, requested, id, cause) != 0))
		goto fail;
	if (store_tx_end(s, 1, cause) != 0)
		return -1;
	if (idp != NULL)
		*idp = id;
	return 0;

fail:
	store_tx_end(s, 0, cause);
	return -1;
}

int
store_doc_put(struct store *s, const struct store_doc *d,
    const char *requested, int64_t *idp, char **cause)
{
	/* Not taken, so not written to. */
	return store_doc_write(s, (struct store_doc *)d, 0, requested, idp,
	    cause);
}

int
store_doc_put_take(struct store *s, struct store_doc *d,
    const char *requested, int64_t *idp, char **cause)
{
	int	rc;

	rc = store_doc_write(s, d, 1, requested, idp, cause);
	free(d->content);
	free(d->text);
	d->content = d->text = NULL;
	return rc;
}

/* Reads the one essay a bound statement finds into d: 0, 1 for none. */
static int
store_doc_one(struct store *s, sqlite3_stmt *st, struct store_doc *d,
    char **cause)
{
	int	rc;

	if ((rc = store_step_row(s, st, cause)) != 0)
		return rc;
	store_doc_row(st, d, 1);
	store_reset(st);
	return 0;
}

int
store_doc_get(struct store *s, const char *url, struct store_doc *d,
    char **cause)
{
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, ST_DOC_GET, cause)) == NULL)
		return -1;
	if (store_bind_remote(st, 1, url, 0) != SQLITE_OK)
		return store_fail(s, st, cause);
	return store_doc_one(s, st, d, cause);
}

int
store_doc_get_id(struct store *s, int64_t id, struct store_doc *d,
    char **cause)
{
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, ST_DOC_GET_ID, cause)) == NULL)
		return -1;
	if (store_bind_id(st, 1, id) != SQLITE_OK)
		return store_fail(s, st, cause);
	return store_doc_one(s, st, d, cause);
}

int
store_doc_meta_id(struct store *s, int64_t id, struct store_doc *d,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = store_stmt(s, ST_DOC_META_ID, cause)) == NULL)
		return -1;
	if (store_bind_id(st, 1, id) != SQLITE_OK)
		return store_fail(s, st, cause);
	if ((rc = store_step_row(s, st, cause)) != 0)
		return rc;
	store_doc_row(st, d, 0);
	store_reset(st);
	return 0;
}

void
store_release(struct store *s)
{
	size_t	i;

	/* A statement keeps the buffers of its last run for the next
	 * (keeping an essay: its record, and the copies its full-text
	 * trigger made, 27 MB for 200,000 paragraphs): the cached ones
	 * go, to be prepared again when next used. */
	if (sqlite_dl.get_autocommit(s->db) == 0)
		return;
	for (i = 0; i < nitems(s->st); i++) {
		(void)sqlite_dl.finalize(s->st[i]);
		s->st[i] = NULL;
	}
	(void)sqlite_dl.db_release_memory(s->db);
#ifdef HAVE_MALLOC_TRIM
	(void)malloc_trim(0);
#endif
}

int
store_doc_pos(struct store *s, int64_t id, const struct store_pos *pos,
    int finished, char **cause)
{
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, ST_DOC_POS, cause)) == NULL)
		return -1;
	if (store_bind_id(st, 1, id) != SQLITE_OK ||
	    sqlite_dl.bind_int64(st, 2, (sqlite3_int64)pos->section) !=
	    SQLITE_OK ||
	    sqlite_dl.bind_int64(st, 3, (sqlite3_int64)pos->block) !=
	    SQLITE_OK ||
	    sqlite_dl.bind_int64(st, 4, (sqlite3_int64)pos->offset) !=
	    SQLITE_OK ||
	    sqlite_dl.bind_int64(st, 5, store_now()) != SQLITE_OK ||
	    sqlite_dl.bind_int(st, 6, finished != 0) != SQLITE_OK ||
	    sqlite_dl.step(st) != SQLITE_DONE)
		return store_fail(s, st, cause);
	store_reset(st);
	if (sqlite_dl.changes(s->db) == 0) {
		*cause = xprintf(_("%s: no essay %lld"), s->path,
		    (long long)id);
		return -1;
	}
	return 0;
}

int
store_doc_unfinished(struct store *s, struct store_doc **dv, size_t *np,
    char **cause)
{
	sqlite3_stmt		*st;
	struct store_doc	*v = NULL;
	size_t			 n = 0, cap = 0;
	int			 rc;

	if ((st = store_stmt(s, ST_DOC_UNFINISHED, cause)) == NULL)
		return -1;
	while ((rc = sqlite_dl.step(st)) == SQLITE_ROW) {
		v = xgrowarray(v, &cap, n + 1, sizeof *v);
		store_doc_row(st, &v[n++], 0);
	}
	if (rc != SQLITE_DONE) {
		store_docs_free(v, n);
		return store_fail(s, st, cause);
	}
	store_reset(st);
	*dv = v;
	*np = n;
	return 0;
}

/* Search. */

/* Turns snippet()'s marked text into one line and the runs it marks. */
static void
store_snippet(const char *marked, struct store_hit *h)
{
	struct buf	 b = BUF_INIT;
	size_t		 cap = 0, start = 0;
	const char	*p;
	int		 open = 0;

	for (p = marked; *p != '\0'; p++) {
		if (*p == STORE_MARK_ON) {
			start = b.len;
			open = 1;
		} else if (*p == STORE_MARK_OFF) {
			if (!open)
				continue;
			h->marks = xgrowarray(h->marks, &cap, h->nmarks + 1,
			    sizeof *h->marks);
			h->marks[h->nmarks].start = start;
			h->marks[h->nmarks++].end = b.len;
			open = 0;
		} else
			buf_addc(&b, *p == '\n' || *p == '\t' ? ' ' : *p);
	}
	h->snippet = buf_detach(&b, NULL);
}

/* The query as words to find, for what FTS5 cannot parse ("don't",
 * "long-take"): each run of non-blanks quoted as a phrase. */
static char *
store_words(const char *q)
{
	struct buf	 b = BUF_INIT;
	const char	*p;

	for (p = q; *p != '\0'; ) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_addc(&b, '"');
		for (; *p != '\0' && *p != ' ' && *p != '\t'; p++) {
			if (*p == '"')
				buf_addc(&b, '"');
			buf_addc(&b, *p);
		}
		buf_addc(&b, '"');
	}
	return buf_detach(&b, NULL);
}

void
store_hits_free(struct store_hit *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].url);
		free(v[i].title);
		free(v[i].byline);
		free(v[i].site);
		free(v[i].snippet);
		free(v[i].marks);
		free(v[i].published);
	}
	free(v);
}

/* Fills h's snippet and marks for query q. */
static int
store_hit_snippet(struct store *s, const char *q, struct store_hit *h,
    char **cause)
{
	sqlite3_stmt	*st;
	char		*marked = NULL;
	int		 rc;

	if ((st = store_stmt(s, ST_SNIPPET, cause)) == NULL)
		return -1;
	if (store_bind_text(st, 1, q) != SQLITE_OK ||
	    store_bind_id(st, 2, h->doc) != SQLITE_OK)
		return store_fail(s, st, cause);
	if ((rc = sqlite_dl.step(st)) == SQLITE_ROW)
		marked = store_col(st, 0);
	else if (rc != SQLITE_DONE)
		return store_fail(s, st, cause);
	store_reset(st);
	store_snippet(marked != NULL ? marked : "", h);
	free(marked);
	return 0;
}

/* One search with query q. Returns 0, SQLITE_ERROR for a query FTS5
 * cannot parse, or -1; *cause is set for both. */
static int
store_search_once(struct store *s, const char *q, size_t max,
    struct store_hit **hv, size_t *np, char **cause)
{
	sqlite3_stmt		*st;
	struct store_hit	*v = NULL, *h;
	size_t			 n = 0, cap = 0, i;
	int			 rc;

	if ((st = store_stmt(s, ST_SEARCH, cause)) == NULL)
		return -1;
	if (store_bind_text(st, 1, q) != SQLITE_OK ||
	    sqlite_dl.bind_int64(st, 2, max == 0 || max > INT64_MAX ? -1 :
	    (sqlite3_int64)max) != SQLITE_OK)
		return store_fail(s, st, cause);
	while ((rc = sqlite_dl.step(st)) == SQLITE_ROW) {
		v = xgrowarray(v, &cap, n + 1, sizeof *v);
		h = &v[n++];
		memset(h, 0, sizeof *h);
		h->doc = sqlite_dl.column_int64(st, 0);
		h->url = store_col(st, 1);
		h->title = store_col(st, 2);
		h->byline = store_col(st, 3);
		h->site = store_col(st, 4);
		h->in_title = sqlite_dl.column_int(st, 5) != 0;
		h->score = sqlite_dl.column_double(st, 6);
		h->published = store_col(st, 7);
		h->fetched = sqlite_dl.column_int64(st, 8);
		h->bookmarked = sqlite_dl.column_int(st, 9) != 0;
	}
	if (rc != SQLITE_DONE) {
		store_hits_free(v, n);
		if (rc == SQLITE_ERROR) {
			*cause = xprintf(_("search for \"%s\": %s"), q,
			    sqlite_dl.errmsg(s->db));
			store_reset(st);
			return SQLITE_ERROR;
		}
		return store_fail(s, st, cause);
	}
	store_reset(st);
	for (i = 0; i < n; i++) {
		if (store_hit_snippet(s, q, &v[i], cause) != 0) {
			store_hits_free(v, n);
			return -1;
		}
	}
	*hv = v;
	*np = n;
	return 0;
}

int
store_search(struct store *s, const char *query, size_t max,
    struct store_hit **hv, size_t *np, char **cause)
{
	char	*words, *first = NULL, *again = NULL;
	int	 rc;

	*hv = NULL;
	*np = 0;
	words = store_words(query);
	if (*words == '\0') {
		free(words);
		return 0;
	}
	rc = store_search_once(s, query, max, hv, np, &first);
	if (rc == SQLITE_ERROR)
		rc = store_search_once(s, words, max, hv, np, &again);
	free(words);
	free(again);
	if (rc != 0) {
		*cause = first;
		return -1;
	}
	free(first);
	return 0;
}

/*
 * Bookmarks, their tags and quotes. Their statements are apart from the
 * others' (s->bst), prepared when first used.
 */

enum store_bst {
	BST_DOC_EXISTS,
	BST_EXISTS,
	BST_FIND,
	BST_INSERT,
	BST_NOTE,
	BST_TAGS_CLEAR,
	BST_TAG_NEW,
	BST_TAG_LINK,
	BST_TAG_UNLINK,
	BST_TAGS_PRUNE,
	BST_GET,
	BST_GET_ID,
	BST_GET_DOC,
	BST_LIST_ADDED,
	BST_LIST_TITLE,
	BST_LIST_SITE,
	BST_LIST_READ,
	BST_REMOVE,
	BST_TAGS,
	BST_QUOTE_ADD,
	BST_QUOTE_REMOVE,
	BST_QUOTE_LIST,

	BST_COUNT
};

/* The columns of every bookmark query, in store_bookmark_row()'s order. */
#define STORE_BM_COLS \
	"b.id, b.document, d.url, d.title, d.byline, d.site, d.published," \
	" b.note, b.added, b.last_read, d.fetched, r.pos_section," \
	" r.pos_block, r.pos_offset, r.finished," \
	" (SELECT count(*) FROM quotes WHERE bookmark = b.id)," \
	" (SELECT group_concat(g.name, char(31)) FROM bookmark_tags t" \
	"  JOIN tags g ON g.id = t.tag WHERE t.bookmark = b.id)"

/* A list: ?1 a tag or NULL, ?2 an FTS5 query or NULL. */
#define STORE_BM_LIST \
	"SELECT " STORE_BM_COLS " FROM bookmarks b" \
	" JOIN documents d ON d.id = b.document" STORE_DOC_READING \
	" WHERE (?1 IS NULL OR b.id IN (SELECT t.bookmark" \
	"  FROM bookmark_tags t JOIN tags g ON g.id = t.tag" \
	"  WHERE g.name = ?1))" \
	" AND (?2 IS NULL OR b.document IN (SELECT rowid FROM documents_fts" \
	"  WHERE documents_fts MATCH ?2))"

static const char *const store_bsql[BST_COUNT] = {
	[BST_DOC_EXISTS] = "SELECT 1 FROM documents WHERE id = ?1",
	[BST_EXISTS] = "SELECT 1 FROM bookmarks WHERE id = ?1",
	[BST_FIND] = "SELECT id FROM bookmarks WHERE document = ?1",
	[BST_INSERT] =
	    "INSERT INTO bookmarks (document, added, note, last_read)"
	    " VALUES (?1, ?2, ?3, (SELECT read_at FROM readings"
	    " WHERE document = ?1)) RETURNING id",
	[BST_NOTE] = "UPDATE bookmarks SET note = ?2 WHERE id = ?1",
	[BST_TAGS_CLEAR] = "DELETE FROM bookmark_tags WHERE bookmark = ?1",
	[BST_TAG_NEW] =
	    "INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
	[BST_TAG_LINK] =
	    "INSERT INTO bookmark_tags (bookmark, tag)"
	    " SELECT ?1, id FROM tags WHERE name = ?2 ON CONFLICT DO NOTHING",
	[BST_TAG_UNLINK] =
	    "DELETE FROM bookmark_tags WHERE bookmark = ?1"
	    " AND tag = (SELECT id FROM tags WHERE name = ?2)",
	[BST_TAGS_PRUNE] =
	    "DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM bookmark_tags"
	    " WHERE tag = tags.id)",
	[BST_GET] =
	    "SELECT " STORE_BM_COLS " FROM document_urls u"
	    " JOIN bookmarks b ON b.document = u.document"
	    " JOIN documents d ON d.id = b.document" STORE_DOC_READING
	    " WHERE u.url = ?1",
	[BST_GET_ID] =
	    "SELECT " STORE_BM_COLS " FROM bookmarks b"
	    " JOIN documents d ON d.id = b.document" STORE_DOC_READING
	    " WHERE b.id = ?1",
	[BST_GET_DOC] =
	    "SELECT " STORE_BM_COLS " FROM bookmarks b"
	    " JOIN documents d ON d.id = b.document" STORE_DOC_READING
	    " WHERE b.document = ?1",
	[BST_LIST_ADDED] = STORE_BM_LIST " ORDER BY b.added DESC, b.id DESC",
	[BST_LIST_TITLE] = STORE_BM_LIST
	    " ORDER BY coalesce(d.title, d.url) COLLATE NOCASE, b.id",
	[BST_LIST_SITE] = STORE_BM_LIST
	    " ORDER BY d.site IS NULL, d.site COLLATE NOCASE,"
	    " coalesce(d.title, d.url) COLLATE NOCASE, b.id",
	[BST_LIST_READ] = STORE_BM_LIST
	    " ORDER BY b.last_read IS NULL, b.last_read DESC, b.added DESC,"
	    " b.id DESC",
	[BST_REMOVE] = "DELETE FROM bookmarks WHERE id = ?1",
	[BST_TAGS] =
	    "SELECT g.name, count(*) FROM tags g JOIN bookmark_tags t"
	    " ON t.tag = g.id GROUP BY g.id ORDER BY g.name COLLATE NOCASE",
	[BST_QUOTE_ADD] =
	    "INSERT INTO quotes (bookmark, block, added, text)"
	    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (bookmark, block) DO NOTHING",
	[BST_QUOTE_REMOVE] =
	    "DELETE FROM quotes WHERE bookmark = ?1 AND block = ?2",
	[BST_QUOTE_LIST] =
	    "SELECT id, block, added, text FROM quotes WHERE bookmark = ?1"
	    " ORDER BY block",
};

static void
store_bm_close(struct store *s)
{
	size_t	i;

	if (s->bst == NULL)
		return;
	/* finalize returns the last step's result, already seen. */
	for (i = 0; i < BST_COUNT; i++)
		(void)sqlite_dl.finalize(s->bst[i]);
	free(s->bst);
	s->bst = NULL;
}

/* Bookmark statement n, prepared the first time; NULL and *cause if it
 * cannot be. */
static sqlite3_stmt *
store_bstmt(struct store *s, enum store_bst n, char **cause)
{
	if (s->bst == NULL)
		s->bst = xcalloc(BST_COUNT, sizeof *s->bst);
	if (s->bst[n] == NULL && sqlite_dl.prepare_v3(s->db, store_bsql[n], -1,
	    SQLITE_PREPARE_PERSISTENT, &s->bst[n], NULL) != SQLITE_OK) {
		store_error(s, cause);
		s->bst[n] = NULL;
		return NULL;
	}
	return s->bst[n];
}

/* Runs bookmark statement n with id bound as ?1 (and, if set, the text
 * t as ?2); it returns no row. Returns 0 or -1 and *cause. */
static int
store_brun(struct store *s, enum store_bst n, int64_t id, const char *t,
    char **cause)
{
	sqlite3_stmt	*st;

	if ((st = store_bstmt(s, n, cause)) == NULL)
		return -1;
	if ((id != 0 && store_bind_id(st, 1, id) != SQLITE_OK) ||
	    (t != NULL && store_bind_text(st, 2, t) != SQLITE_OK) ||
	    sqlite_dl.step(st) != SQLITE_DONE)
		return store_fail(s, st, cause);
	store_reset(st);
	return 0;
}

/* Whether statement n finds a row for id: 0 yes, 1 no, -1 and *cause.
 * With found, the row's first column goes there. */
static int
store_bfind(struct store *s, enum store_bst n, int64_t id, int64_t *found,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = store_bstmt(s, n, cause)) == NULL)
		return -1;
	if (store_bind_id(st, 1, id) != SQLITE_OK)
		return store_fail(s, st, cause);
	if ((rc = store_step_row(s, st, cause)) != 0)
		return rc;
	if (found != NULL)
		*found = sqlite_dl.column_int64(st, 0);
	store_reset(st);
	return 0;
}

/* A tag as kept: sanitized as a line, spaces off both ends; NULL when
 * nothing is left. Allocated. */
static char *
store_tag_clean(const char *tag)
{
	char	*t, *start, *end;

	t = sanitize(tag, strlen(tag), 0);
	for (start = t; *start == ' '; start++)
		/* nothing */;
	end = start + strlen(start);
	while (end > start && end[-1] == ' ')
		end--;
	*end = '\0';
	if (*start == '\0') {
		free(t);
		return NULL;
	}
	memmove(t, start, (size_t)(end - start) + 1);
	return t;
}

/* BST_TAG_NEW binds its name as ?1: store_brun() cannot. */
static int
store_tag_new(struct store *s, const char *name, char **cause)
{
	sqlite3_stmt	*st;

	if ((st = store_bstmt(s, BST_TAG_NEW, cause)) == NULL)
		return -1;
	if (store_bind_text(st, 1, name) != SQLITE_OK ||
	    sqlite_dl.step(st) != SQLITE_DONE)
		return store_fail(s, st, cause);
	store_reset(st);
	return 0;
}

/* Adds (del 0) or removes the tags of bookmark id; tags no bookmark has
 * any more go. */
static int
store_bm_retag(struct store *s, int64_t id, const char *const *tags,
    int del, char **cause)
{
	char	*t;
	int	 rc = 0;

	for (; tags != NULL && *tags != NULL && rc == 0; tags++) {
		if ((t = store_tag_clean(*tags)) == NULL)
			continue;
		if (del)
			rc = store_brun(s, BST_TAG_UNLINK, id, t, cause);
		else if ((rc = store_tag_new(s, t, cause)) == 0)
			rc = store_brun(s, BST_TAG_LINK, id, t, cause);
		free(t);
	}
	if (rc == 0 && del)
		rc = store_brun(s, BST_TAGS_PRUNE, 0, NULL, cause);
	return rc;
}

int
store_bookmark_put(struct store *s, int64_t doc,
    const struct store_bookmark_in *in, int64_t *idp, char **cause)
{
	sqlite3_stmt	*st;
	int64_t		 id = 0;
	int		 rc, fresh;

	if (store_tx(s, cause) != 0)
		return -1;
	if ((rc = store_bfind(s, BST_DOC_EXISTS, doc, NULL, cause)) != 0) {
		if (rc == 1)
			*cause = xprintf(_("%s: no essay %lld"), s->path,
			    (long long)doc);
		goto fail;
	}
	/* 0: there was one, 1: there was none. */
	if ((fresh = store_bfind(s, BST_FIND, doc, &id, cause)) == -1)
		goto fail;
	if (!fresh) {
		if (in->note != NULL) {
			if ((st = store_bstmt(s, BST_NOTE, cause)) == NULL)
				goto fail;
			if (store_bind_id(st, 1, id) != SQLITE_OK ||
			    store_bind_remote(st, 2, in->note,
			    SANITIZE_PRE) != SQLITE_OK ||
			    sqlite_dl.step(st) != SQLITE_DONE) {
				store_fail(s, st, cause);
				goto fail;
			}
			store_reset(st);
		}
	} else {
		if ((st = store_bstmt(s, BST_INSERT, cause)) == NULL)
			goto fail;
		if (store_bind_id(st, 1, doc) != SQLITE_OK ||
		    sqlite_dl.bind_int64(st, 2, in->added != 0 ? in->added :
		    store_now()) != SQLITE_OK ||
		    store_bind_remote(st, 3, in->note, SANITIZE_PRE) !=
		    SQLITE_OK || sqlite_dl.step(st) != SQLITE_ROW) {
			store_fail(s, st, cause);
			goto fail;
		}
		id = sqlite_dl.column_int64(st, 0);
		if (sqlite_dl.step(st) != SQLITE_DONE) {
			store_fail(s, st, cause);
			goto fail;
		}
		store_reset(st);
	}
	if (in->tags != NULL && (store_brun(s, BST_TAGS_CLEAR, id, NULL,
	    cause) != 0 || store_bm_retag(s, id, in->tags, 0, cause) != 0 ||
	    store_brun(s, BST_TAGS_PRUNE, 0, NULL, cause) != 0))
		goto fail;
	if (store_tx_end(s, 1, cause) != 0)
		return -1;
	if (idp != NULL)
		*idp = id;
	return fresh ? 0 : 1;

fail:
	store_tx_end(s, 0, cause);
	return -1;
}

/* Fills b from a row of STORE_BM_COLS. */
static void
store_bookmark_row(sqlite3_stmt *st, struct store_bookmark *b)
{
	char	**const strs[] = { &b->url, &b->title, &b->byline, &b->site,
		    &b->published, &b->note };
	const int	 cols[] = { 2, 3, 4, 5, 6, 7 };

	memset(b, 0, sizeof *b);
	b->mem = store_strings(st, cols, strs, nitems(cols));
	b->id = sqlite_dl.column_int64(st, 0);
	b->doc = sqlite_dl.column_int64(st, 1);
	b->added = sqlite_dl.column_int64(st, 8);
	b->read = sqlite_dl.column_int64(st, 9);
	b->fetched = sqlite_dl.column_int64(st, 10);
	b->pos.section = store_col_size(st, 11);
	b->pos.block = store_col_size(st, 12);
	b->pos.offset = store_col_size(st, 13);
	b->finished = sqlite_dl.column_int(st, 14) != 0;
	b->nquotes = store_col_size(st, 15);
	b->tags = store_col_tags(st, 16, &b->ntags);
}

void
store_bookmark_free(struct store_bookmark *b)
{
	size_t	i;

	for (i = 0; i < b->ntags; i++)
		free(b->tags[i]);
	free(b->tags);
	free(b->mem);
	memset(b, 0, sizeof *b);
}

void
store_bookmarks_free(struct store_bookmark *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		store_bookmark_free(&v[i]);
	free(v);
}

static int	store_bookmark_by(struct store *, enum store_bst, int64_t,
		    struct store_bookmark *, char **);

/* Reads the one bookmark a bound statement finds: 0, 1 for none. */
static int
store_bookmark_one(struct store *s, sqlite3_stmt *st,
    struct store_bookmark *b, char **cause)
{
	int	rc;

	if ((rc = store_step_row(s, st, cause)) != 0)
		return rc;
	store_bookmark_row(st, b);
	store_reset(st);
	return 0;
}

int
store_bookmark_get(struct store *s, const char *url,
    struct store_bookmark *b, char **cause)
{
	sqlite3_stmt	*st;

	if ((st = store_bstmt(s, BST_GET, cause)) == NULL)
		return -1;
	if (store_bind_remote(st, 1, url, 0) != SQLITE_OK)
		return store_fail(s, st, cause);
	return store_bookmark_one(s, st, b, cause);
}

int
store_bookmark_get_id(struct store *s, int64_t id, struct store_bookmark *b,
    char **cause)
{
	return store_bookmark_by(s, BST_GET_ID, id, b, cause);
}

int
store_bookmark_get_doc(struct store *s, int64_t doc,
    struct store_bookmark *b, char **cause)
{
	return store_bookmark_by(s, BST_GET_DOC, doc, b, cause);
}

/* The bookmark statement n finds by the id bound as ?1. */
static int
store_bookmark_by(struct store *s, enum store_bst n, int64_t id,
    struct store_bookmark *b, char **cause)
{
	sqlite3_stmt	*st;

	if ((st = store_bstmt(s, n, cause)) == NULL)
		return -1;
	if (store_bind_id(st, 1, id) != SQLITE_OK)
		return store_fail(s, st, cause);
	return store_bookmark_one(s, st, b, cause);
}

/* One list with the FTS5 query q (may be NULL). Returns 0, SQLITE_ERROR
 * for a query FTS5 cannot parse, or -1; *cause is set for both. */
static int
store_bookmark_list_once(struct store *s, enum store_bst n, const char *tag,
    const char *q, struct store_bookmark **bv, size_t *np, char **cause)
{
	sqlite3_stmt		*st;
	struct store_bookmark	*v = NULL;
	size_t			 cnt = 0, cap = 0;
	char			*t;
	int			 rc;

	t = tag != NULL ? store_tag_clean(tag) : NULL;
	if ((st = store_bstmt(s, n, cause)) == NULL) {
		free(t);
		return -1;
	}
	/* A tag of nothing but blanks is no tag anyone has. */
	if (store_bind_text(st, 1, tag != NULL && t == NULL ? "" : t) !=
	    SQLITE_OK || store_bind_text(st, 2, q) != SQLITE_OK) {
		free(t);
		return store_fail(s, st, cause);
	}
	while ((rc = sqlite_dl.step(st)) == SQLITE_ROW) {
		v = xgrowarray(v, &cap, cnt + 1, sizeof *v);
		store_bookmark_row(st, &v[cnt++]);
	}
	free(t);
	if (rc != SQLITE_DONE) {
		store_bookmarks_free(v, cnt);
		if (rc == SQLITE_ERROR && q != NULL) {
			*cause = xprintf(_("search for \"%s\": %s"), q,
			    sqlite_dl.errmsg(s->db));
			store_reset(st);
			return SQLITE_ERROR;
		}
		return store_fail(s, st, cause);
	}
	store_reset(st);
	*bv = v;
	*np = cnt;
	return 0;
}

int
store_bookmark_list(struct store *s, enum store_bookmark_order order,
    const char *tag, const char *query, struct store_bookmark **bv,
    size_t *np, char **cause)
{
	enum store_bst	 n;
	char		*words = NULL, *first = NULL, *again = NULL;
	int		 rc;

	*bv = NULL;
	*np = 0;
	switch (order) {
	case STORE_BM_TITLE:
		n = BST_LIST_TITLE;
		break;
	case STORE_BM_SITE:
		n = BST_LIST_SITE;
		break;
	case STORE_BM_READ:
		n = BST_LIST_READ;
		break;
	default:
		n = BST_LIST_ADDED;
		break;
	}
	if (query != NULL) {
		words = store_words(query);
		if (*words == '\0') {
			/* Nothing to look for: every bookmark matches. */
			free(words);
			words = NULL;
			query = NULL;
		}
	}
	rc = store_bookmark_list_once(s, n, tag, query, bv, np, &first);
	if (rc == SQLITE_ERROR)
		rc = store_bookmark_list_once(s, n, tag, words, bv, np, &again);
	free(words);
	free(again);
	if (rc != 0) {
		*cause = first;
		return -1;
	}
	free(first);
	return 0;
}

/* 0 when bookmark id exists; -1 and *cause (also when it does not). */
static int
store_bookmark_exists(struct store *s, int64_t id, char **cause)
{
	int	rc;

	if ((rc = store_bfind(s, BST_EXISTS, id, NULL, cause)) == 1)
		*cause = xprintf(_("%s: no bookmark %lld"), s->path,
		    (long long)id);
	return rc == 0 ? 0 : -1;
}

int
store_bookmark_remove(struct store *s, int64_t id, char **cause)
{
	if (store_tx(s, cause) != 0)
		return -1;
	if (store_bookmark_exists(s, id, cause) != 0 ||
	    store_brun(s, BST_REMOVE, id, NULL, cause) != 0 ||
	    store_brun(s, BST_TAGS_PRUNE, 0, NULL, cause) != 0) {
		store_tx_end(s, 0, cause);
		return -1;
	}
	return store_tx_end(s, 1, cause);
}

int
store_bookmark_tag(struct store *s, int64_t id, const char *const *add,
    const char *const *del, char **cause)
{
	if (store_tx(s, cause) != 0)
		return -1;
	if (store_bookmark_exists(s, id, cause) != 0 ||
	    store_bm_retag(s, id, add, 0, cause) != 0 ||
	    store_bm_retag(s, id, del, 1, cause) != 0) {
		store_tx_end(s, 0, cause);
		return -1;
	}
	return store_tx_end(s, 1, cause);
}

int
store_tags(struct store *s, struct store_tag **tv, size_t *np, char **cause)
{
	sqlite3_stmt		*st;
	struct store_tag	*v = NULL;
	size_t			 n = 0, cap = 0;
	int			 rc;

	if ((st = store_bstmt(s, BST_TAGS, cause)) == NULL)
		return -1;
	while ((rc = sqlite_dl.step(st)) == SQLITE_ROW) {
		v = xgrowarray(v, &cap, n + 1, sizeof *v);
		v[n].name = store_col(st, 0);
		v[n++].count = store_col_size(st, 1);
	}
	if (rc != SQLITE_DONE) {
		store_tags_free(v, n);
		return store_fail(s, st, cause);
	}
	store_reset(st);
	*tv = v;
	*np = n;
	return 0;
}

void
store_tags_free(struct store_tag *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

int
store_quote_add(struct store *s, int64_t id, size_t block, const char *text,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 known;

	if (store_tx(s, cause) != 0)
		return -1;
	if (store_bookmark_exists(s, id, cause) != 0 ||
	    (st = store_bstmt(s, BST_QUOTE_ADD, cause)) == NULL)
		goto fail;
	if (store_bind_id(st, 1, id) != SQLITE_OK ||
	    sqlite_dl.bind_int64(st, 2, (sqlite3_int64)block) != SQLITE_OK ||
	    sqlite_dl.bind_int64(st, 3, store_now()) != SQLITE_OK ||
	    store_bind_nonnull(st, 4, text, SANITIZE_PRE) != SQLITE_OK ||
	    sqlite_dl.step(st) != SQLITE_DONE) {
		store_fail(s, st, cause);
		goto fail;
	}
	store_reset(st);
	known = sqlite_dl.changes(s->db) == 0;
	if (store_tx_end(s, 1, cause) != 0)
		return -1;
	return known;

fail:
	store_tx_end(s, 0, cause);
	return -1;
}

int
store_quote_remove(struct store *s, int64_t id, size_t block, char **cause)
{
	sqlite3_stmt	*st;

	if ((st = store_bstmt(s, BST_QUOTE_REMOVE, cause)) == NULL)
		return -1;
	if (store_bind_id(st, 1, id) != SQLITE_OK ||
	    sqlite_dl.bind_int64(st, 2, (sqlite3_int64)block) != SQLITE_OK ||
	    sqlite_dl.step(st) != SQLITE_DONE)
		return store_fail(s, st, cause);
	store_reset(st);
	return sqlite_dl.changes(s->db) == 0 ? 1 : 0;
}

int
store_quote_list(struct store *s, int64_t id, struct store_quote **qv,
    size_t *np, char **cause)
{
	sqlite3_stmt		*st;
	struct store_quote	*v = NULL;
	size_t			 n = 0, cap = 0;
	int			 rc;

	if ((st = store_bstmt(s, BST_QUOTE_LIST, cause)) == NULL)
		return -1;
	if (store_bind_id(st, 1, id) != SQLITE_OK)
		return store_fail(s, st, cause);
	while ((rc = sqlite_dl.step(st)) == SQLITE_ROW) {
		v = xgrowarray(v, &cap, n + 1, sizeof *v);
		v[n].id = sqlite_dl.column_int64(st, 0);
		v[n].block = store_col_size(st, 1);
		v[n].added = sqlite_dl.column_int64(st, 2);
		v[n++].text = store_col(st, 3);
	}
	if (rc != SQLITE_DONE) {
		store_quotes_free(v, n);
		return store_fail(s, st, cause);
	}
	store_reset(st);
	*qv = v;
	*np = n;
	return 0;
}

void
store_quotes_free(struct store_quote *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}
