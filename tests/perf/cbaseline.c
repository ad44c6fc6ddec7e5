/*
 * The C baseline of the performance goals: the same full map tuiports --once builds, done as plainly and as
 * fast as C allows in one process. Reads /proc/net/{tcp,tcp6,udp,udp6}, walks every /proc/<pid>/fd once with
 * readlinkat, joins socket inodes to (pid, fd) and prints one line per socket (to /dev/null in the benchmark).
 * Build: gcc -O2 -o cbaseline cbaseline.c
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct { unsigned long inode; int pid, fd; } holder;

static holder *holders;
static size_t nholders, capholders;

static int cmp_holder(const void *a, const void *b) {
    unsigned long x = ((const holder *)a)->inode, y = ((const holder *)b)->inode;
    return x < y ? -1 : x > y;
}

static void walk_fds(int pid) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/fd", pid);
    DIR *dir = opendir(path);
    if (!dir) return;
    int dfd = dirfd(dir);
    struct dirent *e;
    char target[64];
    while ((e = readdir(dir))) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
        ssize_t n = readlinkat(dfd, e->d_name, target, sizeof target - 1);
        if (n <= 8 || memcmp(target, "socket:[", 8) != 0) continue;
        target[n] = 0;
        if (nholders == capholders) {
            capholders = capholders ? capholders * 2 : 4096;
            holders = realloc(holders, capholders * sizeof *holders);
        }
        holders[nholders++] = (holder){ strtoul(target + 8, NULL, 10), pid, atoi(e->d_name) };
    }
    closedir(dir);
}

static void print_table(const char *name) {
    char path[64], line[512];
    snprintf(path, sizeof path, "/proc/net/%s", name);
    FILE *f = fopen(path, "r");
    if (!f) return;
    static char buf[1 << 20];
    setvbuf(f, buf, _IOFBF, sizeof buf);
    if (!fgets(line, sizeof line, f)) { fclose(f); return; }
    while (fgets(line, sizeof line, f)) {
        char local[64], remote[64];
        unsigned st, uid;
        unsigned long inode;
        if (sscanf(line, "%*d: %63s %63s %x %*s %*s %*s %u %*u %lu", local, remote, &st, &uid, &inode) != 5) continue;
        holder key = { inode, 0, 0 };
        holder *h = bsearch(&key, holders, nholders, sizeof *holders, cmp_holder);
        while (h && h > holders && h[-1].inode == inode) h--;
        printf("%s %s %s %02X %u %lu", name, local, remote, st, uid, inode);
        for (; h && h < holders + nholders && h->inode == inode; h++) printf(" pid=%d,fd=%d", h->pid, h->fd);
        putchar('\n');
    }
    fclose(f);
}

int main(void) {
    DIR *proc = opendir("/proc");
    struct dirent *e;
    while ((e = readdir(proc)))
        if (e->d_name[0] >= '1' && e->d_name[0] <= '9') walk_fds(atoi(e->d_name));
    closedir(proc);
    qsort(holders, nholders, sizeof *holders, cmp_holder);
    const char *tables[] = { "tcp", "tcp6", "udp", "udp6" };
    for (int i = 0; i < 4; i++) print_table(tables[i]);
    return 0;
}
