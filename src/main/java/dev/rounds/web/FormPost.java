package dev.rounds.web;

import dev.rounds.core.RoundsException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What a page answers to its form: the step is done and the browser goes on with 303 See Other, or the step is
 * refused ({@link RoundsException}) and the same page comes back, at the refusal's status, with its message next to
 * the form and nothing recorded. Anything else the step throws goes on to the problem mappers.
 *
 * <p>What the person typed ({@link Typed}) comes back with the refusal, so that nothing has to be typed again:
 *
 * <pre>
 * FormPost form = FormPost.keeping(Typed.of("reason", reason), this::render);
 * if (reason.isBlank()) return form.refuse(422, "Give the reason.");
 * return form.seeOther(() -> waivers.request(...), "/waivers");
 * </pre>
 */
public final class FormPost {

    private final Function<String, ?> page;
    private final UnaryOperator<String> wording;

    private FormPost(Function<String, ?> page, UnaryOperator<String> wording) {
        this.page = page;
        this.wording = wording;
    }

    /**
     * A form on {@code page}, which renders the page with an error message (or none, for {@code null}); for forms
     * with nothing to keep (a button, a password). Forms with fields to fill use {@link #keeping}.
     */
    public static FormPost showing(Function<String, ?> page) {
        return new FormPost(page, UnaryOperator.identity());
    }

    /** A form on {@code page}, which renders the page with an error message and, in the form, what was typed. */
    public static FormPost keeping(Typed typed, BiFunction<String, Typed, ?> page) {
        return showing(error -> page.apply(error, typed));
    }

    /** The same form, with a refusal's message put in this page's words before it is shown. */
    public FormPost wording(UnaryOperator<String> wording) {
        return new FormPost(page, wording);
    }

    /** The form refused before any step: the page again with {@code message}, at {@code status}. */
    public Response refuse(int status, String message) {
        return Response.status(status).entity(page.apply(message)).build();
    }

    /** Does the step, then sends the browser to {@code location}; or the page with the refusal. */
    public Response seeOther(Runnable step, String location) {
        return seeOther(
                () -> {
                    step.run();
                    return location;
                },
                Function.identity());
    }

    /** Does the step, then sends the browser to the location of what it made; or the page with the refusal. */
    public <T> Response seeOther(Supplier<T> step, Function<T, String> location) {
        return answer(
                step,
                done -> Response.seeOther(URI.create(location.apply(done))).build());
    }

    /** Does the step and shows what it made on a page of its own (200); or this page with the refusal. */
    public <T> Response show(Supplier<T> step, Function<T, ?> result) {
        return answer(step, done -> Response.ok(result.apply(done)).build());
    }

    private <T> Response answer(Supplier<T> step, Function<T, Response> answer) {
        T done;
        try {
            done = step.get();
        } catch (RoundsException e) {
            return refuse(e.status(), wording.apply(e.getMessage()));
        }
        return answer.apply(done);
    }
}
