package io.tzurot.core.access;

import java.util.Objects;

/** What happened when a one-time login link was opened. */
public sealed interface LoginRedemption {

    /** The link was valid: a new session, whose secret goes into the cookie and is never stored. */
    record SignedIn(String sessionSecret, Session session) implements LoginRedemption {
        public SignedIn {
            Objects.requireNonNull(sessionSecret, "sessionSecret");
            Objects.requireNonNull(session, "session");
        }

        @Override
        public String toString() {
            return "SignedIn[session=" + session + "]";
        }
    }

    /** The link was valid once but its lifetime is over. */
    record Expired() implements LoginRedemption {
    }

    /** The link has already been used. */
    record AlreadyUsed() implements LoginRedemption {
    }

    /** No such link. */
    record Unknown() implements LoginRedemption {
    }
}
