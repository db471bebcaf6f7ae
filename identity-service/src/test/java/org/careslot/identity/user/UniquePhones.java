package org.careslot.identity.user;

import java.util.concurrent.atomic.AtomicLong;

/** Phone numbers of the contract's shape that no other test of this JVM uses (phones are unique per account). */
final class UniquePhones {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 10_000_000L * 10);

    private UniquePhones() {
    }

    static String next() {
        return String.format("+88017%08d", NEXT.incrementAndGet() % 100_000_000L);
    }
}
