/* marks.c: bookmarking from the screens. The pager's s and m and the
 * bookmarks view's edits come here; so do the tags typed at a prompt,
 * split and completed, and the words a search result opens on. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "doc.h"
#include "marks.h"
#include "store.h"
#include "util.h"

/* What separates tags on a prompt's line. */
static int
marks_sep(char c)
{
	return c == ',' || c == ' ' || c == '\t';
}

char **
marks_tags_parse(const char *line, size_t *np)
{
	char		**v = NULL;
	size_t		 n = 0, cap = 0, len, i;
	const char	*s = line;
	int		 dup;

	while (*s != '\0') {
		while (*s != '\0' && marks_sep(*s))
			s++;
		for (len = 0; s[len] != '\0' && !marks_sep(s[len]); len++)
			;
		if (len == 0)
			break;
		for (dup = 0, i = 0; i < n && !dup; i++)
			dup = strlen(v[i]) == len &&
			    strncasecmp(v[i], s, len) == 0;
		if (!dup) {
			v = xgrowarray(v, &cap, n + 2, sizeof *v);
			v[n++] = xstrndup(s, len);
		}
		s += len;
	}
	v = xgrowarray(v, &cap, n + 1, sizeof *v);
	v[n] = NULL;
	*np = n;
	return v;
}

void
marks_tags_free(char **v)
{
	size_t	i;

	if (v == NULL)
		return;
	for (i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

char *
marks_tags_join(char *const *tags, size_t n)
{
	struct buf	b = BUF_INIT;
	size_t		i;

	buf_adds(&b, "");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : "", tags[i]);
	return buf_detach(&b, NULL);
}

size_t
marks_complete(struct buf *line, const struct store_tag *tags, size_t n)
{
	const char	*s = buf_str(line), *first = NULL;
	size_t		 start, wlen, i, fit = 0, common = 0, k;

	for (start = line->len; start > 0 && !marks_sep(s[start - 1]);
	    start--)
		;
	wlen = line->len - start;
	for (i = 0; i < n; i++) {
		if (strlen(tags[i].name) < wlen ||
		    strncasecmp(tags[i].name, s + start, wlen) != 0)
			continue;
		if (fit++ == 0) {
			first = tags[i].name;
			common = strlen(first);
			continue;
		}
		for (k = 0; k < common && (first[k] | 0x20) ==
		    (tags[i].name[k] | 0x20); k++)
			;
		common = k;
	}
	if (fit == 0)
		return 0;
	/* The tag's own spelling replaces what was typed. */
	line->len = start;
	buf_add(line, first, common);
	if (fit == 1)
		buf_adds(line, ", ");
	return fit;
}

long
marks_quote_block(const struct doc *d, size_t b)
{
	for (; b < d->nblocks; b++) {
		switch (d->blocks[b].type) {
		case DOC_HEADING:
		case DOC_RULE:
		case DOC_IMAGE:
			continue;
		default:
			break;
		}
		if (d->blocks[b].len > 0)
			return (long)b;
	}
	return -1;
}

int
marks_save(struct store *st, int64_t doc, int64_t *id, char **cause)
{
	struct store_bookmark_in	in;

	memset(&in, 0, sizeof in);
	return store_bookmark_put(st, doc, &in, id, cause);
}

int
marks_edit(struct store *st, int64_t doc, const char *tagline,
    const char *note, char **cause)
{
	struct store_bookmark_in	 in;
	char				**tags;
	size_t				 n;
	int				 rc;

	memset(&in, 0, sizeof in);
	tags = marks_tags_parse(tagline, &n);
	in.tags = (const char *const *)tags;
	in.note = note;
	rc = store_bookmark_put(st, doc, &in, NULL, cause);
	marks_tags_free(tags);
	return rc == -1 ? -1 : 0;
}

int
marks_quote(struct store *st, int64_t doc, const struct doc *d,
    size_t block, int *saved, char **cause)
{
	int64_t	id;
	int	rc;

	*saved = 0;
	if (block >= d->nblocks) {
		*cause = xstrdup(_("no paragraph to quote here"));
		return -1;
	}
	if ((rc = marks_save(st, doc, &id, cause)) == -1)
		return -1;
	*saved = rc == 0;
	if ((rc = store_quote_remove(st, id, block, cause)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	if (store_quote_add(st, id, block, d->blocks[block].text,
	    cause) == -1)
		return -1;
	return 1;
}

/* The FTS5 words that are operators, not words to find. */
static int
marks_operator(const char *s, size_t len)
{
	static const char	*const ops[] = { "AND", "OR", "NOT", "NEAR" };
	size_t			 i;

	for (i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (strlen(ops[i]) == len && strncmp(ops[i], s, len) == 0)
			return 1;
	return 0;
}

/* What FTS5 reads as syntax around a word. */
static int
marks_syntax(char c)
{
	return strchr("\"*()^:+-{}", c) != NULL;
}

char *
marks_pattern(const char *q)
{
	const char	*s = q, *e;
	size_t		 len;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '"' && (e = strchr(s + 1, '"')) != NULL && e > s + 1)
		return xstrndup(s + 1, (size_t)(e - s - 1));
	while (*s != '\0') {
		while (*s != '\0' && (*s == ' ' || *s == '\t' ||
		    marks_syntax(*s)))
			s++;
		for (len = 0; s[len] != '\0' && s[len] != ' ' &&
		    s[len] != '\t' && !marks_syntax(s[len]); len++)
			;
		if (len > 0 && !marks_operator(s, len))
			return xstrndup(s, len);
		s += len;
	}
	return NULL;
}
