/* curl_dl.h: libcurl loaded at run time, on the first URL, so that a run
 * that reads a local file never maps libcurl and its TLS, Kerberos and
 * LDAP libraries (the dynamic loader's work was most of reel's start-up). */
#ifndef REEL_CURL_DL_H
#define REEL_CURL_DL_H

#include <curl/curl.h>

/* The name curl_dl_load() opens: the soname of libcurl 7.x and 8.x. */
#define CURL_DL_SONAME	"libcurl.so.4"

/* The libcurl functions reel calls, each with the type curl.h declares
 * (__typeof__ of the declaration, so a mismatch cannot compile). Filled
 * by curl_dl_load(); every member is NULL before. */
struct curl_dl {
	__typeof__(curl_global_init)		*global_init;
	__typeof__(curl_global_cleanup)		*global_cleanup;
	__typeof__(curl_easy_init)		*easy_init;
	__typeof__(curl_easy_cleanup)		*easy_cleanup;
	__typeof__(curl_easy_setopt)		*easy_setopt;
	__typeof__(curl_easy_getinfo)		*easy_getinfo;
	__typeof__(curl_easy_perform)		*easy_perform;
	__typeof__(curl_easy_header)		*easy_header;
	__typeof__(curl_easy_strerror)		*easy_strerror;
	__typeof__(curl_slist_append)		*slist_append;
	__typeof__(curl_slist_free_all)		*slist_free_all;
	__typeof__(curl_multi_init)		*multi_init;
	__typeof__(curl_multi_cleanup)		*multi_cleanup;
	__typeof__(curl_multi_setopt)		*multi_setopt;
	__typeof__(curl_multi_add_handle)	*multi_add_handle;
	__typeof__(curl_multi_remove_handle)	*multi_remove_handle;
	__typeof__(curl_multi_perform)		*multi_perform;
	__typeof__(curl_multi_poll)		*multi_poll;
	__typeof__(curl_multi_info_read)	*multi_info_read;
	__typeof__(curl_multi_strerror)		*multi_strerror;
};

/* The table: call through it (curl_dl.easy_init()) only after
 * curl_dl_load() returned 0. */
extern struct curl_dl curl_dl;

/* Loads CURL_DL_SONAME and resolves the table, once; later calls return 0
 * at once. Returns 0, or -1 and an allocated one-line message in *cause
 * naming the library and what was wrong (the table is left empty). */
int	curl_dl_load(char **);
/* curl_dl_load() with another library name: for the tests. */
int	curl_dl_load_name(const char *, char **);
/* Whether the table is filled. */
int	curl_dl_loaded(void);

#endif
