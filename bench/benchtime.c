/* benchtime.c: the benchmarks' clocks and medians. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "benchtime.h"

static double
bench_ms(clockid_t clock)
{
	struct timespec	ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double
bench_now(void)
{
	return bench_ms(CLOCK_MONOTONIC);
}

double
bench_cpu(void)
{
	return bench_ms(CLOCK_PROCESS_CPUTIME_ID);
}

void
bench_start(struct bench_runs *r)
{
	r->wall0 = bench_now();
	r->cpu0 = bench_cpu();
}

void
bench_stop(struct bench_runs *r)
{
	if (r->n >= BENCH_MAX_RUNS)
		return;
	r->wall[r->n] = bench_now() - r->wall0;
	r->cpu[r->n++] = bench_cpu() - r->cpu0;
}

static int
bench_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

double
bench_median(double *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, bench_cmp);
	return v[n / 2];
}

void
bench_print(const char *what, struct bench_runs *r)
{
	double	wall, cpu;

	if (r->n == 0)
		return;
	wall = bench_median(r->wall, r->n);
	cpu = bench_median(r->cpu, r->n);
	printf("  %-44s %8.3f ms median (CPU %7.3f), %8.3f worst\n", what,
	    wall, cpu, r->wall[r->n - 1]);
	r->n = 0;
}
