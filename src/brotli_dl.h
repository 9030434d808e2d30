/* brotli_dl.h: libbrotlidec loaded at run time, by the first body that comes
 * in that coding, so that a run that fetches nothing never maps it. */
#ifndef REEL_BROTLI_DL_H
#define REEL_BROTLI_DL_H

#include <brotli/decode.h>

/* The name brotli_dl_load() opens. */
#define BROTLI_DL_SONAME	"libbrotlidec.so.1"

/* The functions decode.c calls, each with the type the header declares.
 * Filled by brotli_dl_load(); every member is NULL before. */
struct brotli_dl {
	__typeof__(BrotliDecoderCreateInstance)	*create_instance;
	__typeof__(BrotliDecoderDecompressStream)	*decompress_stream;
	__typeof__(BrotliDecoderDestroyInstance)	*destroy_instance;
};

/* The table: call through it (brotli_dl.create_instance()) only after
 * brotli_dl_need() or brotli_dl_load(). */
extern struct brotli_dl brotli_dl;

/* Loads BROTLI_DL_SONAME and fills the table, once. Returns 0, or -1 and
 * an allocated one-line message in *cause naming the library and what
 * was wrong. */
int	brotli_dl_load(char **);
/* brotli_dl_load() with another library name: for the tests. */
int	brotli_dl_load_name(const char *, char **);
/* Whether the table is filled. */
int	brotli_dl_loaded(void);
/* Loads the library or ends reel with that message (fatal()): for
 * callers with no error to return. */
void	brotli_dl_need(void);

#endif
