/* extract_meta.c: prints the metadata reel extracts from HTML files, one
 * JSON object a line, for the quality test and benchmark. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include <json-c/json.h>

#include "doc.h"
#include "pipeline.h"
#include "util.h"

static void
put(json_object *o, const char *key, const char *value)
{
	json_object_object_add(o, key, value != NULL ?
	    json_object_new_string(value) : NULL);
}

int
main(int argc, char **argv)
{
	struct doc	*d;
	json_object	*o;
	char		*data, *cause = NULL;
	size_t		 len;
	int		 i, rc = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: extract_meta FILE...\n");
		return 2;
	}
	for (i = 1; i < argc; i++) {
		d = NULL;
		if (read_file(argv[i], 64 * 1024 * 1024, &data, &len,
		    &cause) == 0) {
			d = pipeline_page(data, len, "text/html", NULL, argv[i],
			    &cause);
			free(data);
		}
		if (d == NULL) {
			fprintf(stderr, "extract_meta: %s\n", cause);
			free(cause);
			cause = NULL;
			rc = 1;
			continue;
		}
		o = json_object_new_object();
		put(o, "file", argv[i]);
		put(o, "title", d->title);
		put(o, "byline", d->byline);
		put(o, "siteName", d->site);
		put(o, "publishedTime", d->published);
		put(o, "lang", d->lang);
		put(o, "dir", d->dir);
		put(o, "excerpt", d->excerpt);
		put(o, "image", d->image);
		puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
		json_object_put(o);
		doc_free(d);
	}
	return rc;
}
