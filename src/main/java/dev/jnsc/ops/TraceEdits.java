package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;

/**
 * edit account --trace-context-subject / --trace-context-sampling: where the server sends W3C trace
 * context messages for the account (claims field {@code trace}), as the Go nsc sets them. A new
 * subject resets the sampling; "" as the subject turns tracing off; sampling 0 means the server's
 * default (100%).
 *
 * @param subject  null when not given
 * @param sampling null when not given
 */
public record TraceEdits(String subject, String sampling) {

    public boolean isEmpty() {
        return subject == null && sampling == null;
    }

    public void apply(AccountClaims ac, Report r) {
        Long rate = null;
        if (sampling != null) {
            try {
                rate = Long.parseLong(sampling.trim());
            } catch (NumberFormatException e) {
                rate = -1L;
            }
            if (rate < 0 || rate > 100) {
                throw new OpsException("--trace-context-sampling \"" + sampling + "\" is invalid: tracing sampling rate"
                        + " must be between 1-100 (0 for the default, 100)");
            }
        }
        if (subject != null && !subject.isEmpty()) {
            String problem = Subjects.libraryProblem(subject);
            if (problem != null) {
                throw new OpsException("--trace-context-subject \"" + subject + "\" is invalid: " + problem);
            }
            if (Subjects.hasWildcards(subject)) {
                throw new OpsException("--trace-context-subject \"" + subject + "\" is invalid: tracing subjects cannot"
                        + " contain wildcards");
            }
        }
        if (rate != null && (subject == null ? ac.traceDestination().isEmpty() : subject.isEmpty())) {
            throw new OpsException("--trace-context-sampling requires a subject: give --trace-context-subject too"
                    + (subject != null ? " (\"\" turns tracing off)" : ""));
        }
        if (subject != null) {
            if (subject.isEmpty()) {
                ac.trace(null, 0);
                r.ok("disabled trace context");
            } else {
                ac.trace(subject, 0);
                r.ok("changed trace context subject to \"" + subject + "\"");
            }
        }
        if (rate != null) {
            ac.trace(ac.traceDestination(), rate);
            r.ok("changed trace context sampling to " + rate + "%");
        }
    }
}
