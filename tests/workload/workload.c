/*
 * workload.c - loopback socket workload generator for tuiports benchmarks and
 * soak tests.  Usage and the "ready" line are described in README.md.
 *
 * One process group, led by the parent:
 *   parent    creates two listeners per worker (127.0.0.1:0 and [::1]:0), forks
 *             the workers, closes the listeners (it then holds no sockets),
 *             prints "ready", spawns short-lived kids (-k); at the end it
 *             SIGTERMs the group and reaps everything.
 *   worker i  keeps its own listeners, connects to worker i+1 and accepts from
 *             worker i-1 (so a connection's two ends are in different
 *             processes), binds UDP sockets, opens some non-socket fds, and
 *             churns its client connections (-c).
 *   sharer    every 5th worker forks one that keeps about half of the worker's
 *             sockets open: two holders, like a pre-fork server.
 *   kid       lives 0.2-1 s; half of them bind UDP and/or connect to a worker.
 * Children die with their parent (PR_SET_PDEATHSIG) and by alarm() at most
 * GRACE_S seconds after the lifetime, so nothing outlives a crashed parent.
 * Short guards are written on one line: `if (fd < 0) return;`.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BACKLOG          4096
#define MAX_INFLIGHT     64     /* connects in progress per worker during setup */
#define SETUP_TIMEOUT_MS 60000  /* after this a worker reports what it has */
#define IDLE_MS          3000   /* ... or after no accept for this long */
#define FD_OVERHEAD      32     /* stdio, epoll, pipes, /dev/null, tmp file, slack */
#define FD_CAP           (1 << 20)
#define GRACE_S          5      /* children outlive -t by at most this much */

/* What a worker knows about each of its fds (indexed by fd number). */
enum { K_NONE, K_OTHER, K_LISTEN, K_UDP, K_CONNECTING, K_CLIENT, K_ACCEPTED };
#define IS_SOCKET(k) ((k) >= K_LISTEN)

/* Worker -> parent reports, 24 bytes so that each write() to the pipe is atomic.
 * MSG_READY: a = sockets held, b = processes (1, or 2 with a sharer).
 * MSG_CHURN: a = connections churned since the last report. */
enum { MSG_READY, MSG_CHURN };
struct msg { int32_t type, worker; int64_t a, b; };

static long n_sock, n_proc, lifetime = 60, conn_churn, proc_churn, fd_limit;
static int quiet, has_v6 = 1;          /* has_v6: index 1 of lis[].fd/port is in use */
static struct { int fd[2]; unsigned short port[2]; } *lis;  /* per worker, [0] = IPv4 */
static int report_fd = -1;             /* pipe: write end in workers, read end in parent */
static pid_t parent_pid;
static uint32_t rnd_state = 1;
static volatile sig_atomic_t got_term, got_chld;

static struct {                        /* this worker's state */
	int idx, ep, full, warned;
	long nconn;                        /* number of client connection slots */
	int *cli;                          /* slot -> fd, -1 if empty */
	unsigned char *shared;             /* slot -> also held by the sharer: never churned */
	unsigned char *kind;               /* fd -> K_* */
	int *slot;                         /* fd -> slot, for client fds */
	long nsock, accepted, inflight;    /* sockets held, accepted so far, connects pending */
} W;

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static uint32_t rnd(void)              /* xorshift32, seeded per process */
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	return rnd_state ^= rnd_state << 5;
}

/* Fill *ss with 127.0.0.1:port or [::1]:port; returns the address length. */
static socklen_t loopback(struct sockaddr_storage *ss, int v6, unsigned short port)
{
	struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
	memset(ss, 0, sizeof *ss);
	ss->ss_family = v6 ? AF_INET6 : AF_INET;
	a4->sin_port = htons(port);        /* same offset as sin6_port */
	if (v6) a6->sin6_addr = in6addr_loopback;
	else a4->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return v6 ? sizeof *a6 : sizeof *a4;
}

