package org.quartermaster.odata;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A query option the server cannot honour: bad syntax, an unknown or unsupported name, or a literal of the
 * wrong type. Upstream maps it to HTTP 400 with the Graph error code {@code invalidRequest}; the message is
 * meant for the developer and always starts with the clause, for example
 * {@code "$filter: unexpected token 'eq' at position 12"}.
 *
 * <p>Positions are 0-based character offsets into the (already URL-decoded) option value, the convention
 * Graph's own ODataLib-based messages use.
 */
public final class ODataQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** Echoed user input is capped so a hostile query cannot blow up the error response. */
    private static final int MAX_ECHO_LENGTH = 80;

    private final String clause;
    private final String token;
    private final int position;

    /** An error about a whole clause, for example {@code ("$top", "must be between 1 and 999")}. */
    public ODataQueryException(String clause, String detail) {
        this(clause, detail, null, -1);
    }

    /**
     * An error about one token of a clause; {@code detail} must already name the token (use
     * {@link #quote(String)}), and {@code position} is appended as {@code " at position N"} when it is not -1.
     */
    public ODataQueryException(String clause, String detail, String token, int position) {
        super(clause + ": " + detail + (position >= 0 ? " at position " + position : ""));
        this.clause = Objects.requireNonNull(clause, "clause");
        this.token = token;
        this.position = position;
    }

    /** The query option at fault, for example {@code "$filter"} or {@code "$orderby"}. */
    public String clause() {
        return clause;
    }

    /** The offending token as the client wrote it, when the error is about one token. */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /** The 0-based offset of the offending token in the option value, when known. */
    public OptionalInt position() {
        return position >= 0 ? OptionalInt.of(position) : OptionalInt.empty();
    }

    /** Quotes user input for a message, truncating it so the message stays readable. */
    static String quote(String userText) {
        String text = userText.length() > MAX_ECHO_LENGTH ? userText.substring(0, MAX_ECHO_LENGTH) + "..." : userText;
        return "'" + text + "'";
    }
}
