/* Memory faults: runs nianbao in-process (host/main.c as nb_main) and fails each allocation
 * in turn, N = 1, 2, ... until the run completes. Each run must end in success with the
 * reference output, or in exit code 2/3 with a message on standard error; an existing output
 * file must stay byte-identical with no file left beside it; and nothing may leak (as many
 * live blocks after the run as before it). A crash is reported with its N.
 *
 * Speed: instead of restarting the program for every N (quadratic), one run goes through
 * and forks at each allocation; the child fails that allocation and carries on to the end,
 * where it checks itself; the parent waits, then lets the allocation succeed and goes on.
 *
 * The allocator replaces malloc/calloc/realloc/free for the whole process (Lua, libc and
 * every library) by interposition, so the program under test is unchanged and normal builds
 * pay nothing. It cannot share a process with AddressSanitizer's allocator, so this test is
 * not built with NB_SANITIZE.
 * Usage: failalloc [--once STRIDE] OUTDIR COMMAND ARGS...  (the word OUT in ARGS stands for OUTDIR/out.txt) */
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { HANG_SECONDS = 60 }; /* per failing run: only a hang takes this long */

int nb_main(int argc, char **argv);

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);

static int forking;      /* in the parent's run: fork at every allocation */
static int is_child;     /* this process had allocation `failed_at` fail */
static long counted;     /* allocations since the run started */
static long failed_at;
static long live;        /* blocks allocated and not yet freed */
static off_t stdout_before_fork; /* what the parent had already written to fd 1 */
static long crashes, problems, outcomes[4];
static int judging;       /* the run is over: the checks may allocate */
static int once;          /* the child fails one allocation only, not every later one too */
static long stride = 1;   /* fork at every stride-th allocation */

static double forks_cpu; /* seconds of the parent's CPU time spent forking and waiting */

static char out_path[4096], stdout_path[4096], stderr_path[4096];
static int report_fd = 2; /* the real standard error, kept while fds 1 and 2 go to files */
static const char OLD[] = "an existing output file, to be kept on failure\n";

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0 && write(report_fd, buf, (size_t)n >= sizeof buf ? sizeof buf - 1 : (size_t)n) < 0)
        _exit(99);
}

/* Files are handled with system calls only, so no allocation is counted. */
static void put_file(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || write(fd, data, len) != (ssize_t)len || close(fd) != 0)
        _exit(97);
}

static void redirect(int target, const char *path)
{
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || dup2(fd, target) < 0 || close(fd) != 0)
        _exit(96);
}

/* The parent's side of allocation n: fork, wait for the child, tally its verdict. */
static int fork_and_fail(void)
{
    fflush(NULL);
    /* a child shares the offsets of open files (the data file being read...): keep them */
    enum { FDS = 256 };
    off_t offsets[FDS];
    for (int fd = 0; fd < FDS; fd++)
        offsets[fd] = lseek(fd, 0, SEEK_CUR);
    off_t off = offsets[1];
    /* and the output file as the parent has it now, as the child may replace it */
    static char kept[1 << 20];
    ssize_t kept_len = -1;
    int kfd = open(out_path, O_RDONLY);
    if (kfd >= 0) {
        kept_len = read(kfd, kept, sizeof kept);
        close(kfd);
    }
    pid_t pid = fork();
    if (pid == 0) {
        forking = 0;
        is_child = 1;
        failed_at = counted;
        stdout_before_fork = off;
        char path[4200];
        snprintf(path, sizeof path, "%s.child", stdout_path);
        redirect(1, path);
        snprintf(path, sizeof path, "%s.child", stderr_path);
        redirect(2, path);
        /* a bound that only catches a hang (a run takes milliseconds): the child ends by
         * SIGALRM and is reported as a crash, instead of the test waiting for ctest's timeout */
        alarm(HANG_SECONDS);
        return 1;
    }
    int status;
    if (pid < 0 || waitpid(pid, &status, 0) != pid) {
        say("fork failed at allocation %ld\n", counted);
        _exit(2);
    }
    if (WIFSIGNALED(status)) {
        crashes++;
        say("CRASH: signal %d%s when allocation %ld failed\n", WTERMSIG(status),
            WTERMSIG(status) == SIGALRM ? " (still running after the hang bound)" : "", counted);
    } else if (WEXITSTATUS(status) >= 4) {
        problems++;
    } else {
        outcomes[WEXITSTATUS(status)]++;
    }
    for (int fd = 0; fd < FDS; fd++)
        if (offsets[fd] >= 0)
            lseek(fd, offsets[fd], SEEK_SET);
    if (kept_len >= 0)
        put_file(out_path, kept, (size_t)kept_len);
    else
        unlink(out_path);
    return 0;
}

