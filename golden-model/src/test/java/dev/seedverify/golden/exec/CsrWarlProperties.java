package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The WARL clamps of spec §2.3 for any written value (jqwik; the rules case by case are
 * {@link CsrTest}: one test engine per class, so each engine's report counts its own tests).
 */
class CsrWarlProperties {

    @Property(tries = 200)
    void warlCsrsReadTheClampedValueOfAnyWrite(@ForAll int v) {
        Sim s = Sim.load("csrw xsqshift, a1\ncsrw xsqzp, a1\ncsrr a0, xsqshift\ncsrr a2, xsqzp").set("a1", v).go();
        assertThat(s.x("a0")).isEqualTo(Math.max(-31, Math.min(30, v)));
        assertThat(s.x("a2")).isEqualTo(Math.max(-128, Math.min(127, v)));
    }
}
