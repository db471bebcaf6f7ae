package org.careslot.platform.localstack;

/**
 * The one decision between "still starting" and "stopping". A stop can come at any moment (Ctrl-C on the shutdown
 * hook's thread) while the main thread or the Keycloak start thread is starting a component; starting happens under
 * the same lock as the switch, so every started component is either seen by the stop or never started.
 */
final class StopSwitch {

    /** Starting one component: assigns what it started to a field, so the stop finds it. */
    @FunctionalInterface
    interface Start<E extends Exception> {
        void run() throws E;
    }

    private final Object lock = new Object();
    private volatile boolean stopping;

    boolean isStopping() {
        return stopping;
    }

    /** Flips the switch; true only for the first caller, who then stops everything. */
    boolean stop() {
        synchronized (lock) {
            if (stopping) {
                return false;
            }
            stopping = true;
            return true;
        }
    }

    /** Runs {@code start} unless a stop began. */
    <E extends Exception> void startUnlessStopping(String component, Start<E> start) throws E {
        synchronized (lock) {
            failIfStopping(component);
            start.run();
        }
    }

    /**
     * For a component started outside the lock (Keycloak starts on a thread of its own): closes it and fails when a
     * stop began meanwhile, since that stop did not know of it.
     */
    void keepUnlessStopping(String component, Runnable close, java.nio.file.Path logFile) {
        synchronized (lock) {
            if (stopping) {
                close.run();
                throw new StartupException(component, "stopped while starting", logFile);
            }
        }
    }

    void failIfStopping(String component) {
        if (stopping) {
            throw new StartupException(component, "stopped while starting", null);
        }
    }
}
