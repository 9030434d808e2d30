/* fuzz_conf.c: libFuzzer target: any text read as a configuration file
 * gives errors, never a crash, and whatever it set dumps as lines that
 * read back without an error as the same configuration. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "keys.h"
#include "settings.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char	*text, *errors, *first, *second;

	text = xstrndup((const char *)data, len);
	/* An include would read the machine's files. */
	if (strstr(text, "include") != NULL) {
		free(text);
		return 0;
	}
	settings_reset();
	keys_reset();
	conf_parse("fuzz", text, &errors);
	free(errors);
	first = conf_dump();
	settings_reset();
	keys_reset();
	if (conf_parse("dump", first, &errors) != 0)
		abort();
	second = conf_dump();
	if (strcmp(first, second) != 0)
		abort();
	free(first);
	free(second);
	free(text);
	return 0;
}
