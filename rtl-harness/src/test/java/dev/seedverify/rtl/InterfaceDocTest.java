package dev.seedverify.rtl;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * INTERFACE.md is the harness contract: its {@code s1_top} port list must be s1_top.sv's, port for
 * port (direction, width, name, order), and so must the port list the throwaway test tops share.
 * Both are parsed, so neither can drift from the RTL again.
 */
class InterfaceDocTest {

    /** One port: direction, packed width as written (e.g. "[31:0]" or ""), name. */
    record Port(String direction, String width, String name) {
        @Override
        public String toString() { return direction + " " + (width.isEmpty() ? "" : width + " ") + name; }
    }

    /** A parsed module header: parameter names and ports in order. */
    record Header(List<String> parameters, List<Port> ports) {}

    private static final Pattern DECLARATION = Pattern.compile(
            "^(input|output|inout)\\s+(?:(?:logic|wire|reg|bit)\\s+)?(?:signed\\s+)?(\\[[^\\]]*\\])?\\s*([A-Za-z_][A-Za-z0-9_$]*)$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_$]*$");
    private static final Pattern PARAMETER = Pattern.compile("\\bparameter\\s+(?:int\\s+|integer\\s+)?([A-Za-z_][A-Za-z0-9_$]*)");

    /** Parses the header of {@code module s1_top} in SystemVerilog source (comments allowed). */
    static Header parse(String source) {
        String s = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
        int m = s.indexOf("module s1_top");
        assertThat(m).as("'module s1_top' in the source").isGreaterThanOrEqualTo(0);
        int i = s.indexOf('#', m);
        int open = s.indexOf('(', m);
        List<String> parameters = new ArrayList<>();
        if (i >= 0 && i < open) {
            int close = matching(s, open);
            Matcher pm = PARAMETER.matcher(s.substring(open + 1, close));
            while (pm.find()) parameters.add(pm.group(1));
            open = s.indexOf('(', close);
        }
        String body = s.substring(open + 1, matching(s, open));
        List<Port> ports = new ArrayList<>();
        Port previous = null;
        for (String piece : body.split(",")) {
            String p = piece.trim().replaceAll("\\s+", " ");
            if (p.isEmpty()) continue;
            Matcher d = DECLARATION.matcher(p);
            if (d.matches()) {
                previous = new Port(d.group(1), d.group(2) == null ? "" : d.group(2).replace(" ", ""), d.group(3));
            } else {
                assertThat(p).as("a port declaration or a further name of the previous one").matches(NAME);
                assertThat(previous).as("a port name before any direction: %s", p).isNotNull();
                previous = new Port(previous.direction(), previous.width(), p);
            }
            ports.add(previous);
        }
        return new Header(parameters, ports);
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int k = open; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return k;
        }
        throw new AssertionError("unbalanced parentheses after offset " + open);
    }

    private static String read(String file) throws IOException {
        return Files.readString(TestSupport.rtlSources().resolve(file));
    }

    /** The ```systemverilog block of INTERFACE.md. */
    private static String interfaceBlock() throws IOException {
        String md = read("INTERFACE.md");
        int a = md.indexOf("```systemverilog");
        assertThat(a).as("INTERFACE.md has a ```systemverilog block").isGreaterThanOrEqualTo(0);
        int b = md.indexOf("```", a + 3);
        return md.substring(a + "```systemverilog".length(), b);
    }

    @Test
    void interfaceDocumentListsTheRtlPortsInOrder() throws IOException {
        Header rtl = parse(read("s1_top.sv"));
        Header doc = parse(interfaceBlock());
        assertThat(rtl.ports()).as("ports of s1_top.sv").hasSizeGreaterThan(40);
        assertThat(doc.ports()).as("INTERFACE.md's port list vs s1_top.sv").containsExactlyElementsOf(rtl.ports());
    }

    @Test
    void interfaceDocumentListsTheRtlParameters() throws IOException {
        assertThat(parse(interfaceBlock()).parameters()).containsExactlyElementsOf(parse(read("s1_top.sv")).parameters())
                .contains("DRAM_BYTES");
    }

    @Test
    void testTopsShareTheRtlPortList() throws IOException {
        Header rtl = parse(read("s1_top.sv"));
        Header test = parse(TestTop.S1_TOP_PORTS);
        assertThat(test.ports()).as("TestTop.S1_TOP_PORTS vs s1_top.sv").containsExactlyElementsOf(rtl.ports());
    }

    @Test
    void parserReadsCommaSeparatedNamesAndWidths() {
        Header h = parse("module s1_top #(parameter int A = 1, parameter B = (2)) (input logic clk, rst_n,"
                + " output logic [31:0] a, b /* c */, // d\n input [3:0] e);");
        assertThat(h.parameters()).containsExactly("A", "B");
        assertThat(h.ports()).extracting(Port::toString)
                .containsExactly("input clk", "input rst_n", "output [31:0] a", "output [31:0] b", "input [3:0] e");
    }
}
