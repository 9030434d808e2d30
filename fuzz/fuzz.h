/* fuzz.h: what the libFuzzer targets share. */
#ifndef REEL_FUZZ_H
#define REEL_FUZZ_H

struct doc;
struct feed;

/* Renders d in every dump format at cols columns and aborts unless each
 * output is what sanitize() lets through in preformatted text: valid
 * UTF-8, no control character but newline and tab, no C1 control, no
 * bidi override. */
void	fuzz_render_all(const struct doc *, int);
/* Aborts unless every string of f is clean and every URL in it a web or
 * mailto URL. */
void	fuzz_feed_check(const struct feed *);
/* Aborts unless u (NULL is fine) is a clean http, https or mailto URL. */
void	fuzz_url(const char *);

#endif
