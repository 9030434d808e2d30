/* feed_read.c: a feed read in whichever format it is (XML: feed_xml.c; JSON
 * Feed: feed_json.c), told by its first byte and its media type. */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "feed.h"
#include "feed_build.h"
#include "feed_read.h"
#include "fetch.h"
#include "sanitize.h"
#include "text.h"
#include "url.h"
#include "util.h"

/*
 * The charset parameter of a Content-Type, lower case, or NULL. Read
 * more loosely than fetch_content_type() reads it: feeds come from
 * servers that write "charset = x" and "charset='x'".
 */
static char *
feed_charset(const char *ct)
{
	struct buf	 out = BUF_INIT;
	const char	*p;

	for (p = strchr(ct, ';'); p != NULL; p = strchr(p, ';')) {
		p++;
		p += strspn(p, " \t");
		if (strncasecmp(p, "charset", 7) != 0)
			continue;
		p += 7;
		p += strspn(p, " \t");
		if (*p != '=')
			continue;
		p++;
		p += strspn(p, " \t\"'");
		for (; *p != '\0' && strchr(" \t;\"'", *p) == NULL; p++)
			buf_addc(&out, ascii_lower((unsigned char)*p));
		break;
	}
	if (out.len == 0) {
		buf_free(&out);
		return NULL;
	}
	return buf_detach(&out, NULL);
}

/* Is the media type a JSON one? */
static int
feed_json_type(const char *type)
{
	size_t	n = strlen(type);

	return (n >= 5 && (strcmp(type + n - 5, "/json") == 0 ||
	    strcmp(type + n - 5, "+json") == 0));
}

int
feed_parse(const char *data, size_t len, const char *content_type,
    const char *url, struct feed **fp, char **cause)
{
	char		*type = NULL, *charset = NULL, *msg;
	const char	*name = url != NULL ? url_name(url) : _("the feed");
	size_t		 start;
	int		 rc;

	*fp = NULL;
	*cause = NULL;
	if (text_trim(data, len, TEXT_HTML, &start) == 0) {
		msg = xprintf(_("%s: empty document, not a feed"), name);
		*cause = sanitize(msg, strlen(msg), 0);
		free(msg);
		return -1;
	}
	if (content_type != NULL) {
		fetch_content_type(content_type, &type, &msg);
		free(msg);
		charset = feed_charset(content_type);
	}
	/* The first byte says more than a server's type. */
	if (data[start] == '{' || (type != NULL && feed_json_type(type) &&
	    data[start] != '<'))
		rc = feed_json_parse(data, len, url, fp, cause);
	else
		rc = feed_xml_parse(data, len, type, charset, url, fp, cause);
	if (rc == 0 && (*fp)->nitems > 0)
		feed_trim_item(&(*fp)->items[(*fp)->nitems - 1]);
	free(type);
	free(charset);
	return rc;
}