static double seconds(struct timespec t) { return (double)t.tv_sec + (double)t.tv_nsec / 1e9; }

/* clock(), as the program under test calls it for its CPU-time limits (the HTML parse's,
 * host/html.c): the process's CPU time without what the parent spent in fork_and_fail.
 * Each fork costs the parent about a millisecond of system time, and a parse that
 * allocates thousands of times would otherwise pass its 4 s limit in the forking run
 * alone, under load, and fail a run that has no fault in it. A child's own CPU time
 * starts at zero and needs no correction. */
clock_t clock(void)
{
    struct timespec t;
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) != 0)
        return (clock_t)-1;
    double own = seconds(t) - forks_cpu;
    return (clock_t)(own * CLOCKS_PER_SEC);
}

/* fork_and_fail, its CPU time kept out of clock() */
static int fork_and_fail_timed(void)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    if (fork_and_fail())
        return 1; /* the child */
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    forks_cpu += seconds(t1) - seconds(t0);
    return 0;
}

static int fail_now(void)
{
    counted++;
    if (is_child)
        return !once && !judging; /* out of memory for good, or only this once */
    return forking && (counted - 1) % stride == 0 && fork_and_fail_timed();
}

void *malloc(size_t n)
{
    if (fail_now())
        return NULL;
    void *p = __libc_malloc(n);
    live += p != NULL;
    return p;
}

void *calloc(size_t n, size_t size)
{
    if (fail_now())
        return NULL;
    void *p = __libc_calloc(n, size);
    live += p != NULL;
    return p;
}

void *realloc(void *old, size_t n)
{
    if (!old)
        return malloc(n);
    if (n == 0) {
        free(old);
        return NULL;
    }
    if (fail_now())
        return NULL;
    return __libc_realloc(old, n);
}

void free(void *p)
{
    live -= p != NULL;
    __libc_free(p);
}

/* ---------- checks ---------- */

/* Whole file into a buffer from __libc_malloc (not counted as live); NULL if absent. */
static char *slurp(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = __libc_malloc(cap);
    ssize_t k;
    while ((k = read(fd, buf + n, cap - n)) > 0) {
        n += (size_t)k;
        if (n == cap)
            buf = __libc_realloc(buf, cap *= 2);
    }
    close(fd);
    *len = n;
    return buf;
}

static int same_content(const char *path, const char *data, size_t len)
{
    size_t n;
    char *got = slurp(path, &n);
    int same = got && n == len && memcmp(got, data, len) == 0;
    __libc_free(got);
    return same;
}

