/* cli.c: the command line: options, subcommands, --help and --version. */
#include <config.h>

#include <sys/ioctl.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "cmd_bookmark.h"
#include "cmd_feed.h"
#include "conf.h"
#include "doc.h"
#include "fetch.h"
#include "library.h"
#include "pipeline.h"
#include "render.h"
#include "settings.h"
#include "view_pager.h"
#include "util.h"

enum {
	OPT_CONNECT_TIMEOUT = CHAR_MAX + 1,
	OPT_TIMEOUT,
	OPT_STALL_TIME,
	OPT_MAX_SIZE,
	OPT_MAX_REDIRS,
	OPT_JSON,
	OPT_UNREAD,
	OPT_CONFIG,
};

/* What a command takes besides its operands. */
#define CLI_PAGE	0x01	/* -f, -w, -S: showing a page */
#define CLI_FETCH	0x02	/* the limits of a transfer */
#define CLI_TAG		0x04	/* -t */
#define CLI_JSON	0x08	/* --json */
#define CLI_UNREAD	0x10	/* --unread */
#define CLI_NOTE	0x20	/* -n */
#define CLI_QUERY	0x40	/* -s */
#define CLI_EXPORT	0x80	/* -f: a bookmark file's format */
#define CLI_RAW		0x100	/* no options: "-TAG" is an operand */

static int	cli_config_dump(const struct cmd_feed_args *);
static int	cli_config_keys(const struct cmd_feed_args *);

/* How many errors the configuration had (reel config exits 1). */
static size_t	cli_config_errors;

/* The library's commands: "reel feed add", "reel item ls"... */
static const struct cli_cmd {
	const char	*group;
	const char	*name;
	int		(*run)(const struct cmd_feed_args *);
	int		 opts;
	int		 min;		/* operands, at least */
	int		 max;		/* at most; -1: any number */
	const char	*missing;	/* what a missing operand is */
} cli_cmds[] = {
	{ "feed", "add", cmd_feed_add, CLI_FETCH | CLI_TAG, 1, 1,
	    N_("missing feed URL") },
	{ "feed", "rm", cmd_feed_rm, 0, 1, -1, N_("missing feed URL") },
	{ "feed", "ls", cmd_feed_ls, CLI_JSON, 0, 0, NULL },
	{ "feed", "import", cmd_feed_import, CLI_FETCH, 1, 1,
	    N_("missing OPML file") },
	{ "feed", "export", cmd_feed_export, 0, 0, 0, NULL },
	{ "feed", "refresh", cmd_feed_refresh, CLI_FETCH, 0, -1, NULL },
	{ "feed", "parse", cmd_feed_parse, CLI_FETCH, 1, 1,
	    N_("missing URL or FILE") },
	{ "item", "ls", cmd_item_ls, CLI_JSON | CLI_UNREAD, 0, 1, NULL },
	{ "config", "dump", cli_config_dump, CLI_FETCH, 0, 0, NULL },
	{ "config", "keys", cli_config_keys, 0, 0, 0, NULL },
	{ "bookmark", "add", cmd_bookmark_add, CLI_FETCH | CLI_TAG | CLI_NOTE,
	    1, 1, N_("missing URL or FILE") },
	{ "bookmark", "ls", cmd_bookmark_ls, CLI_TAG | CLI_QUERY | CLI_JSON,
	    0, 0, NULL },
	{ "bookmark", "rm", cmd_bookmark_rm, 0, 1, -1, N_("missing URL") },
	{ "bookmark", "tag", cmd_bookmark_tag, CLI_RAW, 2, -1,
	    N_("missing URL and +TAG or -TAG") },
	{ "bookmark", "export", cmd_bookmark_export, CLI_EXPORT, 0, 0, NULL },
	{ "bookmark", "import", cmd_bookmark_import, CLI_FETCH, 1, 1,
	    N_("missing FILE") },
};

/* "reel search": a command of no group. */
static const struct cli_cmd cli_search = {
	"search", NULL, cmd_bookmark_search, CLI_JSON, 1, -1,
	N_("missing QUERY")
};

