package org.careweave.platform.inbox;

/** An event that cannot be applied; its message becomes the dead-letter reason, so it names no patient content. */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
