/* conf.c: reads the configuration file line by line into settings.c
 * and keys.c; every error names its file and line and what was expected,
 * and never stops the lines after it. Also writes the configuration in
 * force back in the same syntax. */
#include <config.h>

#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "conf.h"
#include "fetch.h"
#include "keys.h"
#include "paths.h"
#include "settings.h"
#include "util.h"

#define CONF_MAX_WORDS	16
#define CONF_MAX_FILE		(1024 * 1024)

/* What one load gathers: its errors, and the files being read (for
 * include cycles). */
struct conf_state {
	struct buf	  errors;
	size_t		  nerrors;
	char		 *stack[CONF_MAX_DEPTH + 1];
	size_t		  depth;
};

static const char *const conf_commands[] = {
	"set", "bind", "unbind", "unbind-all", "color", "colour", "include",
};

static char	 *conf_file;
static char	 *conf_first;		/* the last load's first error */
static size_t	  conf_nerrors;
static char	**conf_options;	/* "name=value", as given */
static size_t	  conf_noptions;

void
conf_set_file(const char *path)
{
	free(conf_file);
	conf_file = path != NULL ? xstrdup(path) : NULL;
}

void
conf_free(void)
{
	size_t	i;

	conf_set_file(NULL);
	free(conf_first);
	conf_first = NULL;
	conf_nerrors = 0;
	for (i = 0; i < conf_noptions; i++)
		free(conf_options[i]);
	free(conf_options);
	conf_options = NULL;
	conf_noptions = 0;
}

/* A copy of s fit for a message: control characters become '?'. */
static char *
conf_shown(const char *s)
{
	char	*t = xstrdup(s), *p;

	for (p = t; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return t;
}

/* The edit distance of a and b, a swap of two neighbours counting as
 * one edit (optimal string alignment); 99 for long words. */
static size_t
conf_distance(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b), i, j, d[48][48], v;

	if (la >= nitems(d) || lb >= nitems(d))
		return 99;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[la][lb];
}

/* The name among the n of name(i) nearest to word, if near enough to be
 * a slip of the fingers (a third of its letters, at least one), else
 * NULL. */
static const char *
conf_suggest(const char *word, size_t n, const char *(*name)(size_t))
{
	const char	*best = NULL;
	size_t		 i, d, bestd = 99, limit = strlen(word) / 3;

	if (limit < 1)
		limit = 1;
	for (i = 0; i < n; i++) {
		d = conf_distance(word, name(i));
		if (d > 0 && d <= limit && d < bestd) {
			best = name(i);
			bestd = d;
		}
	}
	return best;
}

static const char *
conf_name_command(size_t i)
{
	return conf_commands[i];
}

static const char *
conf_name_setting(size_t i)
{
	return settings_name((enum setting)i);
}

static const char *
conf_name_action(size_t i)
{
	return keys_action_name((enum action)i);
}

static const char *
conf_name_context(size_t i)
{
	return keys_context_name((enum keys_context)i);
}

static const char *
conf_name_element(size_t i)
{
	return settings_element_name((enum settings_element)i);
}

/* What is unknown: its message, and its message with a suggestion. */
enum conf_what {
	CONF_COMMAND,
	CONF_SETTING,
	CONF_ACTION,
	CONF_CONTEXT,
	CONF_ELEMENT,
};

static const struct {
	const char	*plain;
	const char	*near;
} conf_whats[] = {
	[CONF_COMMAND] = { N_("unknown command \"%s\""),
	    N_("unknown command \"%s\" (did you mean %s?)") },
	[CONF_SETTING] = { N_("unknown setting \"%s\""),
	    N_("unknown setting \"%s\" (did you mean %s?)") },
	[CONF_ACTION] = { N_("unknown action \"%s\""),
	    N_("unknown action \"%s\" (did you mean %s?)") },
	[CONF_CONTEXT] = { N_("unknown context \"%s\""),
	    N_("unknown context \"%s\" (did you mean %s?)") },
	[CONF_ELEMENT] = { N_("unknown colour element \"%s\""),
	    N_("unknown colour element \"%s\" (did you mean %s?)") },
};