static unsigned short local_port(int fd)
{
	struct sockaddr_storage ss = { 0 };
	socklen_t len = sizeof ss;
	getsockname(fd, (struct sockaddr *)&ss, &len);
	return ntohs(((struct sockaddr_in *)&ss)->sin_port);  /* same offset in _in6 */
}

/* Worker i's budget B: 2 listeners + B/10 UDP + C client ends + the ends it
 * accepts from worker i-1 (C as well, give or take one). */
static long budget(long i)     { return n_sock / n_proc + (i < n_sock % n_proc); }
static long udp_count(long i)  { return budget(i) / 10; }
static long conn_count(long i) { long c = (budget(i) - 2 - udp_count(i)) / 2; return c > 0 ? c : 0; }

/* Start of every child: default signal handling, die with the parent, bounded
 * life.  (RLIMIT_NOFILE was raised by the parent and is inherited.) */
static void child_setup(pid_t expected_parent, unsigned life_s)
{
	sigset_t none;
	int sigs[] = { SIGTERM, SIGINT, SIGHUP, SIGCHLD };
	for (int j = 0; j < 4; j++) signal(sigs[j], SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);  /* a SIGTERM pending since fork() ends us here */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != expected_parent) _exit(0);  /* the parent died before prctl() */
	alarm(life_s);                          /* SIGALRM's default action ends the process */
	rnd_state = (uint32_t)getpid() * 2654435761u | 1;
}

/* ---------------------------------------------------------------- worker */

/* Record a new fd; register it with epoll if events != 0. */
static void track(int fd, int kind, uint32_t events)
{
	struct epoll_event ev = { .events = events, .data.fd = fd };
	W.kind[fd] = kind;
	W.nsock += IS_SOCKET(kind);
	if (events) epoll_ctl(W.ep, EPOLL_CTL_ADD, fd, &ev);
}

/* Forget and close an fd.  EPOLL_CTL_DEL must come first: epoll keys on the
 * open file, which the sharer may still hold, so close() alone would leave the
 * registration alive, reporting events for a dead fd number. */
static void drop(int fd)
{
	epoll_ctl(W.ep, EPOLL_CTL_DEL, fd, NULL);
	if (W.kind[fd] == K_CLIENT || W.kind[fd] == K_CONNECTING) W.cli[W.slot[fd]] = -1;
	W.inflight -= W.kind[fd] == K_CONNECTING;
	W.nsock -= IS_SOCKET(W.kind[fd]);
	W.kind[fd] = K_NONE;
	close(fd);
}

/* A socket()/bind()/connect()/accept() failed (errno set).  Running out of fds,
 * memory or ports stops all further creation (the listeners leave epoll, so
 * queued connections cannot make it spin); anything else (ECONNREFUSED, ...)
 * is reported once per worker and skipped. */
static void failed(const char *what)
{
	int e = errno;
	if (e != EMFILE && e != ENFILE && e != ENOBUFS && e != ENOMEM && e != EADDRNOTAVAIL) {
		if (!W.warned++) warn("worker %d: %s (further such errors not reported)", W.idx, what);
	} else if (!W.full) {
		W.full = 1;
		warn("worker %d: %s (%ld sockets held); creating no more", W.idx, what, W.nsock);
		for (int v6 = 0; v6 <= has_v6; v6++)
			epoll_ctl(W.ep, EPOLL_CTL_DEL, lis[W.idx].fd[v6], NULL);
	}
}

/* Open client connection `slot` to the next worker's listener, every 4th one
 * over IPv6.  Non-blocking; connected() sees the outcome. */
