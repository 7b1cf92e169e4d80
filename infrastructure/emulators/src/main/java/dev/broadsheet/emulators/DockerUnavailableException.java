package dev.broadsheet.emulators;

/** LocalStack was selected, but this machine has no Docker engine to run it. */
public final class DockerUnavailableException extends RuntimeException {

    static final String MESSAGE = "LocalStack selected (" + Backend.PROPERTY + "=" + Backend.LOCALSTACK.flag()
            + ") but no Docker engine is available";

    public DockerUnavailableException() {
        super(MESSAGE);
    }
}
