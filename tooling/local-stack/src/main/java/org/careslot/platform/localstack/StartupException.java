package org.careslot.platform.localstack;

import java.nio.file.Path;

/** A component of the stack did not come up; carries its name and log so the launcher can show the tail. */
final class StartupException extends RuntimeException {

    private final String component;
    private final transient Path logFile;

    StartupException(String component, String message, Path logFile) {
        super(message);
        this.component = component;
        this.logFile = logFile;
    }

    StartupException(String component, String message, Path logFile, Throwable cause) {
        super(message, cause);
        this.component = component;
        this.logFile = logFile;
    }

    String component() {
        return component;
    }

    Path logFile() {
        return logFile;
    }

    /** The message of {@code e}, plus its root cause when that is another exception (often the telling one). */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }
}
