/* The trusted script state: standard libraries, lfs, the nianbao module, the search path
 * (--scripts, $NIANBAO_PATH, the user config folder, the installed share folder, then the
 * copy embedded in the binary), and one protected entry point with tracebacks. */
#ifndef NB_HOST_H
#define NB_HOST_H

#include <stddef.h>

typedef struct lua_State lua_State;

/* The exit codes of every command (the scripts read them as nb.exit): success, findings
 * (errors in a report), a usage error, a script error. */
enum { NB_EXIT_OK = 0, NB_EXIT_FINDINGS = 1, NB_EXIT_USAGE = 2, NB_EXIT_SCRIPT = 3 };

typedef struct {
    const char *name;  /* "render/text.lua", "templates/text/report.txt" */
    const char *data;
    size_t len;
    const char *code;  /* the script's bytecode (tools/compile.c), or NULL */
    size_t code_len;
} nb_embedded_file;

extern const nb_embedded_file nb_embedded_files[];
extern const size_t nb_embedded_count;

/* A new script state; script_dirs (n of them) come first on the search path. */
lua_State *nb_host_new(const char *const *script_dirs, size_t n);
void nb_host_close(lua_State *L);

/* Start-up: while nianbao loads its modules, its first report and the rules, nearly all it
 * allocates stays alive, and a collector that starts a cycle whenever the heap doubles
 * marks that growing heap again and again. A new state's collector therefore waits until
 * the heap has grown NB_STARTUP_GC_PAUSE percent, and goes back to Lua's default pause when
 * start-up ends: nb_host_end_startup, called at the end of the first check, at a second
 * report, and by the command line before every command but check and render (a script
 * run by `nianbao run` and the prompt included) (docs/design.md). */
#define NB_STARTUP_GC_PAUSE 1000
/* Before that, a new state's collector starts no cycle until NB_STARTUP_GC_ALLOWANCE_KB have
 * been allocated. The check or render of one report allocates about 2 MiB in all, yet ran
 * five or six cycles on the small heaps of start-up, and one more whenever what start-up
 * loads grew past a threshold (docs/benchmarks.md). */
#define NB_STARTUP_GC_ALLOWANCE_KB 8192
#define NB_DEFAULT_GC_PAUSE 200 /* LUAI_GCPAUSE of Lua 5.4 */
/* 1 when it ended start-up, 0 when it had ended already */
int nb_host_end_startup(lua_State *L);
/* Called before a data file is read: a second one ends start-up. */
void nb_host_reading_report(lua_State *L);
/* 1 while the state is starting up, 0 after nb_host_end_startup */
int nb_host_starting_up(lua_State *L);

/* lua_pcall with a message handler that appends a traceback. On error the message is on
 * the stack. */
int nb_host_pcall(lua_State *L, int nargs, int nresults);

/* Find a resource ("render/html.lua") along the search path. Pushes its text and returns
 * the name to use for it (a real path, or "scripts/<name>" for the embedded copy), or
 * pushes nothing and returns NULL. */
const char *nb_host_find(lua_State *L, const char *name, char *where, size_t where_len);

/* Whether `name` resolves to the embedded copy: no file of that name along the search path,
 * or only files identical to it ahead of it. */
int nb_host_is_embedded(lua_State *L, const char *name);

/* Load the script `name` ("nianbao/rules.lua") found along the search path: a file is
 * compiled from source (text only), the embedded copy is loaded from its bytecode when it
 * has some. Pushes the function and returns its name as in nb_host_find; on a syntax error
 * pushes the message and returns NULL with *err = 1; when not found pushes nothing and
 * returns NULL with *err = 0. *embedded (unless NULL) tells whether the embedded copy was
 * used (as nb_host_is_embedded would, without a second search). */
const char *nb_host_load(lua_State *L, const char *name, char *where, size_t where_len, int *err,
                         int *embedded);

/* Put the folders named by the strings of the table at idx first on the search path. */
void nb_host_prepend_path(lua_State *L, int idx);

/* Pushes the list of search folders (as a Lua table). */
void nb_host_push_path(lua_State *L);

#endif
