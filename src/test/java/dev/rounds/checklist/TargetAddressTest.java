package dev.rounds.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether an inventory address carries the port a tcp probe would otherwise have to name. */
class TargetAddressTest {

    @ParameterizedTest
    @CsvSource({
        "db01:5432, true",
        "localhost:${quarkus.http.port}, true",
        "[::1]:8443, true",
        "db01, false",
        "::1, false",
        "2001:db8::1, false",
        "db01:${other}, false"
    })
    void anAddressCarriesAPortOnlyAfterItsHost(String address, boolean hasPort) {
        var target = new Target("t", address, List.of(), null, Map.of(), List.of(), Map.of(), true, null);
        assertEquals(hasPort, target.addressHasPort(), address);
    }
}
