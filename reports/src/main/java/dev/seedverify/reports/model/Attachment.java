package dev.seedverify.reports.model;

import java.util.Locale;

/**
 * A file that goes with a case: either its text inline ({@code content}) or a path to a file kept
 * elsewhere ({@code path}; a waveform, a reproducer, a build log), never both.
 *
 * @param name    what it is, for people ("divergence report", "waveform of the shrunk failure")
 * @param type    a MIME type ({@code text/plain}, {@code application/json}, {@link #FST})
 * @param content the text, or null
 * @param path    the file, as given (relative paths are relative to the run's folder), or null
 */
public record Attachment(String name, String type, String content, String path) {
    /** FST waveforms (GTKWave); no registered MIME type exists. */
    public static final String FST = "application/x-fst";

    public Attachment {
        Checks.text(name, "attachment name");
        Checks.text(type, "attachment type of '" + name + "'");
        if ((content == null) == (path == null)) {
            throw new IllegalArgumentException("attachment '" + name + "' needs exactly one of content and path");
        }
    }

    public static Attachment text(String name, String content) { return new Attachment(name, "text/plain", content, null); }

    public static Attachment json(String name, String content) { return new Attachment(name, "application/json", content, null); }

    public static Attachment file(String name, String type, String path) { return new Attachment(name, type, null, path); }

    public static Attachment waveform(String path) { return file("waveform", FST, path); }

    /** The file extension writers give a copy: from the path when there is one, else from the type. */
    public String extension() {
        if (path != null) {
            String file = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
            int dot = file.lastIndexOf('.');
            if (dot > 0 && dot < file.length() - 1) return file.substring(dot + 1).toLowerCase(Locale.ROOT);
        }
        return switch (type) {
            case "application/json" -> "json";
            case "text/html" -> "html";
            case "text/xml", "application/xml" -> "xml";
            case FST -> "fst";
            case "image/png" -> "png";
            default -> type.startsWith("text/") ? "txt" : "bin";
        };
    }
}
