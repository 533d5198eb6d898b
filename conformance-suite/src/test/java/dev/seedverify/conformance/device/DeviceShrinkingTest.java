package dev.seedverify.conformance.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedverify.conformance.repro.Replay;
import dev.seedverify.cosim.Divergence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding, shrinking and keeping a device divergence, against a golden DUT with one known fault
 * (its FILL events report odd lengths one byte long): the shrunk case is one FILL, its reproducer
 * replays to the same divergence and passes on a DUT without the fault.
 */
class DeviceShrinkingTest {
    static final int DRAM = 1 << 20;

    record Failing(DeviceCase deviceCase, DeviceLockstep.Result result) {}

    static Failing firstFailure(DeviceLockstep pair) {
        DeviceCaseGenerator gen = new DeviceCaseGenerator(DRAM, 12);
        for (long seed = 1; seed < 500; seed++) {
            DeviceCase c = gen.generate(seed);
            DeviceLockstep.Result r = pair.run(c);
            if (r.diverged()) return new Failing(c, r);
        }
        throw new AssertionError("the fault was not found in 500 scenarios");
    }

    @Test
    void aDivergenceShrinksToTheOneCommandThatCausesIt() {
        try (DeviceLockstep pair = FaultyDevices.oddFillLength(DRAM)) {
            Failing f = firstFailure(pair);
            assertThat(f.result().divergence().kind()).isEqualTo(Divergence.Kind.MISMATCH);
            assertThat(f.result().signature().toString()).isEqualTo("event:dma_write | event_arg | -");
            DeviceShrinker.Shrunk s = new DeviceShrinker(pair).shrink(f.deviceCase(), f.result());
            assertThat(s.deviceCase().commands()).hasSize(1);
            assertThat(s.deviceCase().instructions()).isZero();
            assertThat(s.deviceCase().ringEntries()).isEqualTo(2);
            assertThat(s.result().signature()).isEqualTo(f.result().signature());
            assertThat(s.deviceCase().script().size()).isLessThan(f.deviceCase().script().size());
        }
    }

    @Test
    void theReproducerReplaysToItsOwnBugAndPassesWithoutIt(@TempDir Path dir) throws IOException {
        DeviceReproducer rep;
        try (DeviceLockstep pair = FaultyDevices.oddFillLength(DRAM)) {
            Failing f = firstFailure(pair);
            DeviceShrinker.Shrunk s = new DeviceShrinker(pair).shrink(f.deviceCase(), f.result());
            rep = DeviceReproducer.of(s.deviceCase(), s.result().divergence(), new DeviceReproducer.Details(f.deviceCase().seed(),
                    "odd-fill-length", "golden with a fault", DRAM, f.deviceCase().commands().size(), 1, 0));
            Path file = rep.write(dir.resolve(rep.name()));
            DeviceReproducer back = DeviceReproducer.read(file);
            assertThat(back.script().text()).isEqualTo(s.deviceCase().script().text());
            assertThat(back.bucket()).isEqualTo(s.result().signature());
            DeviceLockstep.Result again = pair.run(back.script());
            assertThat(again.diverged()).isTrue();
            assertThat(back.ownBug(again.divergence())).isTrue();
        }
        Path file = dir.resolve(rep.name());
        Replay.Summary onGolden = Replay.replay(List.of(file), "golden", null);
        assertThat(onGolden.results()).singleElement().satisfies(r -> assertThat(r.verdict()).isEqualTo(Replay.Verdict.PASS));
        Replay.Summary onRtl = Replay.replay(List.of(file), "both", null);
        assertThat(onRtl.results()).singleElement().satisfies(r -> {
            assertThat(r.verdict()).as(r.detail()).isEqualTo(Replay.Verdict.PASS);
            assertThat(r.detail()).contains("agree");
        });
    }

    @Test
    void anEditedReproducerIsRefused(@TempDir Path dir) throws IOException {
        try (DeviceLockstep pair = FaultyDevices.oddFillLength(DRAM)) {
            Failing f = firstFailure(pair);
            DeviceReproducer rep = DeviceReproducer.of(f.deviceCase(), f.result().divergence(),
                    new DeviceReproducer.Details(1, "x", "x", DRAM, 1, 1, 0));
            Path file = rep.write(dir.resolve("r.script"));
            Files.writeString(file, Files.readString(file).replace("\nrun\n", "\nrun\nrun\n"));
            assertThatThrownBy(() -> DeviceReproducer.read(file)).hasMessageContaining("SHA-256");
            Replay.Summary s = Replay.replay(List.of(file), "golden", null);
            assertThat(s.results()).singleElement().satisfies(r -> assertThat(r.verdict()).isEqualTo(Replay.Verdict.ERROR));
        }
    }
}
