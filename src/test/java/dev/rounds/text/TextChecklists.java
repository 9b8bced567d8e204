package dev.rounds.text;

import java.util.Map;

/** One manual activity to sign off again and again; the application's clock stands still. */
final class TextChecklists {

    static final Map<String, String> FILES = Map.of("inventory.yaml", "targets: []\n", "text.yaml", """
            id: text
            title: Text that cannot break a reader
            cadence: daily
            due: 10h
            timezone: UTC
            activities:
              - id: notes
                title: Notes in every script
                signoff: always
            """);

    private TextChecklists() {}
}