/* "unknown action "word"", and " (did you mean x?)" when one is near. */
static char *
conf_unknown(enum conf_what what, const char *word, size_t n,
    const char *(*name)(size_t))
{
	const char	*near = conf_suggest(word, n, name);
	char		*shown = conf_shown(word), *s;

	/* The formats are the table's own. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	if (near != NULL)
		s = xprintf(_(conf_whats[what].near), shown, near);
	else
		s = xprintf(_(conf_whats[what].plain), shown);
#pragma GCC diagnostic pop
	free(shown);
	return s;
}

/* Splits line into at most max words: white space between them, '#'
 * starting a comment where a word would start, "double quotes" with
 * backslash escapes and 'single quotes' as written. The words are in
 * out, NUL-separated. Returns the number of words, or -1 and *cause. */
static int
conf_words(const char *line, struct buf *out, char **words, int max,
    char **cause)
{
	const char	*s = line;
	size_t		 starts[CONF_MAX_WORDS];
	int		 n = 0, i;
	char		 q;

	buf_reset(out);
	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0' || *s == '#')
			break;
		if (n == max) {
			*cause = xprintf(_("too many words (at most %d)"),
			    max);
			return -1;
		}
		starts[n++] = out->len;
		while (*s != '\0' && *s != ' ' && *s != '\t') {
			if (*s != '"' && *s != '\'') {
				buf_addc(out, *s++);
				continue;
			}
			q = *s++;
			while (*s != '\0' && *s != q) {
				if (q == '"' && *s == '\\' && s[1] != '\0')
					s++;
				buf_addc(out, *s++);
			}
			if (*s == '\0') {
				*cause = xprintf(_("missing closing %c"), q);
				return -1;
			}
			s++;
		}
		buf_addc(out, '\0');
	}
	for (i = 0; i < n; i++)
		words[i] = out->data + starts[i];
	return n;
}

static int	conf_read(struct conf_state *, const char *, const char *,
		    size_t);

/* Appends one error of file:line. */
static void
conf_error(struct conf_state *cl, const char *file, size_t line,
    const char *msg)
{
	buf_printf(&cl->errors, "%s:%zu: %s\n", file, line, msg);
	cl->nerrors++;
}

/* The file an include line names: ~/ is $HOME, a relative path is
 * relative to the directory of the including file. */
static char *
conf_include_path(const char *from, const char *name)
{
	const char	*home = getenv("HOME"), *slash;

	if (name[0] == '~' && name[1] == '/' && home != NULL && *home == '/')
		return xprintf("%s%s", home, name + 1);
	if (name[0] == '/' || (slash = strrchr(from, '/')) == NULL)
		return xstrdup(name);
	return xprintf("%.*s/%s", (int)(slash - from), from, name);
}

static int
conf_set(char **w, int n, char **cause)
{
	char	*shown;
	int	 i;

	if (n != 3) {
		*cause = xstrdup(_("expected set NAME VALUE (quote a value "
		    "with spaces)"));
		return -1;
	}
	if ((i = settings_find(w[1])) == -1) {
		*cause = conf_unknown(CONF_SETTING, w[1], SET_COUNT,
		    conf_name_setting);
		return -1;
	}
	if (settings_set((enum setting)i, w[2], SETTINGS_FILE, cause) != 0) {
		shown = *cause;
		*cause = xprintf("%s: %s", w[1], shown);
		free(shown);
		return -1;
	}
	return 0;
}

/* The context of a bind or unbind line with a context word, or -1. */
static int
conf_context(const char *word, char **cause)
{
	int	ctx;

	if ((ctx = keys_context_find(word)) == -1)
		*cause = conf_unknown(CONF_CONTEXT, word, KEYS_NCONTEXTS,
		    conf_name_context);
	return ctx;
}

static int
conf_key(const char *word, char **cause)
{
	char	*shown;
	int	 key;

	if ((key = keys_find(word)) == -1) {
		shown = conf_shown(word);
		*cause = xprintf(_("unknown key \"%s\" (a character, Ctrl-X, "
		    "F1-F12 or a name such as PgDn)"), shown);
		free(shown);
	}
	return key;
}

static int
conf_bind(char **w, int n, char **cause)
{
	int	ctx = KEYS_ALL, key, action;

	if (n != 3 && n != 4) {
		*cause = xstrdup(_("expected bind [CONTEXT] KEY ACTION"));
		return -1;
	}
	if (n == 4 && (ctx = conf_context(w[1], cause)) == -1)
		return -1;
	if ((key = conf_key(w[n - 2], cause)) == -1)
		return -1;
	if ((action = keys_action_find(w[n - 1])) == -1) {
		*cause = conf_unknown(CONF_ACTION, w[n - 1], ACTION_COUNT,
		    conf_name_action);
		return -1;
	}
	keys_bind_in((enum keys_context)ctx, key, (enum action)action);
	return 0;
}

