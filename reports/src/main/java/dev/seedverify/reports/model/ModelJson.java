package dev.seedverify.reports.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model as JSON, both ways. A file is a document {@code {"format": ..., "version": 1, ..., "run": {...}}}:
 * {@link #RUN_FORMAT} for a bare run (a checkpoint, a shard) or {@link #REPORT_FORMAT} for a report
 * (the same run plus its verdict, waivers and difference; the verdict is recomputed on reading).
 * Field names are the records' component names; times are ISO-8601; absent values are left out.
 */
public final class ModelJson {
    public static final String RUN_FORMAT = "seedverify-run";
    public static final String REPORT_FORMAT = "seedverify-report";
    /** Bumped when a reader of the previous version would misread a document. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            // Records' components only: derived methods (status(), percent(), ...) are not data.
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

    private ModelJson() {}

    /** The configured mapper, for writers that embed model values in their own documents. */
    public static ObjectMapper mapper() { return MAPPER; }

    /** A bare run document. */
    public static String write(RunResult run) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", RUN_FORMAT);
        doc.put("version", VERSION);
        doc.put("run", run);
        return toJson(doc);
    }

    /** Any value (maps, lists, model records) as indented JSON, ending with a newline. */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads the run of a run or report document; errors name the file and the line. */
    public static RunResult read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(file + ": no such file");
        }
        return read(text, file.toString());
    }

    /** Reads the run of a run or report document given as text; {@code source} names it in errors. */
    public static RunResult read(String json, String source) {
        Document doc;
        try {
            doc = MAPPER.readValue(json, Document.class);
        } catch (JacksonException e) {
            throw new ModelFormatException(source + where(e) + ": " + describe(e));
        }
        if (doc == null) throw new ModelFormatException(source + ": empty document");
        if (!RUN_FORMAT.equals(doc.format()) && !REPORT_FORMAT.equals(doc.format())) {
            throw new ModelFormatException(source + ": not a SeedVerify result (format '" + doc.format() + "', expected '"
                    + RUN_FORMAT + "' or '" + REPORT_FORMAT + "')");
        }
        if (doc.version() == null || doc.version() < 1 || doc.version() > VERSION) {
            throw new ModelFormatException(source + ": format version " + doc.version() + " is not supported (this SeedVerify reads 1.."
                    + VERSION + ")");
        }
        if (doc.run() == null) throw new ModelFormatException(source + ": no 'run' in the document");
        return doc.run();
    }

    private static String where(JacksonException e) {
        JsonLocation l = e.getLocation();
        return l == null || l.getLineNr() < 1 ? "" : ":" + l.getLineNr() + ":" + l.getColumnNr();
    }

    private static String describe(JacksonException e) {
        String msg = e.getOriginalMessage();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
                else if (r.getIndex() >= 0) path.append('[').append(r.getIndex()).append(']');
            }
            // A record's own check (e.g. "case id must not be blank") says more than Jackson's wrapper.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            if (root instanceof IllegalArgumentException) msg = root.getMessage();
            return "at " + path + ": " + firstLine(msg);
        }
        return firstLine(msg);
    }

    private static String firstLine(String s) {
        if (s == null) return "malformed JSON";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The envelope; a report's verdict, waivers and summary are derived, so the reader skips them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Document(String format, Integer version, RunResult run) {}

    /** A result file that cannot be read: the message names the file, the line and column, and the field. */
    public static final class ModelFormatException extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        public ModelFormatException(String message) { super(message, new IOException(message)); }
    }
}
