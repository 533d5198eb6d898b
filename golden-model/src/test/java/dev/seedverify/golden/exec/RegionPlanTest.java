package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.elf.ElfImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What a translation covers when the code calls: a callee that fits a translation by itself is
 * taken in whole or not at all, so a recursive function's calls to itself stay inside its
 * translation while a caller does not copy part of a callee with a translation of its own (which
 * HotSpot would then compile twice, and whose copy would keep leaving where it stops).
 */
class RegionPlanTest {

    /**
     * A loop calling {@code big} (a function of more than 20 instructions), and {@code small} (3).
     * {@code big} calls itself.
     */
    static final String PROGRAM = """
            _start:
                la sp, stack_top
                li s1, 0
            loop:
                andi a0, s1, 7
                jal small
                jal big
                add s2, s2, a0
                addi s1, s1, 1
                j loop
            small:
                addi a0, a0, 1
                slli a0, a0, 1
                ret
            big:
                addi sp, sp, -8
                sw ra, 4(sp)
                sw s0, 0(sp)
                mv s0, a0
                li t2, 1
                ble a0, t2, big_leaf
            big_loop:
                xor t3, t3, s0
                slli t4, t3, 3
                add t3, t3, t4
                srli t4, t3, 7
                xor t3, t3, t4
                addi t5, t5, 1
                andi t6, t5, 3
                bnez t6, big_loop
                addi a0, a0, -1
                jal big
                add a0, a0, s0
            big_leaf:
                lw s0, 0(sp)
                lw ra, 4(sp)
                addi sp, sp, 8
                ret
                .align 4
                .space 256
            stack_top:
            """;

    private final ElfImage image = TranslatorTest.asm(PROGRAM);
    private final Hart hart = TranslatorTest.interpreting(image);

    private int at(String symbol) { return image.symbol(symbol).orElseThrow(); }

    private RegionPlan plan(String entry, int maxInstructions) {
        return RegionPlan.discover(hart.memory(), hart.windowLo(), hart.windowSpan(), at(entry), maxInstructions);
    }

    private static boolean coversAnyOf(RegionPlan plan, int from, int to) {
        return Arrays.stream(plan.pcs).anyMatch(pc -> Integer.compareUnsigned(pc, from) >= 0 && Integer.compareUnsigned(pc, to) < 0);
    }

    @Test
    void aCalleeThatFitsIsTakenInWhole() {
        RegionPlan plan = plan("loop", 80);
        assertThat(plan.covers(at("small"))).isTrue();
        assertThat(plan.covers(at("big"))).isTrue();
        assertThat(plan.instructions()).as("the loop, small and big, to big's ret").isEqualTo((at("big_leaf") + 16 - at("loop")) / 4);
    }

    @Test
    void aCalleeThatDoesNotFitWhatIsLeftIsLeftOutWholeAndItsCallLeaves() {
        // big (22) fits a translation of 24 by itself, not beside the loop (6) and small (3)
        RegionPlan plan = plan("loop", 24);
        assertThat(plan.covers(at("small"))).isTrue();
        assertThat(coversAnyOf(plan, at("big"), at("stack_top"))).isFalse();
        // the call's return site is still covered: the callee's return comes back to it
        assertThat(plan.returnSites).contains(at("loop") + 12);
    }

    @Test
    void aCalleeTooLargeForAnyTranslationIsFollowedAsFarAsTheSizeAllows() {
        // big (22) fits no translation of 12: never whole anywhere, so its start is taken in
        RegionPlan plan = plan("loop", 12);
        assertThat(plan.instructions()).isEqualTo(12);
        assertThat(plan.covers(at("big"))).isTrue();
        assertThat(plan.covers(at("big_leaf"))).isFalse();
    }

    @Test
    void aRecursiveFunctionEnteredInItsLoopCoversItsCallsToItself() {
        // entered at big's inner loop: the recursive call's target, big's entry, is taken in
        RegionPlan plan = plan("big_loop", 30);
        assertThat(plan.covers(at("big"))).isTrue();
        assertThat(plan.returnSites).as("after jal big").contains(at("big_leaf") - 4);
        assertThat(coversAnyOf(plan, at("_start"), at("small") + 12)).as("nothing of the caller or small").isFalse();
    }

    @Test
    void aCallersTranslationLeavesForACalleeThatFitsOnlyAloneAndComesBackAtTheReturnSite() {
        // caller and callee each fit a translation, not both: the caller's translation leaves at
        // the call, the callee runs in a translation of its own, its return enters the caller's again
        int half = Translator.MAX_INSTRUCTIONS / 2;
        String work = "    addi t3, t3, 3\n    xor t4, t4, t3\n".repeat(half / 2 + 2);
        ElfImage calls = TranslatorTest.asm("""
                _start:
                    li s1, 0
                loop:
                %s    jal callee
                    addi s1, s1, 1
                    j loop
                callee:
                %s    ret
                """.formatted(work, work));
        Hart t = TranslatorTest.translating(calls), i = TranslatorTest.interpreting(calls);
        int callee = calls.symbol("callee").orElseThrow();
        RegionPlan callers = RegionPlan.discover(t.memory(), t.windowLo(), t.windowSpan(), calls.symbol("loop").orElseThrow(), Translator.MAX_INSTRUCTIONS);
        RegionPlan callees = RegionPlan.discover(t.memory(), t.windowLo(), t.windowSpan(), callee, Translator.MAX_INSTRUCTIONS);
        assertThat(callers.covers(callee)).isFalse();
        assertThat(callees.instructions()).as("all of the callee").isEqualTo(2 * (half / 2 + 2) + 1);
        assertThat(TranslatorTest.records(t, 60_000, 4096)).isEqualTo(TranslatorTest.records(i, 60_000, 4096));
        assertThat(TranslatorTest.state(t)).isEqualTo(TranslatorTest.state(i));
        assertThat(t.x(9)).as("s1: calls returned").isGreaterThan(100);
        assertThat(t.translator().translations).as("the caller's and the callee's").isGreaterThanOrEqualTo(2);
    }
}
