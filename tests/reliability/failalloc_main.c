/* host/main.c compiled as nb_main(), so the memory-fault test runs the whole program
 * in-process and can compare the live allocations before and after each run. */
#define main nb_main
#define NB_CLOSE_STATE_AT_EXIT /* every allocation must be freed after each run */
#include "main.c"
