/*
 * A disk whose syncs are slow, for the end-to-end benchmark (bench/README.md, "Slow disk syncs").
 * Loaded with LD_PRELOAD, it makes every fsync and fdatasync of the process wait SLOW_SYNC_MS
 * milliseconds first, as a busy shared disk does. Measuring tool only; nothing ships with it.
 *
 *   gcc -shared -fPIC -O2 -Wall -o /tmp/libslowsync.so bench/slow-sync/slowsync.c -ldl
 *   LD_PRELOAD=/tmp/libslowsync.so SLOW_SYNC_MS=30 bash bench/run.sh --skip-memory
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>

static void wait_as_a_slow_disk(void) {
    const char *ms = getenv("SLOW_SYNC_MS");
    if (ms != NULL) {
        usleep((useconds_t) atoi(ms) * 1000);
    }
}

/* Waits, then calls the C library's own function, looked up once into *real. */
static int slowly(int (**real)(int), const char *name, int fd) {
    if (*real == NULL) {
        *real = (int (*)(int)) dlsym(RTLD_NEXT, name);
    }
    wait_as_a_slow_disk();
    return (*real)(fd);
}

int fsync(int fd) {
    static int (*real)(int);
    return slowly(&real, "fsync", fd);
}

int fdatasync(int fd) {
    static int (*real)(int);
    return slowly(&real, "fdatasync", fd);
}
