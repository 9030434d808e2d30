/* fetch.h: getting a page's bytes: http and https through libcurl, local
 * files, and "-" for standard input. */
#ifndef REEL_FETCH_H
#define REEL_FETCH_H

#include <stddef.h>

/* Defaults, documented in reel(1). */
#define FETCH_CONNECT_TIMEOUT	15		/* seconds */
#define FETCH_TIMEOUT		60		/* seconds, whole transfer */
#define FETCH_STALL_TIME	20		/* seconds below the speed */
#define FETCH_STALL_SPEED	1		/* bytes per second */
#define FETCH_MAX_SIZE		(16UL * 1024 * 1024)	/* bytes, decoded */
#define FETCH_MAX_REDIRECTS	10

struct fetch_opts {
	long	 connect_timeout;	/* 0: libcurl's own (300 s) */
	long	 timeout;		/* all hops together; 0: none */
	long	 stall_time;		/* 0: no stall check */
	long	 stall_speed;
	size_t	 max_size;		/* counted after decompression */
	long	 max_redirects;
	/* Called now and then during a transfer with arg, the bytes received
	 * so far and the expected total (0 when unknown), and at least every
	 * tenth of a second while a file or standard input is awaited; a
	 * non-zero return cancels it ("cancelled", REEL_EXIT_FAILURE). May
	 * be NULL. */
	int	(*progress)(void *, size_t, size_t);
	void	*arg;
	/* Also take feeds and other XML or JSON (RSS, Atom, JSON Feed,
	 * OPML: application/rss+xml, application/xml, text/xml,
	 * application/json...), and ask for them first. */
	int	 accept_xml;
};

struct fetch_result {
	char	*data;		/* the body, NUL-terminated */
	size_t	 len;
	char	*url;		/* final URL after redirects, or the path */
	char	*type;		/* text/html, application/xhtml+xml or
				   text/plain (or with accept_xml an XML or
				   JSON type): declared, or sniffed */
	char	*charset;	/* charset parameter of Content-Type, or NULL */
	long	 status;	/* HTTP status, 0 for files; 304 when a
				   conditional transfer found nothing new
				   (no data then) */
	char	*content_type;	/* the Content-Type header whole, or NULL */
	char	*etag;		/* validators the answer gave, or NULL */
	char	*last_modified;
	char	*moved;		/* where redirects that were all permanent
				   (301, 308) from the first hop on led, or
				   NULL */
};

/* Starts libcurl and its TLS library, once: fetch() does it before its
 * first URL, a caller that uses libcurl itself calls it first. Returns 0,
 * or -1 and an allocated message in *cause. */
int	fetch_global_init(char **);
/* Stops libcurl at exit if fetch_global_init() started it. */
void	fetch_global_cleanup(void);
/* One HTTP transfer, its redirects included, that the caller drives
 * (refresh.c adds many to one curl multi handle). */
struct fetch_xfer;

/* Fills o with the defaults above: no progress callback. */
void	fetch_opts_default(struct fetch_opts *);
/* Fetches what (a URL, a regular file's name or "-"). A file named .html,
 * .htm or .xhtml is HTML whatever control bytes it holds; a PDF, an image
 * or an archive is refused whatever its name. Returns 0 and fills res (free
 * with fetch_result_free()), or returns an enum reel_exit status and a
 * one-line message in *cause that names the URL and the reason; the
 * message has passed sanitize(). */
int	fetch(const char *, const struct fetch_opts *, struct fetch_result *,
	    char **);
/* Sets up a transfer of url (http or https) under o, which must outlive
 * it, conditional when etag or last_modified is given (each may be
 * NULL): set up as fetch() sets up its own, with the same limits. Returns
 * 0 and *xp (free with fetch_xfer_free()), or an enum reel_exit status
 * and a sanitized one-line message in *cause. */
int	fetch_xfer_new(const char *, const struct fetch_opts *, const char *,
	    const char *, struct fetch_xfer **, char **);
/* Returns the transfer's libcurl easy handle (a CURL *), to perform or to
 * add to a multi handle; owned by the transfer. */
void	*fetch_xfer_handle(struct fetch_xfer *);
/* Returns the URL of the hop in progress; owned by the transfer. */
const char *fetch_xfer_url(const struct fetch_xfer *);
/* Returns the HTTP status of the last answer, 0 before one came. */
long	 fetch_xfer_status(const struct fetch_xfer *);
/*
 * Takes the end of the handle's transfer, code being its CURLcode. A
 * redirect that may be followed readies the handle for the next hop:
 * returns 0 with *again set, and the caller performs the handle again
 * (a multi handle needs it removed and added back). Else returns 0 and
 * fills r (a 304 when the transfer was conditional and nothing changed;
 * free with fetch_result_free()), or an enum reel_exit status and a
 * sanitized one-line message in *cause naming the URL, as fetch() does.
 */
int	fetch_xfer_done(struct fetch_xfer *, int, int *, struct fetch_result *,
	    char **);
/* Frees x and its handle, which must be in no multi handle; NULL is
 * fine. */
void	fetch_xfer_free(struct fetch_xfer *);
/* Frees what r holds and empties it; r itself is the caller's. Safe on
 * an emptied or zeroed result. */
void	fetch_result_free(struct fetch_result *);
/* Splits a Content-Type value into its media type and charset parameter,
 * lower case and unquoted; each is NULL when missing or malformed. The
 * caller frees both. */
void	fetch_content_type(const char *, char **, char **);

#endif