static void start_connect(long slot)
{
	int v6 = has_v6 && slot % 4 == 3, fd;
	struct sockaddr_storage ss;
	socklen_t len = loopback(&ss, v6, lis[(W.idx + 1) % n_proc].port[v6]);
	if (W.full) return;
	if ((fd = socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK, 0)) < 0) {
		failed("socket");
	} else if (connect(fd, (struct sockaddr *)&ss, len) < 0 && errno != EINPROGRESS
	           && errno != EINTR) {    /* after EINTR the connect still completes */
		failed("connect");
		close(fd);
	} else {
		W.cli[slot] = fd;
		W.slot[fd] = slot;
		W.shared[slot] = 0;
		track(fd, K_CONNECTING, EPOLLOUT);
		W.inflight++;
	}
}

static void connected(int fd)
{
	struct epoll_event ev = { .events = EPOLLRDHUP, .data.fd = fd };
	int err = 0;
	socklen_t len = sizeof err;
	getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
	if (err) {                         /* the slot stays empty until churn reuses it */
		errno = err;
		failed("connect");
		drop(fd);
		return;
	}
	W.kind[fd] = K_CLIENT;
	W.inflight--;
	epoll_ctl(W.ep, EPOLL_CTL_MOD, fd, &ev);  /* from now on only the peer closing matters */
}

static void accept_all(int lfd)
{
	while (!W.full) {
		int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
		if (fd >= 0) {
			track(fd, K_ACCEPTED, EPOLLRDHUP);
			W.accepted++;
		} else if (errno != EINTR && errno != ECONNABORTED) {
			if (errno != EAGAIN) failed("accept");
			return;
		}
	}
}

/* Wait up to timeout_ms (-1: forever) and handle what happened. */
static void wait_events(int timeout_ms)
{
	struct epoll_event ev[256];
	int n = epoll_wait(W.ep, ev, 256, timeout_ms);
	for (int j = 0; j < n; j++) {
		int fd = ev[j].data.fd;
		switch (W.kind[fd]) {
		case K_LISTEN:     accept_all(fd); break;
		case K_CONNECTING: connected(fd); break;
		case K_CLIENT:     /* only EPOLLRDHUP/HUP/ERR are asked for: the peer closed */
		case K_ACCEPTED:   drop(fd); break;
		}
	}
}

/* Bind `count` UDP sockets to 127.0.0.1:0 (every 4th to [::1]:0); connect() a
 * few IPv4 ones to the first one, so connected UDP shows up too. */
static void make_udp(long count)
{
	struct sockaddr_storage first, ss;
	socklen_t flen = 0;
	for (long j = 0; j < count && !W.full; j++) {
		socklen_t len = loopback(&ss, has_v6 && j % 4 == 3, 0);
		int fd = socket(ss.ss_family, SOCK_DGRAM | SOCK_NONBLOCK, 0);
		if (fd < 0 || bind(fd, (struct sockaddr *)&ss, len) < 0) {
			failed("UDP socket");
			if (fd >= 0) close(fd);
			return;
		}
		track(fd, K_UDP, 0);
		if (j == 0) flen = loopback(&first, 0, local_port(fd));
		else if (j <= 4 && ss.ss_family == AF_INET) connect(fd, (struct sockaddr *)&first, flen);
	}
}

/* A few non-socket fds: 3x /dev/null, a pipe, an unlinked file in /tmp. */
static void make_other_fds(void)
{
	char tmp[] = "/tmp/workload.XXXXXX";
	int fd[6] = { open("/dev/null", O_RDWR), open("/dev/null", O_WRONLY),
	              open("/dev/null", O_RDONLY), -1, -1, mkstemp(tmp) };
	if (fd[5] >= 0) unlink(tmp);
	if (pipe(fd + 3) < 0) fd[3] = fd[4] = -1;
	for (int j = 0; j < 6; j++)
		if (fd[j] >= 0) track(fd[j], K_OTHER, 0);
}

/* Fork a child that keeps the worker's even-numbered socket fds (about half,
 * listeners included), closes the odd ones and sleeps, closing its copy of a
 * connection when the peer closes it.  Returns 1 if the child was forked. */
