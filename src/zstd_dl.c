/* zstd_dl.c: libzstd opened with dlopen() by the first body in its
 * coding and its functions resolved into one table (dl.c); reel is not
 * linked with it. */
#include <config.h>

#include <stddef.h>

#include "dl.h"
#include "zstd_dl.h"
#include "util.h"

struct zstd_dl zstd_dl;

static const struct dl_sym zstd_dl_syms[] = {
#define SYM(name, m)	{ #name, offsetof(struct zstd_dl, m) }
	SYM(ZSTD_createDStream, create_dstream),
	SYM(ZSTD_initDStream, init_dstream),
	SYM(ZSTD_decompressStream, decompress_stream),
	SYM(ZSTD_freeDStream, free_dstream),
	SYM(ZSTD_isError, is_error),
#undef SYM
};

/* The version reel is built and tested with (Debian 12's). */
static struct dl_lib zstd_dl_lib = {
	ZSTD_DL_SONAME, "libzstd1", "zstd 1.5.4",
	zstd_dl_syms, nitems(zstd_dl_syms), &zstd_dl, sizeof zstd_dl,
	NULL
};

int
zstd_dl_load_name(const char *name, char **cause)
{
	return dl_load(&zstd_dl_lib, name, cause);
}

int
zstd_dl_load(char **cause)
{
	return dl_load(&zstd_dl_lib, NULL, cause);
}

int
zstd_dl_loaded(void)
{
	return zstd_dl_lib.handle != NULL;
}

void
zstd_dl_need(void)
{
	dl_need(&zstd_dl_lib);
}
