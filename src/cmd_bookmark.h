/* cmd_bookmark.h: the bookmarks' commands ("reel bookmark ...") and
 * "reel search", which cli.c parses and dispatches. Each returns its exit
 * status (an enum reel_exit), its messages printed, one line each naming
 * the essay or file. */
#ifndef REEL_CMD_BOOKMARK_H
#define REEL_CMD_BOOKMARK_H

struct cmd_feed_args;

/* "reel bookmark add URL|FILE [-t TAG]... [-n NOTE]": keeps the essay
 * and bookmarks it, or sets the tags and note of its bookmark. */
int	cmd_bookmark_add(const struct cmd_feed_args *);
/* "reel bookmark ls [-t TAG] [-s QUERY] [--json]". */
int	cmd_bookmark_ls(const struct cmd_feed_args *);
/* "reel bookmark rm URL...": the bookmarks go, the essays stay. */
int	cmd_bookmark_rm(const struct cmd_feed_args *);
/* "reel bookmark tag URL +TAG -TAG...". */
int	cmd_bookmark_tag(const struct cmd_feed_args *);
/* "reel bookmark export [-f html|markdown|json]". */
int	cmd_bookmark_export(const struct cmd_feed_args *);
/* "reel bookmark import FILE": each essay fetched (in parallel) and
 * bookmarked; failures listed at the end; 1 when one failed. */
int	cmd_bookmark_import(const struct cmd_feed_args *);
/* "reel search QUERY... [--json]": every essay in the library. */
int	cmd_bookmark_search(const struct cmd_feed_args *);

#endif
