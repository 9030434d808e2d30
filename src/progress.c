/* progress.c: a progress bar on one line of a terminal, redrawn in place
 * with a carriage return, what was longer before blanked. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "progress.h"
#include "width.h"

void
progress_init(struct progress *p, FILE *f, int on)
{
	memset(p, 0, sizeof *p);
	p->f = f;
	p->on = on;
}

void
progress_draw(struct progress *p, size_t done, size_t total,
    const char *text)
{
	struct buf	 b = BUF_INIT;
	size_t		 i, fill, w;

	if (!p->on)
		return;
	if (done > total)
		done = total;
	fill = total > 0 ? done * PROGRESS_WIDTH / total : PROGRESS_WIDTH;
	buf_addc(&b, '[');
	for (i = 0; i < PROGRESS_WIDTH; i++)
		buf_addc(&b, i < fill ? '#' : '.');
	buf_addc(&b, ']');
	buf_adds(&b, text);
	if (p->last != NULL && strcmp(p->last, buf_str(&b)) == 0) {
		buf_free(&b);
		return;
	}
	w = width_str(buf_str(&b), b.len);
	fputc('\r', p->f);
	fputs(buf_str(&b), p->f);
	for (i = w; i < p->shown; i++)
		fputc(' ', p->f);
	fflush(p->f);
	if (w > p->shown)
		p->shown = w;
	free(p->last);
	p->last = buf_detach(&b, NULL);
}

void
progress_clear(struct progress *p)
{
	size_t	i;

	if (!p->on || p->shown == 0)
		return;
	fputc('\r', p->f);
	for (i = 0; i < p->shown; i++)
		fputc(' ', p->f);
	fputc('\r', p->f);
	fflush(p->f);
	p->shown = 0;
	free(p->last);
	p->last = NULL;
}

void
progress_end(struct progress *p)
{
	progress_clear(p);
	free(p->last);
	p->last = NULL;
}
