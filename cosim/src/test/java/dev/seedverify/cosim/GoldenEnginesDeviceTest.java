package dev.seedverify.cosim;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.ArchState;
import dev.seedverify.golden.exec.ExecutionEngine;
import dev.seedverify.golden.exec.TranslationPolicy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The device conformance tests (command mode: launches in their windows, traps, watchdog budgets,
 * DMA and completion events) on the golden model's two engines at once: every record, status,
 * register and DRAM read of the translator (translating every entry point on first sight) must
 * equal the interpreter's, or the test fails there.
 */
class GoldenEnginesDeviceTest extends DeviceConformance {

    @Override
    protected Backend open() { return new EnginePair(MIN_DRAM_BYTES); }

    /** An interpreting and a translating golden backend driven alike; it answers with the interpreter's results once they agree. */
    static final class EnginePair implements Backend {
        private final GoldenBackend interpreter, translator;

        EnginePair(int dramBytes) {
            interpreter = new GoldenBackend(dramBytes);
            translator = new GoldenBackend(dramBytes);
            interpreter.hart().setEngine(ExecutionEngine.INTERPRETER);
            translator.hart().setEngine(ExecutionEngine.TRANSLATOR, TranslationPolicy.EAGER);
        }

        @Override
        public String name() { return "golden interpreter vs translator"; }

        @Override
        public String describe() { return name(); }

        @Override
        public int dramBytes() { return interpreter.dramBytes(); }

        @Override
        public void loadBare(ElfImage image) {
            interpreter.loadBare(image);
            translator.loadBare(image);
        }

        @Override
        public void resetCommand() {
            interpreter.resetCommand();
            translator.resetCommand();
        }

        @Override
        public Status advance(CommitLog log, int maxRecords) {
            int from = log.size();
            Status expected = interpreter.advance(log, maxRecords);
            CommitLog translated = new CommitLog(Math.max(1, maxRecords));
            Status actual = translator.advance(translated, maxRecords);
            int n = log.size() - from;
            if (translated.size() != n || actual != expected) {
                throw new AssertionError("the translator gave " + translated.size() + " records and " + actual + ", the interpreter "
                        + n + " and " + expected);
            }
            for (int i = 0; i < n; i++) {
                if (!RecordComparator.equal(log, from + i, translated, i)) {
                    throw new AssertionError("record " + i + " of the run differs: " + RecordComparator.differences(log, from + i, translated, i)
                            + "\ninterpreter: " + log.get(from + i) + "\ntranslator:  " + translated.get(i));
                }
            }
            return expected;
        }

        @Override
        public int tohostValue() { return same("tohost", interpreter.tohostValue(), translator.tohostValue()); }

        @Override
        public int mmioRead(int offset) {
            return same("MMIO register " + offset, interpreter.mmioRead(offset), translator.mmioRead(offset));
        }

        @Override
        public void mmioWrite(int offset, int value) {
            interpreter.mmioWrite(offset, value);
            translator.mmioWrite(offset, value);
        }

        @Override
        public void hostWrite(int address, byte[] data, int offset, int length) {
            interpreter.hostWrite(address, data, offset, length);
            translator.hostWrite(address, data, offset, length);
        }

        @Override
        public byte[] hostRead(int address, int length) {
            byte[] expected = interpreter.hostRead(address, length);
            if (!Arrays.equals(expected, translator.hostRead(address, length))) {
                throw new AssertionError(String.format("DRAM at 0x%08x (%d bytes) differs between the engines", address, length));
            }
            return expected;
        }

        @Override
        public boolean irq() {
            boolean expected = interpreter.irq();
            if (translator.irq() != expected) throw new AssertionError("irq differs between the engines");
            return expected;
        }

        @Override
        public void setCsr(int address, int value) {
            interpreter.setCsr(address, value);
            translator.setCsr(address, value);
        }

        @Override
        public Optional<ArchState> finalState(CommitLog inFlight) {
            Optional<ArchState> expected = interpreter.finalState(inFlight);
            Optional<ArchState> actual = translator.finalState(new CommitLog(16));
            if (!expected.equals(actual)) throw new AssertionError("final state differs: " + expected + " vs " + actual);
            return expected;
        }

        @Override
        public void close() {
            interpreter.close();
            translator.close();
        }

        private static int same(String what, int expected, int actual) {
            if (expected != actual) throw new AssertionError(what + " differs: interpreter " + expected + ", translator " + actual);
            return expected;
        }
    }
}