static const struct option cli_options[] = {
	{ "format",		required_argument,	NULL, 'f' },
	{ "width",		required_argument,	NULL, 'w' },
	{ "sample",		no_argument,		NULL, 'S' },
	{ "connect-timeout",	required_argument,	NULL, OPT_CONNECT_TIMEOUT },
	{ "timeout",		required_argument,	NULL, OPT_TIMEOUT },
	{ "stall-time",		required_argument,	NULL, OPT_STALL_TIME },
	{ "max-size",		required_argument,	NULL, OPT_MAX_SIZE },
	{ "max-redirs",		required_argument,	NULL, OPT_MAX_REDIRS },
	{ "tag",		required_argument,	NULL, 't' },
	{ "json",		no_argument,		NULL, OPT_JSON },
	{ "unread",		no_argument,		NULL, OPT_UNREAD },
	{ "config",		required_argument,	NULL, OPT_CONFIG },
	{ "option",		required_argument,	NULL, 'o' },
	{ "note",		required_argument,	NULL, 'n' },
	{ "search",		required_argument,	NULL, 's' },
	{ "help",		no_argument,		NULL, 'h' },
	{ "version",		no_argument,		NULL, 'V' },
	{ NULL,			0,			NULL, 0 }
};

static void
cli_usage(FILE *f)
{
	fprintf(f, _("Usage: %s [OPTION]... URL|FILE|-\n"
	    "  or:  %s dump [OPTION]... URL|FILE|-\n"), "reel", "reel");
	fprintf(f, _("  or:  %s feed add [OPTION]... URL [-t TAG]...\n"
	    "  or:  %s feed rm URL...\n"
	    "  or:  %s feed ls [--json]\n"
	    "  or:  %s feed import [OPTION]... FILE|URL\n"
	    "  or:  %s feed export\n"
	    "  or:  %s feed refresh [OPTION]... [URL]...\n"), "reel", "reel",
	    "reel", "reel", "reel", "reel");
	fprintf(f, _("  or:  %s feed parse [OPTION]... URL|FILE|-\n"), "reel");
	fprintf(f, _("  or:  %s item ls [--unread] [--json] [FEED-URL]\n"),
	    "reel");
	fprintf(f, _("  or:  %s config dump|keys [--config=FILE] "
	    "[-o NAME=VALUE]...\n"), "reel");
	/* TRANSLATORS: reel with no argument. */
	fprintf(f, _("  or:  %s [OPTION]...            (the library)\n"),
	    "reel");
	fprintf(f, _("  or:  %s bookmark add [OPTION]... URL|FILE [-t TAG]... "
	    "[-n NOTE]\n"
	    "  or:  %s bookmark ls [-t TAG] [-s QUERY] [--json]\n"
	    "  or:  %s bookmark rm URL...\n"
	    "  or:  %s bookmark tag URL +TAG|-TAG...\n"
	    "  or:  %s bookmark export [-f html|markdown|json]\n"
	    "  or:  %s bookmark import [OPTION]... FILE\n"
	    "  or:  %s search QUERY... [--json]\n"), "reel", "reel", "reel",
	    "reel", "reel", "reel", "reel");
}

/* After a usage error: the usage and where to learn more. */
static int
cli_usage_error(void)
{
	cli_usage(stderr);
	fprintf(stderr, _("Try '%s --help' for more information.\n"), "reel");
	return REEL_EXIT_USAGE;
}

