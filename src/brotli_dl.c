/* brotli_dl.c: libbrotlidec opened with dlopen() by the first body in its
 * coding and its functions resolved into one table (dl.c); reel is not
 * linked with it. */
#include <config.h>

#include <stddef.h>

#include "dl.h"
#include "brotli_dl.h"
#include "util.h"

struct brotli_dl brotli_dl;

static const struct dl_sym brotli_dl_syms[] = {
#define SYM(name, m)	{ #name, offsetof(struct brotli_dl, m) }
	SYM(BrotliDecoderCreateInstance, create_instance),
	SYM(BrotliDecoderDecompressStream, decompress_stream),
	SYM(BrotliDecoderDestroyInstance, destroy_instance),
#undef SYM
};

/* The version reel is built and tested with (Debian 12's). */
static struct dl_lib brotli_dl_lib = {
	BROTLI_DL_SONAME, "libbrotli1", "brotli 1.0.9",
	brotli_dl_syms, nitems(brotli_dl_syms), &brotli_dl, sizeof brotli_dl,
	NULL
};

int
brotli_dl_load_name(const char *name, char **cause)
{
	return dl_load(&brotli_dl_lib, name, cause);
}

int
brotli_dl_load(char **cause)
{
	return dl_load(&brotli_dl_lib, NULL, cause);
}

int
brotli_dl_loaded(void)
{
	return brotli_dl_lib.handle != NULL;
}

void
brotli_dl_need(void)
{
	dl_need(&brotli_dl_lib);
}
