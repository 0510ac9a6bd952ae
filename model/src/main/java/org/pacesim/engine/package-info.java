/**
 * The discrete-event engine on SSJ. {@code Model} is a scenario compiled once ({@code StageCompiler} makes one
 * {@code CompiledStage} per stage); a {@code Replication} runs it on its own simulator and streams: stage
 * behaviour in one class per kind ({@code Delay}, {@code Service}, {@code Meeting}, {@code Fork}, {@code Join},
 * {@code Exit}, built by {@code StageNodes} with {@code Samplers}), arrivals ({@code ArrivalStream}), today's
 * caseload ({@code CaseloadPlacement}), capacity schedules ({@code CapacityChange}), resources ({@code ResourcePool}),
 * the children in the system ({@code ChildrenInSystem}) and the event list ({@code EventCalendar},
 * {@code EventBuckets}, {@code EventHeap}, {@code EventOrder}). {@code Trace} and
 * {@code ChildObserver} let tools watch a run without changing it. Uses scenario, graph, random, stats, calendar.
 */
package org.pacesim.engine;
