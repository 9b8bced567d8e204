package dev.rounds.probe;

import dev.rounds.checklist.ProbeCatalog;
import dev.rounds.checklist.ProbeSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The probe types on the class path, found through {@code META-INF/services/dev.rounds.probe.ProbeType}, so that
 * adding a type touches one new class and one line, and {@code validate} can use them without starting Quarkus.
 */
@ApplicationScoped
public class ProbeTypes implements ProbeCatalog {

    private final Map<String, ProbeType> byName;

    /** Every type listed in the service files visible to this class's loader. */
    public ProbeTypes() {
        this(ServiceLoader.load(ProbeType.class, ProbeType.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    /** Exactly the given types. */
    public ProbeTypes(Collection<? extends ProbeType> types) {
        var named = new TreeMap<String, ProbeType>();
        for (ProbeType type : types) {
            ProbeType clash = named.putIfAbsent(type.schema().type(), type);
            if (clash != null) {
                throw new IllegalStateException("probe type '" + type.schema().type() + "' is declared twice, by "
                        + clash.getClass().getName() + " and " + type.getClass().getName()
                        + "; remove one from META-INF/services/dev.rounds.probe.ProbeType");
            }
        }
        byName = Collections.unmodifiableMap(named);
    }

    public Optional<ProbeType> type(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public Optional<ProbeSchema> schema(String type) {
        return type(type).map(ProbeType::schema);
    }

    /** The type names in alphabetical order. */
    @Override
    public Set<String> types() {
        return byName.keySet();
    }
}
