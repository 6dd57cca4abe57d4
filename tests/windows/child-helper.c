/* A child for nb.run_limited under wine (tools/test-windows.sh compiles it with mingw):
 *   helper args A B ...   prints each argument on a line (the command line quoting)
 *   helper out N          writes N bytes to standard output
 *   helper fail           writes to standard error and exits 3
 *   helper sleep          never ends
 *   helper mem MB         allocates and touches MB megabytes; exits 7 if it cannot
 *   helper spawn          tries to start another process; exits 9 if it cannot
 *   helper cat FILE       copies FILE to standard output
 * Copied as pdftotext.exe it stands in for pdftotext: it prints the file named by
 * NB_FAKE_PDFTEXT, whatever its arguments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

static int cat(const char *name)
{
    FILE *f = fopen(name, "rb");
    if (!f)
        return 5;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        fwrite(buf, 1, n, stdout);
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    const char *base = strrchr(argv[0], '\\');
    base = base ? base + 1 : argv[0];
    if (!strncmp(base, "pdftotext", 9)) {
        const char *f = getenv("NB_FAKE_PDFTEXT");
        return cat(f ? f : "");
    }
    if (argc < 2)
        return 2;
    const char *m = argv[1];
    if (!strcmp(m, "args")) {
        for (int i = 2; i < argc; i++)
            printf("%s\n", argv[i]);
    } else if (!strcmp(m, "out") && argc > 2) {
        long n = atol(argv[2]);
        char buf[4096];
        memset(buf, 'x', sizeof buf);
        while (n > 0) {
            size_t k = n < (long)sizeof buf ? (size_t)n : sizeof buf;
            if (fwrite(buf, 1, k, stdout) != k)
                return 4;
            n -= (long)k;
        }
    } else if (!strcmp(m, "fail")) {
        fprintf(stderr, "broken file\n");
        return 3;
    } else if (!strcmp(m, "sleep")) {
        for (;;)
            Sleep(1000);
    } else if (!strcmp(m, "mem") && argc > 2) {
        long mb = atol(argv[2]);
        for (long i = 0; i < mb; i++) {
            char *p = malloc(1 << 20);
            if (!p)
                return 7;
            memset(p, 1, 1 << 20);
        }
    } else if (!strcmp(m, "spawn")) {
        STARTUPINFOA si = {sizeof si};
        PROCESS_INFORMATION pi;
        char cmd[] = "cmd /c exit 0";
        if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
            return 9;
        WaitForSingleObject(pi.hProcess, INFINITE);
    } else if (!strcmp(m, "cat") && argc > 2) {
        return cat(argv[2]);
    } else {
        return 2;
    }
    return 0;
}
