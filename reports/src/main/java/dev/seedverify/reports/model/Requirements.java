package dev.seedverify.reports.model;

import java.util.List;

/**
 * What a run must show to sign off, recorded with the run so that reports say what was asked.
 *
 * @param suites   suites that must each have run, on a real DUT, and passed
 * @param coverage whether coverage must have been measured (and met its target)
 */
public record Requirements(List<String> suites, boolean coverage) {
    public Requirements {
        suites = Checks.list(suites);
        for (String s : suites) Checks.text(s, "required suite");
        if (suites.size() != new java.util.HashSet<>(suites).size()) throw new IllegalArgumentException("required suites listed twice: " + suites);
    }

    /** Nothing required: such a run can never sign off ({@code SignOff} says so). */
    public static Requirements none() { return new Requirements(List.of(), false); }
}
