/*
 * Force-included (g++ -include) into every translation unit of a model library, the Verilator
 * runtime included: Verilator's console output goes through s1model_printf, which keeps the
 * tail per simulator (for crash messages) and echoes it where the simulator says. Together with
 * -DVL_USER_FATAL -DVL_USER_STOP -DVL_USER_FINISH (vl_fatal/vl_stop/vl_finish are defined in
 * s1model_abi.cpp), nothing in the model can print behind the harness's back or end the process.
 */
#ifndef S1MODEL_HOOKS_H
#define S1MODEL_HOOKS_H

#ifdef __cplusplus
extern "C++" void s1model_printf(const char* format, ...) __attribute__((format(printf, 1, 2)));
#define VL_PRINTF s1model_printf
#endif

#endif /* S1MODEL_HOOKS_H */
