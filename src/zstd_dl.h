/* zstd_dl.h: libzstd loaded at run time, by the first body that comes
 * in that coding, so that a run that fetches nothing never maps it. */
#ifndef REEL_ZSTD_DL_H
#define REEL_ZSTD_DL_H

#include <zstd.h>

/* The name zstd_dl_load() opens. */
#define ZSTD_DL_SONAME	"libzstd.so.1"

/* The functions decode.c calls, each with the type the header declares.
 * Filled by zstd_dl_load(); every member is NULL before. */
struct zstd_dl {
	__typeof__(ZSTD_createDStream)	*create_dstream;
	__typeof__(ZSTD_initDStream)	*init_dstream;
	__typeof__(ZSTD_decompressStream)	*decompress_stream;
	__typeof__(ZSTD_freeDStream)	*free_dstream;
	__typeof__(ZSTD_isError)	*is_error;
};

/* The table: call through it (zstd_dl.create_dstream()) only after
 * zstd_dl_need() or zstd_dl_load(). */
extern struct zstd_dl zstd_dl;

/* Loads ZSTD_DL_SONAME and fills the table, once. Returns 0, or -1 and
 * an allocated one-line message in *cause naming the library and what
 * was wrong. */
int	zstd_dl_load(char **);
/* zstd_dl_load() with another library name: for the tests. */
int	zstd_dl_load_name(const char *, char **);
/* Whether the table is filled. */
int	zstd_dl_loaded(void);
/* Loads the library or ends reel with that message (fatal()): for
 * callers with no error to return. */
void	zstd_dl_need(void);

#endif
