package dev.rounds.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.checklist.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which software entries an advisory names: whole words, either way round for stated products. */
class SoftwareMatcherTest {

    private static List<String> matched(String software, String text, String product) {
        Target target = new Target(
                "host01",
                "host01.example.internal",
                List.of(),
                null,
                Map.of(),
                List.of(software),
                Map.of(),
                true,
                null);
        FeedItem item =
                new FeedItem("CVE-1", "title", null, null, text, product == null ? List.of() : List.of(product));
        return new SoftwareMatcher(List.of(target))
                .matches(item).stream().map(SoftwareMatch::software).toList();
    }

    @ParameterizedTest(name = "{0} in \"{1}\" (product \"{2}\"): {3}")
    @CsvSource(delimiter = '|', textBlock = """
            OpenSSL          | OpenSSL Information Disclosure Vulnerability     |            | true
            openssl          | OpenSSL Information Disclosure Vulnerability     |            | true
            Hyper-V          | Microsoft Windows Hyper-V NT Kernel Integration  | Windows    | true
            SQL Server 2008  | Microsoft SQL Server                             | SQL Server | true
            SQL Server 2008  | Microsoft SQL Server Reporting Services          |            | false
            SQL  Server      | Microsoft SQL Server Reporting Services          |            | true
            Git              | GitLab Community and Enterprise Editions         | GitLab CE  | false
            Git              | Git Link Following Vulnerability                 | Git        | true
            Windows Server   | Microsoft Windows                                | Windows    | true
            Exchange Server  | Microsoft Windows                                | Windows    | false
            Rounds           | surrounds the request                            |            | false
            bitbucket server | atlassian bitbucket                              | bitbucket  | true
            """)
    void matchesWholeWordsIgnoringCase(String software, String text, String product, boolean matches) {
        assertEquals(matches ? List.of(software.strip()) : List.of(), matched(software, text, product));
    }
}