static int fork_sharer(void)
{
	pid_t worker = getpid(), pid = fork();
	if (pid < 0) warn("worker %d: fork", W.idx);
	if (pid != 0) {                    /* worker: do not churn what the sharer holds */
		for (long s = 0; pid > 0 && s < W.nconn; s++)
			W.shared[s] = W.cli[s] >= 0 && W.cli[s] % 2 == 0;
		return pid > 0;
	}
	child_setup(worker, lifetime + GRACE_S);
	close(report_fd);
	close(W.ep);                       /* the worker's epoll instance is not ours to use */
	int ep = epoll_create1(0);         /* cannot hit EMFILE: two fds were just freed */
	for (int fd = 0; fd < fd_limit; fd++) {
		struct epoll_event ev = { .events = EPOLLRDHUP, .data.fd = fd };
		if (IS_SOCKET(W.kind[fd]) && fd % 2) close(fd);
		else if (W.kind[fd] == K_CLIENT || W.kind[fd] == K_ACCEPTED)
			epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
	}
	for (;;) {
		struct epoll_event ev[64];
		int n = epoll_wait(ep, ev, 64, -1);
		if (n < 0 && errno != EINTR) pause();  /* never spin */
		for (int j = 0; j < n; j++) {
			epoll_ctl(ep, EPOLL_CTL_DEL, ev[j].data.fd, NULL);
			close(ev[j].data.fd);
		}
	}
}

static void send_msg(int type, long a, long b)
{
	struct msg m = { type, W.idx, a, b };
	while (write(report_fd, &m, sizeof m) < 0 && errno == EINTR)
		;
}

static void __attribute__((noreturn)) worker_main(int idx)
{
	W.idx = idx;
	W.nconn = conn_count(idx);
	for (long j = 0; j < n_proc; j++)  /* keep only our own listeners */
		for (int v6 = 0; v6 <= has_v6; v6++)
			if (j != idx) close(lis[j].fd[v6]);
	W.kind = calloc(fd_limit, 1);
	W.slot = calloc(fd_limit, sizeof *W.slot);
	W.cli = malloc((W.nconn + 1) * sizeof *W.cli);
	W.shared = calloc(W.nconn + 1, 1);
	if ((W.ep = epoll_create1(0)) < 0 || !W.kind || !W.slot || !W.cli || !W.shared)
		err(1, "worker %d: setup", idx);
	for (long s = 0; s < W.nconn; s++) W.cli[s] = -1;
	W.kind[W.ep] = W.kind[report_fd] = K_OTHER;
	for (int v6 = 0; v6 <= has_v6; v6++) {
		fcntl(lis[idx].fd[v6], F_SETFL, O_NONBLOCK);
		track(lis[idx].fd[v6], K_LISTEN, EPOLLIN);
	}
	make_other_fds();
	make_udp(udp_count(idx));

	/* Setup: connect to the next worker with a bounded number in flight, while
	 * accepting the previous worker's connections so no backlog fills up.
	 * Done when our connects are and the previous worker's have been accepted,
	 * or (if it stopped early, e.g. on EMFILE) nothing came for IDLE_MS. */
	long expect = conn_count((idx + n_proc - 1) % n_proc), next = 0, seen = -1;
	int64_t t0 = now_ms(), last_accept = t0;
	for (;;) {
		while (next < W.nconn && W.inflight < MAX_INFLIGHT && !W.full) start_connect(next++);
		int64_t t = now_ms();
		if (W.accepted != seen) seen = W.accepted, last_accept = t;
		int ours_done = (next >= W.nconn || W.full) && !W.inflight;
		if (ours_done && (W.accepted >= expect || W.full)) break;
		if ((ours_done && t - last_accept > IDLE_MS) || t - t0 > SETUP_TIMEOUT_MS) {
			warnx("worker %d: going on with %ld sockets; accepted %ld of %ld connections",
			      idx, W.nsock, W.accepted, expect);
			break;
		}
		wait_events(100);
	}
	int procs = 1 + (idx % 5 == 0 && fork_sharer());
	send_msg(MSG_READY, W.nsock, procs);

	/* Steady state: sleep in epoll (CPU ~0).  With -c, this worker's share of
	 * the rate accrues as credit; one unit = close one unshared client
	 * connection and open a new one to the same neighbour, which accepts it. */
	double rate = (double)conn_churn / n_proc, credit = 0;
	int tick = rate <= 0 ? -1 : rate > 20 ? 50 : rate < 1 ? 1000 : (int)(1000 / rate);
	int64_t last = now_ms(), next_report = last + 1000;
	long cursor = 0, unsent = 0;
	for (;;) {
		wait_events(tick);
		int64_t t = now_ms();
		credit += rate * (double)(t - last) / 1000.0;
		last = t;
		for (long tries = 0; credit >= 1 && tries < W.nconn; tries++) {
			long s = cursor++ % W.nconn;
			if (W.shared[s]) continue;
			if (W.cli[s] >= 0) drop(W.cli[s]);
			start_connect(s);
			unsent++;
			credit--;
		}
		if (unsent && t >= next_report) {  /* at most one report a second */
			send_msg(MSG_CHURN, unsent, 0);
			unsent = 0;
			next_report = t + 1000;
		}
	}
}