static void
cli_help(void)
{
	cli_usage(stdout);
	/* TRANSLATORS: --help comes in paragraphs, one string each.
	 * Keep the option names and the commands as they are; the
	 * words in capitals (FILE, COLS...) may be translated, the
	 * same way in every paragraph and in the usage lines. Align
	 * the descriptions at column 25; lines within 79 columns. */
	fputs(_("Read long-form essays in the terminal.\n"
	    "\n"
	    "With no command, reel shows the essay at URL, in FILE or on\n"
	    "standard input (-) in a pager. 'reel dump' prints its text.\n"
	    "\n"
	    "Options:\n"), stdout);
	fputs(_(
	    "  -f, --format=FORMAT     dump format: text, plain, markdown or json\n"
	    "                            (default: text)\n"
	    "  -w, --width=COLS        wrap dumped text at COLS columns (default:\n"
	    "                            the terminal's width, else 80); in the\n"
	    "                            pager, the widest text column (80)\n"
	    "  -S, --sample            read the bundled sample essay\n"),
	    stdout);
	/* TRANSLATORS: the fetch limits; the defaults in parentheses. */
	fputs(_(
	    "      --connect-timeout=SECS  give up connecting after SECS (15)\n"
	    "      --timeout=SECS      give up a transfer after SECS (60)\n"
	    "      --stall-time=SECS   give up a transfer that stalls for SECS (20)\n"
	    "      --max-size=BYTES    refuse pages larger than BYTES; K and M\n"
	    "                            suffixes allowed (16M)\n"
	    "      --max-redirs=N      follow at most N redirects (10)\n"),
	    stdout);
	fputs(_("  -h, --help              display this help and exit\n"
	    "  -V, --version           output version information and exit\n"),
	    stdout);
	fputs(_("\n"
	    "Exit status: 0 success, 1 local error, 2 usage, 3 network,\n"
	    "4 HTTP error, 5 refused content.\n"), stdout);
	fputs(_("\nWith no argument, on a terminal, reel opens the library: the\n"
	    "feeds, their items, and each item's essay in the pager (the\n"
	    "feed's own text when the page cannot be fetched). Enter opens,\n"
	    "q goes back, r and R refresh one feed or all while you read, A\n"
	    "marks a feed read, n goes to the next unread, / filters, t shows\n"
	    "the feeds of a tag.\n"), stdout);
	fputs(_("In the pager, s bookmarks the essay (its tags, a note) and m\n"
	    "marks the paragraph at the top as a quote. In the library, b\n"
	    "shows the bookmarks (s sorts, t shows a tag's, / searches, d\n"
	    "deletes, U undoes, u fetches again) and c the essays left\n"
	    "unfinished.\n"), stdout);
	fputs(_("\n'reel feed parse' prints the RSS, Atom or JSON feed at URL, in\n"
	    "FILE or on standard input as JSON; the options above apply to\n"
	    "its fetch.\n"), stdout);
	fputs(_("\n"
	    "The library (feeds and their items) is one file,\n"
	    "$XDG_DATA_HOME/reel/library.db:\n"
	    "  feed add URL     subscribe to the feed at URL, or to the first\n"
	    "                     feed the web page at URL advertises\n"
	    "  feed rm URL...   unsubscribe, the feed's items with it\n"
	    "  feed ls          feeds: unread items, title, tags, URL, last error\n"
	    "  feed import FILE subscribe to the feeds of an OPML list (nested\n"
	    "                     outlines become tags)\n"
	    "  feed export      the subscriptions as OPML 2.0, tags as outlines\n"
	    "  feed refresh     fetch every feed (or those named) at once and\n"
	    "                     keep their new items; exit status 1 when a feed\n"
	    "                     failed (its error is kept and shown by feed ls)\n"
	    "  item ls [FEED]   items, newest first, of every feed or of one\n"),
	    stdout);
	fputs(_("\n"
	    "  -t, --tag=TAG           feed add: tag the feed (repeatable)\n"
	    "      --json              feed ls, item ls: print JSON\n"
	    "      --unread            item ls: only unread items\n"), stdout);
	fputs(_("\n"
	    "Settings, key bindings and colours are read from\n"
	    "$XDG_CONFIG_HOME/reel/config (see reel-config(5)):\n"
	    "  config dump      the configuration in force, defaults included,\n"
	    "                     in the file's own syntax\n"
	    "  config keys      the key table in force, as bind lines\n"
	    "\n"
	    "      --config=FILE       read FILE instead of the config file\n"
	    "  -o, --option=NAME=VALUE set a setting for this run (repeatable);\n"
	    "                            the options above are settings too\n"),
	    stdout);
	fputs(_("\n"
	    "Bookmarks keep an essay in the library, to read with no network:\n"
	    "  bookmark add URL|FILE  keep the essay and bookmark it; again, set\n"
	    "                     its tags (-t) and note (-n)\n"
	    "  bookmark ls      bookmarks, newest first: date, title, tags, URL\n"
	    "  bookmark rm URL...  remove bookmarks (the essays stay kept)\n"
	    "  bookmark tag URL +TAG -TAG...  add and remove tags\n"
	    "  bookmark export  every bookmark as a Netscape bookmark file\n"
	    "                     (-f html), Markdown with front matter or JSON\n"
	    "  bookmark import FILE  bookmark the essays of a browser's bookmark\n"
	    "                     file, reel's JSON or a list of URLs, fetched\n"
	    "                     at once; exit status 1 when one failed\n"
	    "  search QUERY     search every essay kept or read: words, prefix*,\n"
	    "                     \"a phrase\", AND, OR, NOT; matches marked\n"
	    "\n"
	    "  -t, --tag=TAG           bookmark add: tag it (repeatable, or\n"
	    "                            TAG,TAG); bookmark ls: only those tagged\n"
	    "  -n, --note=NOTE         bookmark add: its note (\"\" removes it)\n"
	    "  -s, --search=QUERY      bookmark ls: only those whose essay matches\n"
	    "  -f, --format=FORMAT     bookmark export: html (default), markdown\n"
	    "                            or json\n"
	    "      --json              bookmark ls, search: print JSON\n"), stdout);
	printf(_("\nReport bugs to: %s\n"), PACKAGE_BUGREPORT);
	printf(_("%s home page: <%s>\n"), PACKAGE_NAME,
	    "https://example.org/reel");
}