static int
conf_unbind(char **w, int n, char **cause)
{
	int	ctx = KEYS_ALL, key;

	if (n != 2 && n != 3) {
		*cause = xstrdup(_("expected unbind [CONTEXT] KEY"));
		return -1;
	}
	if (n == 3 && (ctx = conf_context(w[1], cause)) == -1)
		return -1;
	if ((key = conf_key(w[n - 1], cause)) == -1)
		return -1;
	keys_bind_in((enum keys_context)ctx, key, ACTION_NONE);
	return 0;
}

static int
conf_color(char **w, int n, char **cause)
{
	struct settings_colour	 c;
	char			*shown;
	int			 e, i, a;

	if (n < 4) {
		*cause = xprintf(_("expected %s ELEMENT FOREGROUND BACKGROUND "
		    "[ATTRIBUTE]..."), w[0]);
		return -1;
	}
	if ((e = settings_element_find(w[1])) == -1) {
		*cause = conf_unknown(CONF_ELEMENT, w[1],
		    SETTINGS_NELEMENTS, conf_name_element);
		return -1;
	}
	for (i = 2; i < 4; i++) {
		if (settings_colour_find(w[i]) != -2)
			continue;
		shown = conf_shown(w[i]);
		*cause = xprintf(_("unknown colour \"%s\" (a name such as red "
		    "or brightred, default, or color0 to color255)"), shown);
		free(shown);
		return -1;
	}
	c.fg = settings_colour_find(w[2]);
	c.bg = settings_colour_find(w[3]);
	c.attrs = 0;
	for (i = 4; i < n; i++) {
		if ((a = settings_attr_find(w[i])) == -1) {
			shown = conf_shown(w[i]);
			*cause = xprintf(_("unknown attribute \"%s\" (bold, "
			    "reverse, underline, italic or none)"), shown);
			free(shown);
			return -1;
		}
		c.attrs |= a;
	}
	settings_colour_set((enum settings_element)e, &c);
	return 0;
}

static int
conf_include(struct conf_state *cl, const char *file, size_t line,
    char **w, int n, char **cause)
{
	char	*path;
	int	 rc;

	if (n != 2) {
		*cause = xstrdup(_("expected include FILE"));
		return -1;
	}
	path = conf_include_path(file, w[1]);
	rc = conf_read(cl, path, file, line);
	free(path);
	return rc;
}

/* Carries out one line; an error is added to cl. */
static void
conf_line(struct conf_state *cl, const char *file, size_t line,
    const char *text)
{
	struct buf	 words = BUF_INIT;
	char		*w[CONF_MAX_WORDS], *cause = NULL;
	int		 n, rc = 0;

	if ((n = conf_words(text, &words, w, CONF_MAX_WORDS,
	    &cause)) <= 0) {
		rc = n;
	} else if (strcmp(w[0], "set") == 0)
		rc = conf_set(w, n, &cause);
	else if (strcmp(w[0], "bind") == 0)
		rc = conf_bind(w, n, &cause);
	else if (strcmp(w[0], "unbind") == 0)
		rc = conf_unbind(w, n, &cause);
	else if (strcmp(w[0], "unbind-all") == 0) {
		if (n != 1) {
			cause = xstrdup(_("expected unbind-all alone"));
			rc = -1;
		} else
			keys_clear();
	} else if (strcmp(w[0], "color") == 0 || strcmp(w[0], "colour") == 0)
		rc = conf_color(w, n, &cause);
	else if (strcmp(w[0], "include") == 0)
		/* Its own errors are its own file's; one here is the
		 * line's. */
		rc = conf_include(cl, file, line, w, n, &cause);
	else {
		cause = conf_unknown(CONF_COMMAND, w[0],
		    nitems(conf_commands), conf_name_command);
		rc = -1;
	}
	if (rc != 0 && cause != NULL)
		conf_error(cl, file, line, cause);
	free(cause);
	buf_free(&words);
}

