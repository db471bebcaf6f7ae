package org.careslot.platform.messaging;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Turns Kafka observation on for every listener container factory and every {@link KafkaTemplate} of a service,
 * Boot's and hand-made ones alike: a consumed record's {@code traceparent} header continues the producer's trace
 * (so the events a listener publishes belong to it), and a template's sends carry the current trace. The relay
 * and the dead-letter producer carry it on their own (the outbox row's traceparent; the dead-letter template is
 * built observed). Off with {@code careslot.messaging.observation.enabled=false}.
 */
public class KafkaObservation implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        switch (bean) {
            case AbstractKafkaListenerContainerFactory<?, ?, ?> factory ->
                    factory.getContainerProperties().setObservationEnabled(true);
            case KafkaTemplate<?, ?> template -> template.setObservationEnabled(true);
            default -> {
            }
        }
        return bean;
    }
}
