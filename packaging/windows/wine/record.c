/* Test-only: a stand-in PDF viewer. test-wine.sh registers it as the program that opens .pdf
 * files, so that "Mở để in" (ShellExecuteW "open") can be seen to reach the default viewer with
 * the saved file's path. Writes that path, as UTF-8, to the file named by the second argument. */
#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv)
{
    if (argc != 3)
        return 2;
    char path[4 * MAX_PATH];
    int n = WideCharToMultiByte(CP_UTF8, 0, argv[1], -1, path, sizeof path, NULL, NULL);
    FILE *out = _wfopen(argv[2], L"wb");
    if (n == 0 || out == NULL)
        return 1;
    fputs(path, out);
    fclose(out);
    return 0;
}
