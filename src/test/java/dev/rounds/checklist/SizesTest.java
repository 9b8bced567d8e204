package dev.rounds.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizesTest {

    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            512MiB  | 536870912
            1GB     | 1000000000
            10KB    | 10000
            10kB    | 10000
            1KiB    | 1024
            2TiB    | 2199023255552
            3TB     | 3000000000000
            1PiB    | 1125899906842624
            1.5KiB  | 1536
            100B    | 100
            0B      | 0
            """)
    void parsesIecAndSiUnits(String text, long bytes) {
        assertEquals(bytes, Sizes.parse("max_bytes", text));
    }

    @ParameterizedTest(name = "''{0}'' is rejected: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            512     | 'max_bytes' must be a size like 512MiB or 10MB, got '512' (add a unit: B, KB, MB, GB, KiB, MiB or GiB)
            512 MiB | 'max_bytes' must be a size like 512MiB or 10MB, got '512 MiB'
            1mb     | 'max_bytes' must be a size like 512MiB or 10MB, got '1mb'
            1M      | 'max_bytes' must be a size like 512MiB or 10MB, got '1M'
            -1KB    | 'max_bytes' must be a size like 512MiB or 10MB, got '-1KB'
            99999PiB | 'max_bytes' must be a size like 512MiB or 10MB, got '99999PiB'
            """)
    void rejectsWhatIsNotASize(String text, String message) {
        var error = assertThrows(IllegalArgumentException.class, () -> Sizes.parse("max_bytes", text));
        assertEquals(message, error.getMessage());
    }

    @ParameterizedTest(name = "{0} bytes are written {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            536870912  | 512MiB
            1024       | 1KiB
            1000000    | 1000000B
            1048575    | 1048575B
            0          | 0B
            """)
    void formatsExactly(long bytes, String expected) {
        assertEquals(expected, Sizes.format(bytes));
    }
}
