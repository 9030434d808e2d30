/* feed_parse.c: a test driver: parses feeds as an HTTP response would
 * hand them over (a Content-Type and a base URL) and prints everything
 * the model holds as JSON, for tests/feed-conformance.test.
 *
 *   feed_parse FILE [CONTENT-TYPE [BASE]]
 *   feed_parse -	reads "FILE TAB CONTENT-TYPE TAB BASE" lines (empty
 *			fields for none) and prints each result followed by
 *			a line "----".
 * A feed reel refuses prints {"error": "message"}. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>
#include <libxml/parser.h>

#include "feed.h"
#include "feed_read.h"
#include "feed_dump.h"
#include "util.h"

#define FEED_PARSE_MAX	(64UL * 1024 * 1024)

static int
feed_parse_one(const char *path, const char *type, const char *base)
{
	struct feed	*f;
	json_object	*o;
	char		*data, *cause;
	size_t		 len;
	int		 rc = 0;

	if (read_file(path, FEED_PARSE_MAX, &data, &len, &cause) != 0) {
		warnx_("%s", cause);
		free(cause);
		return 1;
	}
	if (feed_parse(data, len, type, base, &f, &cause) != 0) {
		if ((o = json_object_new_object()) == NULL ||
		    json_object_object_add(o, "error",
		    json_object_new_string(cause)) != 0)
			fatal("out of memory");
		puts(json_object_to_json_string_ext(o,
		    JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(o);
		free(cause);
	} else {
		if (feed_dump(stdout, f, FEED_DUMP_ALL) != 0)
			rc = 1;
		feed_free(f);
	}
	free(data);
	return rc;
}

/* The field after the n-th tab of line, NUL-terminated in place, or NULL
 * when empty or missing. */
static char *
feed_parse_field(char *line, int n)
{
	char	*p = line, *end;

	while (n-- > 0)
		if ((p = strchr(p, '\t')) == NULL)
			return NULL;
		else
			p++;
	if ((end = strchr(p, '\t')) != NULL)
		*end = '\0';
	return *p != '\0' ? p : NULL;
}

int
main(int argc, char **argv)
{
	char	*line = NULL, *type, *base;
	size_t	 cap = 0;
	ssize_t	 n;
	int	 rc = 0;

	xmlInitParser();
	if (argc >= 2 && strcmp(argv[1], "-") == 0) {
		while ((n = getline(&line, &cap, stdin)) > 0) {
			if (line[n - 1] == '\n')
				line[n - 1] = '\0';
			base = feed_parse_field(line, 2);
			type = feed_parse_field(line, 1);
			feed_parse_field(line, 0);
			rc |= feed_parse_one(line, type, base);
			puts("----");
			fflush(stdout);
		}
		free(line);
	} else if (argc >= 2 && argc <= 4)
		rc = feed_parse_one(argv[1], argc > 2 && *argv[2] != '\0' ?
		    argv[2] : NULL, argc > 3 ? argv[3] : NULL);
	else {
		fprintf(stderr, "usage: feed_parse FILE [TYPE [BASE]] | -\n");
		rc = 2;
	}
	xmlCleanupParser();
	return rc;
}
