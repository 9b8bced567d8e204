package dev.rounds.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** pg_dump connects where Rounds' JDBC URL points, as the user Rounds connects as. */
class PgServerTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:postgresql://db.example.internal:5432/rounds | rounds | --host=db.example.internal --port=5432 --username=rounds --dbname=rounds",
                "jdbc:postgresql://db:6543/rounds?sslmode=require  |        | --host=db --port=6543 --dbname=rounds",
                "jdbc:postgresql://db/rounds?user=fromurl          |        | --host=db --port=5432 --username=fromurl --dbname=rounds",
                "jdbc:postgresql://db/rounds?user=fromurl          | rounds | --host=db --port=5432 --username=rounds --dbname=rounds",
                "jdbc:postgresql://[::1]:5433,db2/rounds           | rounds | --host=::1,db2 --port=5433,5432 --username=rounds --dbname=rounds",
                "jdbc:postgresql:rounds                            | rounds | --host=localhost --port=5432 --username=rounds --dbname=rounds",
                "jdbc:postgresql://db/                             | rounds | --host=db --port=5432 --username=rounds",
            })
    void optionsComeFromTheJdbcUrlAndTheUser(String url, String user, String options) {
        assertEquals(
                List.of(options.split(" ")),
                PgServer.of(url, Optional.ofNullable(user)).options());
    }

    @Test
    void theUrlsSslModeAndPasswordAreKeptOutOfTheOptions() {
        String url = "jdbc:postgresql://db/rounds?sslmode=verify-full&password=secret";

        assertEquals("verify-full", PgServer.of(url, Optional.of("rounds")).sslMode());
        assertEquals(Optional.of("secret"), PgServer.passwordIn(url));
        assertFalse(PgServer.of(url, Optional.of("rounds")).options().toString().contains("secret"));
    }

    @Test
    void anH2UrlIsRefusedWithoutRepeatingIt() {
        var refused = assertThrows(
                IllegalArgumentException.class, () -> PgServer.of("jdbc:h2:mem:x;PASSWORD=secret", Optional.empty()));

        assertFalse(refused.getMessage().contains("secret"), refused.getMessage());
    }
}
