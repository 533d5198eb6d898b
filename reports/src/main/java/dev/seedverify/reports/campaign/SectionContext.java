package dev.seedverify.reports.campaign;

import java.nio.file.Path;

/** What a {@link CampaignSection} unit gets from the campaign running it. */
public interface SectionContext {

    /**
     * The model the unit compares the golden model with: a backend name ({@code rtl}, {@code mutant:NAME},
     * ...), or {@code golden} for the golden model alone.
     */
    String target();

    /** Campaign-wide settings: seed, threads, budgets, weights, coverage target. */
    CampaignOptions options();

    /** The section's own block of the configuration. */
    Settings settings();

    /** The run's folder: what the unit keeps goes below it, and paths in the model are relative to it. */
    Path runDir();

    /** A scratch folder of this section inside the run's folder (builds). */
    Path workDir();

    /** The folder relative paths of the configuration are resolved against. */
    Path baseDir();

    /** A meter for work of {@code total} items ({@code programs}), shown while the unit runs. */
    Progress progress(String items, long total);

    /**
     * Keeps a text file of the run (a reproducer) at {@code path}, relative to {@link #runDir()}: the
     * campaign writes it whole, before the unit's results are checkpointed.
     *
     * @throws java.io.IOException when it cannot be written
     * @throws IllegalArgumentException when {@code path} leaves the run's folder
     */
    void keepFile(String path, String text) throws java.io.IOException;
}
