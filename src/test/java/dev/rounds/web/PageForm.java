package dev.rounds.web;

import dev.rounds.Logins;
import dev.rounds.TestAccounts;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.MultiPartSpecification;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A page's form sent as a browser sends it: the page read first, its CSRF token sent back with the form. */
final class PageForm {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private PageForm() {}

    /** Reads {@code page} as the account and answers a request that carries the page's CSRF cookie and token. */
    static RequestSpecification from(String account, String page, boolean multipart) {
        Response shown = as(account).accept("text/html").get(page);
        shown.then().statusCode(200);
        Matcher token = TOKEN.matcher(shown.asString());
        if (!token.find()) throw new AssertionError(page + " carries no CSRF token");
        RequestSpecification form = as(account)
                .accept("text/html")
                .redirects()
                .follow(false)
                .cookie("csrf-token", shown.getCookie("csrf-token"));
        return multipart
                ? form.multiPart("csrf-token", token.group(1))
                : form.contentType("application/x-www-form-urlencoded; charset=UTF-8")
                        .formParam("csrf-token", token.group(1));
    }

    private static RequestSpecification as(String account) {
        return account.equals(Logins.ADMIN) ? Logins.asAdmin() : TestAccounts.as(account);
    }

    /** A text part in UTF-8, as a browser sends a multipart form's field. */
    static MultiPartSpecification text(String name, String value) {
        return new MultiPartSpecBuilder(value)
                .controlName(name)
                .mimeType("text/plain")
                .charset(StandardCharsets.UTF_8)
                .build();
    }
}
