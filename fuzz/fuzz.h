/* fuzz.h: what the libFuzzer targets share. */
#ifndef REEL_FUZZ_H
#define REEL_FUZZ_H

struct doc;

/* Renders d in every dump format at cols columns and aborts unless each
 * output is what sanitize() lets through in preformatted text: valid
 * UTF-8, no control character but newline and tab, no C1 control, no
 * bidi override. */
void	fuzz_render_all(const struct doc *, int);

#endif
