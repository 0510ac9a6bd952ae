package org.pacesim.engine;

import umontreal.ssj.simevents.Event;

/**
 * The scenario's dated changes take effect: each stage they change takes up its new rules in place (children in it
 * finish; durations drawn from now on use the new distribution, on the same stream), and routing decisions from now
 * on use the new routes (the same stream, so the same uniform picks the route under either rules).
 */
final class ChangeOfRules extends Event {
    private final Replication replication;
    private final Model.Switch change;
    private final Samplers samplers;
    private final ArrivalStream[] arrivalStreams;

    ChangeOfRules(Replication replication, Model.Switch change, Samplers samplers, ArrivalStream[] arrivalStreams) {
        super(replication.simulator());
        this.replication = replication;
        this.change = change;
        this.samplers = samplers;
        this.arrivalStreams = arrivalStreams;
        setPriority(EventOrder.CHANGE_OF_RULES);
    }

    @Override
    public void actions() {
        CompiledStage[] stages = change.stages(); // one per stage of the model: null where the stage does not change
        for (int i = 0; i < stages.length; i++) {
            CompiledStage to = stages[i];
            if (to == null) continue;
            replication.node(i).takeUp(to, samplers);
            if (to.routing() != null) replication.routeBy(i, to.routing());
        }
        for (int k = 0; k < arrivalStreams.length; k++) arrivalStreams[k].routeBy(change.sources()[k], samplers);
    }
}
