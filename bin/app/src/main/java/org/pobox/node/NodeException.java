package org.pobox.node;

/** The embedded search node could not be started, found or stopped; the message is meant for the user. */
public class NodeException extends RuntimeException {
    public NodeException(String message) {
        super(message);
    }

    public NodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
