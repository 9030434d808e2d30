/* cli.h: the command line. */
#ifndef REEL_CLI_H
#define REEL_CLI_H

/* Runs reel with its arguments; returns the exit status. */
int	cli_main(int, char **);

#endif
