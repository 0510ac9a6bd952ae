/**
 * The system graph of a scenario (JGraphT): checks of reachability, loops and forks ({@code SystemGraph}), the
 * profiles of attribute levels and the route groups per profile ({@code Profiles}, {@code RouteGroups}), expected
 * flows and offered load ({@code FlowModel}, {@code StateSpace}), and DOT/Mermaid export ({@code GraphExport}).
 * Uses scenario, random and calendar.
 */
package org.pacesim.graph;
