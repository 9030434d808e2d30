/* sqlite_dl.c: SQLite opened with dlopen() by the first store_open() and
 * its functions resolved into one table (dl.c); reel is not linked with
 * -lsqlite3. */
#include <config.h>

#include <stddef.h>

#include "dl.h"
#include "sqlite_dl.h"
#include "util.h"

struct sqlite_dl sqlite_dl;

static const struct dl_sym sqlite_dl_syms[] = {
#define SYM(m)	{ "sqlite3_" #m, offsetof(struct sqlite_dl, m) }
	SYM(backup_finish),
	SYM(backup_init),
	SYM(backup_step),
	SYM(bind_int),
	SYM(bind_int64),
	SYM(bind_null),
	SYM(bind_text),
	SYM(bind_text64),
	SYM(busy_timeout),
	SYM(changes),
	SYM(clear_bindings),
	SYM(close),
	SYM(column_bytes),
	SYM(column_double),
	SYM(column_int),
	SYM(column_int64),
	SYM(column_text),
	SYM(column_type),
	SYM(db_readonly),
	SYM(db_release_memory),
	SYM(errcode),
	SYM(errmsg),
	SYM(exec),
	SYM(extended_errcode),
	SYM(finalize),
	SYM(free),
	SYM(get_autocommit),
	SYM(last_insert_rowid),
	SYM(open_v2),
	SYM(prepare_v2),
	SYM(prepare_v3),
	SYM(reset),
	SYM(step),
#undef SYM
};

/* The oldest SQLite configure accepts. */
static struct dl_lib sqlite_dl_lib = {
	SQLITE_DL_SONAME, "libsqlite3-0", "SQLite 3.31",
	sqlite_dl_syms, nitems(sqlite_dl_syms), &sqlite_dl, sizeof sqlite_dl,
	NULL
};

int
sqlite_dl_load_name(const char *name, char **cause)
{
	return dl_load(&sqlite_dl_lib, name, cause);
}

int
sqlite_dl_load(char **cause)
{
	return dl_load(&sqlite_dl_lib, NULL, cause);
}

int
sqlite_dl_loaded(void)
{
	return sqlite_dl_lib.handle != NULL;
}
