package dev.rounds.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class CadenceTest {

    /**
     * In a class loader of its own, so that the built-ins are initialised before the interface whatever other tests
     * did: a default method on the interface would leave its constants null then.
     */
    @Test
    void theInterfacesConstantsAreTheBuiltInsWhicheverIsInitialisedFirst() throws Exception {
        URL classes = Cadence.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> builtin = Class.forName(Cadence.Builtin.class.getName(), true, fresh);
            Class<?> cadence = Class.forName(Cadence.class.getName(), true, fresh);
            for (Cadence.Builtin each : Cadence.Builtin.values()) {
                Object constant = cadence.getField(each.name()).get(null);
                assertEquals(builtin.getField(each.name()).get(null), constant, each.name());
                assertEquals(each.name(), String.valueOf(constant));
            }
        }
    }
}