/* Reads the lines of text, named file. */
static void
conf_lines(struct conf_state *cl, const char *file, char *text,
    size_t len)
{
	char	*s = text, *nl, *eol, *end = text + len;
	size_t	 line = 0;

	while (s < end) {
		line++;
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		*nl = '\0';
		/* A file written on Windows. */
		eol = nl;
		if (eol > s && eol[-1] == '\r')
			*--eol = '\0';
		if (strlen(s) != (size_t)(eol - s))
			conf_error(cl, file, line,
			    _("a NUL byte in the line"));
		else if (!utf8_valid(s, strlen(s)))
			conf_error(cl, file, line, _("not valid UTF-8"));
		else
			conf_line(cl, file, line, s);
		s = nl + 1;
	}
}

/* Reads file, included at from:line (from NULL: the top file). Returns 0,
 * or -1 after adding its error (a cycle, too deep, unreadable). */
static int
conf_read(struct conf_state *cl, const char *file, const char *from,
    size_t line)
{
	char	*data = NULL, *cause = NULL, *real, *msg;
	size_t	 len, i;

	if (cl->depth >= CONF_MAX_DEPTH) {
		msg = xprintf(_("include %s: nested more than %d deep"), file,
		    CONF_MAX_DEPTH);
		conf_error(cl, from, line, msg);
		free(msg);
		return -1;
	}
	if ((real = realpath(file, NULL)) != NULL) {
		for (i = 0; i < cl->depth; i++) {
			if (strcmp(cl->stack[i], real) != 0)
				continue;
			msg = xprintf(_("include %s: a cycle (it includes "
			    "itself)"), file);
			conf_error(cl, from, line, msg);
			free(msg);
			free(real);
			return -1;
		}
	}
	if (read_file(file, CONF_MAX_FILE, &data, &len, &cause) != 0) {
		free(real);
		if (from != NULL) {
			msg = xprintf("include %s", cause);
			conf_error(cl, from, line, msg);
			free(msg);
		} else {
			buf_printf(&cl->errors, "%s\n", cause);
			cl->nerrors++;
		}
		free(cause);
		return -1;
	}
	cl->stack[cl->depth++] = real != NULL ? real : xstrdup(file);
	conf_lines(cl, file, data, len);
	free(cl->stack[--cl->depth]);
	free(data);
	return 0;
}

/* Hands the errors of cl to the caller. */
static size_t
conf_done(struct conf_state *cl, char **errors)
{
	*errors = NULL;
	if (cl->nerrors > 0)
		*errors = buf_detach(&cl->errors, NULL);
	buf_free(&cl->errors);
	return cl->nerrors;
}

size_t
conf_parse(const char *name, const char *text, char **errors)
{
	struct conf_state	 cl;
	char			*copy = xstrdup(text);

	memset(&cl, 0, sizeof cl);
	conf_lines(&cl, name, copy, strlen(copy));
	free(copy);
	return conf_done(&cl, errors);
}

int
conf_option(const char *opt, char **cause)
{
	const char	*eq = strchr(opt, '=');
	char		*name, *shown;
	int		 i;

	if (eq == NULL) {
		shown = conf_shown(opt);
		*cause = xprintf(_("-o %s: expected NAME=VALUE"), shown);
		free(shown);
		return -1;
	}
	name = xstrndup(opt, (size_t)(eq - opt));
	if ((i = settings_find(name)) == -1) {
		shown = conf_unknown(CONF_SETTING, name, SET_COUNT,
		    conf_name_setting);
		*cause = xprintf("-o %s", shown);
		free(shown);
		free(name);
		return -1;
	}
	/* Checked now, applied by every load. */
	if (settings_check((enum setting)i, eq + 1, cause) != 0) {
		shown = *cause;
		*cause = xprintf("-o %s: %s", name, shown);
		free(shown);
		free(name);
		return -1;
	}
	free(name);
	conf_options = xreallocarray(conf_options, conf_noptions + 1,
	    sizeof *conf_options);
	conf_options[conf_noptions++] = xstrdup(opt);
	return 0;
}

