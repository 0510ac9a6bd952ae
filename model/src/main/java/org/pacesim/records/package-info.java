/**
 * An authority's tracking data: one row per child with a date per milestone, read against a template's pathway
 * ({@code RecordsReader}, {@code Pathway}, {@code Records}) and written from a run ({@code RecordsWriter}). Uses
 * scenario, graph and calendar; fit, experiment, report and cli use it.
 */
package org.pacesim.records;
