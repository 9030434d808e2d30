/* testserver.h: tests/httpd.py, a real HTTP server on 127.0.0.1, started
 * by a test program and stopped by it. */
#ifndef REEL_TESTSERVER_H
#define REEL_TESTSERVER_H

/* Starts tests/httpd.py (found under $REEL_SRCDIR, run by $PYTHON3) on
 * free ports, to live at most lifetime seconds, with the further
 * arguments in args (NULL-terminated, or NULL for none). Waits for its
 * line of ports. Returns 0, or -1 with a message on standard error. One
 * server at a time. */
int		 testserver_start(int lifetime, const char *const *args);
/* Stops the server (and waits for it); harmless when none runs. */
void		 testserver_stop(void);
/* The plain HTTP port, the TLS port (0 without --cert) and a port whose
 * accept queue is full. */
int		 testserver_port(void);
int		 testserver_tls_port(void);
int		 testserver_hole_port(void);
/* "http://127.0.0.1:PORT", owned here. */
const char	*testserver_base(void);
/* base + path; the caller frees it. */
char		*testserver_url(const char *path);

#endif
