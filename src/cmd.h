/* cmd.h: what the library's commands (cmd_feed.c, cmd_bookmark.c) share:
 * the library opened or a message, a message printed, standard output
 * written out. */
#ifndef REEL_CMD_H
#define REEL_CMD_H

struct store;

/* Opens the default library into *sp; on failure prints why and
 * returns -1. */
int	cmd_open(struct store **);
/* Prints the message cause (one line) and frees it; returns rc. */
int	cmd_fail(char *, int);
/* Flushes standard output: REEL_EXIT_OK, or a message and
 * REEL_EXIT_FAILURE when it could not be written. */
int	cmd_flush(void);

#endif
