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

#include "cli.h"
#include "doc.h"
#include "feed.h"
#include "feed_dump.h"
#include "fetch.h"
#include "pipeline.h"
#include "render.h"
#include "url.h"
#include "view_pager.h"
#include "util.h"

enum {
	OPT_CONNECT_TIMEOUT = CHAR_MAX + 1,
	OPT_TIMEOUT,
	OPT_STALL_TIME,
	OPT_MAX_SIZE,
	OPT_MAX_REDIRS,
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
	{ "help",		no_argument,		NULL, 'h' },
	{ "version",		no_argument,		NULL, 'V' },
	{ NULL,			0,			NULL, 0 }
};

static void
cli_usage(FILE *f)
{
	fprintf(f, _("Usage: %s [OPTION]... URL|FILE|-\n"
	    "  or:  %s dump [OPTION]... URL|FILE|-\n"), "reel", "reel");
	fprintf(f, _("  or:  %s feed parse [OPTION]... URL|FILE|-\n"), "reel");
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
	fputs(_("Read long-form essays in the terminal.\n"
	    "\n"
	    "With no command, reel shows the essay at URL, in FILE or on\n"
	    "standard input (-) in a pager. 'reel dump' prints its text.\n"
	    "\n"
	    "Options:\n"
	    "  -f, --format=FORMAT     dump format: text, plain, markdown or json\n"
	    "                            (default: text)\n"
	    "  -w, --width=COLS        wrap dumped text at COLS columns (default:\n"
	    "                            the terminal's width, else 80); in the\n"
	    "                            pager, the widest text column (80)\n"
	    "  -S, --sample            read the bundled sample essay\n"
	    "      --connect-timeout=SECS  give up connecting after SECS (15)\n"
	    "      --timeout=SECS      give up a transfer after SECS (60)\n"
	    "      --stall-time=SECS   give up a transfer that stalls for SECS (20)\n"
	    "      --max-size=BYTES    refuse pages larger than BYTES; K and M\n"
	    "                            suffixes allowed (16M)\n"
	    "      --max-redirs=N      follow at most N redirects (10)\n"
	    "  -h, --help              display this help and exit\n"
	    "  -V, --version           output version information and exit\n"
	    "\n"
	    "Exit status: 0 success, 1 local error, 2 usage, 3 network,\n"
	    "4 HTTP error, 5 refused content.\n"), stdout);
	fputs(_("\n'reel feed parse' prints the RSS, Atom or JSON feed at URL, in\n"
	    "FILE or on standard input as JSON; the options above apply to\n"
	    "its fetch.\n"), stdout);
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

/* "reel feed parse": the feed as JSON; a feed read despite its faults
 * is printed after a warning. */
static int
cli_feed_parse(const char *what, const struct fetch_opts *fo)
{
	struct fetch_opts	 o = *fo;
	struct fetch_result	 r;
	struct feed		*f;
	char			*cause, *type = NULL;
	int			 rc;

	o.accept_xml = 1;
	if ((rc = fetch(what, &o, &r, &cause)) != 0) {
		warnx_("%s", cause);
		free(cause);
		return rc;
	}
	/* What the server said the body is; a file's type is a guess. */
	if (r.status != 0 && r.type != NULL)
		type = r.charset != NULL ? xprintf("%s; charset=%s", r.type,
		    r.charset) : xstrdup(r.type);
	if (feed_parse(r.data, r.len, type, r.url, &f, &cause) != 0) {
		warnx_("%s", cause);
		free(cause);
		rc = REEL_EXIT_FAILURE;
	} else {
		if (f->bozo)
			warnx_(_("%s: an ill-formed feed, read as far as it "
			    "goes: %s"), url_name(r.url), f->bozo_message);
		if (feed_dump(stdout, f, 0) != 0 || fflush(stdout) != 0) {
			warnx_(_("standard output: %s"), strerror(errno));
			rc = REEL_EXIT_FAILURE;
		}
		feed_free(f);
	}
	free(type);
	fetch_result_free(&r);
	return rc;
}

int
cli_main(int argc, char **argv)
{
	struct fetch_opts	 fo;
	const char		*what, *bad;
	char			*sample = NULL;
	long			 v;
	int			 ch, dump = 0, format = RENDER_TEXT, width = 0;
	int			 feed = 0;
	int			 use_sample = 0, rc;

	fetch_opts_default(&fo);
	if (argc > 1 && strcmp(argv[1], "dump") == 0) {
		dump = 1;
		argv++;
		argc--;
	} else if (argc > 1 && strcmp(argv[1], "feed") == 0) {
		if (argc < 3) {
			warnx_(_("missing feed command (parse)"));
			return cli_usage_error();
		}
		if (strcmp(argv[2], "parse") != 0) {
			warnx_(_("unknown feed command '%s' (parse)"),
			    argv[2]);
			return cli_usage_error();
		}
		feed = 1;
		argv += 2;
		argc -= 2;
	}
	/* getopt's own messages would name the program by its path. */
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":f:w:ShV", cli_options,
	    NULL)) != -1) {
		switch (ch) {
		case 'f':
			if ((format = render_format_parse(optarg)) == -1) {
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
			width = (int)v;
			break;
		case 'S':
			use_sample = 1;
			break;
		case OPT_CONNECT_TIMEOUT:
			if (cli_number("connect-timeout", optarg, 0, 86400,
			    &fo.connect_timeout) != 0)
				return REEL_EXIT_USAGE;
			break;
		case OPT_TIMEOUT:
			if (cli_number("timeout", optarg, 0, 86400,
			    &fo.timeout) != 0)
				return REEL_EXIT_USAGE;
			break;
		case OPT_STALL_TIME:
			if (cli_number("stall-time", optarg, 0, 86400,
			    &fo.stall_time) != 0)
				return REEL_EXIT_USAGE;
			break;
		case OPT_MAX_SIZE:
			if (cli_number("max-size", optarg, 1, LONG_MAX / 2,
			    &v) != 0)
				return REEL_EXIT_USAGE;
			fo.max_size = (size_t)v;
			break;
		case OPT_MAX_REDIRS:
			if (cli_number("max-redirs", optarg, 0, 100,
			    &fo.max_redirects) != 0)
				return REEL_EXIT_USAGE;
			break;
		case 'h':
			cli_help();
			return REEL_EXIT_OK;
		case 'V':
			cli_version();
			return REEL_EXIT_OK;
		case ':':
			warnx_(_("option '%s' requires an argument"),
			    argv[optind - 1]);
			return cli_usage_error();
		default:
			bad = argv[optind - 1];
			if (strncmp(bad, "--", 2) != 0)
				warnx_(_("invalid option -- '%c'"), optopt);
			else if (optopt != 0)
				warnx_(_("option '%.*s' doesn't allow an "
				    "argument"), (int)strcspn(bad, "="), bad);
			else
				warnx_(_("unrecognized or ambiguous option "
				    "'%s'"), bad);
			return cli_usage_error();
		}
	}
	argc -= optind;
	argv += optind;
	if (use_sample && argc == 0)
		what = sample = cli_sample_path();
	else if (!use_sample && argc == 1)
		what = argv[0];
	else {
		warnx_(argc == 0 ? _("missing URL or FILE") :
		    _("too many arguments"));
		return cli_usage_error();
	}
	/* Like less: a pager on a terminal, the text anywhere else (and on
	 * a terminal that cannot host the pager). */
	rc = -1;
	if (feed)
		rc = cli_feed_parse(what, &fo);
	else if (!dump && isatty(STDOUT_FILENO))
		rc = view_pager_run(what, &fo, width);
	if (rc == -1)
		rc = cli_dump(what, &fo, format, width > 0 ? width :
		    cli_terminal_width());
	free(sample);
	return rc;
}
