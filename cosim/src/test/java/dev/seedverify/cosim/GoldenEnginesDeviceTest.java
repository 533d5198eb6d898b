package dev.seedverify.cosim;

import dev.seedverify.golden.exec.ExecutionEngine;
import dev.seedverify.golden.exec.TranslationPolicy;

/**
 * The device conformance tests (command mode: launches in their windows, traps, watchdog budgets,
 * DMA and completion events) on the golden model's two engines at once, compared as whole chips by
 * the {@link LockstepBackend}: every record, event, completion, DRAM image and idle register of
 * the translator (translating every entry point on first sight) must equal the interpreter's, or
 * the test fails there with the divergence.
 */
class GoldenEnginesDeviceTest extends DeviceConformance {

    @Override
    protected Backend open() {
        GoldenBackend interpreter = new GoldenBackend(MIN_DRAM_BYTES);
        GoldenBackend translator = new GoldenBackend(MIN_DRAM_BYTES);
        interpreter.hart().setEngine(ExecutionEngine.INTERPRETER);
        translator.hart().setEngine(ExecutionEngine.TRANSLATOR, TranslationPolicy.EAGER);
        return new LockstepBackend(interpreter, translator);
    }
}
