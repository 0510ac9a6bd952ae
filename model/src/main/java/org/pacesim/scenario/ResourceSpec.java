package org.pacesim.scenario;

import java.util.List;

/**
 * A pool of identical servers (solicitors, the ADM, court days) shared by the service stages that name it.
 *
 * @param name          the resource's name
 * @param capacity      servers, at least 1
 * @param priorityBy    attribute whose levels set the queue order, or null for plain FIFO
 * @param priorityOrder levels of that attribute served first to last; unlisted levels come last; FIFO within a level
 * @param at            where it was declared
 */
public record ResourceSpec(String name, int capacity, String priorityBy, List<String> priorityOrder, Location at) {}
