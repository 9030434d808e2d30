/* testserver.c: tests/httpd.py for the test programs that fetch. */
#include <config.h>

#include <sys/types.h>
#include <sys/wait.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testserver.h"
#include "util.h"

static pid_t	 testserver_pid = -1;
static int	 testserver_ports[3];
static char	 testserver_base_url[64];

int
testserver_start(int lifetime, const char *const *args)
{
	const char	*python = getenv("PYTHON3");
	const char	*srcdir = getenv("REEL_SRCDIR");
	const char	*argv[32];
	char		*script, life[16], line[128];
	FILE		*f;
	size_t		 n = 0;
	int		 fds[2], got;

	if (python == NULL || *python == '\0')
		python = "python3";
	if (srcdir == NULL || *srcdir == '\0')
		srcdir = ".";
	script = xprintf("%s/tests/httpd.py", srcdir);
	snprintf(life, sizeof life, "%d", lifetime);
	argv[n++] = python;
	argv[n++] = script;
	argv[n++] = "--lifetime";
	argv[n++] = life;
	while (args != NULL && *args != NULL && n < nitems(argv) - 1)
		argv[n++] = *args++;
	argv[n] = NULL;
	if (pipe(fds) != 0 || (testserver_pid = fork()) == -1) {
		perror("testserver");
		free(script);
		return -1;
	}
	if (testserver_pid == 0) {
		close(fds[0]);
		if (dup2(fds[1], STDOUT_FILENO) == -1)
			_exit(127);
		execvp(python, (char *const *)argv);
		_exit(127);
	}
	free(script);
	close(fds[1]);
	if ((f = fdopen(fds[0], "r")) == NULL) {
		close(fds[0]);
		testserver_stop();
		return -1;
	}
	got = fgets(line, sizeof line, f) == NULL ? 0 : sscanf(line,
	    "%d %d %d", &testserver_ports[0], &testserver_ports[1],
	    &testserver_ports[2]);
	fclose(f);
	if (got != 3) {
		fprintf(stderr, "the test server (tests/httpd.py) did not "
		    "start\n");
		testserver_stop();
		return -1;
	}
	snprintf(testserver_base_url, sizeof testserver_base_url,
	    "http://127.0.0.1:%d", testserver_ports[0]);
	return 0;
}

void
testserver_stop(void)
{
	if (testserver_pid > 0) {
		kill(testserver_pid, SIGTERM);
		waitpid(testserver_pid, NULL, 0);
		testserver_pid = -1;
	}
}

int
testserver_port(void)
{
	return testserver_ports[0];
}

int
testserver_tls_port(void)
{
	return testserver_ports[1];
}

int
testserver_hole_port(void)
{
	return testserver_ports[2];
}

const char *
testserver_base(void)
{
	return testserver_base_url;
}

char *
testserver_url(const char *path)
{
	return xprintf("%s%s", testserver_base_url, path);
}