/* ---------------------------------------------------------------- kid (-k) */

static void __attribute__((noreturn)) kid_main(void)
{
	struct sockaddr_storage ss;
	child_setup(parent_pid, 3);
	close(report_fd);
	uint32_t r = rnd() % 6;            /* 0-2: no socket, 3: UDP, 4: TCP, 5: both */
	int udp = r == 3 || r == 5 ? socket(AF_INET, SOCK_DGRAM, 0) : -1;
	int tcp = r >= 4 ? socket(AF_INET, SOCK_STREAM, 0) : -1;
	if (udp >= 0 && bind(udp, (struct sockaddr *)&ss, loopback(&ss, 0, 0)) < 0) close(udp);
	if (tcp >= 0 && connect(tcp, (struct sockaddr *)&ss,  /* blocking; the worker accepts */
	                        loopback(&ss, 0, lis[rnd() % n_proc].port[0])) < 0)
		close(tcp);
	struct timespec ts = { 0, (200 + rnd() % 800) * 1000000L };
	nanosleep(&ts, NULL);
	_exit(0);
}

/* ---------------------------------------------------------------- parent */

static void on_signal(int sig)
{
	*(sig == SIGCHLD ? &got_chld : &got_term) = 1;
}

static long number(const char *s, char opt, long min, long max)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		errx(2, "-%c must be a number from %ld to %ld", opt, min, max);
	return v;
}

/* A TCP listener on 127.0.0.1:0 or [::1]:0.  If the first IPv6 one fails, the
 * program goes on with IPv4 only. */
static int listener(int v6, long idx)
{
	struct sockaddr_storage ss;
	socklen_t len = loopback(&ss, v6, 0);
	int one = 1, fd = socket(ss.ss_family, SOCK_STREAM, 0);
	if (fd >= 0 && (!v6 || setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one) == 0) &&
	    bind(fd, (struct sockaddr *)&ss, len) == 0 && listen(fd, BACKLOG) == 0)
		return fd;
	if (!v6 || idx > 0) err(1, "listener on %s", v6 ? "[::1]" : "127.0.0.1");
	warn("no IPv6 loopback, using 127.0.0.1 only");
	if (fd >= 0) close(fd);
	has_v6 = 0;
	return -1;
}

/* Parent after forking: collect reports, print "ready" and then a status line
 * every 10 s, spawn kids; until the lifetime ends or a signal arrives.
 * Signals are blocked except inside ppoll(), so none is missed. */
