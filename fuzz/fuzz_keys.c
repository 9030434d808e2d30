/* fuzz_keys.c: libFuzzer target: the bytes after an Escape, read as
 * term_escape() reads them, never make a key outside keys.h, and every
 * sequence keys_escape() knows is read whole; a key name that
 * keys_find() takes comes back from keys_name() as the same key. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"

#define FUZZ_ESC_MAX	32		/* as TUI_ESC_MAX */

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Every known sequence: each proper prefix needs more, the whole is
 * done. Checked on bytes the table cannot reach otherwise. */
static void
fuzz_keys_known(const char *seq, size_t len)
{
	size_t	i;

	if (keys_escape(seq, len) == -1)
		return;
	for (i = 0; i < len; i++)
		if (keys_escape_more(seq, i) != KEYS_ESC_MORE)
			abort();
	if (keys_escape_more(seq, len) != KEYS_ESC_DONE)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char	*seq, *name, out[16];
	size_t	 n = 0, i;
	int	 more, key;

	/* An exact copy, so ASan sees any read past len. */
	seq = malloc(len > 0 ? len : 1);
	if (seq == NULL)
		abort();
	memcpy(seq, data, len);
	fuzz_keys_known(seq, len);
	key = keys_escape(seq, len);
	if (key != -1 && (key < KEYC_BASE || key > KEYC_LAST))
		abort();
	more = keys_escape_more(seq, len);
	if (more != KEYS_ESC_MORE && more != KEYS_ESC_DONE &&
	    more != KEYS_ESC_NONE)
		abort();

	/* The reader's loop: bytes outside 0x20-0x7e end it. */
	while ((more = keys_escape_more(seq, n)) == KEYS_ESC_MORE) {
		if (n == FUZZ_ESC_MAX || n == len)
			break;
		if (data[n] < 0x20 || data[n] > 0x7e)
			break;
		n++;
	}
	if (n > FUZZ_ESC_MAX)
		abort();
	if (more == KEYS_ESC_DONE) {
		key = keys_escape(seq, n);
		if (key != -1 && (key < KEYC_BASE || key > KEYC_LAST))
			abort();
		/* Done is final: nothing read before said so. */
		for (i = 0; i < n; i++)
			if (keys_escape_more(seq, i) != KEYS_ESC_MORE)
				abort();
	}
	free(seq);

	/* The same bytes as a key name, as `bind` reads it. */
	if ((name = malloc(len + 1)) == NULL)
		abort();
	memcpy(name, data, len);
	name[len] = '\0';
	if ((key = keys_find(name)) != -1) {
		memset(out, 'X', sizeof out);
		keys_name(key, out);
		if (memchr(out, '\0', 16) == NULL || keys_find(out) != key)
			abort();
	}
	free(name);
	return 0;
}
