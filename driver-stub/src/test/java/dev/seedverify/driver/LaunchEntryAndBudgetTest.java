package dev.seedverify.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedverify.golden.asm.Assembler;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What compiled kernel libraries need of a launch: one loaded image started at any of its entry
 * symbols, and budgets past 2^24 (the descriptor's budget is an unsigned word, spec §4.2).
 */
class LaunchEntryAndBudgetTest {
    private S1Device dev;
    private LoadedKernel library;
    private DeviceMemory args, stack;

    @BeforeEach
    void open() {
        dev = S1Device.open("golden");
        library = dev.load(Assembler.assemble("""
                _start:
                    li   a0, 1
                    ecall
                second:
                    li   a0, 2
                    ecall
                """, "two-entries.S"));
        args = dev.alloc(16);
        stack = dev.alloc(256);
    }

    @AfterEach
    void close() { dev.close(); }

    private Launch launch(LoadedKernel k) { return Launch.of(k).args(args).stack(stack); }

    @Test
    void aLoadedImageLaunchesFromAnyOfItsSymbols() {
        assertThat(dev.launch(launch(library)).value()).isEqualTo(1);
        LoadedKernel second = library.entryAt("second");
        assertThat(second.entry()).isEqualTo(library.symbol("second").getAsInt());
        assertThat(second.memory()).isSameAs(library.memory());
        assertThat(dev.launch(launch(second)).value()).isEqualTo(2);
    }

    @Test
    void anEntryThatIsNoSymbolOfTheImageIsRefused() {
        assertThatThrownBy(() -> library.entryAt("third")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("no symbol third")
                .satisfies(e -> assertThat(((InvalidRequestException) e).reason()).isEqualTo(InvalidRequestException.Reason.BAD_ARGUMENT));
    }

    @Test
    void budgetsUpToTheWholeUnsignedWordAreAccepted() {
        CommandResult r = dev.launch(launch(library).budget(S1Device.MAX_BUDGET));
        assertThat(r.value()).isEqualTo(1);
        assertThat(dev.launch(launch(library).budget((1L << 24) + 1)).retired()).isEqualTo(1);
    }

    @Test
    void aBudgetOfZeroOrPastTheWordIsRefused() {
        for (long b : new long[] {0, -1, S1Device.MAX_BUDGET + 1}) {
            assertThatThrownBy(() -> dev.launch(launch(library).budget(b))).as("budget %d", b).isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(((InvalidRequestException) e).reason()).isEqualTo(InvalidRequestException.Reason.BAD_ARGUMENT));
        }
    }
}
