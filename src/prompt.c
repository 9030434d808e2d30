/* prompt.c: the line typed at the bottom of a library list: characters
 * in, the last one out, Enter or Escape to end it. */
#include <config.h>

#include <string.h>

#include "buf.h"
#include "keys.h"
#include "prompt.h"
#include "util.h"

/* The longest line kept: a filter or a tag, not a paragraph. */
#define PROMPT_MAX	256

void
prompt_open(struct prompt *p, int kind, const char *initial)
{
	buf_init(&p->text);
	buf_adds(&p->text, initial != NULL ? initial : "");
	p->kind = kind;
}

/* Takes the last character (not its last byte) off the line. */
static void
prompt_backspace(struct prompt *p)
{
	size_t	len = p->text.len;

	while (len > 0 && ((unsigned char)p->text.data[len - 1] & 0xc0) ==
	    0x80)
		len--;
	if (len > 0)
		len--;
	p->text.len = len;
	p->text.data[len] = '\0';
}

int
prompt_key(struct prompt *p, int key)
{
	char	u[4];

	switch (key) {
	case KEYC_ENTER:
		return PROMPT_DONE;
	case KEYC_ESCAPE:
	case 0x07:		/* Ctrl-G */
		return PROMPT_CANCEL;
	case KEYC_BSPACE:
		if (p->text.len == 0)
			return PROMPT_CANCEL;
		prompt_backspace(p);
		return PROMPT_EDIT;
	case 0x15:		/* Ctrl-U */
		buf_reset(&p->text);
		buf_adds(&p->text, "");
		return PROMPT_EDIT;
	}
	/* Control characters, keys with no character, and surrogates (no
	 * character of their own) are not text. */
	if (key < 0x20 || key == 0x7f || (key >= 0x80 && key < 0xa0) ||
	    key >= KEYC_BASE || (key >= 0xd800 && key <= 0xdfff))
		return PROMPT_EDIT;
	if (p->text.len + 4 > PROMPT_MAX)
		return PROMPT_EDIT;
	buf_add(&p->text, u, utf8_encode((unsigned int)key, u));
	return PROMPT_EDIT;
}

const char *
prompt_text(const struct prompt *p)
{
	return p->text.data != NULL ? p->text.data : "";
}

void
prompt_free(struct prompt *p)
{
	buf_free(&p->text);
	p->kind = 0;
}
