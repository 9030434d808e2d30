/* marks.h: bookmarking from the screens: what s and m do to the essay
 * shown, the tags typed at a prompt and completed from the library's,
 * and the words of a search the pager looks for. No curses. */
#ifndef REEL_MARKS_H
#define REEL_MARKS_H

#include <stddef.h>
#include <stdint.h>

struct buf;
struct doc;
struct store;
struct store_tag;

/* Splits a line of tags ("film, Noir essay") at commas and white space
 * into a NULL-terminated array, a tag that differs from one before it
 * only in case left out; *np says how many. Free with marks_tags_free(). */
char	**marks_tags_parse(const char *, size_t *);
void	  marks_tags_free(char **);
/* Joins n tags with ", " for a prompt to start from; allocated. */
char	 *marks_tags_join(char *const *, size_t);
/* Completes the last word of line from the n tags (case ignored): to the
 * whole tag and a ", " when one fits, to what all that fit share when
 * several do. Returns how many tags fit. */
size_t	  marks_complete(struct buf *, const struct store_tag *, size_t);

/* Returns the paragraph a quote at block b of d takes: b, or the first
 * block after it with text (a heading, a rule or an image with no alt
 * text is no quote); -1 when there is none. */
long	  marks_quote_block(const struct doc *, size_t);

/* Bookmarks essay doc as `reel bookmark add` does (no tags, no note).
 * Returns 0 for a new bookmark, 1 when it was one already, with its id
 * in *id; or -1 and *cause. */
int	  marks_save(struct store *, int64_t, int64_t *, char **);
/* Sets the tags (a line as marks_tags_parse() reads it) and the note
 * ("" removes it) of the bookmark of essay doc. Returns 0 or -1 and
 * *cause. */
int	  marks_edit(struct store *, int64_t, const char *, const char *,
	    char **);
/* Marks paragraph block of d, essay doc, as a quote of its bookmark
 * (bookmarking the essay first when it is none, *saved then 1), or
 * unmarks it when it is one. Returns 1 marked, 0 unmarked, or -1 and
 * *cause. */
int	  marks_quote(struct store *, int64_t, const struct doc *, size_t,
	    int *, char **);

/* Returns what the pager looks for to land on a search's first match:
 * the query's first phrase or word, without FTS5's operators and marks;
 * NULL when there is none. Allocated. */
char	 *marks_pattern(const char *);

#endif
