package org.pacesim.engine;

import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.EventList;

/** A simulator that counts the events it executes (SSJ does not). One per replication. */
final class CountingSimulator extends Simulator {
    private long events;

    CountingSimulator(EventList list) {
        super(list);
    }

    @Override
    protected Event removeFirstEvent() {
        Event e = super.removeFirstEvent();
        if (e != null) events++;
        return e;
    }

    long events() {
        return events;
    }
}
