package dev.rounds.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.checklist.ProbeSchema;
import dev.rounds.probe.type.HttpProbe;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plug-in registry behind the checklist loader's probe catalog. */
class ProbeTypesTest {

    @Test
    void findsTheTypesListedInTheServiceFile() {
        var types = new ProbeTypes();

        // Other types of the catalogue join the service file too; these are the ones this test knows.
        assertTrue(types.types().containsAll(Set.of("http", "tcp", "dns", "ping", "tls")), types.types()::toString);
        ProbeSchema tcp = types.schema("tcp").orElseThrow();
        assertEquals(Set.of("port"), tcp.required());
        assertEquals(Set.of("connected", "connect_time"), tcp.operands());
        assertTrue(types.schema("http").orElseThrow().operands().contains("json()"));
        assertTrue(types.schema("snmp").isEmpty());
    }

    @Test
    void aTypeNameDeclaredTwiceIsRejectedNamingBothClasses() {
        var clash = assertThrows(
                IllegalStateException.class, () -> new ProbeTypes(List.of(new HttpProbe(), new HttpProbe())));

        assertTrue(clash.getMessage().startsWith("probe type 'http' is declared twice"), clash.getMessage());
        assertTrue(clash.getMessage().contains(HttpProbe.class.getName()), clash.getMessage());
    }
}
