/* cmd_feed.h: the library's commands ("reel feed ...", "reel item ls"),
 * which cli.c parses and dispatches. Each returns its exit status (an
 * enum reel_exit), its messages printed, one line each naming the feed. */
#ifndef REEL_CMD_FEED_H
#define REEL_CMD_FEED_H

struct fetch_opts;

/* What the command line gave a command. */
struct cmd_feed_args {
	const struct fetch_opts	 *fetch;
	const char *const	 *tags;		/* -t, NULL-terminated */
	int			  json;		/* --json */
	int			  unread;	/* --unread */
	const char		 *note;		/* -n */
	const char		 *query;	/* -s */
	const char		 *format;	/* bookmark export -f */
	int			  argc;		/* the operands */
	char			**argv;
};

/* "reel feed add URL": subscribes to the feed at URL, or to the first
 * feed an HTML page at URL advertises, and refreshes it. */
int	cmd_feed_add(const struct cmd_feed_args *);
/* "reel feed rm URL...": unsubscribes. */
int	cmd_feed_rm(const struct cmd_feed_args *);
/* "reel feed ls": the feeds, their unread counts, tags and last errors. */
int	cmd_feed_ls(const struct cmd_feed_args *);
/* "reel feed import FILE": subscribes to an OPML list's feeds. */
int	cmd_feed_import(const struct cmd_feed_args *);
/* "reel feed export": the subscriptions as OPML 2.0. */
int	cmd_feed_export(const struct cmd_feed_args *);
/* "reel feed refresh [URL...]": every feed, or those named; 1 when one
 * failed (each failure printed and kept as the feed's error). */
int	cmd_feed_refresh(const struct cmd_feed_args *);
/* "reel feed parse URL|FILE|-": a feed as JSON, not subscribed. */
int	cmd_feed_parse(const struct cmd_feed_args *);
/* "reel item ls [URL]": the items of every feed, or of one. */
int	cmd_item_ls(const struct cmd_feed_args *);

#endif
