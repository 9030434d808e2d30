/* benchtime.h: what the library's benchmarks measure with: wall-clock
 * and CPU time in milliseconds, runs of one measure, their median. */
#ifndef REEL_BENCHTIME_H
#define REEL_BENCHTIME_H

#include <stddef.h>

/* The most runs one measure keeps. */
#define BENCH_MAX_RUNS	1000

/* Milliseconds on a clock that only goes forward. */
double	bench_now(void);
/* The process's CPU time in milliseconds: what a loaded machine does not
 * inflate. */
double	bench_cpu(void);

/* The runs of one measure: wall-clock and CPU time of each. */
struct bench_runs {
	double	wall[BENCH_MAX_RUNS];
	double	cpu[BENCH_MAX_RUNS];
	size_t	n;
	double	wall0, cpu0;
};

void	bench_start(struct bench_runs *);
void	bench_stop(struct bench_runs *);
/* Prints the medians and the worst wall-clock time of the runs under
 * the name what, and empties them. */
void	bench_print(const char *, struct bench_runs *);
/* Sorts the n values and returns their median. */
double	bench_median(double *, size_t);

#endif
