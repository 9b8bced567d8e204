package dev.rounds.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md names every {@code rounds.*} key of every {@code @ConfigMapping} interface, each on its own
 * table row with the default the interface gives it, so that the reference cannot drift from the code.
 */
class ConfigurationDocsTest {

    static final Path REFERENCE = Path.of("docs/configuration.md");

    @Test
    void everyKeyIsDocumentedWithItsDefault() {
        Map<String, String> keys = new TreeMap<>();
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.rounds").stream()
                        .filter(c -> c.isAnnotatedWith(ConfigMapping.class))
                        .map(c -> c.reflect())
                        .forEach(mapping -> collect(
                                mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, keys));
        List<String> rows = MarkdownFiles.read(REFERENCE).stream()
                .filter(line -> line.startsWith("| `"))
                .toList();
        List<String> problems = new ArrayList<>();
        keys.forEach((key, fallback) -> {
            String row = rows.stream()
                    .filter(line -> line.startsWith("| `" + key + "` |"))
                    .findFirst()
                    .orElse(null);
            if (row == null) {
                problems.add(key + ": no row starting with | `" + key + "` |");
            } else if (fallback != null && !row.contains("`" + fallback + "`")) {
                problems.add(key + ": its row does not give the default `" + fallback + "`");
            }
        });
        assertEquals(List.of(), problems, "keys missing from " + REFERENCE);
    }

    /** Each key under a prefix with its default (null for none); nested groups and maps of groups recurse. */
    private static void collect(String prefix, Class<?> group, Map<String, String> keys) {
        Arrays.stream(group.getDeclaredMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isDefault() && m.getParameterCount() == 0)
                .sorted(Comparator.comparing(Method::getName))
                .forEach(method -> {
                    String key = prefix + "." + kebab(method.getName());
                    Class<?> type = method.getReturnType();
                    if (isGroup(type)) {
                        collect(key, type, keys);
                    } else if (Map.class.isAssignableFrom(type) && isGroup(mapValue(method.getGenericReturnType()))) {
                        collect(key + ".<name>", (Class<?>) mapValue(method.getGenericReturnType()), keys);
                    } else {
                        WithDefault fallback = method.getAnnotation(WithDefault.class);
                        keys.put(key, fallback == null ? null : fallback.value());
                    }
                });
    }

    private static boolean isGroup(Type type) {
        return type instanceof Class<?> c && c.isInterface() && c.getName().startsWith("dev.rounds.");
    }

    private static Type mapValue(Type map) {
        return map instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
