package org.careslot.platform.testkit;

/** The test Kafka broker (KRaft, no topic auto-creation), whichever implementation runs it. */
public interface TestKafka {

    String bootstrapServers();
}