size_t
conf_load(char **errors)
{
	struct conf_state	 cl;
	struct stat		 sb;
	const char		*browser = getenv("BROWSER"), *eq;
	char			*dir, *path, *cause = NULL, *name;
	size_t			 i;

	memset(&cl, 0, sizeof cl);
	settings_reset();
	keys_reset();
	if (conf_file != NULL)
		conf_read(&cl, conf_file, NULL, 0);
	else if ((dir = paths_dir(PATHS_CONFIG, &cause)) != NULL) {
		/* No file is the defaults; no home is no file. */
		path = xprintf("%s/config", dir);
		if (stat(path, &sb) == 0 ||
		    (errno != ENOENT && errno != ENOTDIR))
			conf_read(&cl, path, NULL, 0);
		free(path);
		free(dir);
	}
	free(cause);
	if (browser != NULL && *browser != '\0' &&
	    settings_set(SET_BROWSER, browser, SETTINGS_ENV, &cause) != 0) {
		buf_printf(&cl.errors, "BROWSER: %s\n", cause);
		cl.nerrors++;
		free(cause);
	}
	for (i = 0; i < conf_noptions; i++) {
		eq = strchr(conf_options[i], '=');
		name = xstrndup(conf_options[i],
		    (size_t)(eq - conf_options[i]));
		/* Checked by conf_option(): it cannot fail here. */
		if (settings_set((enum setting)settings_find(name), eq + 1,
		    SETTINGS_CMDLINE, &cause) != 0)
			fatal("-o %s: %s", name, cause);
		free(name);
	}
	conf_nerrors = conf_done(&cl, errors);
	free(conf_first);
	conf_first = NULL;
	if (*errors != NULL)
		conf_first = xstrndup(*errors, strcspn(*errors, "\n"));
	return conf_nerrors;
}

size_t
conf_errors(const char **first)
{
	*first = conf_first;
	return conf_nerrors;
}

char *
conf_errors_line(void)
{
	if (conf_nerrors == 0)
		return NULL;
	if (conf_nerrors == 1)
		return xstrdup(conf_first);
	/* The count first: a long path would push it off the line. */
	return xprintf(ngettext_("%zu error in the configuration, the first: "
	    "%s", "%zu errors in the configuration, the first: %s",
	    conf_nerrors), conf_nerrors, conf_first);
}

/* Appends word so that conf_words() reads it back as it is. */
static void
conf_quote(struct buf *b, const char *word)
{
	const char	*s;

	if (*word != '\0' && word[strcspn(word, " \t\"'\\#")] == '\0') {
		buf_adds(b, word);
		return;
	}
	buf_addc(b, '"');
	for (s = word; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

static void
conf_dump_keys(struct buf *b)
{
	enum keys_context	ctx;
	enum action		action;
	char			name[16];
	size_t			i;
	int			key;

	buf_adds(b, "unbind-all\n");
	for (i = 0; keys_entry(i, &ctx, &key, &action) == 0; i++) {
		buf_printf(b, "%s %s ", action == ACTION_NONE ? "unbind" :
		    "bind", keys_context_name(ctx));
		conf_quote(b, keys_name(key, name));
		if (action != ACTION_NONE)
			buf_printf(b, " %s", keys_action_name(action));
		buf_addc(b, '\n');
	}
}

char *
conf_keys(void)
{
	struct buf	b = BUF_INIT;

	conf_dump_keys(&b);
	return buf_detach(&b, NULL);
}

char *
conf_dump(void)
{
	const struct settings_colour	*c;
	struct buf			 b = BUF_INIT;
	char				*v, fg[16], bg[16];
	int				 i, bit;

	for (i = 0; i < SET_COUNT; i++) {
		v = settings_text((enum setting)i);
		buf_printf(&b, "set %s ", settings_name((enum setting)i));
		conf_quote(&b, v);
		buf_addc(&b, '\n');
		free(v);
	}
	for (i = 0; i < SETTINGS_NELEMENTS; i++) {
		c = settings_colour((enum settings_element)i);
		buf_printf(&b, "color %s %s %s",
		    settings_element_name((enum settings_element)i),
		    settings_colour_name(c->fg, fg),
		    settings_colour_name(c->bg, bg));
		for (bit = 1; bit <= SETTINGS_ITALIC; bit <<= 1)
			if (c->attrs & bit)
				buf_printf(&b, " %s", settings_attr_name(bit));
		buf_addc(&b, '\n');
	}
	conf_dump_keys(&b);
	return buf_detach(&b, NULL);
}

void
conf_fetch_opts(struct fetch_opts *o)
{
	fetch_opts_default(o);
	o->connect_timeout = settings_int(SET_CONNECT_TIMEOUT);
	o->timeout = settings_int(SET_TIMEOUT);
	o->stall_time = settings_int(SET_STALL_TIME);
	o->max_size = (size_t)settings_int(SET_MAX_SIZE);
	o->max_redirects = settings_int(SET_MAX_REDIRS);
}
