package dev.seedverify.cli.campaign;

import dev.seedverify.reports.campaign.Settings;
import dev.seedverify.reports.campaign.SettingsException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A suite's block of a {@link CampaignConfig} as the section sees it; problems name the setting's path. */
final class ConfigSettings implements Settings {
    private final Map<String, Object> values;
    private final String prefix;
    private final Path baseDir;

    ConfigSettings(CampaignConfig config, String suite) {
        this.values = config.suite(suite).settings();
        this.prefix = "suites." + suite + ".";
        this.baseDir = config.baseDir();
    }

    @Override
    public long integer(String name, long fallback, long min, long max) {
        Object v = values.get(name);
        if (v == null) return fallback;
        String s = text(name, v);
        long x;
        try {
            x = Long.parseLong(s.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new SettingsException(prefix + name, "must be a whole number, got '" + s + "'");
        }
        if (x < min || x > max) throw new SettingsException(prefix + name, "must be " + ConfigFile.range(min, max) + ", got " + x);
        return x;
    }

    @Override
    public String text(String name, String fallback) {
        Object v = values.get(name);
        return v == null ? fallback : text(name, v);
    }

    private String text(String name, Object v) {
        if (v instanceof String s) return s;
        throw new SettingsException(prefix + name, "must be a single value, not a list");
    }

    @Override
    public List<String> texts(String name, List<String> fallback) {
        Object v = values.get(name);
        if (v == null) return fallback;
        if (v instanceof String s) return s.isEmpty() ? List.of() : List.of(s);
        @SuppressWarnings("unchecked")
        List<String> l = (List<String>) v;
        return l;
    }

    @Override
    public List<Path> paths(String name, List<String> fallback) {
        return texts(name, fallback).stream().map(p -> baseDir.resolve(p).normalize()).toList();
    }

    @Override
    public boolean has(String name) { return values.containsKey(name); }
}