static int parent_loop(int64_t start, pid_t *workers, sigset_t *unblocked)
{
	int64_t end = start + lifetime * 1000, next_status = 0;
	double next_spawn = 0;
	long nready = 0, sockets = 0, procs = 1, churned = 0, spawned = 0, last_c = 0, last_s = 0;
	char *reported = calloc(n_proc, 1);  /* worker -> ready (or dead) */
	struct pollfd pf = { report_fd, POLLIN, 0 };
	int ready = 0;
	if (!reported) err(1, "calloc");
	while (!got_term && now_ms() < end) {
		int64_t now = now_ms(), wake = end;
		if (ready && !quiet && next_status < wake) wake = next_status;
		if (ready && proc_churn && (int64_t)next_spawn < wake) wake = (int64_t)next_spawn;
		int64_t ms = wake > now ? wake - now : 0;
		struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };
		if (ppoll(&pf, 1, &ts, unblocked) > 0) {
			struct msg m[64];          /* writes are atomic, so reads hold whole messages */
			ssize_t r = read(report_fd, m, sizeof m);
			if (r == 0) pf.fd = -1;    /* all writers gone: stop polling the pipe */
			for (ssize_t j = 0; j < r / (ssize_t)sizeof *m; j++) {
				int w = m[j].worker;
				if (m[j].type == MSG_CHURN) {
					churned += m[j].a;
				} else if (!reported[w]) {
					reported[w] = 1;
					nready++;
					sockets += m[j].a;
					procs += m[j].b;
				}
			}
		}
		pid_t pid;                     /* reap (SIGCHLD woke us); a dead worker counts as ready */
		for (got_chld = 0; (pid = waitpid(-1, NULL, WNOHANG)) > 0;)
			for (long i = 0; i < n_proc; i++)
				if (workers[i] == pid) {
					warnx("worker %ld (pid %d) exited unexpectedly", i, (int)pid);
					workers[i] = 0;
					nready += !reported[i];
					reported[i] = 1;
				}
		now = now_ms();
		if (!ready && nready >= n_proc) {
			ready = 1;
			printf("ready sockets=%ld processes=%ld pid=%d\n", sockets, procs, (int)parent_pid);
			fflush(stdout);
			next_status = now + 10000;
			next_spawn = (double)now;
		}
		if (ready && proc_churn) {
			if (next_spawn < (double)now - 1000) next_spawn = (double)now;  /* no bursts */
			for (; next_spawn <= (double)now; next_spawn += 1000.0 / proc_churn) {
				if ((pid = fork()) == 0) kid_main();
				spawned += pid > 0;
			}
		}
		if (ready && !quiet && now >= next_status) {
			fprintf(stderr, "status elapsed=%lds conns_churned=%ld (+%ld) procs_spawned=%ld (+%ld)\n",
			        (long)((now - start) / 1000), churned, churned - last_c, spawned, spawned - last_s);
			last_c = churned;
			last_s = spawned;
			next_status += 10000;
		}
	}
	if (!ready && !got_term) warnx("lifetime expired before all workers were ready");
	return ready || got_term;
}