static int entries_in(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    if (!d)
        return -1;
    for (struct dirent *e; (e = readdir(d));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

typedef struct {
    const char *dir;
    int writes_out;
    char *ref_stdout, *ref_out;
    size_t ref_stdout_len, ref_out_len;
} expectations;

/* The verdict on a run that ended with `code`, `leaked` blocks; NULL when all is well. */
static const char *judge(const expectations *x, int code, long leaked, off_t stdout_skip,
                         const char *out_file, const char *err_file)
{
    struct stat st;
    if (leaked != 0)
        return "leaked";
    if (code != 0 && code != 2 && code != 3)
        return "exit code other than 0, 2 or 3";
    if (code != 0 && !(stat(err_file, &st) == 0 && st.st_size > 0))
        return "failed without a message";
    if (code == 0 && (size_t)stdout_skip <= x->ref_stdout_len &&
        !same_content(out_file, x->ref_stdout + stdout_skip, x->ref_stdout_len - (size_t)stdout_skip))
        return "succeeded with a different standard output";
    if (x->writes_out) {
        if (code == 0 && !same_content(out_path, x->ref_out, x->ref_out_len))
            return "succeeded with a different output file";
        if (code != 0 && !same_content(out_path, OLD, sizeof OLD - 1))
            return "failed and changed the existing output file";
        if (entries_in(x->dir) != 1)
            return "left a file behind in the output folder";
    }
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc > 2 && strcmp(argv[1], "--once") == 0) {
        once = 1;
        stride = atol(argv[2]) > 0 ? atol(argv[2]) : 1;
        argv += 2;
        argc -= 2;
    }
    if (argc < 3) {
        fprintf(stderr, "usage: failalloc [--once STRIDE] OUTDIR COMMAND ARGS... (OUT stands for OUTDIR/out.txt)\n");
        return 2;
    }
    expectations x = {argv[1], 0, NULL, NULL, 0, 0};
    mkdir(x.dir, 0755);
    snprintf(out_path, sizeof out_path, "%s/out.txt", x.dir);
    snprintf(stdout_path, sizeof stdout_path, "%s.stdout", x.dir);
    snprintf(stderr_path, sizeof stderr_path, "%s.stderr", x.dir);
    int nargc = argc - 1;
    char **nargv = __libc_calloc((size_t)nargc + 1, sizeof *nargv);
    nargv[0] = "nianbao";
    for (int i = 2; i < argc; i++) {
        x.writes_out |= strcmp(argv[i], "OUT") == 0;
        nargv[i - 1] = strcmp(argv[i], "OUT") == 0 ? out_path : argv[i];
    }
    report_fd = dup(2);

    /* reference runs without failures (two, so libc's one-time caches exist) */
    long before = 0, allocations = 0;
    for (int i = 0; i < 2; i++) {
        put_file(out_path, OLD, sizeof OLD - 1);
        redirect(1, stdout_path);
        redirect(2, stderr_path);
        before = live;
        counted = 0;
        int code = nb_main(nargc, nargv);
        fflush(NULL);
        allocations = counted;
        if (code != 0 || (i == 1 && live != before)) {
            say("the reference run failed: exit %d, %ld blocks leaked\n", code, live - before);
            return 1;
        }
    }
    x.ref_stdout = slurp(stdout_path, &x.ref_stdout_len);
    if (x.writes_out)
        x.ref_out = slurp(out_path, &x.ref_out_len);

    /* the forking run */
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    put_file(out_path, OLD, sizeof OLD - 1);
    redirect(1, stdout_path);
    redirect(2, stderr_path);
    before = live;
    counted = 0;
    forking = 1;
    int code = nb_main(nargc, nargv);
    forking = 0;
    judging = 1;
    fflush(NULL);
    long leaked = live - before;
    if (is_child) {
        char out_file[4200], err_file[4200];
        snprintf(out_file, sizeof out_file, "%s.child", stdout_path);
        snprintf(err_file, sizeof err_file, "%s.child", stderr_path);
        const char *problem = judge(&x, code, leaked, stdout_before_fork, out_file, err_file);
        if (problem) {
            size_t elen = 0;
            char *e = slurp(err_file, &elen);
            say("FAIL: allocation %ld failed: %s (exit %d, %ld blocks leaked); stderr: %.*s\n",
                failed_at, problem, code, leaked, (int)(elen > 600 ? 600 : elen), e ? e : "");
            _exit(100);
        }
        _exit(code);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    const char *problem = code != 0 ? "did not succeed"
                                    : judge(&x, code, leaked, 0, stdout_path, stderr_path);
    if (problem)
        say("FAIL: the run without failures: %s (exit %d, %ld of %ld allocations)\n", problem, code,
            counted, allocations);
    say("measured: %s: %ld allocations; %s in %.1f s (%.1f s of the parent's CPU time forking, "
        "kept out of clock()): %ld exit 0 (recovered), %ld exit 2, %ld exit 3, %ld crashes, %ld other problems\n",
        argv[2], allocations, once ? "failed one at a time" : "out of memory from each on", (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
        forks_cpu, outcomes[0], outcomes[2], outcomes[3], crashes, problems);
    return problem || crashes || problems || outcomes[1] ? 1 : 0;
}
