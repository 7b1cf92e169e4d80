package dev.broadsheet.comments.notify;

/** Sends one mail; what SES is to the deliverer (a fake in unit tests). */
public interface Mailer {

    /**
     * @return the provider's message id
     * @throws Failure saying whether the mail surely did not go out (retry) or may have (never retried)
     */
    String send(String from, Mail mail);

    /** How a send failed, for the at-most-once rule. */
    enum Outcome {
        /** Surely not sent, and worth trying again later: throttled, a service error, nothing connected. */
        RETRY,
        /** Refused for good (a rejected message, an unverified sender, a paused account): not retried. */
        REFUSED,
        /** The request may have reached the provider (a timeout, a broken connection): never sent again. */
        UNKNOWN
    }

    final class Failure extends RuntimeException {
        private final Outcome outcome;

        public Failure(Outcome outcome, String message, Throwable cause) {
            super(message, cause);
            this.outcome = outcome;
        }

        public Outcome outcome() {
            return outcome;
        }
    }
}
