package dev.seedverify.reports.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The model outlives the comparator's move to another module: no type of it may mention a SeedVerify type outside the model. */
class ModelIndependenceTest {
    @Test
    void modelTypesUseOnlyTheJdkJacksonAndEachOther() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(RunResult.class.getResource("RunResult.class").toURI()).getParent();
        List<Class<?>> classes = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.endsWith(".class")) classes.add(Class.forName(RunResult.class.getPackageName() + "." + n.substring(0, n.length() - 6)));
            }
        }
        assertThat(classes).hasSizeGreaterThan(15);
        TreeSet<String> foreign = new TreeSet<>();
        for (Class<?> c : classes) {
            List<Class<?>> used = new ArrayList<>();
            for (Field f : c.getDeclaredFields()) used.add(f.getType());
            for (Method m : c.getDeclaredMethods()) {
                used.add(m.getReturnType());
                for (Parameter p : m.getParameters()) used.add(p.getType());
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) for (Parameter p : k.getParameters()) used.add(p.getType());
            for (Class<?> u : used) {
                while (u.isArray()) u = u.getComponentType();
                String pkg = u.getPackageName();
                if (pkg.startsWith("dev.seedverify") && !pkg.equals(RunResult.class.getPackageName())) foreign.add(c.getSimpleName() + " -> " + u.getName());
            }
        }
        assertThat(foreign).isEmpty();
    }
}
