package dev.rounds.core;

/**
 * The titles of Rounds' problem bodies and pages (RFC 9457 {@code title}): what kind of refusal or failure it is, in
 * a short lower-case phrase, the same wherever it is answered. What to change is the problem's detail.
 */
public enum ProblemTitle {

    // the request, as HTTP sees it
    BAD_REQUEST("bad request"),
    MALFORMED_JSON("malformed JSON"),
    INVALID_FIELD("invalid field"),
    INVALID_QUERY_PARAMETER("invalid query parameter"),
    INVALID_REQUEST("invalid request"),
    TEXT_NOT_ALLOWED("text not allowed"),
    CSRF_TOKEN_REFUSED("CSRF token refused"),
    CROSS_SITE_REQUEST_REFUSED("cross-site request refused"),
    PASSWORD_CHANGE_REQUIRED("password change required"),
    FORBIDDEN("forbidden"),
    NOT_FOUND("not found"),
    METHOD_NOT_ALLOWED("method not allowed"),
    NOT_ACCEPTABLE("not acceptable"),
    REQUEST_TOO_LARGE("request too large"),
    TOO_MANY_REQUESTS("too many requests"),
    UNSUPPORTED_MEDIA_TYPE("unsupported media type"),

    // a step Rounds refuses
    ACCOUNT_CHANGE_REFUSED("account change refused"),
    ACKNOWLEDGEMENT_REFUSED("acknowledgement refused"),
    ADVISORY_REQUEST_REFUSED("advisory request refused"),
    CHANGE_REFUSED("change refused"),
    CHECKLISTS_NOT_RELOADED("checklists not reloaded"),
    EVIDENCE_FILE_TOO_LARGE("evidence file too large"),
    NOTHING_TO_RUN("nothing to run"),
    SIGN_OFF_REFUSED("sign-off refused"),
    WAIVER_REFUSED("waiver refused"),

    // Rounds' own failures
    EVIDENCE_FILE_DAMAGED("evidence file damaged"),
    EVIDENCE_FILE_MISSING("evidence file missing"),
    INTERNAL_ERROR("internal error");

    private final String text;

    ProblemTitle(String text) {
        this.text = text;
    }

    /** The title as the problem states it. */
    public String text() {
        return text;
    }

    /**
     * The title of a feature's refusal with that status: {@link #NOT_FOUND} for what does not exist (404), whichever
     * feature names it, else the feature's own.
     */
    public static ProblemTitle refusal(int status, ProblemTitle refused) {
        return status == 404 ? NOT_FOUND : refused;
    }

    @Override
    public String toString() {
        return text;
    }
}
