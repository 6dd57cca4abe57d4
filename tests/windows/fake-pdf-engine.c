/* A stand-in for LibreOffice's soffice.exe and Edge's msedge.exe in tools/test-windows.sh
 * (compiled with mingw, run under wine): "soffice.exe ... --convert-to pdf --outdir DIR INPUT"
 * writes DIR\report.pdf, "msedge.exe ... --print-to-pdf=FILE URL" writes FILE: a "PDF"
 * holding the arguments it got, one a line (and, for soffice, the input's size), so that the
 * test sees how render -f pdf found the program, quoted its arguments and named the files.
 * Exit 1 if the input cannot be read (nothing written). */
#include <stdio.h>
#include <wchar.h>
#include <windows.h>

int wmain(int argc, wchar_t **argv)
{
    const wchar_t *outdir = NULL, *print = NULL;
    for (int i = 1; i < argc; i++) {
        if (wcscmp(argv[i], L"--outdir") == 0 && i + 1 < argc)
            outdir = argv[i + 1];
        if (wcsncmp(argv[i], L"--print-to-pdf=", 15) == 0)
            print = argv[i] + 15;
    }
    if ((!outdir && !print) || argc < 2)
        return 2;
    long size = -1;
    if (outdir) {
        FILE *in = _wfopen(argv[argc - 1], L"rb");
        if (!in)
            return 1;
        for (size = 0; fgetc(in) != EOF; size++)
            ;
        fclose(in);
    }
    wchar_t path[4096];
    if (outdir)
        swprintf(path, sizeof path / sizeof *path, L"%ls\\report.pdf", outdir);
    else
        swprintf(path, sizeof path / sizeof *path, L"%ls", print);
    FILE *out = _wfopen(path, L"wb");
    if (!out)
        return 1;
    fputs("%PDF-1.4\n", out);
    for (int i = 0; i < argc; i++) { /* UTF-8, as nianbao writes */
        char buf[8192];
        int n = WideCharToMultiByte(65001, 0, argv[i], -1, buf, sizeof buf, NULL, NULL);
        fprintf(out, "arg %d: %s\n", i, n > 0 ? buf : "?");
    }
    fprintf(out, "input bytes: %ld\n", size);
    fclose(out);
    return 0;
}