int main(int argc, char **argv)
{
	int64_t start = now_ms();          /* -t counts from here */
	int opt, bad = 0, ok = 0;
	setvbuf(stderr, NULL, _IOLBF, 0);  /* one write per line: workers share stderr */
	while ((opt = getopt(argc, argv, "n:p:t:c:k:q")) != -1) {
		switch (opt) {
		case 'n': n_sock = number(optarg, 'n', 1, 10000000); break;
		case 'p': n_proc = number(optarg, 'p', 1, 4096); break;
		case 't': lifetime = number(optarg, 't', 1, 3600); break;
		case 'c': conn_churn = number(optarg, 'c', 0, 100000); break;
		case 'k': proc_churn = number(optarg, 'k', 0, 1000); break;
		case 'q': quiet = 1; break;
		default: bad = 1;
		}
	}
	if (bad || optind != argc || !n_sock || !n_proc)
		errx(2, "usage: workload -n SOCKETS -p PROCS [-t SECONDS] "
		     "[-c CONN_CHURN_PER_SEC] [-k PROC_CHURN_PER_SEC] [-q]");
	if (n_sock < 4 * n_proc)
		errx(2, "-n must be at least 4 per process (-n %ld -p %ld)", n_sock, n_proc);
	close_range(3, ~0U, 0);            /* inherited fds would distort the fd counts */

	/* Raise the soft fd limit to the hard one, then check the budgets fit. */
	struct rlimit rl;
	getrlimit(RLIMIT_NOFILE, &rl);
	rl.rlim_cur = rl.rlim_max > FD_CAP ? FD_CAP : rl.rlim_max;
	if (setrlimit(RLIMIT_NOFILE, &rl) < 0) warn("setrlimit(RLIMIT_NOFILE)");
	getrlimit(RLIMIT_NOFILE, &rl);
	fd_limit = rl.rlim_cur > FD_CAP ? FD_CAP : (long)rl.rlim_cur;
	long per_worker = (n_sock + n_proc - 1) / n_proc + FD_OVERHEAD, room = fd_limit - FD_OVERHEAD;
	if (per_worker > fd_limit || 2 * n_proc + FD_OVERHEAD > fd_limit)
		errx(2, "-n %ld over -p %ld needs %ld fds per process but RLIMIT_NOFILE is %ld; "
		     "use -p %ld or more", n_sock, n_proc, per_worker, fd_limit,
		     room > 0 ? (n_sock + room - 1) / room : 0);

	/* Lead a process group (to kill it as a whole), adopt orphaned sharers
	 * (to reap them), and take signals only inside ppoll(). */
	setpgid(0, 0);
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	parent_pid = getpid();
	sigset_t blocked, unblocked;
	struct sigaction sa = { .sa_handler = on_signal };  /* no SA_RESTART */
	int sigs[] = { SIGTERM, SIGINT, SIGHUP, SIGCHLD }, pfd[2];
	sigemptyset(&blocked);
	for (int j = 0; j < 4; j++) {
		sigaction(sigs[j], &sa, NULL);
		sigaddset(&blocked, sigs[j]);
	}
	sigprocmask(SIG_BLOCK, &blocked, &unblocked);

	lis = calloc(n_proc, sizeof *lis);
	pid_t *workers = calloc(n_proc, sizeof *workers);
	if (!lis || !workers || pipe(pfd) < 0) err(1, "setup");
	for (long i = 0; i < n_proc; i++)
		for (int v6 = 0; v6 <= has_v6; v6++)
			if ((lis[i].fd[v6] = listener(v6, i)) >= 0)
				lis[i].port[v6] = local_port(lis[i].fd[v6]);
	long nworkers = 0;
	for (; nworkers < n_proc; nworkers++) {
		if ((workers[nworkers] = fork()) == 0) {
			child_setup(parent_pid, lifetime + GRACE_S);
			close(pfd[0]);
			report_fd = pfd[1];
			worker_main(nworkers);
		}
		if (workers[nworkers] < 0) {
			warn("fork");
			break;
		}
	}
	for (long i = 0; i < n_proc; i++)  /* the parent holds no sockets from here on */
		for (int v6 = 0; v6 <= has_v6; v6++) close(lis[i].fd[v6]);
	close(pfd[1]);
	report_fd = pfd[0];
	if (nworkers == n_proc)            /* else fork failed: shut down what we have */
		ok = parent_loop(start, workers, &unblocked);

	/* Shutdown: SIGTERM the whole group (children run with default handlers;
	 * ours stays blocked), then reap everything, adopted orphans included. */
	if (getpgrp() == getpid()) kill(0, SIGTERM);
	else
		for (long i = 0; i < nworkers; i++) if (workers[i] > 0) kill(workers[i], SIGTERM);
	alarm(10);                         /* safety net; PDEATHSIG takes the rest down */
	while (waitpid(-1, NULL, 0) > 0 || errno == EINTR)
		;
	return ok ? 0 : 1;
}
