package dev.seedverify.reports;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {
    @Test
    void stringsAreEscaped() {
        assertThat(Json.write("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"\n");
    }

    @Test
    void mapsAndListsNestWithIndentation() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", 1);
        m.put("l", List.of(true, "x"));
        m.put("e", List.of());
        m.put("z", null);
        assertThat(Json.write(m)).isEqualTo("{\n  \"n\": 1,\n  \"l\": [\n    true,\n    \"x\"\n  ],\n  \"e\": [],\n  \"z\": null\n}\n");
    }
}
