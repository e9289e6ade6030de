package org.careweave.platform.events;

import static org.careweave.platform.events.EventSchemas.MAPPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.careweave.platform.events.chat.RiskFlagRaised;
import org.careweave.platform.events.therapy.SessionNoShow;
import org.junit.jupiter.api.Test;

class CloudEventTest {

    private final EventPayload noShow = EventSamples.of(EventCatalog.SESSION_NO_SHOW);

    @Test
    void ofFillsTheEnvelopeFromTheCatalog() {
        CloudEvent event = CloudEvent.of("/careweave/therapy-service", noShow, MAPPER);
        assertEquals("1.0", event.specversion());
        assertEquals("careweave.therapy.session.no-show.v1", event.type());
        assertEquals(EventSamples.PATIENT, event.subject());
        assertEquals("application/json", event.datacontenttype());
        assertEquals(Optional.of(EventCatalog.SESSION_NO_SHOW), event.catalogEntry());
    }

    @Test
    void ofRejectsAPayloadOutsideTheCatalog() {
        EventPayload stranger = () -> EventSamples.PATIENT;
        assertThrows(IllegalArgumentException.class, () -> CloudEvent.of("/careweave/test", stranger, MAPPER));
    }

    @Test
    void ofRejectsAMapperThatWritesDatesAsNumbers() {
        var timestamps = JsonMapper.builder().addModule(new JavaTimeModule())
                .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        assertThrows(IllegalArgumentException.class, () -> CloudEvent.of("/careweave/test", noShow, timestamps));
    }

    @Test
    void dataAsRefusesTheWrongPayloadType() {
        CloudEvent event = CloudEvent.of("/careweave/therapy-service", noShow, MAPPER);
        assertEquals(noShow, event.dataAs(SessionNoShow.class, MAPPER));
        assertThrows(IllegalArgumentException.class, () -> event.dataAs(RiskFlagRaised.class, MAPPER));
    }

    @Test
    void dataAsRefusesAnUnknownType() {
        CloudEvent event = CloudEvent.of("/careweave/therapy-service", noShow, MAPPER);
        CloudEvent future = new CloudEvent(event.specversion(), event.id(), event.source(),
                "careweave.therapy.session.no-show.v2", event.subject(), event.time(), event.datacontenttype(), event.data());
        assertEquals(Optional.empty(), future.catalogEntry());
        assertThrows(IllegalArgumentException.class, () -> future.dataAs(SessionNoShow.class, MAPPER));
    }
}
