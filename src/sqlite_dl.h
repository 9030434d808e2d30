/* sqlite_dl.h: SQLite loaded at run time, when the library is first
 * opened, so that a run that only reads a page (`reel dump FILE`) never
 * maps it. */
#ifndef REEL_SQLITE_DL_H
#define REEL_SQLITE_DL_H

#include <sqlite3.h>

/* The name sqlite_dl_load() opens. */
#define SQLITE_DL_SONAME	"libsqlite3.so.0"

/* The SQLite functions store.c calls, each with the type sqlite3.h
 * declares. Filled by sqlite_dl_load(); every member is NULL before. */
struct sqlite_dl {
	__typeof__(sqlite3_backup_finish)	*backup_finish;
	__typeof__(sqlite3_backup_init)	*backup_init;
	__typeof__(sqlite3_backup_step)	*backup_step;
	__typeof__(sqlite3_bind_int)	*bind_int;
	__typeof__(sqlite3_bind_int64)	*bind_int64;
	__typeof__(sqlite3_bind_null)	*bind_null;
	__typeof__(sqlite3_bind_text)	*bind_text;
	__typeof__(sqlite3_bind_text64)	*bind_text64;
	__typeof__(sqlite3_busy_timeout)	*busy_timeout;
	__typeof__(sqlite3_changes)	*changes;
	__typeof__(sqlite3_clear_bindings)	*clear_bindings;
	__typeof__(sqlite3_close)	*close;
	__typeof__(sqlite3_column_bytes)	*column_bytes;
	__typeof__(sqlite3_column_double)	*column_double;
	__typeof__(sqlite3_column_int)	*column_int;
	__typeof__(sqlite3_column_int64)	*column_int64;
	__typeof__(sqlite3_column_text)	*column_text;
	__typeof__(sqlite3_column_type)	*column_type;
	__typeof__(sqlite3_db_readonly)	*db_readonly;
	__typeof__(sqlite3_db_release_memory)	*db_release_memory;
	__typeof__(sqlite3_errcode)	*errcode;
	__typeof__(sqlite3_errmsg)	*errmsg;
	__typeof__(sqlite3_exec)	*exec;
	__typeof__(sqlite3_extended_errcode)	*extended_errcode;
	__typeof__(sqlite3_finalize)	*finalize;
	__typeof__(sqlite3_free)	*free;
	__typeof__(sqlite3_get_autocommit)	*get_autocommit;
	__typeof__(sqlite3_last_insert_rowid)	*last_insert_rowid;
	__typeof__(sqlite3_open_v2)	*open_v2;
	__typeof__(sqlite3_prepare_v2)	*prepare_v2;
	__typeof__(sqlite3_prepare_v3)	*prepare_v3;
	__typeof__(sqlite3_reset)	*reset;
	__typeof__(sqlite3_step)	*step;
};

/* The table: call through it (sqlite_dl.step()) only after
 * sqlite_dl_load() returned 0. */
extern struct sqlite_dl sqlite_dl;

/* Loads SQLITE_DL_SONAME and fills the table, once. Returns 0, or -1 and
 * an allocated one-line message in *cause naming the library and what
 * was wrong. */
int	sqlite_dl_load(char **);
/* sqlite_dl_load() with another library name: for the tests. */
int	sqlite_dl_load_name(const char *, char **);
/* Whether the table is filled. */
int	sqlite_dl_loaded(void);

#endif
