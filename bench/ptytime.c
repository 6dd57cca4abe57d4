/* ptytime: how long an interactive prompt takes to come up on a terminal and leave again.
 * Runs COMMAND on a new pseudo-terminal RUNS times; each time it waits for the text PROMPT
 * in the output, types the line INPUT (e.g. "os.exit(0)") and waits for the exit. Prints the median
 * wall time in milliseconds. `script` is no use for this: it adds fixed delays of 0.25-2 s.
 * Build: cc -O2 -o ptytime bench/ptytime.c -lutil
 * Run:   ptytime RUNS PROMPT INPUT COMMAND [ARGS...] */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* One run; returns its wall time in ms, or -1 (message on stderr) on failure. */
static double run_once(const char *prompt, const char *input, char **argv)
{
    int master;
    double t0 = now_ms();
    pid_t pid = forkpty(&master, NULL, NULL, NULL);
    if (pid < 0) { perror("ptytime: forkpty"); return -1; }
    if (pid == 0) {
        execvp(argv[0], argv);
        perror("ptytime: exec");
        _exit(127);
    }
    /* Keep the last bytes of output, enough to find the prompt across reads. */
    char seen[4096] = "";
    size_t used = 0;
    int typed = 0;
    for (;;) {
        struct pollfd p = { master, POLLIN, 0 };
        int r = poll(&p, 1, 10000);
        if (r == 0) { fprintf(stderr, "ptytime: %s: no exit within 10 s\n", argv[0]); kill(pid, SIGKILL); break; }
        if (r < 0 && errno == EINTR) continue;
        char buf[1024];
        ssize_t n = read(master, buf, sizeof buf);
        if (n <= 0) break; /* EIO: the child closed the terminal */
        if (typed) continue;
        if (used + n >= sizeof seen) { /* keep the tail */
            size_t keep = sizeof seen / 2;
            memmove(seen, seen + used - keep, keep);
            used = keep;
        }
        memcpy(seen + used, buf, n);
        used += n;
        seen[used] = '\0';
        if (strstr(seen, prompt)) {
            if (write(master, input, strlen(input)) < 0) perror("ptytime: write");
            typed = 1;
        }
    }
    int status;
    waitpid(pid, &status, 0);
    close(master);
    double t = now_ms() - t0;
    if (!typed) { fprintf(stderr, "ptytime: %s: the prompt \"%s\" never appeared\n", argv[0], prompt); return -1; }
    return t;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: ptytime RUNS PROMPT INPUT COMMAND [ARGS...]\n");
        return 2;
    }
    int runs = atoi(argv[1]);
    if (runs < 1) { fprintf(stderr, "ptytime: RUNS must be >= 1, got %s\n", argv[1]); return 2; }
    /* the line as typed, with its Enter */
    char input[256];
    snprintf(input, sizeof input, "%s\n", argv[3]);
    double *t = calloc(runs, sizeof *t);
    if (!t) return 2;
    for (int i = 0; i < runs; i++) {
        t[i] = run_once(argv[2], input, argv + 4);
        if (t[i] < 0) return 1;
    }
    qsort(t, runs, sizeof *t, cmp);
    printf("%.1f\n", t[runs / 2]);
    free(t);
    return 0;
}