static void
cli_version(void)
{
	printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
	puts(_("Copyright (C) 2026 the reel developers."));
	puts(_("License GPLv3+: GNU GPL version 3 or later "
	    "<https://gnu.org/licenses/gpl.html>.\n"
	    "This is free software: you are free to change and redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law."));
}

/* Parses a non-negative number with an optional K or M suffix. */
static int
cli_number(const char *opt, const char *s, int suffixes, long max,
    long *out)
{
	char		*end;
	long long	 v;

	long long	 unit = 1;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (suffixes && end != s && (*end == 'K' || *end == 'k'))
		unit = 1024, end++;
	else if (suffixes && end != s && (*end == 'M' || *end == 'm'))
		unit = 1024 * 1024, end++;
	/* Checked before multiplying: the product must not overflow. */
	if (errno != 0 || end == s || *end != '\0' || v < 0 ||
	    v > max / unit) {
		warnx_(_("invalid value for --%s: '%s'"), opt, s);
		return -1;
	}
	*out = (long)(v * unit);
	return 0;
}

static int
cli_terminal_width(void)
{
	struct winsize	ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

static char *
cli_sample_path(void)
{
	const char	*dir = getenv("REEL_DATADIR");

	if (dir == NULL || *dir == '\0')
		dir = PKGDATADIR;
	return xprintf("%s/sample-essay.html", dir);
}

static int
cli_dump(const char *what, const struct fetch_opts *fo, int format,
    int width)
{
	struct doc	*d;
	char		*cause = NULL;
	int		 rc;

	if ((rc = pipeline_load(what, fo, &d, &cause)) != 0) {
		warnx_("%s", cause);
		free(cause);
		return rc;
	}
	if (render(stdout, d, format, width) != 0 || fflush(stdout) != 0) {
		warnx_(_("standard output: %s"), strerror(errno));
		rc = REEL_EXIT_FAILURE;
	}
	doc_free(d);
	return rc;
}

/* Reads the configuration, says what was wrong in it, and takes its
 * fetch limits. */
static void
cli_config_load(struct fetch_opts *fo)
{
	char	*errors, *line, *next;

	cli_config_errors = conf_load(&errors);
	for (line = errors; line != NULL && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		*next++ = '\0';
		warnx_("%s", line);
	}
	free(errors);
	conf_fetch_opts(fo);
}

/* "reel config dump" and "reel config keys": 1 when the configuration
 * had errors (said already), though the rest is printed. */
static int
cli_config_print(char *s)
{
	int	rc = cli_config_errors > 0 ? REEL_EXIT_FAILURE : REEL_EXIT_OK;

	if (fputs(s, stdout) == EOF || fflush(stdout) != 0) {
		warnx_(_("standard output: %s"), strerror(errno));
		rc = REEL_EXIT_FAILURE;
	}
	free(s);
	return rc;
}

static int
cli_config_dump(const struct cmd_feed_args *args)
{
	(void)args;
	return cli_config_print(conf_dump());
}

static int
cli_config_keys(const struct cmd_feed_args *args)
{
	(void)args;
	return cli_config_print(conf_keys());
}

/* The command "reel GROUP NAME" names, or NULL after saying why not. */
static const struct cli_cmd *
cli_command(int argc, char **argv)
{
	struct buf	 names = BUF_INIT;
	size_t		 i;
	const char	*group = argv[1];

	for (i = 0; i < nitems(cli_cmds); i++) {
		if (strcmp(cli_cmds[i].group, group) != 0)
			continue;
		if (argc > 2 && strcmp(cli_cmds[i].name, argv[2]) == 0) {
			buf_free(&names);
			return &cli_cmds[i];
		}
		buf_printf(&names, "%s%s", names.len > 0 ? ", " : "",
		    cli_cmds[i].name);
	}
	if (argc < 3)
		/* TRANSLATORS: "feed", "item" or "bookmark", then the
		 * commands. */
		warnx_(_("missing %s command (%s)"), group, buf_str(&names));
	else
		/* TRANSLATORS: "feed" or "item", what was typed, then
		 * the commands. */
		warnx_(_("unknown %s command '%s' (%s)"), group, argv[2],
		    buf_str(&names));
	buf_free(&names);
	return NULL;
}

/* Whether cmd (NULL: showing a page) takes option ch; says so if not. */
static int
cli_takes(const struct cli_cmd *cmd, int ch)
{
	const struct option	*o;
	int			 flag;

	switch (ch) {
	case 'f':
		flag = cmd != NULL && (cmd->opts & CLI_EXPORT) ? CLI_EXPORT :
		    CLI_PAGE;
		break;
	case 'w':
	case 'S':
		flag = CLI_PAGE;
		break;
	case OPT_CONNECT_TIMEOUT:
	case OPT_TIMEOUT:
	case OPT_STALL_TIME:
	case OPT_MAX_SIZE:
	case OPT_MAX_REDIRS:
		flag = CLI_FETCH;
		break;
	case 't':
		flag = CLI_TAG;
		break;
	case 'n':
		flag = CLI_NOTE;
		break;
	case 's':
		flag = CLI_QUERY;
		break;
	case OPT_JSON:
		flag = CLI_JSON;
		break;
	case OPT_UNREAD:
		flag = CLI_UNREAD;
		break;
	default:
		return 1;
	}
	if ((cmd != NULL ? cmd->opts : CLI_PAGE | CLI_FETCH) & flag)
		return 1;
	for (o = cli_options; o->name != NULL && o->val != ch; o++)
		/* nothing */;
	if (cmd != NULL && cmd->name == NULL)
		warnx_(_("'reel %s' takes no option --%s"), cmd->group,
		    o->name);
	else if (cmd != NULL)
		/* TRANSLATORS: the command ("feed", "ls"), then the
		 * option's name. */
		warnx_(_("'reel %s %s' takes no option --%s"), cmd->group,
		    cmd->name, o->name);
	else
		warnx_(_("option --%s belongs to a command"), o->name);
	return 0;
}

/* What the command line says, as options are read. */
struct cli_state {
	const struct cli_cmd	 *cmd;		/* NULL: show or dump a page */
	struct fetch_opts	  fo;
	struct cmd_feed_args	  args;
	const char		**tags;
	size_t			  ntags;
	int			  format;
	int			  width;
	int			  use_sample;
};

/* Runs cmd on its operands. */
static int
cli_run(const struct cli_cmd *cmd, struct cmd_feed_args *args, int argc,
    char **argv)
{
	if (argc < cmd->min) {
		warnx_("%s", _(cmd->missing));
		return cli_usage_error();
	}
	if (cmd->max >= 0 && argc > cmd->max) {
		warnx_(_("too many arguments"));
		return cli_usage_error();
	}
	args->argc = argc;
	args->argv = argv;
	return cmd->run(args);
}

/* The long name of option ch. */
static const char *
cli_option_name(int ch)
{
	const struct option	*o;

	for (o = cli_options; o->name != NULL && o->val != ch; o++)
		/* nothing */;
	return o->name != NULL ? o->name : "?";
}

/* An option that is a setting of the same name, its value checked:
 * kept as -o NAME=VALUE is. Returns -1 to go on. */
static int
cli_setting(const char *name, const char *value)
{
	char	*opt = xprintf("%s=%s", name, value), *cause;
	int	 rc = -1;

	if (conf_option(opt, &cause) != 0) {
		warnx_("%s", cause);
		free(cause);
		rc = REEL_EXIT_USAGE;
	}
	free(opt);
	return rc;
}

/* Takes option ch (its argument in optarg) into st. Returns -1 to go
 * on, or the exit status to end with. */
static int
cli_option(struct cli_state *st, int ch, char **argv)
{
	const char	*bad;
	char		*cause;
	long		 v;

	if (!cli_takes(st->cmd, ch))
		return cli_usage_error();
	switch (ch) {
	case 'f':
		if (st->cmd != NULL) {
			st->args.format = optarg;
			break;
		}
		if ((st->format = render_format_parse(optarg)) == -1) {
			warnx_(_("unknown format '%s' (text, plain, "
			    "markdown or json)"), optarg);
			return REEL_EXIT_USAGE;
		}
		break;
	case 'w':
		if (cli_number("width", optarg, 0, 10000, &v) != 0)
			return REEL_EXIT_USAGE;
		if (v < 10) {
			warnx_(_("--width must be at least 10"));
			return REEL_EXIT_USAGE;
		}
		st->width = (int)v;
		return cli_setting("width", optarg);
	case 'S':
		st->use_sample = 1;
		break;
	case 't':
		st->tags = xreallocarray(st->tags, st->ntags + 2,
		    sizeof *st->tags);
		st->tags[st->ntags++] = optarg;
		st->tags[st->ntags] = NULL;
		break;
	case 'n':
		st->args.note = optarg;
		break;
	case 's':
		st->args.query = optarg;
		break;
	case OPT_JSON:
		st->args.json = 1;
		break;
	case OPT_UNREAD:
		st->args.unread = 1;
		break;
	case OPT_CONNECT_TIMEOUT:
	case OPT_TIMEOUT:
	case OPT_STALL_TIME:
	case OPT_MAX_REDIRS:
		if (cli_number(cli_option_name(ch), optarg, 0,
		    ch == OPT_MAX_REDIRS ? 100 : 86400, &v) != 0)
			return REEL_EXIT_USAGE;
		return cli_setting(cli_option_name(ch), optarg);
	case OPT_MAX_SIZE:
		if (cli_number("max-size", optarg, 1, LONG_MAX / 2, &v) != 0)
			return REEL_EXIT_USAGE;
		return cli_setting("max-size", optarg);
	case OPT_CONFIG:
		conf_set_file(optarg);
		break;
	case 'o':
		if (conf_option(optarg, &cause) != 0) {
			warnx_("%s", cause);
			free(cause);
			return cli_usage_error();
		}
		break;
	case 'h':
		cli_help();
		return REEL_EXIT_OK;
	case 'V':
		cli_version();
		return REEL_EXIT_OK;
	case ':':
		warnx_(_("option '%s' requires an argument"), argv[optind - 1]);
		return cli_usage_error();
	default:
		bad = argv[optind - 1];
		if (strncmp(bad, "--", 2) != 0)
			warnx_(_("invalid option -- '%c'"), optopt);
		else if (optopt != 0)
			warnx_(_("option '%.*s' doesn't allow an argument"),
			    (int)strcspn(bad, "="), bad);
		else
			warnx_(_("unrecognized or ambiguous option '%s'"),
			    bad);
		return cli_usage_error();
	}
	return -1;
}

int
cli_main(int argc, char **argv)
{
	struct cli_state	 st;
	const char		*what;
	char			*sample = NULL;
	int			 ch, dump = 0, rc;

	memset(&st, 0, sizeof st);
	fetch_opts_default(&st.fo);
	st.format = RENDER_TEXT;
	if (argc > 1 && strcmp(argv[1], "dump") == 0) {
		dump = 1;
		argv++;
		argc--;
	} else if (argc > 1 && (strcmp(argv[1], "feed") == 0 ||
	    strcmp(argv[1], "item") == 0 ||
	    strcmp(argv[1], "bookmark") == 0 ||
	    strcmp(argv[1], "config") == 0)) {
		if ((st.cmd = cli_command(argc, argv)) == NULL)
			return cli_usage_error();
		argv += 2;
		argc -= 2;
	} else if (argc > 1 && strcmp(argv[1], "search") == 0) {
		st.cmd = &cli_search;
		argv++;
		argc--;
	}
	/* "reel bookmark tag URL -film": every word is an operand. */
	if (st.cmd != NULL && (st.cmd->opts & CLI_RAW)) {
		argv++;
		argc--;
		if (argc > 0 && strcmp(argv[0], "--") == 0) {
			argv++;
			argc--;
		}
		cli_config_load(&st.fo);
		st.args.fetch = &st.fo;
		rc = cli_run(st.cmd, &st.args, argc, argv);
		conf_free();
		return rc;
	}
	/* getopt's own messages would name the program by its path. */
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":f:w:St:n:s:o:hV", cli_options,
	    NULL)) != -1) {
		if ((rc = cli_option(&st, ch, argv)) != -1) {
			free(st.tags);
			conf_free();
			return rc;
		}
	}
	argc -= optind;
	argv += optind;
	cli_config_load(&st.fo);
	if (st.cmd != NULL) {
		st.args.fetch = &st.fo;
		st.args.tags = st.tags;
		rc = cli_run(st.cmd, &st.args, argc, argv);
		free(st.tags);
		conf_free();
		return rc;
	}
	/* reel alone on a terminal: the library. */
	if (!dump && !st.use_sample && argc == 0 && isatty(STDOUT_FILENO)) {
		rc = library_run(&st.fo, (int)settings_int(SET_WIDTH));
		free(st.tags);
		conf_free();
		return rc == -1 ? REEL_EXIT_FAILURE : rc;
	}
	if (st.use_sample && argc == 0)
		what = sample = cli_sample_path();
	else if (!st.use_sample && argc == 1)
		what = argv[0];
	else {
		warnx_(argc == 0 ? _("missing URL or FILE") :
		    _("too many arguments"));
		conf_free();
		return cli_usage_error();
	}
	/* Like less: a pager on a terminal, the text anywhere else (and on
	 * a terminal that cannot host the pager). */
	rc = -1;
	if (!dump && isatty(STDOUT_FILENO))
		rc = view_pager_run(what, &st.fo,
		    (int)settings_int(SET_WIDTH));
	if (rc == -1)
		rc = cli_dump(what, &st.fo, st.format, st.width > 0 ?
		    st.width : cli_terminal_width());
	free(sample);
	conf_free();
	return rc;
}
